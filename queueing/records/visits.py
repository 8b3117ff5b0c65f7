"""Visit records: one customer served at one counter, built from the event stream.

A pure function of the events and the transaction catalogue. A visit exists once
its service finished (a ticket that was transferred away or did not show up was
not served there, and earns no units). Its identity is the ticket id: the reducer
refuses a second finish of one ticket, and so does this builder.

Ratings, quality marks and corrections name the visit by ``ticket_id``; they are
applied after every visit is built, in stream order, so one that reached this
stream before its visit (events from another station) still lands.

Decisions:
- A visit counts on the branch's local date it *finished* (``day``): a visit
  across midnight belongs to the day it ended, when its units were earned.
- ``wait_s`` is from issue to the first call, as the customer lived it.
- ``service_s`` is the finish event's ``service_seconds`` (monotonic on the
  serving station), never a difference of two machines' wall clocks.
- A visit more than one teller served (parked by one and brought back by the next, a counter taken
  over with its customer) keeps each one's seconds (``shares``, from its finish): teller time counts
  those. Its units, its visit and the figures judged per visit (short, over the standard time) stay
  with the visit's teller, the one who called the customer, as a correction may move them.
- A repeated rating replaces the earlier one (the last press on the pad counts).
- A correction never erases: the record keeps each correction with the values
  before and after it.
- Nobody decides about their own visit: a short-visit decision by the visit's teller does not
  count, and one taken before a correction moved the visit to its decider is set aside.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from datetime import time as clock_time
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from queueing.core.events import Event, EventType
from queueing.core.service_shares import Share, part_of, read_shares, served_by
from queueing.core.transaction_types import TransactionCatalogue


class QualityKind(StrEnum):
    ERROR_MINOR = "error_minor"
    ERROR_MAJOR = "error_major"
    COMPLAINT = "complaint"


QUALITY_KINDS = frozenset(str(kind) for kind in QualityKind)


@dataclass(frozen=True)
class VisitLine:
    code: str
    quantity: float
    amount: float | None
    units: float
    standard_s: float
    # False for a code the catalogue does not know: no units, no standard time.
    known: bool = True
    # The shortest service of this line that earns units without a supervisor's review.
    min_s: float = 0.0


@dataclass(frozen=True)
class QualityMark:
    event_id: str
    kind: QualityKind
    at: datetime
    by: str | None
    note: str = ""


class ShortDecision(StrEnum):
    APPROVED = "approved"
    REJECTED = "rejected"


SHORT_DECISIONS = frozenset(str(decision) for decision in ShortDecision)


@dataclass(frozen=True)
class ShortReview:
    """A supervisor's decision on a visit shorter than its minimum service time."""

    event_id: str
    decision: ShortDecision
    at: datetime
    by: str | None
    note: str = ""


@dataclass(frozen=True)
class FieldChange:
    field: str
    before: Any
    after: Any


@dataclass(frozen=True)
class Correction:
    event_id: str
    at: datetime
    by: str | None
    reason: str
    changes: tuple[FieldChange, ...]


