"""The demo's simulated tellers: accounts of their own (never a sign-in account), and quitting closes their counters."""

from datetime import UTC, datetime

from sqlalchemy import func, select

from models.branch.prepare import prepare_demo_station, seed_simulated_tellers
from models.demo.traffic import DemoTraffic, run_morning
from models.station.counter_session import sign_in_at_counter
from models.store.database import open_store
from models.store.tables import ServiceRecordRow
from queueing.core.clock import ManualClock
from ui.app.demo_screens import simulated_tellers


def _demo(tmp_path):
    clock = ManualClock(datetime(2026, 11, 23, 1, 30, tzinfo=UTC))
    store = open_store(str(tmp_path / "demo.db"))
    station = prepare_demo_station(store, "DEMO-TEST", clock)
    assert len(seed_simulated_tellers(station)) == 6 and seed_simulated_tellers(station) == []  # once
    return store, clock, station


def test_simulated_tellers_have_accounts_of_their_own_at_every_other_counter(tmp_path):
    store, _, station = _demo(tmp_path)
    try:
        tellers = simulated_tellers(station, "C1")
        sign_in_ids = {s["id"] for s in station.demo.staff}
        assert sorted(tellers) == ["C2", "C3", "C4", "C5", "C6"]  # every counter but the station's
        assert len(set(tellers.values())) == len(tellers)  # one account per counter
        assert not set(tellers.values()) & sign_in_ids  # Li Na never works a second counter
        for staff_id in tellers.values():
            account = station.staff.get(staff_id)
            assert account is not None and account.role == "teller" and account.active
    finally:
        store.close()


def test_a_teller_signed_in_at_the_station_gets_no_simulated_visits(tmp_path):
    store, clock, station = _demo(tmp_path)
    try:
        sign_in_at_counter(station.branch, station.staff, "T1001", "1111", "C1")
        traffic = DemoTraffic(station.branch, simulated_tellers(station, "C1"), per_hour=600, seed=3)
        traffic.open_counters()
        run_morning(traffic, clock, 1800)
        counters = {c.id: c for c in station.branch.snapshot().counters}
        assert counters["C1"].staff_id == "T1001"
        assert all(counters[c].staff_id != "T1001" for c in ("C2", "C3", "C4", "C5", "C6"))
        assert not station.staff.most_used_transactions("T1001")  # her habits hold no simulated visit
        assert station.staff.most_used_transactions(traffic.tellers["C2"])  # the simulation did serve
    finally:
        store.close()


def test_quitting_closes_every_simulated_counter_even_mid_visit(tmp_path):
    store, clock, station = _demo(tmp_path)
    try:
        traffic = DemoTraffic(station.branch, simulated_tellers(station, "C1"), per_hour=900, seed=5)
        traffic.open_counters()
        run_morning(traffic, clock, 600, step_s=5)
        busy = [c for c in station.branch.snapshot().counters if c.current is not None]
        assert busy, "the test wants a counter mid-visit"
        served = _visits(store)
        assert traffic.close_counters() == 5
        snapshot = station.branch.snapshot()
        counters = {c.id: c for c in snapshot.counters}
        assert all(counters[c].status == "closed" and counters[c].current is None for c in traffic.tellers)
        # Their customers wait again, first in line as they were: no visit of a few milliseconds was made up at
        # quit (a short visit on the supervisor's screen, service times learnt towards zero).
        waiting = {t.number for t in snapshot.waiting}
        assert {c.current.number for c in busy} <= waiting
        assert _visits(store) == served
        assert traffic.close_counters() == 0  # nothing left to close
    finally:
        store.close()


def _visits(store) -> int:
    with store.read_session() as session:
        return session.scalar(select(func.count()).select_from(ServiceRecordRow)) or 0
