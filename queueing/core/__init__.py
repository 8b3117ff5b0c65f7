"""The queue itself: tickets, counters, the calling policy, commands, events and the reducer."""
