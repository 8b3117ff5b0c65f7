"""Bulk writes on PostgreSQL through COPY.

Rows that are all new go by one COPY straight into their table. Otherwise they go
into a temporary table, then by one INSERT ... SELECT with the ON CONFLICT clause
of a plain insert. Thousands of rows cost one or two statements instead of
thousands of bound rows for the server to parse.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Boolean, Date, DateTime, Float, Integer, String, Table, text
from sqlalchemy.engine import Result

from models.store.upsert import Executor, connection_of

# Below this many rows a batched INSERT (executemany) is as quick and simpler.
COPY_FROM = 200


def _temp_table(session: Executor, table: Table) -> str:
    name = f"copy_{table.name}"
    session.execute(
        text(f"CREATE TEMP TABLE IF NOT EXISTS {name} (LIKE {table.name} INCLUDING DEFAULTS) ON COMMIT DELETE ROWS")
    )
    return name


# Column types COPY sends in PostgreSQL's binary format: psycopg packs numbers and times as the server
# holds them instead of writing them out as text, a fraction of the client's time. JSON goes as its
# text, which is its binary format. A table with any other type is copied as text.
_BINARY = ((BigInteger, "int8"), (Integer, "int4"), (String, "text"), (Boolean, "bool"), (Date, "date"), (JSON, "text"))


def _binary_types(table: Table, columns: Sequence[str]) -> list[str] | None:
    names = []
    for col in columns:
        kind = table.c[col].type
        name: str | None
        if isinstance(kind, DateTime):
            name = "timestamptz" if kind.timezone else "timestamp"
        elif isinstance(kind, Float):
            name = "float8" if kind.precision is None else None  # FLOAT is double precision; FLOAT(p) may be real
        else:
            name = next((n for sa_type, n in _BINARY if isinstance(kind, sa_type)), None)
        if name is None:
            return None
        names.append(name)
    return names


def _naive_times(rows: list[Sequence[Any]], at: list[int]) -> bool:
    # Binary COPY takes only aware datetimes; the times here are all aware (UTC) unless a caller slipped.
    return not all(v is None or (isinstance(v, datetime) and v.tzinfo is not None) for v in _cells(rows, at))


def _cells(rows: list[Sequence[Any]], at: list[int]) -> Iterator[Any]:
    for row in rows:
        for i in at:
            yield row[i]


def copy_rows(
    session: Executor,
    target: str,
    table: Table,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    encoded: bool = False,
    meanwhile: Callable[[], object] | None = None,
) -> None:
    """COPY ``rows`` (values in ``columns`` order) into ``target``, shaped like ``table``.

    JSON values are Python objects, or JSON text already if ``encoded``. ``meanwhile``
    runs once every row is sent, while the server is still taking them in.
    """
    rows = rows if isinstance(rows, list) else list(rows)
    as_json = [] if encoded else [i for i, col in enumerate(columns) if isinstance(table.c[col].type, JSON)]
    types = _binary_types(table, columns)
    if types and _naive_times(rows, [i for i, name in enumerate(types) if name == "timestamptz"]):
        types = None  # as text, the server reads a time without offset in its time zone, as a plain INSERT does
    binary = " (FORMAT BINARY)" if types else ""
    raw: Any = connection_of(session).connection.driver_connection  # psycopg's own connection
    with raw.cursor() as cur, cur.copy(f"COPY {target} ({', '.join(columns)}) FROM STDIN{binary}") as copy:
        if types:
            copy.set_types(types)
        if as_json:
            for row in rows:
                values = list(row)
                for i in as_json:
                    if values[i] is not None:
                        values[i] = json.dumps(values[i])
                copy.write_row(values)
        else:
            for row in rows:
                copy.write_row(row)
        if meanwhile is not None:
            meanwhile()


def copy_into_temp(
    session: Executor, table: Table, columns: Sequence[str], rows: Iterable[Sequence[Any]], encoded: bool = False
) -> str:
    """COPY ``rows`` into a temporary twin of ``table``; returns its name."""
    temp = _temp_table(session, table)
    copy_rows(session, temp, table, columns, rows, encoded)
    return temp


def copy_new(
    session: Executor,
    table: Table,
    columns: Sequence[str],
    rows: Sequence[Sequence[Any]],
    encoded: bool = False,
    meanwhile: Callable[[], object] | None = None,
) -> bool:
    """COPY ``rows`` straight into ``table``, all or nothing.

    False, with nothing written, when the table's unique constraints refuse one
    of them: the caller then takes its ON CONFLICT path. Rows that are new (the
    usual push) skip the temporary table and the speculative insert, about half
    the server's work. ``meanwhile``: as for copy_rows.
    """
    # Imported here: the driver is loaded once a PostgreSQL store is used (the session holds it by now), not by
    # every station that imports the projections to write its own SQLite file.
    import psycopg

    try:
        with connection_of(session).begin_nested():
            copy_rows(session, table.name, table, columns, rows, encoded, meanwhile)
    except psycopg.errors.UniqueViolation:
        return False
    return True


def copy_insert(
    session: Executor,
    table: Table,
    rows: Sequence[dict[str, Any]],
    keys: Sequence[str],
    update: bool,
    returning: str = "",
    order_by: str = "",
    encoded: bool = False,
) -> Result:
    """Insert ``rows``; where ``keys`` exist, update every other column (``update``) or skip the row."""
    columns = list(rows[0])
    temp = copy_into_temp(session, table, columns, ([row[c] for c in columns] for row in rows), encoded)
    cols = ", ".join(columns)
    if update:
        sets = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns if c not in keys)
        conflict = f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {sets}"
    else:
        conflict = f"ON CONFLICT ({', '.join(keys)}) DO NOTHING"
    order = f" ORDER BY {order_by}" if order_by else ""
    tail = f" RETURNING {returning}" if returning else ""
    return session.execute(text(f"INSERT INTO {table.name} ({cols}) SELECT {cols} FROM {temp}{order} {conflict}{tail}"))