@dataclass(frozen=True)
class VisitRecord:
    ticket_id: str
    number: str
    category: str
    priority: str
    counter_id: str
    station_id: str
    teller: str | None
    issued_at: datetime | None
    called_at: datetime | None
    started_at: datetime | None
    finished_at: datetime
    day: date
    wait_s: float
    service_s: float
    lines: tuple[VisitLine, ...]
    outcome: str
    rating: int | None = None
    quality: tuple[QualityMark, ...] = ()
    corrections: tuple[Correction, ...] = ()
    short_review: ShortReview | None = None
    # Each teller's seconds when more than one served it (adding up to ``service_s``); None: all ``teller``'s.
    shares: tuple[Share, ...] | None = None

    @property
    def served_by(self) -> tuple[Share, ...]:
        """Who served the visit and for how many seconds of its ``service_s``."""
        return served_by(self.shares, self.teller, self.service_s)

    @property
    def own_served_s(self) -> float:
        """The seconds of its service its teller served."""
        return part_of(self.shares, self.teller) if self.shares else self.service_s

    @property
    def units(self) -> float:
        return sum(line.units for line in self.lines)

    @property
    def served_first_by(self) -> str | None:
        """The teller the visit was recorded under before a correction moved it (None: never moved)."""
        for correction in self.corrections:
            for change in correction.changes:
                if change.field == "teller":
                    return change.before
        return None

    @property
    def minimum_s(self) -> float:
        return sum(line.min_s for line in self.lines)

    @property
    def short(self) -> bool:
        """Finished faster than its lines' minimum service: its units wait for a supervisor's approval."""
        return is_short(self.service_s, self.lines)

    @property
    def standard_s(self) -> float:
        return sum(line.standard_s for line in self.lines)

    @property
    def overrun_s(self) -> float:
        """Seconds beyond the standard time (negative: finished within it)."""
        return self.service_s - self.standard_s

    @property
    def overran(self) -> bool:
        return self.standard_s > 0 and self.service_s > self.standard_s

    def count(self, kind: QualityKind) -> int:
        return sum(1 for mark in self.quality if mark.kind is kind)


def is_short(service_s: float, lines: Sequence[VisitLine]) -> bool:
    return under_minimum(service_s, sum(line.min_s for line in lines))


def under_minimum(service_s: float, minimum_s: float) -> bool:
    """A visit faster than its lines' minimum service time (a minimum of 0 turns the check off)."""
    return minimum_s > 0 and service_s < minimum_s


def price_lines(raw: Sequence[dict[str, Any]], catalogue: TransactionCatalogue) -> tuple[VisitLine, ...]:
    """Transaction lines as the finish payload carries them, with units and standard times."""
    lines = []
    for item in raw:
        quantity = float(item.get("quantity", 1.0))
        amount = float(item["amount"]) if item.get("amount") is not None else None
        kind = catalogue.get(item["code"])
        if kind is None:
            lines.append(VisitLine(item["code"], quantity, amount, 0.0, 0.0, known=False))
        else:
            lines.append(
                VisitLine(
                    item["code"],
                    quantity,
                    amount,
                    kind.units(quantity, amount),
                    kind.standard_for(quantity),
                    min_s=kind.minimum_for(quantity),
                )
            )
    return tuple(lines)


@dataclass(slots=True)
class _Ticket:
    number: str = ""
    category: str = ""
    priority: str = ""
    issued_at: datetime | None = None
    first_called_at: datetime | None = None
    staff: str | None = None
    started_at: datetime | None = None
    counter: str | None = None  # the counter holding the ticket: the reducer's rule (queueing.core.reducer._held)
    finished: bool = False  # closed: finished, a no-show, or expired (then ``expired_at``)
    business_date: date | None = None
    parked: bool = False
    left_at: datetime | None = None  # when it last left a counter (parked, transferred)
    expired_at: datetime | None = None  # closed by a day end, at this moment
    day_ended_at: datetime | None = None  # a day end met it at a counter (or reopened it): queueing.core.reducer


