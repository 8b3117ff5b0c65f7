"""A command's insert on the driver's cursor writes what SQLAlchemy writes, and fails the way SQLAlchemy fails."""

import sqlite3
from datetime import UTC, date, datetime

import pytest
from sqlalchemy import insert
from sqlalchemy.exc import IntegrityError

from models.store.compiled_insert import CompiledInsert
from models.store.tables import EventRow, TicketRow
from models.store.upsert import upsert


def _event(position_hint: int, **changes):
    row = {
        "id": f"ev-{position_hint}",
        "branch_id": "B1",
        "station_id": "ST1",
        "seq": position_hint,
        "hlc": f"{position_hint:015d}-00000-ST1",
        "type": "ticket_issued",
        "at": datetime(2026, 11, 23, 9, 30, 15, 123456, tzinfo=UTC),
        # Hostile text and nesting: the JSON must come out as SQLAlchemy's serializer writes it.
        "payload": {
            "ticket_id": "t-1",
            "note": "Zoë's 'quote' \"x\" \u4e2d\u6587 \\",
            "lines": [{"q": 1.5}],
            "n": None,
        },
        "schema_version": 1,
    }
    row.update(changes)
    return row


def _ticket(ticket_id: str, **changes):
    row = {
        "id": ticket_id,
        "branch_id": "B1",
        "number": "A001",
        "seq": 1,
        "business_date": date(2026, 11, 23),
        "category": "CASH",
        "priority": "regular",
        "status": "waiting",
        "issued_by": "ST1",
        "customer_id": None,
        "appointment_at": None,
        "issued_at": datetime(2026, 11, 23, 9, 30, 0, 5, tzinfo=UTC),
        "queued_at": datetime(2026, 11, 23, 9, 30, 0, 5, tzinfo=UTC),
        "target_counter": None,
        "counter_id": None,
        "staff_id": None,
        "called_at": None,
        "first_called_at": None,
        "started_at": None,
        "started_mono": None,
        "started_station": None,
        "started_run": None,
        "finished_at": None,
        "recalls": 0,
        "transfers": 0,
        "service_seconds": None,
        "out_of_order_reason": None,
        "conflict": False,
        "parked_s": 0.0,
    }
    row.update(changes)
    return row


def _raw_rows(store_path, table):
    conn = sqlite3.connect(store_path)
    try:
        return conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
    finally:
        conn.close()


def test_an_event_row_is_stored_byte_for_byte_as_sqlalchemy_stores_it(store, store_path):
    fast = CompiledInsert(insert(EventRow.__table__))
    with store.write_transaction() as conn:
        conn.execute(insert(EventRow.__table__), _event(1))
        position = fast.run(conn, _event(2))
    first, second = _raw_rows(store_path, "event")
    assert position == second[0] == first[0] + 1
    assert second[1:] == first[1:1] + ("ev-2", "B1", "ST1", 2, f"{2:015d}-00000-ST1") + first[6:]
    with store.read_session() as session:
        read = session.get(EventRow, position)
        assert read is not None and read.payload == _event(2)["payload"]


def test_an_upserted_ticket_row_is_stored_as_sqlalchemy_stores_it_and_updated_in_place(store, store_path):
    with store.write_transaction() as conn:
        conn.execute(insert(TicketRow.__table__), _ticket("t-sa"))
        upsert(conn, TicketRow.__table__, [_ticket("t-fast", number="A002", seq=2)], ["id"])
    sa_row, fast_row = _raw_rows(store_path, "ticket")
    differs = {i for i, (a, b) in enumerate(zip(sa_row, fast_row, strict=True)) if a != b}
    assert [fast_row[i] for i in sorted(differs)] == ["t-fast", "A002", 2]
    called = datetime(2026, 11, 23, 9, 41, 2, tzinfo=UTC)
    with store.write_transaction() as conn:
        row = _ticket("t-fast", number="A002", seq=2, status="called", counter_id="C1", called_at=called, conflict=True)
        upsert(conn, TicketRow.__table__, [row], ["id"])
    with store.read_session() as session:
        ticket = session.get(TicketRow, "t-fast")
        assert ticket is not None
        assert (ticket.status, ticket.counter_id, ticket.conflict) == ("called", "C1", True)
        assert ticket.called_at is not None and ticket.called_at.replace(tzinfo=UTC) == called
    assert len(_raw_rows(store_path, "ticket")) == 2


def test_a_refused_row_raises_sqlalchemys_error_and_commits_nothing(store, store_path):
    fast = CompiledInsert(insert(EventRow.__table__))
    with store.write_transaction() as conn:
        fast.run(conn, _event(1))
    with pytest.raises(IntegrityError):
        with store.write_transaction() as conn:
            fast.run(conn, _event(2))
            fast.run(conn, _event(3, id="ev-1"))  # the journal's unique id
    assert [row[1] for row in _raw_rows(store_path, "event")] == ["ev-1"]


def test_a_passing_fault_writes_the_row_once(store, store_path):
    fast = CompiledInsert(insert(EventRow.__table__))
    calls = []

    def flaky() -> int:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("a passing fault")
        return 0

    with store.write_transaction() as conn:
        driver = conn.connection.driver_connection
        driver.create_function("flaky", 0, flaky)
        driver.execute("CREATE TEMP TRIGGER flaky_event BEFORE INSERT ON event BEGIN SELECT flaky(); END")
        position = fast.run(conn, _event(1))
        driver.execute("DROP TRIGGER flaky_event")
    assert len(calls) == 2
    assert [(row[0], row[1]) for row in _raw_rows(store_path, "event")] == [(position, "ev-1")]


def test_a_statement_adding_values_of_its_own_is_refused(store):
    # schema_version has a default: a row without it is not what the compiled statement would write.
    row = _event(1)
    del row["schema_version"]
    with store.write_transaction() as conn, pytest.raises(ValueError, match="not a plain insert"):
        CompiledInsert(insert(EventRow.__table__)).run(conn, row)
