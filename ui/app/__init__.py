"""The composition root: the application, and the stores, services and windows of every role."""
