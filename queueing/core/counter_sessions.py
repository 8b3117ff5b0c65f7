"""Counter sessions from the journal: who may sign in where, and what the sign-in events do to the state.

One teller per counter and one counter per teller. A command refuses a sign-in that breaks this
against the state it runs on (upstream's while online). Two stations that were offline can still both
have signed in at one counter: the first sign-in in journal order holds it; the later one is kept,
flagged as a clash for the supervisor, and changes nothing, like the one rule for a ticket two
counters claimed; nor do the counter's closing and opening that came with it (reducer._from_the_clash_loser).
The later events of the teller who lost the clash (their sign-out) change nothing either; their
calls and services carry their own staff id, so their visits are credited to them.
"""

from __future__ import annotations

from typing import Any

from queueing.core.conflict_reasons import ConflictReason, figures_of
from queueing.core.counters import Counter, CounterStatus, SignIn
from queueing.core.errors import CounterNotAvailable, CounterTaken
from queueing.core.events import Event, EventType
from queueing.core.service_shares import served_mark
from queueing.core.state import BranchState, Conflict
from queueing.core.tickets import Ticket, TicketStatus

Change = tuple[EventType, dict[str, Any]]


def counter_elsewhere(state: BranchState, staff_id: str, counter_id: str) -> str | None:
    """The other counter ``staff_id`` is signed in at, if any."""
    return next((c for c, s in state.sessions.items() if s.staff_id == staff_id and c != counter_id), None)


def sign_in_changes(state: BranchState, counter: Counter, staff_id: str) -> list[Change]:
    """The sign-in, and the counter opened for the teller; CounterTaken if the counter or the teller is held.

    Signing in again where the same teller already is (a restarted station) takes the session over.
    A counter left open for another teller who has no session any more (a station that crashed, a window
    closed with a customer at the counter, a supervisor's release) is the new teller's: closed and opened
    again when nobody is at its window, opened for them with the customer still there otherwise. The counter
    cannot close with a customer at it, and without the handover the new teller could not finish the visit
    (the counter still named the teller who left) while the one who left was counted signed in. The visit
    stays credited to the teller who called it; the new teller's time starts at the sign-in.
    """
    held = state.sessions.get(counter.id)
    if held is not None and held.staff_id != staff_id:
        raise CounterTaken(
            f"counter {counter.id} is held by {held.staff_id}", counter=counter.id, holder=held.staff_id, since=held.at
        )
    if counter_elsewhere(state, staff_id, counter.id) is not None:
        raise CounterTaken("you are at another counter", counter=counter.id, holder=None, since=None)
    changes: list[Change] = [(EventType.COUNTER_SIGNED_IN, {"counter_id": counter.id, "staff_id": staff_id})]
    opened = (EventType.COUNTER_OPENED, {"counter_id": counter.id, "staff_id": staff_id})
    if counter.status is CounterStatus.CLOSED:
        changes.append(opened)
    elif counter.staff != staff_id:
        if counter.current is None:
            changes.append((EventType.COUNTER_CLOSED, {"counter_id": counter.id}))
        changes.append(opened)
    return changes


def sign_out_changes(state: BranchState, counter: Counter, staff_id: str, keep_open: bool) -> list[Change]:
    """Close the counter (refused while a customer is at it, unless ``keep_open``) and end the session.

    ``keep_open``: a window closing with a customer still at the counter; the next teller takes it over.
    """
    changes: list[Change] = []
    if counter.status is not CounterStatus.CLOSED and not (keep_open and counter.current is not None):
        if counter.current is not None:
            raise CounterNotAvailable(f"counter {counter.name} must finish its current ticket first")
        changes.append((EventType.COUNTER_CLOSED, {"counter_id": counter.id}))
    # Always said, even where this state shows someone else: a station offline may not know that its
    # teller's sign-in took the counter upstream. The reducer ends only a session the teller holds.
    changes.append((EventType.COUNTER_SIGNED_OUT, {"counter_id": counter.id, "staff_id": staff_id}))
    return changes


def release_changes(state: BranchState, counter: Counter, by: str) -> list[Change]:
    """End whoever's session holds the counter (nothing when it is free); ``by`` is the supervisor."""
    held = state.sessions.get(counter.id)
    if held is None:
        return []
    return [(EventType.COUNTER_RELEASED, {"counter_id": counter.id, "staff_id": held.staff_id, "by": by})]


# -- the reducer's part ---------------------------------------------------------


def _clash(state: BranchState, event: Event, reason: ConflictReason, **named: Any) -> None:
    figures = figures_of(event, counter_id=event.payload["counter_id"], **named)
    conflict = Conflict(event.id, "", str(event.type), reason, figures)
    state.conflicts.append(conflict)
    state.session_clashes[event.id] = conflict


def signed_in(state: BranchState, event: Event) -> None:
    counter_id, staff_id = event.payload["counter_id"], event.payload["staff_id"]
    held = state.sessions.get(counter_id)
    if held is not None and held.staff_id != staff_id:
        _clash(
            state,
            event,
            ConflictReason.COUNTER_TAKEN,
            other_staff_id=held.staff_id,
            other_station_id=held.station_id,
            since=held.at,
        )
        return
    elsewhere = counter_elsewhere(state, staff_id, counter_id)
    if elsewhere is not None:
        there = state.sessions[elsewhere]
        _clash(
            state,
            event,
            ConflictReason.TELLER_ELSEWHERE,
            other_counter_id=elsewhere,
            other_station_id=there.station_id,
            since=there.at,
        )
        return
    state.sessions[counter_id] = SignIn(staff_id, event.station_id, event.at)
    ticket = _customer_left_at(state, event)
    if ticket is not None and ticket.left_served_s is not None:
        # Taken over with the customer at the window: the time since the last teller left was nobody's service.
        served = served_mark(event.payload)
        if served is not None:
            ticket.parked_s += max(0.0, served - ticket.left_served_s)
        ticket.left_served_s = None


def signed_out(state: BranchState, event: Event) -> None:
    """A sign-out or a release ends the session only if it names the teller who holds it."""
    counter_id = event.payload["counter_id"]
    held = state.sessions.get(counter_id)
    if held is not None and held.staff_id == event.payload["staff_id"]:
        del state.sessions[counter_id]
        ticket = _customer_left_at(state, event)
        served = served_mark(event.payload)
        if ticket is not None and served is not None:
            # The teller leaves the customer at the counter (a window closed, a release): their part ends here.
            ticket.marks = (*ticket.marks, (held.staff_id, served))
            ticket.left_served_s = served


def _customer_left_at(state: BranchState, event: Event) -> Ticket | None:
    """The customer a sign-in or sign-out names (``ticket_id``): the one at the window of its counter, if still."""
    ticket_id = event.payload.get("ticket_id")
    ticket = state.tickets.get(ticket_id) if isinstance(ticket_id, str) else None
    if ticket is None or ticket.counter != event.payload["counter_id"]:
        return None
    if ticket.status is not TicketStatus.CALLED and ticket.status is not TicketStatus.SERVING:
        return None
    return ticket


def clash_resolved(state: BranchState, event: Event) -> None:
    state.session_clashes.pop(event.payload["event_id"], None)
