"""The store of ``--db`` for one command: opened, handed over, closed.

A refusal (a bad store, a wrong PIN, a rule broken) is not caught here: it reaches ``main.py``, which says it
in one line and exits with 2, the same for every command.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.store.database import Store


@contextmanager
def opened_store(db: str | None, upgrade: bool = True) -> Iterator[Store]:
    from models.store.database import open_store  # SQLAlchemy loads only when a command needs a store

    store = open_store(db, upgrade=upgrade)
    try:
        yield store
    finally:
        store.close()
