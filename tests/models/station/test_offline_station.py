"""Offline work on the station's own file, with a SQLite upstream (no server needed).

Numbers never collide: leased blocks, the station's tagged series, and the branch
series stepping over leased blocks. Offline, call next only calls this station's tickets.
"""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import select
from sync_branch import station_on, synced

from models.branch.facade import BranchFacade
from models.branch.offline_numbers import LEASE_BASE, LEASE_SIZE, Lease, next_branch_seq
from models.branch.service import BranchService
from models.station.open import open_station
from models.station.service import StationService
from models.store.tables import EventRow, TicketRow
from queueing.core.categories import load_branch_config
from queueing.core.errors import NothingWaiting
from queueing.core.state import BranchState


@pytest.fixture
def setup(sqlite_branch):
    return sqlite_branch


def _go_offline(station: StationService) -> None:
    station._go_offline(RuntimeError("test: link down"))


def test_branch_series_steps_over_leased_blocks():
    state = BranchState(load_branch_config())
    day = date(2026, 11, 23)
    state.business_date = day
    state.sequences["CASH"] = LEASE_BASE - 2
    leases = [Lease(day, "CASH", LEASE_BASE, LEASE_BASE + 9, "ST1"), Lease(day, "CASH", LEASE_BASE + 10, 520, "ST2")]
    assert next_branch_seq(state, "CASH", day, leases) == LEASE_BASE - 1
    state.sequences["CASH"] = LEASE_BASE - 1
    assert next_branch_seq(state, "CASH", day, leases) == 521
    assert next_branch_seq(state, "CASH", date(2026, 11, 24), leases) == 1  # a new day starts again


def test_offline_numbers_never_collide_with_each_other_or_the_branch(tmp_path, setup):
    config, clock, upstream_path, upstream = setup
    st1 = station_on(tmp_path, upstream_path, config, clock, "ST1")
    st2 = station_on(tmp_path, upstream_path, config, clock, "ST2")
    online = BranchService(upstream, config, "B1", "KIOSK", clock)
    _go_offline(st1)
    _go_offline(st2)
    numbers = [st.issue_ticket("CASH").ticket.number for st in (st1, st2) for _ in range(LEASE_SIZE + 3)]
    numbers += [online.issue_ticket("CASH").ticket.number for _ in range(5)]
    assert len(set(numbers)) == len(numbers)
    assert numbers[-5:] == ["A001", "A002", "A003", "A004", "A005"]
    # Each station: its leased block, then its own tagged series.
    assert numbers[LEASE_SIZE : LEASE_SIZE + 3] == ["AA001", "AA002", "AA003"]
    assert numbers[-8:-5] == ["AB001", "AB002", "AB003"]
    assert synced(st1) and synced(st2)
    with upstream.read_session() as session:
        stored = session.scalars(select(TicketRow.number)).all()
    assert sorted(stored) == sorted(numbers)


def test_offline_call_next_serves_only_this_stations_tickets(tmp_path, setup):
    config, clock, upstream_path, upstream = setup
    st1 = station_on(tmp_path, upstream_path, config, clock, "ST1")
    st2 = station_on(tmp_path, upstream_path, config, clock, "ST2")
    theirs = st2.issue_ticket("CASH").ticket
    st1.sync_now()
    _go_offline(st1)
    with pytest.raises(NothingWaiting):
        st1.call_next("C1")
    mine = st1.issue_ticket("CASH").ticket
    assert st1.call_next("C1").ticket.id == mine.id
    assert st1.ticket(theirs.id).status == "waiting"


def test_offline_events_are_journaled_locally_and_pushed_once(tmp_path, setup):
    config, clock, upstream_path, upstream = setup
    st1 = station_on(tmp_path, upstream_path, config, clock, "ST1")
    _go_offline(st1)
    for _ in range(3):
        st1.issue_ticket("CASH")
    assert st1.sync_status()[:2] == (False, 3)
    with st1.local.store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
    assert synced(st1) and synced(st1)
    assert st1.sync_status()[:2] == (True, 0)
    with upstream.read_session() as session:
        ids = session.scalars(select(EventRow.id).where(EventRow.station_id == "ST1")).all()
    assert len(ids) == len(set(ids)) == 3


def test_single_pc_default_needs_no_sync(tmp_path):
    config = load_branch_config()
    path = str(tmp_path / "branch.db")
    assert isinstance(open_station(config, "B1", "ST1", upstream=None, local=path), BranchService)
    assert isinstance(open_station(config, "B1", "ST1", upstream=path, local=path), BranchService)


def test_both_services_are_the_one_facade_the_screens_use(tmp_path):
    config = load_branch_config()
    direct = open_station(config, "B1", "ST1", upstream=None, local=str(tmp_path / "branch.db"))
    synced = open_station(config, "B1", "ST2", upstream=str(tmp_path / "branch.db"), local=str(tmp_path / "st2.db"))
    try:
        assert isinstance(direct, BranchFacade) and isinstance(synced, BranchFacade)
        assert direct.online and direct.sync_status() == (True, 0, None, 0.0)
        for method in dir(BranchFacade):
            if not method.startswith("_"):
                assert hasattr(direct, method) and hasattr(synced, method), method
    finally:
        synced.close()


def test_a_ticket_issued_under_a_given_id_is_issued_once_offline_and_after_sync(tmp_path, setup):
    """An appointment's ticket has an id of its own (queueing.appointments.rules.appointment_ticket_id): a kiosk
    that retries its issue, offline or once back online, finds that ticket instead of making a second."""
    config, clock, upstream_path, upstream = setup
    kiosk = station_on(tmp_path, upstream_path, config, clock, "KIOSK-1")
    ticket_id = "0f0e0d0c-0b0a-5908-8706-050403020100"
    at = datetime(2026, 11, 23, 1, 15, tzinfo=UTC)
    _go_offline(kiosk)
    first = kiosk.issue_ticket("CASH", "appointment", "7", at, ticket_id).ticket
    assert first.id == ticket_id
    assert kiosk.issue_ticket("CASH", "appointment", "7", at, ticket_id).tickets == ()
    assert synced(kiosk) and kiosk.online
    assert kiosk.issue_ticket("CASH", "appointment", "7", at, ticket_id).tickets == ()
    assert synced(kiosk)
    with upstream.read_session() as session:
        stored = session.scalars(select(TicketRow.number).where(TicketRow.customer_id == "7")).all()
    assert stored == [first.number]
