"""A sign-in clash stays known across a restart: the branch service loads its state from the projections, which
keep the open clashes (ticket_conflict), so the clash loser's later steps at the holder's counter still change
nothing (reducer._from_the_clash_loser)."""

from __future__ import annotations

import itertools

from models.branch.service import BranchService
from queueing.core.categories import load_branch_config
from queueing.core.counters import CounterStatus
from queueing.core.events import EventType, StationContext


def _st2(clock):
    n = itertools.count(1)
    return StationContext("B1", "ST2", clock, lambda: f"ST2-{next(n):04d}")


def _restarted(store, clock) -> BranchService:
    return BranchService(store, load_branch_config(), "B1", "ST1", clock)


def test_the_clash_losers_pause_after_a_restart_changes_nothing(service, store, clock):
    service.sign_in("C1", "T1")
    st2 = _st2(clock)
    clock.advance(10)
    service.record_many([st2.one(1, EventType.COUNTER_SIGNED_IN, {"counter_id": "C1", "staff_id": "T2"})])
    (clash_id,) = service.state.session_clashes

    again = _restarted(store, clock)
    assert set(again.state.session_clashes) == {clash_id}
    assert again.state.session_clashes[clash_id] == service.state.session_clashes[clash_id]
    clock.advance(600)
    again.record_many([st2.one(2, EventType.COUNTER_PAUSED, {"counter_id": "C1", "reason": "break"})])
    c1 = again.state.counters["C1"]
    assert (c1.status, c1.staff) == (CounterStatus.OPEN, "T1")


def test_a_resolved_clash_is_gone_after_a_restart(service, store, clock):
    service.sign_in("C1", "T1")
    st2 = _st2(clock)
    clock.advance(10)
    service.record_many([st2.one(1, EventType.COUNTER_SIGNED_IN, {"counter_id": "C1", "staff_id": "T2"})])
    (clash_id,) = service.state.session_clashes
    service.resolve_clash(clash_id, "S1", "T2 went to C2")
    assert not _restarted(store, clock).state.session_clashes
