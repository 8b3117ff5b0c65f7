"""The command line that needs no window: its modules import no Qt."""
