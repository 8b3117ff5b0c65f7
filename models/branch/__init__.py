"""A branch's queue as the services run it: commands, journal, projections, start-up state."""
