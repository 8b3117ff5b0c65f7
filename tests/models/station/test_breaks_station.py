"""Breaks set through a station (the facade a real branch's supervisor PC holds): upstream when online,
kept in the station's journal offline and pushed by the next sync, like every other change."""

from datetime import UTC, date, datetime, time

import pytest
from sqlalchemy import insert, select
from staff_sessions import session_of
from sync_branch import synced

from models.branch.service import BranchService
from models.cli.sync import issue_lines
from models.demo.branch_setup import set_up_counter
from models.station.open import open_station
from models.station.service import StationService
from models.store.tables import EventRow, StaffRow
from models.supervisor.breaks import BreakService
from models.supervisor.service import SupervisorService
from models.sync.pg_upstream import open_upstream
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.conflict_reasons import ConflictReason
from queueing.core.errors import AlreadyResolved
from queueing.core.roles import Role
from queueing.supervisor.break_plan import RotaBreak

SUPERVISOR = session_of("B1", "S1", Role.SUPERVISOR, "ST1")
MONDAY = date(2026, 11, 23)


@pytest.fixture
def upstream(tmp_path):
    config = load_branch_config()
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    store = open_upstream(str(tmp_path / "upstream.db"))
    branch = BranchService(store, config, "B1", "SETUP", clock)
    branch.ensure_branch("Branch")
    set_up_counter(branch, "C1", "1", {"CASH": 1})
    people = (("T1", "Teller One", "teller"), ("S1", "Supervisor", "supervisor"), ("S2", "Other", "supervisor"))
    with store.write_session() as session:
        session.execute(
            insert(StaffRow),
            [{"branch_id": "B1", "id": i, "name": n, "role": r, "pin_hash": "-", "active": True} for i, n, r in people],
        )
    yield config, clock, store, str(tmp_path / "upstream.db")
    store.close()


def station(tmp_path, config, clock, path, name) -> StationService:
    opened = open_station(config, "B1", name, upstream=path, local=str(tmp_path / f"{name}.db"), clock=clock)
    assert isinstance(opened, StationService) and opened.online
    return opened


def test_a_break_set_on_one_station_is_in_every_stations_plan(tmp_path, upstream):
    config, clock, store, path = upstream
    st1, st2 = station(tmp_path, config, clock, path, "ST1"), station(tmp_path, config, clock, path, "ST2")
    try:
        set_break = BreakService(st1).schedule(SUPERVISOR, "T1", MONDAY, "12:30", 30)
        assert [(b.id, b.start) for b in BreakService(st2).day_breaks(MONDAY)] == [(set_break.id, time(12, 30))]
        with store.read_session() as session:
            rows = session.execute(select(EventRow.type, EventRow.station_id).where(EventRow.type == "break_scheduled"))
            assert [tuple(r) for r in rows] == [("break_scheduled", "ST1")]
        # Offline, the change waits in the station's journal and the next sync pushes it.
        st1._go_offline(RuntimeError("test: link down"))
        moved = BreakService(st1).schedule(SUPERVISOR, "T1", MONDAY, "13:00", 30)
        assert [b.id for b in BreakService(st2).day_breaks(MONDAY)] == [set_break.id]  # not pushed yet
        assert synced(st1)
        plan = [(b.id, b.start) for b in BreakService(st2).day_breaks(MONDAY)]
        assert plan == [(set_break.id, time(12, 30)), (moved.id, time(13))]  # a second break that day
    finally:
        st1.close()
        st2.close()


def test_a_break_moved_offline_and_online_at_once_is_moved_once_on_every_station(tmp_path, upstream):
    config, clock, store, path = upstream
    rota = (RotaBreak("T1", frozenset(range(5)), time(12), 30),)
    rota_break = f"rota:T1:{MONDAY}"
    st1, st2 = station(tmp_path, config, clock, path, "ST1"), station(tmp_path, config, clock, path, "ST2")
    try:
        st1._go_offline(RuntimeError("test: link down"))
        offline = BreakService(st1, rota).schedule(SUPERVISOR, "T1", MONDAY, "13:00", 30, replaces=rota_break)
        other = session_of("B1", "S2", Role.SUPERVISOR, "ST2")
        online = BreakService(st2, rota).schedule(other, "T1", MONDAY, "14:00", 30, replaces=rota_break)
        assert offline.id != online.id
        assert synced(st1)
        # Upstream's journal has the online move first: it counts on every station, the offline one is void.
        for where in (st1, st2):
            assert [(b.id, b.start) for b in BreakService(where, rota).day_breaks(MONDAY)] == [(online.id, time(14))]
        # The supervisor who moved it offline learns it at their Sync tab, as every supervisor there does.
        for where in (st1, st2):
            [clash] = SupervisorService(where, session=SUPERVISOR).sync_issues().conflicts
            assert (clash.teller_id, clash.number, clash.business_date) == ("T1", rota_break, MONDAY)
            assert [f.station_id for f in clash.facts] == ["ST2", "ST1"]  # the move that stands, then the void one
            assert clash.reasons[0].reason is ConflictReason.BREAK_CHANGED_LATE
        # ...and on the command line's ``sync status``, in English.
        assert f"  conflict break of T1 ({rota_break}) ({MONDAY}): break_scheduled by S1 on ST1 after S2 changed the " \
            "break on ST2: void" in issue_lines(path, ["B1"])
        SupervisorService(st1, session=SUPERVISOR).resolve_conflict(clash.key, "told S1 the break is at 14:00")
        for where in (st1, st2):
            assert SupervisorService(where, session=SUPERVISOR).sync_issues().conflicts == ()
        with pytest.raises(AlreadyResolved):
            SupervisorService(st2, session=SUPERVISOR).resolve_conflict(clash.key, "again")
    finally:
        st1.close()
        st2.close()


def test_a_short_visit_is_reviewed_through_a_station(tmp_path, upstream):
    from models.reports.records_service import RecordsService
    from queueing.core.tickets import TransactionLine
    from queueing.core.transaction_types import load_catalogue
    from queueing.records.visits import ShortDecision

    config, clock, store, path = upstream
    st1 = station(tmp_path, config, clock, path, "ST1")
    try:
        st1.open_counter("C1", "T1")
        ticket = st1.issue_ticket("CASH").tickets[0].id
        st1.call_ticket("C1", ticket, "test")
        st1.start("C1")
        clock.advance(2)
        st1.finish("C1", [TransactionLine("ACCT_OPEN")])
        records = RecordsService(st1, load_catalogue())
        visit = records.review_short(SUPERVISOR, ticket, ShortDecision.APPROVED, "form ready")
        assert visit.short_review.by == "S1"
        with store.read_session() as session:
            kinds = session.scalars(select(EventRow.type).where(EventRow.type == "visit_short_reviewed")).all()
        assert kinds == ["visit_short_reviewed"]
    finally:
        st1.close()