class _Builder:
    """The reducer's rule for who holds a ticket, followed on the few facts a visit needs: a ticket belongs to the
    counter that called it; a step from another counter, or from any counter while the ticket waits, changes
    nothing; a finish, a no-show or a day end closes it, and a day end's expiry is undone by a call or a return
    made before it (queueing.core.reducer._revive, _closed_again). A visit is recorded for a finish that counts."""

    def __init__(self, catalogue: TransactionCatalogue, zone: ZoneInfo) -> None:
        self.catalogue = catalogue
        self.zone = zone
        self.tickets: dict[str, _Ticket] = {}
        self.counter_staff: dict[str, str | None] = {}
        # The ticket at each counter's window (called or being served there): a call of another one there changes
        # nothing (the reducer's counter_busy).
        self.at_counter: dict[str, str] = {}
        self.visits: dict[str, VisitRecord] = {}
        self.later: list[Event] = []

    def feed(self, event: Event) -> None:
        kind, p = event.type, event.payload
        if kind in _ADJUSTMENTS:
            self.later.append(event)
        elif kind is EventType.COUNTER_OPENED:
            self.counter_staff[p["counter_id"]] = p.get("staff_id")
        elif kind is EventType.TICKET_ISSUED:
            self.tickets.setdefault(
                p["ticket_id"],
                _Ticket(
                    p["number"],
                    p["category"],
                    p["priority"],
                    datetime.fromisoformat(p["issued_at"]),
                    business_date=date.fromisoformat(p["business_date"]) if p.get("business_date") else None,
                ),
            )
        elif kind is EventType.TICKET_CALLED:
            self._called(event)
        elif kind is EventType.SERVICE_STARTED:
            t = self._held(p)
            if t is not None:
                t.started_at = event.at
                t.parked = False
        elif kind is EventType.TICKET_PARKED:
            t = self._held(p)
            if t is not None:
                t.parked, t.left_at = True, event.at
                self._leave(p["ticket_id"], t)
                self._closed_again(t)
        elif kind is EventType.TICKET_RETURNED:
            self._returned(event)
        elif kind is EventType.TICKET_TRANSFERRED:
            t = self.tickets.setdefault(p["ticket_id"], _Ticket())
            source = p.get("from_counter")
            if t.finished or t.counter != source or (source is None and t.parked):
                return  # from a counter that does not hold it, or a move of a ticket no longer waiting: flagged
            self._leave(p["ticket_id"], t)
            t.started_at = None
            t.counter = None
            t.parked = False
            t.left_at = event.at
            self._closed_again(t)
        elif kind is EventType.TICKET_NO_SHOW:
            t = self._held(p)
            if t is not None:
                t.finished, t.day_ended_at = True, None
                self._leave(p["ticket_id"], t)
        elif kind is EventType.TICKET_EXPIRED:
            self._expired(event)
        elif kind is EventType.SERVICE_FINISHED:
            if self._held(p) is not None:
                self._finished(event)

    def _held(self, p: dict[str, Any]) -> _Ticket | None:
        """The ticket, if the counter the event names holds it and it is open."""
        t = self.tickets.setdefault(p["ticket_id"], _Ticket())
        return t if t.counter == p["counter_id"] and not t.finished else None

    def _leave(self, ticket_id: str, t: _Ticket) -> None:
        if t.counter is not None and self.at_counter.get(t.counter) == ticket_id:
            del self.at_counter[t.counter]

    def _busy(self, counter_id: str, ticket_id: str) -> bool:
        other_id = self.at_counter.get(counter_id)
        other = self.tickets.get(other_id) if other_id is not None and other_id != ticket_id else None
        return other is not None and not other.finished and not other.parked and other.counter == counter_id

    def _revive(self, event: Event, t: _Ticket, parked: bool) -> bool:
        """As the reducer's: a call (of a waiting ticket) or a return (of a parked one) made before the day end
        that closed it reopens it."""
        expired_at = t.expired_at
        if expired_at is None or not event.at < expired_at or t.parked is not parked:
            return False
        if (t.counter is not None) is not parked:
            return False
        t.finished, t.expired_at, t.day_ended_at = False, None, expired_at
        return True

    def _called(self, event: Event) -> None:
        p = event.payload
        ticket_id, counter_id = p["ticket_id"], p["counter_id"]
        t = self.tickets.setdefault(ticket_id, _Ticket())
        reopened = t.expired_at is not None and self._revive(event, t, parked=False)
        if t.counter is not None or t.finished or t.parked:
            return  # a second counter's call of a held ticket: flagged by the reducer, credits nobody
        if not reopened and self._busy(counter_id, ticket_id):
            return  # the counter has another customer at it (counter_busy): the call changes nothing
        if not reopened or counter_id not in self.at_counter:
            self.at_counter[counter_id] = ticket_id
        t.counter = counter_id
        t.first_called_at = t.first_called_at or event.at
        t.staff = p.get("staff_id") or self.counter_staff.get(counter_id)
        t.started_at = None

    def _returned(self, event: Event) -> None:
        p = event.payload
        ticket_id, counter_id = p["ticket_id"], p["counter_id"]
        t = self.tickets.setdefault(ticket_id, _Ticket())
        reopened = t.expired_at is not None and self._revive(event, t, parked=True)
        if t.finished or not t.parked or (t.counter != counter_id and not reopened):
            return
        t.parked = False
        if not reopened or counter_id not in self.at_counter:
            self.at_counter[counter_id] = ticket_id
        t.counter = counter_id

    def _left_before(self, t: _Ticket, day: date) -> bool:
        """queueing.core.day_end.left_before: issued before ``day`` and not away from a counter since it began."""
        if t.business_date is None or not t.business_date < day:
            return False
        return t.left_at is None or t.left_at < datetime.combine(day, clock_time(), tzinfo=self.zone)

    def _expired(self, event: Event) -> None:
        t = self.tickets.get(event.payload["ticket_id"])
        if t is None or t.finished or t.business_date is None:
            return
        day = date.fromisoformat(event.payload["business_date"])
        if t.business_date >= day:
            return
        if (t.counter is None or t.parked) and self._left_before(t, day):
            t.finished, t.expired_at, t.day_ended_at = True, event.at, None
        elif t.day_ended_at is None or event.at < t.day_ended_at:
            t.day_ended_at = event.at

    def _closed_again(self, t: _Ticket) -> None:
        ended_at = t.day_ended_at
        if ended_at is not None and self._left_before(t, ended_at.astimezone(self.zone).date()):
            t.finished, t.expired_at, t.day_ended_at = True, ended_at, None

    def _finished(self, event: Event) -> None:
        p = event.payload
        t = self.tickets.setdefault(p["ticket_id"], _Ticket())
        if t.finished:
            return  # finished twice: the reducer flags the conflict and keeps the first
        t.finished, t.day_ended_at = True, None
        self._leave(p["ticket_id"], t)
        wait = (t.first_called_at - t.issued_at).total_seconds() if t.first_called_at and t.issued_at else 0.0
        self.visits[p["ticket_id"]] = VisitRecord(
            ticket_id=p["ticket_id"],
            number=t.number,
            category=t.category,
            priority=t.priority,
            counter_id=p["counter_id"],
            station_id=event.station_id,
            teller=t.staff or self.counter_staff.get(p["counter_id"]),
            issued_at=t.issued_at,
            called_at=t.first_called_at,
            started_at=t.started_at,
            finished_at=event.at,
            day=event.at.astimezone(self.zone).date(),
            wait_s=max(0.0, wait),
            service_s=float(p["service_seconds"]),
            lines=price_lines(p["transactions"], self.catalogue),
            outcome=p.get("outcome", "completed"),
            shares=read_shares(p) if "shares" in p else None,
        )

    def adjust(self) -> None:
        adjust_visits(self.visits, self.later, self.catalogue)


