"""A command's one-row INSERT on SQLite: SQLAlchemy's SQL and type conversions, run on the driver's cursor.

A command writes one event row and one ticket row. Through ``Connection.execute`` each costs
tens of microseconds of SQLAlchemy around a statement SQLite runs in a few: the statement's
cache key, the event hooks, the result object. Here SQLAlchemy still makes everything that
decides what is written: the statement is compiled once by the SQLite dialect (its SQL, the
order of its parameters) and each value goes through the column type's own bind processor
(JSON, datetimes, dates, booleans), exactly as SQLAlchemy would convert it. Only the call is
the driver's, on the connection (and so inside the transaction) the caller holds.

A statement the driver refuses is run again through ``Connection.exec_driver_sql``, which
raises as every other statement does (the store's file errors, SQLAlchemy's exception classes).
SQLite undoes a failed statement whole, so the second run starts from where the first did;
should it succeed (a passing fault), the row is written once.

Any other dialect (PostgreSQL) runs the statement through SQLAlchemy as before.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Mapping
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.sql.dml import Insert

Processor = Callable[[Any], Any] | None


class CompiledInsert:
    """One INSERT (an upsert too) of one row; ``run`` returns the row's rowid on SQLite (None elsewhere)."""

    def __init__(self, statement: Insert) -> None:
        self.statement = statement
        # (dialect name, the row's keys) -> the SQL and, per parameter in order, (key, processor). By name: every
        # SQLite engine comes from open_store, with the dialect's own JSON serializer and date formats.
        self._compiled: dict[tuple[str, tuple[str, ...]], tuple[str, list[tuple[str, Processor]]]] = {}

    def run(self, conn: Connection, row: Mapping[str, Any]) -> int | None:
        if conn.dialect.name != "sqlite":
            conn.execute(self.statement, dict(row))
            return None
        sql, params = self._compile(conn, tuple(row))
        values = tuple(row[key] if process is None else process(row[key]) for key, process in params)
        driver: sqlite3.Connection = conn.connection.driver_connection  # type: ignore[assignment]
        try:
            return driver.execute(sql, values).lastrowid
        except sqlite3.Error:
            # Said (or, after a passing fault, done) the way any other statement of the store is.
            return conn.exec_driver_sql(sql, values).lastrowid

    def _compile(self, conn: Connection, keys: tuple[str, ...]) -> tuple[str, list[tuple[str, Processor]]]:
        found = self._compiled.get((conn.dialect.name, keys))
        if found is not None:
            return found
        dialect = conn.dialect
        compiled = self.statement.compile(dialect=dialect, column_keys=list(keys))
        order = compiled.positiontup or []
        if len(order) != len(keys) or set(order) != set(keys):
            # Defaults or expressions the statement adds would be left out here: not a plain one-row insert.
            raise ValueError(f"not a plain insert of {sorted(keys)}: {compiled.string}")
        # The dialect's own type (SQLite's DATETIME, say): the conversion SQLAlchemy makes for this database.
        processors: list[tuple[str, Processor]] = [
            (key, compiled.binds[key].type.dialect_impl(dialect).bind_processor(dialect)) for key in order
        ]
        self._compiled[(dialect.name, keys)] = (compiled.string, processors)
        return compiled.string, processors
