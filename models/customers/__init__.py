"""Customer profiles: look-up, views, reveal, and the kiosk's identification."""