def adjust_visits(visits: dict[str, VisitRecord], events: Iterable[Event], catalogue: TransactionCatalogue) -> None:
    """Apply ratings, quality marks and corrections, in stream order, to the visits (by ticket id) they name.

    Other events, and those naming a visit not in ``visits``, are skipped. A store reads
    the records from its rows and only these events through here (models.reports.record_queries).
    """
    for event in events:
        adjust = _ADJUSTMENTS.get(event.type)
        visit = visits.get(event.payload.get("ticket_id", ""))
        if adjust is not None and visit is not None:
            visits[visit.ticket_id] = adjust(catalogue, visit, event)


def _rated(catalogue: TransactionCatalogue, visit: VisitRecord, event: Event) -> VisitRecord:
    return replace(visit, rating=int(event.payload["rating"]))


def _quality(catalogue: TransactionCatalogue, visit: VisitRecord, event: Event) -> VisitRecord:
    p = event.payload
    if p.get("kind") not in QUALITY_KINDS:
        return visit  # a kind from a newer version: kept in the journal, not counted here
    mark = QualityMark(event.id, QualityKind(p["kind"]), event.at, p.get("by"), p.get("note", ""))
    return replace(visit, quality=(*visit.quality, mark))


def _corrected(catalogue: TransactionCatalogue, visit: VisitRecord, event: Event) -> VisitRecord:
    p = event.payload
    new = p["changes"]
    changes: list[FieldChange] = []
    updates: dict[str, Any] = {}
    if "transactions" in new:
        updates["lines"] = price_lines(new["transactions"], catalogue)
        changes.append(FieldChange("transactions", visit.lines, updates["lines"]))
    if "teller" in new:
        updates["teller"] = new["teller"]
        changes.append(FieldChange("teller", visit.teller, new["teller"]))
        if visit.shares:
            updates["shares"] = moved_shares(visit.shares, visit.teller, new["teller"])
        if visit.short_review is not None and visit.short_review.by == new["teller"]:
            updates["short_review"] = None  # now the decider's own visit: it waits for another supervisor's decision
    if "outcome" in new:
        updates["outcome"] = new["outcome"]
        changes.append(FieldChange("outcome", visit.outcome, new["outcome"]))
    if "void_quality" in new:
        voided = set(new["void_quality"])
        updates["quality"] = tuple(m for m in visit.quality if m.event_id not in voided)
        changes.append(FieldChange("void_quality", visit.quality, updates["quality"]))
    correction = Correction(event.id, event.at, p.get("by"), p["reason"], tuple(changes))
    return replace(visit, **updates, corrections=(*visit.corrections, correction))


