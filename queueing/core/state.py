"""The branch's live state, as the reducer builds it from events."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import NamedTuple

from queueing.core.categories import BranchConfig
from queueing.core.conflict_reasons import ConflictFigures, ConflictReason, english
from queueing.core.counters import Counter, SignIn
from queueing.core.errors import UnknownCounter, UnknownTicket
from queueing.core.service_stats import ServiceStats
from queueing.core.tickets import Ticket, TicketStatus
from queueing.core.waiting_index import WaitingTickets


class CallRecord(NamedTuple):
    """A call as the hall display shows it (a named tuple: one is made at every call and recall)."""

    ticket_id: str
    number: str
    counter: str
    at: datetime
    recall: bool = False


@dataclass(frozen=True)
class Conflict:
    """Two facts that cannot both hold (one ticket called by two stations offline, or one counter
    signed in by two tellers); ``ticket_id`` is empty for a counter's."""

    event_id: str
    ticket_id: str
    kind: str
    # Why, as data: the screens word it in their language (queueing.core.conflict_reasons).
    reason: ConflictReason
    figures: ConflictFigures

    @property
    def detail(self) -> str:
        """The reason in English, for the command line and the logs."""
        return english(self.reason, self.figures)


@dataclass
class BranchState:
    config: BranchConfig
    business_date: date | None = None
    counters: dict[str, Counter] = field(default_factory=dict)
    tickets: dict[str, Ticket] = field(default_factory=dict)
    # Waiting tickets by id, in issue order, with the calling policy's index beside them (waiting_index.py).
    waiting: dict[str, Ticket] = field(default_factory=WaitingTickets)
    # Last number used per category on business_date.
    sequences: dict[str, int] = field(default_factory=dict)
    # Last number known handed out, by (business day, category), beyond what the journal holds: a store restored
    # from a backup has lost tickets whose slips customers hold, so numbering goes on above them (set by the
    # service that saw them; empty otherwise).
    handed_out: dict[tuple[date, str], int] = field(default_factory=dict)
    # Highest sequence applied per station (gapless per station).
    station_seq: dict[str, int] = field(default_factory=dict)
    stats: dict[str, ServiceStats] = field(default_factory=dict)
    recent_calls: list[CallRecord] = field(default_factory=list)
    conflicts: list[Conflict] = field(default_factory=list)
    by_number: dict[str, str] = field(default_factory=dict)
    # Who is signed in where, by counter id (from the sign-in events; projected into counter_session).
    sessions: dict[str, SignIn] = field(default_factory=dict)
    # Sign-ins that clashed with a session already held, by their event id, until a supervisor resolves them.
    session_clashes: dict[str, Conflict] = field(default_factory=dict)
    # Tickets a day end closed (EXPIRED), once a day roll took them out of ``tickets``: a call or return made
    # before the expiry, by a station offline across it, still finds them (reducer._revive), so the visit it began
    # is served and paid, not a conflict. A replay keeps every one; a state loaded from the projections holds
    # those the events it applied named (models.branch.state_loader.load_expired), which is all the reducer asks.
    expired: dict[str, Ticket] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for code, cat in self.config.categories.items():
            self.stats.setdefault(code, ServiceStats.prior(cat.typical_service_s))

    def next_seq(self, station_id: str) -> int:
        return self.station_seq.get(station_id, 0) + 1

    def ticket(self, ticket_id: str) -> Ticket:
        try:
            return self.tickets[ticket_id]
        except KeyError:
            raise UnknownTicket(f"unknown ticket {ticket_id!r}", ticket=ticket_id) from None

    def ticket_by_number(self, number: str) -> Ticket:
        ticket_id = self.by_number.get(number.upper())
        if ticket_id is None:
            raise UnknownTicket(f"no ticket {number!r} today", ticket=number)
        return self.tickets[ticket_id]

    def finisher(self, counter_id: str, ticket: Ticket) -> str | None:
        """Who finishes ``ticket`` at ``counter_id`` as this state sees it: the teller signed in there (its caller,
        or one who took the counter over), else its caller."""
        held = self.sessions.get(counter_id)
        return held.staff_id if held is not None else ticket.staff

    def counter(self, counter_id: str) -> Counter:
        try:
            return self.counters[counter_id]
        except KeyError:
            raise UnknownCounter(f"unknown counter {counter_id!r}", counter=counter_id) from None

    def open_tickets(self) -> list[Ticket]:
        return [t for t in self.tickets.values() if t.is_open]

    def parked_at(self, counter_id: str) -> list[Ticket]:
        return [t for t in self.tickets.values() if t.status is TicketStatus.PARKED and t.counter == counter_id]
