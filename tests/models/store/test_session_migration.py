"""Migration 0011: a store with open counter sessions upgrades and keeps them, now as the journal's projection."""

from datetime import UTC, datetime

import pytest
from alembic import command
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import inspect, text

from models.branch.service import BranchService
from models.demo.branch_setup import set_up_counter
from models.store.database import alembic_config, head_revision, open_store
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.errors import CounterTaken

BEFORE = "0010_follow_up_owner"
# 0018's, 0023's, 0024's, 0026's, 0028's and 0029's
LATER_TICKET_COLUMNS = (
    "left_counter_at TIMESTAMP",
    "started_run VARCHAR(32)",
    "parked_s FLOAT NOT NULL DEFAULT 0",
    "parked_mono FLOAT",
    "parked_run VARCHAR(32)",
    "parked_station VARCHAR(64)",
    "finished_by VARCHAR(32)",
    "day_ended_at TIMESTAMP",
    "issued_category VARCHAR(32)",
    "service_marks JSON",
    "left_served_s FLOAT",
)
# 0032's table, which the set-up's projections write and its state load reads
LATER_TABLE = (
    "CREATE TABLE ticket_conflict (branch_id VARCHAR(32), ticket_id VARCHAR(36), event_id VARCHAR(36),"
    " reason VARCHAR(40) NOT NULL, figures TEXT NOT NULL, PRIMARY KEY (branch_id, ticket_id, event_id))"
)


def _store_at_0010_with_a_session(url: str):
    """A branch as the previous version left it: T1 signed in at C1, a counter_session row and no sign-in event."""
    store = open_store(url, upgrade=False)
    with store.engine.begin() as conn:
        cfg = alembic_config(store.url)
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, BEFORE)
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    # Today's BranchService reads the ticket columns later migrations add: there for the set-up only.
    with store.engine.begin() as conn:
        for column in LATER_TICKET_COLUMNS:
            conn.execute(text(f"ALTER TABLE ticket ADD COLUMN {column}"))
        conn.execute(text(LATER_TABLE))
    branch = BranchService(store, load_branch_config(), "B1", "ST1", clock)
    branch.ensure_branch("Old branch")
    set_up_counter(branch, "C1", "Counter 1", {"CASH": 1})
    branch.open_counter("C1", "T1")
    branch.close()
    with store.engine.begin() as conn:
        for column in LATER_TICKET_COLUMNS:
            conn.execute(text(f"ALTER TABLE ticket DROP COLUMN {column.split()[0]}"))
        conn.execute(text("DROP TABLE ticket_conflict"))
        # The staff rows as 0010 held them (today's StaffService writes columns later migrations add).
        for staff_id, name in (("T1", "Li Wei"), ("T2", "Kim Min-ji")):
            conn.execute(
                text(
                    "INSERT INTO staff (branch_id, id, name, role, pin_hash, active)"
                    " VALUES ('B1', :id, :name, 'teller', 'x', :yes)"
                ),
                {"id": staff_id, "name": name, "yes": True},
            )
        conn.execute(
            text(
                "INSERT INTO counter_session (branch_id, counter_id, staff_id, station_id, signed_in_at)"
                " VALUES ('B1', 'C1', 'T1', 'ST1', :at)"
            ),
            {"at": clock.now()},
        )
    return store, clock


def _upgraded_keeps_the_session(store, clock) -> None:
    store.upgrade()
    assert store.current_revision() == head_revision()
    assert not inspect(store.engine).get_foreign_keys("counter_session")
    assert not inspect(store.engine).get_unique_constraints("counter_session")
    branch = BranchService(store, load_branch_config(), "B1", "ST2", clock)
    held = next(c for c in branch.snapshot().counters if c.id == "C1").signed_in
    assert (held.staff_id, held.station_id, held.signed_in_at) == ("T1", "ST1", clock.now())
    with pytest.raises(CounterTaken):
        branch.sign_in("C1", "T2")
    branch.sign_out("C1", "T1")  # the first event about it ends the session kept from before
    with store.engine.connect() as conn:
        assert conn.execute(text("SELECT count(*) FROM counter_session")).scalar() == 0
    branch.sign_in("C1", "T2")
    assert next(c for c in branch.snapshot().counters if c.id == "C1").signed_in.staff_id == "T2"


def test_sqlite_store_upgrades_with_its_open_sessions(tmp_path):
    store, clock = _store_at_0010_with_a_session(str(tmp_path / "old.db"))
    try:
        _upgraded_keeps_the_session(store, clock)
    finally:
        store.close()


@pytest.mark.postgres
def test_postgres_store_upgrades_with_its_open_sessions(pg_url):
    store, clock = _store_at_0010_with_a_session(pg_url)
    try:
        _upgraded_keeps_the_session(store, clock)
    finally:
        store.close()
