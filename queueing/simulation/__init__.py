"""Whole branch days on a simulated clock, run through the real engine."""
