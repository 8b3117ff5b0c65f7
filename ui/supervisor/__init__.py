"""The supervisor's queue screen and its tabs."""
