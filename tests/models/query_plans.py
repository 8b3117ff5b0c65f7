"""Helpers for tests that a read seeks what it needs instead of walking the store's history: the statements an
operation runs and SQLite's plans for them, or the SQLite VM steps it takes (a measure of rows read, not of time).
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import event, text


@contextmanager
def captured(store) -> Iterator[list[tuple[str, Any]]]:
    """Every (statement, parameters) run on the store's engine inside the block."""
    seen: list[tuple[str, Any]] = []

    def before(conn, cursor, statement, parameters, context, executemany):
        if not executemany:
            seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", before)
    try:
        yield seen
    finally:
        event.remove(store.engine, "before_cursor_execute", before)


def plans(store, statements: list[tuple[str, Any]], must_mention: str) -> list[tuple[str, str]]:
    """(statement, plan) of the captured SELECTs whose text mentions ``must_mention``."""
    out = []
    with store.read_session() as session:
        raw = session.connection().connection.driver_connection
        for stmt, params in statements:
            if must_mention in stmt and stmt.lstrip().upper().startswith("SELECT"):
                rows = raw.execute("EXPLAIN QUERY PLAN " + stmt, params or ()).fetchall()
                out.append((stmt, " | ".join(r[-1] for r in rows)))
    assert out, f"no statement mentioning {must_mention!r} was run"
    return out


def vm_steps(store, work: Callable[[Any], object]) -> int:
    """SQLite VM steps (in hundreds) that ``work(session)`` takes."""
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return 0

    with store.read_session() as session:
        raw = session.connection().connection.driver_connection
        raw.set_progress_handler(tick, 100)
        try:
            work(session)
        finally:
            raw.set_progress_handler(None, 100)
    return steps[0]


def vm_steps_everywhere(store, work: Callable[[], object]) -> int:
    """SQLite VM steps (in hundreds) of every statement ``work()`` runs on the store, whatever session it opens."""
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return 0

    def before(conn, cursor, statement, parameters, context, executemany):
        conn.connection.driver_connection.set_progress_handler(tick, 100)

    event.listen(store.engine, "before_cursor_execute", before)
    try:
        work()
    finally:
        event.remove(store.engine, "before_cursor_execute", before)
    return steps[0]


def add_history(
    store, branch_id: str, station_id: str, first_seq: int, count: int, kind: str = "ticket_called"
) -> None:
    """``count`` journal rows of ``station_id`` from ``first_seq`` on: earlier days' history (only the columns the
    reads under test look at are meaningful)."""
    at = datetime(2025, 1, 1, tzinfo=UTC)
    rows = [
        {
            "id": str(uuid.uuid4()),
            "branch_id": branch_id,
            "station_id": station_id,
            "seq": first_seq + i,
            "hlc": f"{i:020d}",
            "type": kind,
            "at": at + timedelta(seconds=30 * i),
            "payload": json.dumps({"ticket_id": str(uuid.uuid4()), "counter_id": "C1"}),
            "schema_version": 1,
        }
        for i in range(count)
    ]
    with store.write_session() as session:
        session.execute(
            text(
                "INSERT INTO event (id, branch_id, station_id, seq, hlc, type, at, payload, schema_version) "
                "VALUES (:id, :branch_id, :station_id, :seq, :hlc, :type, :at, :payload, :schema_version)"
            ),
            rows,
        )
