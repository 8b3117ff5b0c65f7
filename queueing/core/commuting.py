"""Whether two runs of events give the same state in either order (the reducer's view of what an event reads).

A station's file applies its own offline events before the others' events it pulls later; the branch's journal
may hold some of the others' first. The reducer is a fold, so the order matters only where the two runs meet: a
ticket both name, a counter both act on (its current customer, its status, who is signed in there), a teller
both sign in or out, a ticket number both issue, a day both roll. Where they meet nowhere, applying the pulled
events after the own ones gives what the branch's order gives, and the file need not fold its state again.

Conservative by design: a run that may meet the other is said to, and costs the caller a rebuild, never a
wrong state. Only the order of what is kept in memory for show (the hall display's last calls, the conflicts
list, the smoothed service times) may differ; a state loaded from the store rebuilds those alike.
"""

from __future__ import annotations

from collections.abc import Iterable

from queueing.core.events import Event, EventType
from queueing.core.state import BranchState

Key = tuple[str, str]
# Meets everything: a day roll, a resolved sign-in clash (the clash loser's rule reads every open clash).
_EVERYTHING: Key = ("*", "")
_SESSION_EVENTS = frozenset(
    (EventType.COUNTER_SIGNED_IN, EventType.COUNTER_SIGNED_OUT, EventType.COUNTER_RELEASED, EventType.COUNTER_OPENED)
)
_COUNTER_FIELDS = ("counter_id", "from_counter", "to_counter")


def touches(state: BranchState, event: Event) -> set[Key]:
    """What ``event`` may read or change, as keys: ("t", ticket), ("c", counter), ("s", teller), ("n", number)."""
    p = event.payload
    keys: set[Key] = set()
    for name in _COUNTER_FIELDS:
        counter_id = p.get(name)
        if isinstance(counter_id, str):
            keys.add(("c", counter_id))
    ticket_id = p.get("ticket_id")
    if isinstance(ticket_id, str) and ticket_id:
        keys.add(("t", ticket_id))
        ticket = state.tickets.get(ticket_id) or state.expired.get(ticket_id)
        if ticket is not None:
            # The counters the ticket is at or sent to: a supervisor's move names none, and still leaves one.
            keys.update(("c", c) for c in (ticket.counter, ticket.target_counter) if c)
            if ticket.business_date != state.business_date:
                # A ticket of another day than the state's: the other run may hold the day roll that drops it
                # from the live tickets (the state is read after it, where the roll's own issue looks like today's).
                keys.add(_EVERYTHING)
    if event.type in _SESSION_EVENTS and isinstance(p.get("staff_id"), str):
        keys.add(("s", p["staff_id"]))
    if event.type is EventType.TICKET_ISSUED:
        keys.add(("n", str(p.get("number"))))
        if str(p.get("business_date")) != str(state.business_date):
            keys.add(_EVERYTHING)
    if event.type is EventType.CONFLICT_RESOLVED and "event_id" in p:
        keys.add(_EVERYTHING)
    return keys


def meet(state: BranchState, first: Iterable[Event], second: Iterable[Event]) -> bool:
    """Whether the two runs may give another state in the other order (see the module's docstring)."""
    mine: set[Key] = set()
    for event in first:
        mine |= touches(state, event)
    if not mine:
        return False
    everything = _EVERYTHING in mine
    for event in second:
        theirs = touches(state, event)
        if theirs and (everything or _EVERYTHING in theirs or not mine.isdisjoint(theirs)):
            return True
    return False
