"""Configuration files: one loader, declared schemas that refuse unknown keys, messages a person understands."""
