"""Start-up from the projections on a store with history: several days, stations and branches."""

from datetime import timedelta

from sqlalchemy import func, select

from models.branch.service import BranchService
from models.branch.state_loader import load_from_journal, load_from_projections, station_high_water
from models.store.tables import EventRow
from queueing.core.categories import load_branch_config
from queueing.core.tickets import TicketStatus, TransactionLine


def _grouped(store, branch_id):
    with store.read_session() as s:
        rows = s.execute(
            select(EventRow.station_id, func.max(EventRow.seq))
            .where(EventRow.branch_id == branch_id)
            .group_by(EventRow.station_id)
        )
        return {station: seq for station, seq in rows}


def test_high_water_is_the_grouped_maximum(service, store, clock):
    config = load_branch_config()
    other = BranchService(store, config, "B1", "ST2", clock)
    third = BranchService(store, config, "B1", "ST0-a", clock)  # sorts between and before the others
    elsewhere = BranchService(store, config, "B2", "ST9", clock)
    elsewhere.ensure_branch("Other branch")
    for station in (service, other, third, other, service, service):
        station.issue_ticket("CASH")
    elsewhere.run(lambda c: c.configure_counter("C1", "1", {"CASH": 1}))
    with store.read_session() as s:
        assert station_high_water(s, "B1") == _grouped(store, "B1") == {"ST1": 7, "ST2": 2, "ST0-a": 1}
        assert station_high_water(s, "B2") == {"ST9": 1}
        assert station_high_water(s, "NONE") == {}


def test_projections_equal_replay_across_days(service, store, clock):
    """Yesterday's finished tickets stay out, and so do those the day end closed (waiting or parked); one still
    at a counter comes back; today's all come."""
    config = load_branch_config()
    for cat in ("CASH", "TRANSFER", "CASH", "CASH"):
        service.issue_ticket(cat)
        clock.advance(20)
    service.call_next("C1")
    service.start("C1")
    service.finish("C1", [TransactionLine("X", 1)])
    service.call_next("C2")
    service.start("C2")  # still at the counter at midnight: it stays with its teller
    service.call_next("C1")
    service.park("C1")  # parked overnight: closed by the day end
    clock.advance(timedelta(days=1).total_seconds())
    for cat in ("TRANSFER", "CASH"):
        service.issue_ticket(cat)
        clock.advance(20)
    service.call_next("C1")
    with store.read_session() as s:
        fast, pos_a = load_from_projections(s, config, "B1")
        slow, pos_b = load_from_journal(s, config, "B1")
    assert pos_a == pos_b
    strip = lambda t: {k: getattr(t, k) for k in t.__slots__ if k != "transactions"}  # noqa: E731
    assert {k: strip(v) for k, v in fast.tickets.items()} == {k: strip(v) for k, v in slow.tickets.items()}
    assert list(fast.tickets) == sorted(fast.tickets, key=lambda k: (fast.tickets[k].issued_at, k))
    assert set(fast.waiting) == set(slow.waiting) and len(fast.waiting) == 1
    earlier = [t.status for t in fast.tickets.values() if t.business_date < fast.business_date]
    assert earlier == [TicketStatus.SERVING]
    assert fast.sequences == slow.sequences and fast.station_seq == slow.station_seq


def test_projections_learn_the_counter_time_per_call_as_replay_does(service, store, clock):
    """A restarted station's estimate plays the walk to the counter too, not the service alone."""
    config = load_branch_config()
    for _ in range(3):
        service.issue_ticket("CASH")
        service.call_next("C1")
        clock.advance(45)  # the customer walks up
        service.start("C1")
        clock.advance(120)
        service.finish("C1", [TransactionLine("X", 1)])
    with store.read_session() as s:
        fast, _ = load_from_projections(s, config, "B1")
        slow, _ = load_from_journal(s, config, "B1")
    assert slow.stats["CASH"].steady_overhead_s > 0
    assert abs(fast.stats["CASH"].steady_overhead_s - slow.stats["CASH"].steady_overhead_s) < 1e-6
    assert abs(fast.stats["CASH"].steady_mean_s - slow.stats["CASH"].steady_mean_s) < 1e-6
