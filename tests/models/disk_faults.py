"""Faults of the station's own disk placed at a store's COMMIT."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import event

from models.store.database import Store


@contextmanager
def disk_gone_at_commit(store: Store) -> Iterator[None]:
    """Every COMMIT on ``store`` raises OSError while inside, before it reaches the file: the transaction is lost."""

    def pulled_out(_conn: object) -> None:
        raise OSError("the disk went away at COMMIT")

    event.listen(store.engine, "commit", pulled_out)
    try:
        yield
    finally:
        event.remove(store.engine, "commit", pulled_out)
