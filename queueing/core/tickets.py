"""Tickets: a customer's place in the queue, and its life cycle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum


class PriorityClass(StrEnum):
    REGULAR = "regular"
    VIP = "vip"
    ELDERLY = "elderly"  # elderly, disabled or pregnant
    APPOINTMENT = "appointment"


class VisitOutcome(StrEnum):
    """How a visit ended, as the teller's finish or a supervisor's correction records it. Pay does not depend
    on it; it tells a supervisor reading the record which visits did not get the customer what they came for."""

    COMPLETED = "completed"
    INCOMPLETE = "incomplete"  # the customer lacked a document or the system refused: to come back
    REFERRED = "referred"  # sent to another department, branch or specialist


VISIT_OUTCOMES = frozenset(str(outcome) for outcome in VisitOutcome)


class TicketStatus(StrEnum):
    WAITING = "waiting"
    CALLED = "called"
    SERVING = "serving"
    PARKED = "parked"
    DONE = "done"
    NO_SHOW = "no_show"
    # Not served: its business day ended while it was still waiting or parked (a paper ticket is valid for
    # its day only). Nobody's no-show: no teller called it in vain.
    EXPIRED = "expired"


# A finished ticket's statuses (``is_open`` is False).
CLOSED_STATUSES = frozenset((TicketStatus.DONE, TicketStatus.NO_SHOW, TicketStatus.EXPIRED))


@dataclass(frozen=True)
class TransactionLine:
    """One business operation done during a visit, with its quantity."""

    code: str
    quantity: float = 1.0
    # The money amount of the line, for unit rules that count amount steps (a deposit of 25,000).
    amount: float | None = None


@dataclass(slots=True)
class Ticket:
    id: str
    number: str
    category: str
    priority: PriorityClass
    business_date: date
    issued_at: datetime
    # Waiting is measured from here: the issue time, or the transfer time for a
    # ticket sent to the end of another queue.
    queued_at: datetime
    issued_by: str
    seq: int = 0
    customer_id: str | None = None
    appointment_at: datetime | None = None
    status: TicketStatus = TicketStatus.WAITING
    target_counter: str | None = None
    counter: str | None = None
    staff: str | None = None
    called_at: datetime | None = None
    first_called_at: datetime | None = None
    started_at: datetime | None = None
    started_mono: float | None = None
    started_run: str | None = None  # the clock run started_mono was read in (Clock.run_id); None: not known here
    started_station: str | None = None
    finished_at: datetime | None = None
    # Who was signed in at its counter when it finished: its caller, or a teller who took the counter over.
    finished_by: str | None = None
    recalls: int = 0
    transfers: int = 0
    service_seconds: float | None = None
    transactions: tuple[TransactionLine, ...] = ()  # a shared empty tuple, not a factory called per ticket
    out_of_order_reason: str | None = None
    conflict: bool = False
    # When it last left a counter, parked or transferred: one that left a counter after its day ended was at a
    # counter when it ended, and the day end leaves it alone (queueing.core.day_end).
    left_counter_at: datetime | None = None
    # Seconds of its service it spent parked (the customer away for a document, the teller serving others):
    # not service time, which piece-rate pay counts and the short-visit review judges.
    parked_s: float = 0.0
    # Where and when the open park was read on the monotonic clock (as started_mono/run/station for the start).
    parked_mono: float | None = None
    parked_run: str | None = None
    parked_station: str | None = None
    # Where each teller's part of its service ended, as (teller, service seconds so far), when more than one
    # served it (a park, a counter left with the customer at it): the finish splits the service by them
    # (queueing.core.service_shares).
    marks: tuple[tuple[str, float], ...] = ()
    # The service so far when the teller at its counter left it there (signed out, or released by a supervisor),
    # until the next sign-in there: the time between was nobody's service.
    left_served_s: float | None = None
    # The moment a day end closed it, or found it at a counter, its day being over: a visit begun before that
    # moment and pushed after it reopens the ticket, and closes it again then if it left it waiting or parked
    # before midnight (queueing.core.reducer._revive): every store ends with the same ticket.
    day_ended_at: datetime | None = None
    # The category it was issued for. ``category`` follows a transfer (the queue it waits in now: calling and
    # estimates go by it); the service report counts the ticket, and judges its wait for the first call, here.
    # "" for a ticket no issue event made (a what-if ticket of queueing.waits.estimate).
    issued_category: str = ""

    @property
    def is_open(self) -> bool:
        return self.status not in CLOSED_STATUSES

    def waited_s(self, now: datetime) -> float:
        """Seconds the customer has waited since the ticket was issued (or until called)."""
        end = self.first_called_at or now
        return max(0.0, (end - self.issued_at).total_seconds())
