"""One declarative schema (msgspec structs) per configuration file; ``queueing.config_files`` loads them all."""
