"""A teller station's service: online upstream, offline on its own file, and its identity."""
