"""The demo branch and simulated data."""
