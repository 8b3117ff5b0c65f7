"""The store: engines, mapped classes, upserts, files written whole, checks on an existing file."""
