"""One declarative schema (msgspec structs) per configuration file; ``queueing.config.files`` loads them all."""
