"""Reports from the store: piece-rate, service and head-office figures, and their exports."""
