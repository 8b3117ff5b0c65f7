"""The piece-rate and service reports as plain data."""
