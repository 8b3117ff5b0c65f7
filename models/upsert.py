"""Core upserts that work on SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session


def _insert(session: Session, table: Table):
    name = session.get_bind().dialect.name
    if name == "postgresql":
        return postgresql.insert(table)
    if name == "sqlite":
        return sqlite.insert(table)
    raise NotImplementedError(f"no upsert for the {name} dialect")


def upsert(session: Session, table: Table, rows: Sequence[dict[str, Any]], keys: Sequence[str]) -> None:
    """Insert ``rows``, or update every non-key column where the key exists."""
    if not rows:
        return
    stmt = _insert(session, table).values(list(rows))
    updates = {col: stmt.excluded[col] for col in rows[0] if col not in keys}
    session.execute(stmt.on_conflict_do_update(index_elements=list(keys), set_=updates))


def insert_ignore(session: Session, table: Table, rows: Sequence[dict[str, Any]], keys: Sequence[str]) -> int:
    """Insert ``rows``, skipping those whose key exists. Returns how many were inserted."""
    if not rows:
        return 0
    stmt = _insert(session, table).values(list(rows)).on_conflict_do_nothing(index_elements=list(keys))
    return session.execute(stmt).rowcount or 0
