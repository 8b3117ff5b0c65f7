"""Persistence: mapped classes, engines, migrations, the local store and sync."""
