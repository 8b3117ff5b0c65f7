"""Records of visits and teller time, built from the event stream."""
