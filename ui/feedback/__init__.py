"""The customer's feedback pad at a counter."""
