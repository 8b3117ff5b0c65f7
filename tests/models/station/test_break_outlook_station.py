"""A synced station's wait estimates know the breaks a supervisor set on another station once it has pulled them,
and the pauses other stations' tellers took."""

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import insert
from staff_sessions import session_of
from sync_branch import synced

from models.branch.service import BranchService
from models.demo.branch_setup import set_up_counter
from models.station.open import open_station
from models.station.service import StationService
from models.store.tables import StaffRow
from models.supervisor.breaks import BreakService
from models.sync.pg_upstream import open_upstream
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.roles import Role

SUPERVISOR = session_of("B1", "S1", Role.SUPERVISOR, "SUP")
MONDAY = date(2026, 11, 23)


@pytest.fixture
def upstream(tmp_path):
    config = load_branch_config()
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))  # 09:00 in Asia/Shanghai
    store = open_upstream(str(tmp_path / "upstream.db"))
    branch = BranchService(store, config, "B1", "SETUP", clock)
    branch.ensure_branch("Branch")
    set_up_counter(branch, "C1", "1", {"CASH": 1})
    set_up_counter(branch, "C2", "2", {"CASH": 1})
    people = (("T1", "Teller One", "teller"), ("T2", "Teller Two", "teller"), ("S1", "Supervisor", "supervisor"))
    with store.write_session() as session:
        session.execute(
            insert(StaffRow),
            [{"branch_id": "B1", "id": i, "name": n, "role": r, "pin_hash": "-", "active": True} for i, n, r in people],
        )
    yield config, clock, str(tmp_path / "upstream.db")
    store.close()


def station(tmp_path, config, clock, path, name) -> StationService:
    opened = open_station(config, "B1", name, upstream=path, local=str(tmp_path / f"{name}.db"), clock=clock)
    assert isinstance(opened, StationService) and opened.online
    return opened


def plan_of(st: StationService, counter_id: str):
    return st.local._outlook(st.clock.now()).plans.get(counter_id)


def test_a_break_set_at_the_supervisors_station_reaches_a_kiosks_estimates_at_its_next_sync(tmp_path, upstream):
    config, clock, path = upstream
    desk, kiosk, sup = (station(tmp_path, config, clock, path, name) for name in ("ST1", "KIOSK", "SUP"))
    try:
        desk.sign_in("C1", "T1")
        assert synced(kiosk)
        assert plan_of(kiosk, "C1") is None
        set_break = BreakService(sup).schedule(SUPERVISOR, "T1", MONDAY, "10:00", 30)
        assert plan_of(kiosk, "C1") is None  # not pulled yet
        assert synced(kiosk)
        assert (plan_of(kiosk, "C1").break_from_s, plan_of(kiosk, "C1").break_s) == (3600.0, 1800.0)
        BreakService(sup).cancel(SUPERVISOR, MONDAY, set_break.id)
        assert synced(kiosk)
        assert plan_of(kiosk, "C1") is None
        # Another station's teller takes a break it was given: the kiosk does not expect it again.
        BreakService(sup).schedule(SUPERVISOR, "T1", MONDAY, "09:10", 15)
        clock.advance(10 * 60)
        desk.pause("C1", "break")
        assert synced(kiosk)
        assert plan_of(kiosk, "C1").back_in_s == pytest.approx(15 * 60.0)
        clock.advance(15 * 60)
        desk.resume("C1")
        assert synced(kiosk)
        assert plan_of(kiosk, "C1") is None
    finally:
        for st in (desk, kiosk, sup):
            st.close()
