"""Core upserts that work on SQLite and PostgreSQL alike."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from sqlalchemy import Connection, CursorResult, Table
from sqlalchemy.orm import Session

from models.store.compiled_insert import CompiledInsert

# What a write runs on: an ORM session, or a command's Core connection (Store.write_transaction).
Executor = Session | Connection


def connection_of(db: Executor) -> Connection:
    return db if isinstance(db, Connection) else db.connection()


def dialect_name(db: Executor) -> str:
    return db.dialect.name if isinstance(db, Connection) else db.get_bind().dialect.name


def dialect_insert(dialect: str, table: Table):
    """The INSERT of ``dialect`` (PostgreSQL's or SQLite's), which has ON CONFLICT clauses."""
    # Each dialect is imported when a store of its kind first writes: PostgreSQL's (with its async drivers'
    # modules) is a fifth of a second that a station on its own SQLite file never needs.
    if dialect == "postgresql":
        from sqlalchemy.dialects import postgresql

        return postgresql.insert(table)
    if dialect == "sqlite":
        from sqlalchemy.dialects import sqlite

        return sqlite.insert(table)
    raise NotImplementedError(f"no upsert for the {dialect} dialect")


# One statement per table and column set, with the rows passed as parameters: SQLAlchemy
# compiles it once and caches it, where a multi-row VALUES clause was compiled on every call.
@lru_cache(maxsize=128)
def _upsert_statement(dialect: str, table: Table, columns: tuple[str, ...], keys: tuple[str, ...]):
    stmt = dialect_insert(dialect, table)
    updates = {col: stmt.excluded[col] for col in columns if col not in keys}
    return stmt.on_conflict_do_update(index_elements=list(keys), set_=updates)


@lru_cache(maxsize=128)
def _insert_ignore_statement(dialect: str, table: Table, keys: tuple[str, ...]):
    return dialect_insert(dialect, table).on_conflict_do_nothing(index_elements=list(keys))


@lru_cache(maxsize=128)
def _one_row_upsert(dialect: str, table: Table, columns: tuple[str, ...], keys: tuple[str, ...]) -> CompiledInsert:
    return CompiledInsert(_upsert_statement(dialect, table, columns, keys))


def upsert(session: Executor, table: Table, rows: Sequence[dict[str, Any]], keys: Sequence[str]) -> None:
    """Insert ``rows``, or update every non-key column where the key exists."""
    if not rows:
        return
    dialect, columns = dialect_name(session), tuple(rows[0])
    if len(rows) == 1 and isinstance(session, Connection) and dialect == "sqlite":
        # A command's one ticket or counter row (Store.write_transaction): on the driver's cursor.
        _one_row_upsert(dialect, table, columns, tuple(keys)).run(session, rows[0])
        return
    session.execute(_upsert_statement(dialect, table, columns, tuple(keys)), list(rows))


def insert_ignore(session: Executor, table: Table, rows: Sequence[dict[str, Any]], keys: Sequence[str]) -> int:
    """Insert ``rows``, skipping those whose key exists. Returns how many were inserted."""
    if not rows:
        return 0
    stmt = _insert_ignore_statement(dialect_name(session), table, tuple(keys))
    result: CursorResult[Any] = session.execute(stmt, list(rows))  # type: ignore[assignment]  # an INSERT's result is a CursorResult
    return result.rowcount or 0
