"""The Sync tab's account of a ticket flagged by the new rules that depend on the counter
(counter_busy): models/sync/conflicts.py replays the ticket's own events alone, without the counters or the other
customer at the counter, so it cannot see the clash the branch store flagged."""

from __future__ import annotations

import itertools

from models.sync.conflicts import conflicts
from queueing.core.conflict_reasons import ConflictReason
from queueing.core.events import EventType, StationContext


def _offline_call(service, clock, ticket_id: str, counter_id: str):
    """A second station (ST2) at the same counter, offline, called ``ticket_id`` there (it saw the counter free)."""
    n = itertools.count(1)
    ctx = StationContext("B1", "ST2", clock, lambda: f"ST2-{next(n):04d}")
    return ctx.one(1, EventType.TICKET_CALLED, {"ticket_id": ticket_id, "counter_id": counter_id, "staff_id": "T9"})


def test_the_sync_tab_says_why_a_ticket_called_at_a_busy_counter_was_flagged(service, store, clock):
    """A001 (cash) is called at C1 online. ST2, offline at C1 too, had called B001 (transfer) there: pushed, the
    call meets A001 at C1 and is flagged counter_busy (B001 keeps waiting). C2 then calls B001 as usual.

    The store flags B001; the Sync tab must say it was the call at the busy C1. Replayed alone (no counters, no
    A001), B001's events show C1's call as applied, and C2's legitimate call as the clash ("called at C2 while
    called at C1"): the supervisor is told the wrong counter took the customer."""
    service.issue_ticket("CASH")
    b = service.issue_ticket("TRANSFER").tickets[0]
    clock.advance(10)
    service.call_next("C1", "T1")  # A001 at C1
    clock.advance(10)
    service.record_many([_offline_call(service, clock, b.id, "C1")])
    up = service.state
    assert [c.reason for c in up.conflicts] == [ConflictReason.COUNTER_BUSY]
    clock.advance(10)
    service.call_next("C2", "T2")  # B001 at C2: the call that counts
    assert service.state.tickets[b.id].counter == "C2"
    assert [c.reason for c in service.state.conflicts] == [ConflictReason.COUNTER_BUSY]

    view = next(v for v in conflicts(store, service.config, "B1") if v.ticket_id == b.id)
    assert [c.reason for c in view.reasons] == [ConflictReason.COUNTER_BUSY], view.detail
    assert view.reasons == tuple(service.state.conflicts)  # the reducer's own figures: C1, A001 at it
    assert view.detail == "called at C1 while A001 was at that counter"
    assert not view.resolved


def test_a_ticket_flagged_counter_busy_alone_is_not_shown_as_resolved(service, store, clock):
    """The same without C2's call: the isolated replay finds nothing, so the tab shows the open flag as
    'resolved' (a supervisor never marked it) with the detail 'flagged'."""
    service.issue_ticket("CASH")
    b = service.issue_ticket("TRANSFER").tickets[0]
    clock.advance(10)
    service.call_next("C1", "T1")
    clock.advance(10)
    service.record_many([_offline_call(service, clock, b.id, "C1")])
    assert service.state.tickets[b.id].conflict
    view = next(v for v in conflicts(store, service.config, "B1") if v.ticket_id == b.id)
    assert not view.resolved
    assert [c.reason for c in view.reasons] == [ConflictReason.COUNTER_BUSY], view.detail
