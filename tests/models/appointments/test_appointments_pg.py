"""The appointment table on PostgreSQL: the migration, its partial unique index, down and up again."""

import secrets
from datetime import UTC, date, datetime

import pytest
from alembic import command
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError
from staff_sessions import add_accounts, session_of

from models.appointments.service import AppointmentService
from models.branch.service import BranchService
from models.demo.branch_setup import set_up_counter
from models.demo.customers import generate_customers
from models.store.database import alembic_config, open_store
from queueing.appointments.rules import AppointmentRules, InvalidAppointment
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.roles import Role
from queueing.core.tickets import PriorityClass

pytestmark = pytest.mark.postgres
TELLER = session_of("B1", "T1", Role.TELLER, "ST1")
KIOSK = session_of("B1", "KIOSK", Role.KIOSK, "KIOSK-1")


@pytest.fixture
def pg_store(pg_url):
    store = open_store(pg_url)
    yield store
    store.close()


def _service(store):
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))  # 09:00 in Shanghai
    branch = BranchService(store, load_branch_config(), "B1", "ST1", clock)
    branch.ensure_branch("Test branch")
    set_up_counter(branch, "C4", "4", {"LOANS": 1, "CASH": 2})  # bookings need a counter serving the service
    generate_customers(store, "B1", secrets.token_bytes(32), 3, today=date(2026, 11, 23), seed=2)
    add_accounts(store, TELLER)
    return AppointmentService(branch, AppointmentRules())


def test_the_migration_creates_the_table_with_its_indexes(pg_store):
    from models.store.database import head_revision

    assert pg_store.current_revision() == head_revision()
    inspector = inspect(pg_store.engine)
    columns = {c["name"] for c in inspector.get_columns("appointment")}
    assert {"branch_id", "customer_id", "category", "business_date", "start_at", "status", "ticket_id"} <= columns
    indexes = {i["name"]: i for i in inspector.get_indexes("appointment")}
    assert indexes["uq_appointment_live_slot"]["unique"]
    assert indexes["ix_appointment_branch_day"]["column_names"] == ["branch_id", "business_date", "start_at"]
    assert indexes["ix_appointment_customer_start"]["column_names"] == ["branch_id", "customer_id", "start_at"]
    with pg_store.engine.connect() as conn:
        where = conn.scalar(text("SELECT indexdef FROM pg_indexes WHERE indexname = 'uq_appointment_live_slot'"))
    assert "WHERE" in where and "booked" in where and "arrived" in where


def test_the_partial_index_refuses_a_second_live_booking_only(pg_store):
    appointments = _service(pg_store)
    first = appointments.book(TELLER, 1, "LOANS", datetime(2026, 11, 23, 10, 30))
    row = {"start": first.appointment.start, "day": date(2026, 11, 23)}
    insert = text(
        "INSERT INTO appointment (branch_id, customer_id, category, business_date, start_at, duration_min, status,"
        " created_by, created_at, note) VALUES ('B1', 1, 'LOANS', :day, :start, 30, :status, 'T1', now(), '')"
    )
    with pytest.raises(IntegrityError, match="uq_appointment_live_slot"):
        with pg_store.engine.begin() as conn:
            conn.execute(insert, {**row, "status": "booked"})
    with pg_store.engine.begin() as conn:  # a cancelled row beside the live one is fine
        conn.execute(insert, {**row, "status": "cancelled"})
    with pytest.raises(IntegrityError, match="ck_appointment_status"):
        with pg_store.engine.begin() as conn:
            conn.execute(insert, {**row, "status": "maybe"})
    with pytest.raises(InvalidAppointment, match="already has appointment"):
        appointments.book(TELLER, 1, "LOANS", datetime(2026, 11, 23, 10, 30))


def test_check_in_on_postgres_issues_the_appointment_ticket(pg_store):
    appointments = _service(pg_store)
    booked = appointments.book(TELLER, 2, "CASH", datetime(2026, 11, 23, 9, 15))
    ticket = appointments.check_in(KIOSK, booked.appointment.id).result.ticket
    assert ticket.priority == PriorityClass.APPOINTMENT and ticket.customer_id == "2"
    assert appointments.day(TELLER, date(2026, 11, 23))[0].appointment.ticket_id == ticket.id


def test_downgrade_drops_the_table_and_upgrade_brings_it_back(pg_store):
    config = alembic_config(pg_store.url)
    with pg_store.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0005_sync")
    assert "appointment" not in inspect(pg_store.engine).get_table_names()
    pg_store.upgrade()
    assert "appointment" in inspect(pg_store.engine).get_table_names()


def test_two_stations_racing_for_the_last_place_of_a_slot_get_it_once(pg_url):
    # Each station counts the slot's bookings (one loans window: room for one), then inserts. Both count
    # before either inserts unless the count and the insert are serialised: the slot is then booked twice.
    import threading

    from models.appointments import capacity

    stores = [open_store(pg_url), open_store(pg_url)]
    try:
        desks = [_service(stores[0]), _service(stores[1])]
        both_counted = threading.Barrier(2, timeout=3)
        counted = capacity.booked_per_start

        def count_then_wait(*args):
            taken = counted(*args)
            try:
                both_counted.wait()
            except threading.BrokenBarrierError:
                pass  # the other station waits for our commit: serialised, as it should be
            return taken

        results: dict[int, object] = {}

        def book(n):
            try:
                results[n] = desks[n].book(TELLER, n + 2, "LOANS", datetime(2026, 11, 23, 11, 0))
            except InvalidAppointment as exc:
                results[n] = exc

        import unittest.mock

        with unittest.mock.patch.object(capacity, "booked_per_start", count_then_wait):
            threads = [threading.Thread(target=book, args=(n,)) for n in range(2)]
            for thread in threads:
                thread.start()
            for thread in threads:
                thread.join(30)
        refused = [r for r in results.values() if isinstance(r, InvalidAppointment)]
        assert len(results) == 2 and len(refused) == 1 and "is full for LOANS" in str(refused[0])
        with stores[0].engine.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM appointment WHERE status = 'booked'")) == 1
    finally:
        for store in stores:
            store.close()


def test_two_kiosks_checking_one_appointment_in_at_once_give_one_ticket(pg_url):
    import threading

    stores = [open_store(pg_url), open_store(pg_url)]
    try:
        desks = [_service(stores[0]), _service(stores[1])]
        booked = desks[0].book(TELLER, 1, "CASH", datetime(2026, 11, 23, 9, 15))
        start = threading.Barrier(2, timeout=10)
        results: dict[int, object] = {}

        def check_in(n):
            start.wait()
            try:
                results[n] = desks[n].check_in(KIOSK, booked.appointment.id).result.ticket
            except Exception as exc:  # shown by the assertion
                results[n] = exc

        threads = [threading.Thread(target=check_in, args=(n,)) for n in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(30)
        tickets = [r for r in results.values() if not isinstance(r, Exception)]
        assert tickets, results
        assert len({(t.id, t.number) for t in tickets}) == 1
        with stores[0].engine.connect() as conn:
            assert conn.scalar(text("SELECT count(*) FROM ticket WHERE priority = 'appointment'")) == 1
            assert conn.scalar(text("SELECT count(*) FROM event WHERE type = 'ticket_issued'")) == 1
    finally:
        for store in stores:
            store.close()
