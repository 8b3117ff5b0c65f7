"""Why the reducer flagged a conflict, as a code and its figures: the words belong to whoever shows it.

The reducer and the counter sessions record each conflict as one of these codes with the figures it
names (counter ids, ticket number, stations, tellers, times). The supervisor's screen words them in its
own language with counter names; ``english`` words them for the command line and the logs, as the
reducer used to, so ``sync status`` reads as before.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from queueing.core.events import Event


class ConflictReason(StrEnum):
    # An event on a ticket already finished, a no-show or expired: kept, changes nothing.
    AFTER_CLOSED = "after_closed"
    # An event from another counter than the one that holds the ticket (the first to call it).
    HELD_ELSEWHERE = "held_elsewhere"
    # A call of a ticket that was no longer waiting (another counter called it first, or it closed).
    CALLED_NOT_WAITING = "called_not_waiting"
    # A call at a counter that already had another customer at it (``number``): the first stays, the called
    # ticket keeps waiting.
    COUNTER_BUSY = "counter_busy"
    # An event from a counter (a start, a finish, a return ...) about a ticket that was at no counter: waiting
    # in a queue, where another counter's transfer or a supervisor's move had put it.
    NOT_AT_COUNTER = "not_at_counter"
    # A supervisor's move of a ticket that was no longer waiting (a counter called it meanwhile).
    MOVED_NOT_WAITING = "moved_not_waiting"
    # One ticket issued again under another number (an appointment checked in at two stations apart).
    ISSUED_AGAIN = "issued_again"
    # Two tickets under one number on one day.
    NUMBER_TWICE = "number_twice"
    # An event about a ticket this journal never issued.
    UNKNOWN_TICKET = "unknown_ticket"
    # A teller signed in at a counter another teller held.
    COUNTER_TAKEN = "counter_taken"
    # A teller signed in at a counter while signed in at another one.
    TELLER_ELSEWHERE = "teller_elsewhere"
    # A break moved or cancelled after another supervisor had moved or cancelled it: void (break_clashes.py).
    BREAK_CHANGED_LATE = "break_changed_late"


@dataclass(frozen=True)
class ConflictFigures:
    """What a reason names; a figure the reason does not use stays empty (None for a time)."""

    event_type: str = ""  # the event that clashed, e.g. "ticket_called"
    counter_id: str = ""  # the counter that event names
    other_counter_id: str = ""  # the counter that holds the ticket, or where the teller already is
    status: str = ""  # the ticket's status when the event came (a TicketStatus value)
    number: str = ""  # a ticket number
    other_number: str = ""  # the number that stands when a ticket was issued again under ``number``
    station_id: str = ""  # the station the clashing event came from
    other_station_id: str = ""  # the station of the fact it met (the holder's sign-in)
    staff_id: str = ""  # the teller of the clashing event
    other_staff_id: str = ""  # the teller who holds the counter
    at: datetime | None = None  # when the clashing event happened
    since: datetime | None = None  # since when the fact it met holds (the holder's sign-in)


def figures_of(event: Event, **named: Any) -> ConflictFigures:
    """The clashing event's own figures (type, station, teller, time) and what the reason names beside them."""
    staff = event.payload.get("staff_id")
    return ConflictFigures(
        event_type=str(event.type), station_id=event.station_id, staff_id=staff or "", at=event.at, **named
    )


def english(reason: ConflictReason, f: ConflictFigures) -> str:
    """The reason in the English sentence the reducer has always recorded (command line, logs)."""
    if reason is ConflictReason.AFTER_CLOSED:
        return f"{f.event_type} at {f.counter_id or '-'} after the ticket was {f.status}"
    if reason is ConflictReason.HELD_ELSEWHERE:
        return f"{f.event_type} at {f.counter_id} while the ticket is at {f.other_counter_id}"
    if reason is ConflictReason.CALLED_NOT_WAITING:
        return f"called at {f.counter_id} while {f.status} at {f.other_counter_id or None}"
    if reason is ConflictReason.COUNTER_BUSY:
        return f"called at {f.counter_id} while {f.number} was at that counter"
    if reason is ConflictReason.NOT_AT_COUNTER:
        return f"{f.event_type} at {f.counter_id} while the ticket was {f.status} at no counter"
    if reason is ConflictReason.MOVED_NOT_WAITING:
        return f"moved while {f.status} at {f.other_counter_id or None}"
    if reason is ConflictReason.ISSUED_AGAIN:
        return f"issued again as {f.number}"
    if reason is ConflictReason.NUMBER_TWICE:
        return f"number {f.number} issued twice"
    if reason is ConflictReason.UNKNOWN_TICKET:
        return "ticket not known here"
    if reason is ConflictReason.COUNTER_TAKEN:
        return (
            f"{f.staff_id} signed in at {f.counter_id} on {f.station_id} "
            f"while {f.other_staff_id} was signed in there on {f.other_station_id}"
        )
    if reason is ConflictReason.BREAK_CHANGED_LATE:
        return (
            f"{f.event_type} by {f.staff_id} on {f.station_id} after {f.other_staff_id} "
            f"changed the break on {f.other_station_id}: void"
        )
    return f"{f.staff_id} signed in at {f.counter_id} on {f.station_id} while at {f.other_counter_id}"
