"""Appointments: booked visits and their slots."""
