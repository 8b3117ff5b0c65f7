"""The hall display and its voice."""