def moved_shares(shares: tuple[Share, ...], before: str | None, after: str | None) -> tuple[Share, ...] | None:
    """A visit's shares once a correction moved it from ``before`` to ``after``: the seconds recorded under the
    visit's teller go with the visit (the correction says someone else served that part); the other tellers'
    parts stay theirs. None: all the visit's teller's again."""
    parts: dict[str, float] = {}
    for teller, seconds in shares:
        name = after if teller == before and after is not None else teller
        parts[name] = parts.get(name, 0.0) + seconds
    if set(parts) == {after}:
        return None
    return tuple(parts.items())


def _short_reviewed(catalogue: TransactionCatalogue, visit: VisitRecord, event: Event) -> VisitRecord:
    p = event.payload
    if visit.short_review is not None or p.get("decision") not in SHORT_DECISIONS or p.get("by") == visit.teller:
        # The first decision stands (two stations offline may both decide); an unknown one is not counted, nor
        # one about the decider's own visit.
        return visit
    review = ShortReview(event.id, ShortDecision(p["decision"]), event.at, p.get("by"), p.get("note", ""))
    return replace(visit, short_review=review)


_ADJUSTMENTS = {
    EventType.VISIT_RATED: _rated,
    EventType.VISIT_QUALITY_RECORDED: _quality,
    EventType.VISIT_CORRECTED: _corrected,
    EventType.VISIT_SHORT_REVIEWED: _short_reviewed,
}


def build_visits(events: Iterable[Event], catalogue: TransactionCatalogue, timezone: str) -> list[VisitRecord]:
    """Every finished visit in ``events`` (in stream order), with its ratings, quality marks and corrections."""
    builder = _Builder(catalogue, ZoneInfo(timezone))
    for event in events:
        builder.feed(event)
    builder.adjust()
    return list(builder.visits.values())
