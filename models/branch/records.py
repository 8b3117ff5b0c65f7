"""Frozen records the services hand to the UI and the CLI: never ORM objects."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from queueing.core.counters import Counter, SignIn
from queueing.core.state import CallRecord
from queueing.core.tickets import Ticket, TicketStatus
from queueing.core.waiting_index import late_since, live_wait_s
from queueing.waits.estimate import WaitEstimate


@dataclass(frozen=True)
class TicketView:
    id: str
    number: str
    category: str
    priority: str
    status: str
    issued_at: datetime
    waited_s: float
    counter_id: str | None
    staff_id: str | None
    customer_id: str | None
    called_at: datetime | None
    started_at: datetime | None
    recalls: int
    transfers: int
    conflict: bool
    estimate_mean_s: float | None = None
    estimate_p90_s: float | None = None
    position: int | None = None
    out_of_order_reason: str | None = None
    # Seconds waited in the queue it is in now (queueing.core.waiting_index.live_wait_s): since the transfer for
    # one sent to the end of a queue, since the booked time for an appointment checked in early; until now while
    # it waits, until its last call at a counter; one transferred keeping its place, not for its time at the
    # counter (its wait before the first call and since it left the counter). The alerts and the queue screens
    # age it; ``waited_s`` is the first call's wait from the issue, which the reports and pay count.
    live_wait_s: float = 0.0
    # The counter a teller sent it to by name: only that counter calls it (queueing.core.policy.level_for).
    target_counter_id: str | None = None
    # From when fair service counts its wait (queueing.core.waiting_index.late_since): past its category's
    # any-counter limit, every open counter calls it (the idle-counter alert counts it too).
    late_since: datetime | None = None
    # Seconds the visit spent parked since its start: the finish takes them off its service time, and so must
    # the station's running timer.
    parked_s: float = 0.0

    @classmethod
    def of(cls, ticket: Ticket, now: datetime, estimate: WaitEstimate | None = None) -> TicketView:
        return cls(
            id=ticket.id,
            number=ticket.number,
            category=ticket.category,
            priority=str(ticket.priority),
            status=str(ticket.status),
            issued_at=ticket.issued_at,
            waited_s=ticket.waited_s(now),
            counter_id=ticket.counter,
            staff_id=ticket.staff,
            customer_id=ticket.customer_id,
            called_at=ticket.called_at,
            started_at=ticket.started_at,
            recalls=ticket.recalls,
            transfers=ticket.transfers,
            conflict=ticket.conflict,
            estimate_mean_s=estimate.mean_s if estimate else None,
            estimate_p90_s=estimate.p90_s if estimate else None,
            position=estimate.position if estimate else None,
            out_of_order_reason=ticket.out_of_order_reason,
            live_wait_s=_live_wait_s(ticket, now),
            target_counter_id=ticket.target_counter,
            late_since=late_since(ticket),
            parked_s=ticket.parked_s,
        )


_WAITING = TicketStatus.WAITING  # read once: a member read off its enum class is slow in Python 3.11


def _live_wait_s(ticket: Ticket, now: datetime) -> float:
    end = now if ticket.status is _WAITING or ticket.called_at is None else ticket.called_at
    return live_wait_s(ticket, end)


@dataclass(frozen=True)
class SessionView:
    """Who is signed in at a counter, from which station, since when."""

    counter_id: str
    staff_id: str
    station_id: str
    signed_in_at: datetime


@dataclass(frozen=True)
class CounterView:
    id: str
    name: str
    profile: dict[str, int]
    status: str
    staff_id: str | None
    pause_reason: str | None
    status_since: datetime | None
    current: TicketView | None
    signed_in: SessionView | None = None

    @classmethod
    def of(cls, counter: Counter, current: TicketView | None, held: SignIn | None = None) -> CounterView:
        return cls(
            id=counter.id,
            name=counter.name,
            profile=dict(counter.profile),
            status=str(counter.status),
            staff_id=counter.staff,
            pause_reason=counter.pause_reason,
            status_since=counter.status_since,
            current=current,
            signed_in=SessionView(counter.id, held.staff_id, held.station_id, held.at) if held else None,
        )


@dataclass(frozen=True)
class CallView:
    ticket_id: str
    number: str
    counter_id: str
    counter_name: str
    at: datetime
    recall: bool

    @classmethod
    def of(cls, call: CallRecord, counter_name: str) -> CallView:
        return cls(call.ticket_id, call.number, call.counter, counter_name, call.at, call.recall)


@dataclass(frozen=True)
class QueueSnapshot:
    """The branch as one screen sees it at ``at``."""

    at: datetime
    business_date: date | None
    counters: tuple[CounterView, ...]
    # For a counter: its waiting tickets in the order it would call them; else all waiting, by estimate.
    waiting: tuple[TicketView, ...]
    waiting_by_category: dict[str, int]
    parked: tuple[TicketView, ...]
    recent_calls: tuple[CallView, ...]
    conflicts: int
    position: int = 0
    # Per category: customers a regular ticket taken now would have ahead (the kiosk's tiles; asked for only there).
    ahead_by_category: dict[str, int] = field(default_factory=dict)
    # When the service found the branch's journal restored from a backup behind what it had read, and rebuilt
    # this view from the store as restored (BranchService.journal_restored_at); None: never.
    journal_restored_at: datetime | None = None


@dataclass(frozen=True)
class CommandResult:
    """What a command changed, so each screen can decide whether to redraw."""

    event_types: tuple[str, ...]
    tickets: tuple[TicketView, ...] = field(default_factory=tuple)
    counters: tuple[CounterView, ...] = field(default_factory=tuple)

    @property
    def ticket(self) -> TicketView | None:
        return self.tickets[0] if self.tickets else None
