"""Appointments of a branch: booking, capacity, check-in and no-shows."""
