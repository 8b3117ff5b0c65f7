"""Where every module with mapped classes is listed, so metadata and migrations see them all."""

from __future__ import annotations

import importlib

TABLE_MODULES = (
    "models.tables",
    "models.record_tables",
    "models.history_indexes",
    "models.customer_tables",
    "models.staff_tables",
    "models.sync_tables",
    "models.appointment_tables",
)


def import_all_tables() -> None:
    for name in TABLE_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            # A table module still being written by a sibling change is not an error here.
            if exc.name != name:
                raise
