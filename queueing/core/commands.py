"""Commands: check an action against the rules and return the events it makes.

A command never changes state: it raises a DomainError or returns events, and
the caller applies them (with the reducer) once they are safely stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from queueing.core.counter_sessions import release_changes, sign_in_changes, sign_out_changes
from queueing.core.counters import LEVELS, Counter, CounterStatus, PauseReason
from queueing.core.day_end import DayEndFirst, left_over
from queueing.core.errors import (
    AlreadyResolved,
    CounterNotAvailable,
    DomainError,
    InvalidTransition,
    MovedMeanwhile,
    NothingWaiting,
    UnknownCounter,
)
from queueing.core.events import Event, EventType, StationContext
from queueing.core.iso_text import day_text, moment_text
from queueing.core.policy import choose_next
from queueing.core.service_shares import shares_at_finish
from queueing.core.state import BranchState
from queueing.core.text_rules import COUNTER_ID, COUNTER_NAME, clean_text
from queueing.core.tickets import VISIT_OUTCOMES, PriorityClass, Ticket, TicketStatus, TransactionLine

Change = tuple[EventType, dict[str, Any]]

# PriorityClass(text) without the enum's call (every ticket issued): a member is found by its text too.
_PRIORITIES: dict[str, PriorityClass] = {str(k): k for k in PriorityClass}
_PRIORITY_TEXT: dict[PriorityClass, str] = {k: str(k) for k in PriorityClass}  # and back, without str()
# What every customer's commands read, as module names: in Python 3.11 a member read off its enum class goes
# through EnumType.__getattr__'s slow hook (a method-wrapper made and called at every read).
_OPEN, _APPOINTMENT = CounterStatus.OPEN, PriorityClass.APPOINTMENT
_CALLED, _SERVING = TicketStatus.CALLED, TicketStatus.SERVING
_ISSUED, _CALL, _START, _FINISH = (
    EventType.TICKET_ISSUED,
    EventType.TICKET_CALLED,
    EventType.SERVICE_STARTED,
    EventType.SERVICE_FINISHED,
)


def business_date(state: BranchState, when: datetime) -> date:
    """The branch's local calendar day: numbers restart at local midnight.

    Never before the day the state has reached: a station whose clock runs behind
    (or was set back) keeps issuing into the current day, not into a closed one.
    """
    day = local_day(state.config.timezone, when)
    reached = state.business_date
    return reached if reached is not None and reached > day else day


def day_end_date(state: BranchState, when: datetime) -> date:
    """The day whose start ends the business days before it (``end_past_days``): the local day of ``when``.

    Not ``business_date``'s: the day the branch has reached is pushed on by any ticket issued into a later
    day, one from a station whose clock ran a day ahead (offline, unmeasured) too, and today's whole queue
    would close with it. A clock that runs behind ends nothing; one that is right ends yesterday.
    """
    return local_day(state.config.timezone, when)


# Per time zone, the last local day asked for and its bounds in UTC: a day's tickets all fall within them.
_DAYS: dict[str, tuple[datetime, datetime, date]] = {}


def local_day(timezone: str, when: datetime) -> date:
    """``when``'s calendar date in ``timezone``, converted once per local day for times in UTC."""
    known = _DAYS.get(timezone)
    if known is not None and when.tzinfo is UTC and known[0] <= when < known[1]:
        return known[2]
    zone = ZoneInfo(timezone)
    day = when.astimezone(zone).date()
    start = datetime.combine(day, time(), tzinfo=zone)
    end = datetime.combine(day + timedelta(days=1), time(), tzinfo=zone)
    # Kept only for a day of one offset from midnight to midnight: across a change of clocks the local date of
    # a later instant may step back (a fall back over midnight), and a range would not say so.
    if start.utcoffset() == end.utcoffset() and start <= when < end:
        _DAYS[timezone] = (start.astimezone(UTC), end.astimezone(UTC), day)
    return day


# f"{seq:03d}" of the first thousand numbers, made once (a format spec costs four times the look-up).
_THREE_DIGITS = tuple(f"{seq:03d}" for seq in range(1000))


def format_number(prefix: str, seq: int) -> str:
    return prefix + _THREE_DIGITS[seq] if 0 <= seq < 1000 else f"{prefix}{seq:03d}"


# Above any quantity or amount a finish records (the finish dialog takes amounts up to 10^12): the comparison
# refuses infinity and NaN too, which pricing could not round (and the pay report raised on).
_NO_MORE_THAN = 1e15


def _line_payload(line: TransactionLine) -> dict[str, Any]:
    payload: dict[str, Any] = {"code": line.code, "quantity": line.quantity}
    if line.amount is not None:
        payload["amount"] = line.amount
    return payload


class Commands:
    """The counter and ticket actions of one station."""

    def __init__(self, state: BranchState, ctx: StationContext) -> None:
        self.state = state
        self.ctx = ctx

    # -- helpers -------------------------------------------------------------
    def _events(self, *changes: Change) -> list[Event]:
        ctx = self.ctx
        return ctx.build(self.state.station_seq.get(ctx.station_id, 0) + 1, changes)

    def _event(self, kind: EventType, payload: dict[str, Any]) -> list[Event]:
        """``_events((kind, payload))``: the one event most commands make."""
        ctx = self.ctx
        return [ctx.one(self.state.station_seq.get(ctx.station_id, 0) + 1, kind, payload)]

    def _open_counter(self, counter_id: str) -> Counter:
        # The dict's get first, as issue_ticket finds its category: state.counter (which raises UnknownCounter) is a
        # Python call more at every call, start and finish.
        counter = self.state.counters.get(counter_id) or self.state.counter(counter_id)
        if counter.status is not _OPEN:
            raise CounterNotAvailable(f"counter {counter.name} is {counter.status}", counter=counter_id)
        return counter

    def _free_counter(self, counter_id: str) -> Counter:
        counter = self._open_counter(counter_id)
        if counter.current is not None:
            number = self.state.tickets[counter.current].number
            raise CounterNotAvailable(f"counter {counter.name} is still busy with {number}", counter=counter_id)
        return counter

    def _current(self, counter_id: str, *allowed: TicketStatus) -> Ticket:
        counter = self.state.counters.get(counter_id) or self.state.counter(counter_id)  # as in _open_counter
        if counter.current is None:
            raise InvalidTransition(f"counter {counter.name} has no current ticket", counter=counter_id)
        ticket = self.state.tickets[counter.current]
        if allowed and ticket.status not in allowed:
            raise InvalidTransition(f"ticket {ticket.number} is {ticket.status}", ticket=ticket.id)
        return ticket

    # -- counters ------------------------------------------------------------
    def configure_counter(self, counter_id: str, name: str, profile: dict[str, int]) -> list[Event]:
        # A counter the branch has keeps its id as saved, even one an older version let through with an invisible
        # character in it: only a new id is held to today's rule.
        known = isinstance(counter_id, str) and counter_id.strip() in self.state.counters
        counter_id = counter_id.strip() if known else clean_text(COUNTER_ID, counter_id)
        name = clean_text(COUNTER_NAME, name)
        if not profile:
            raise DomainError(f"counter {name} must serve at least one category")
        for code, level in profile.items():
            self.state.config.category(code)
            if level not in LEVELS:
                raise DomainError(f"precedence level for {code} must be 1 to 4, got {level}")
        payload = {"counter_id": counter_id, "name": name, "profile": dict(profile)}
        return self._event(EventType.COUNTER_CONFIGURED, payload)

    def open_counter(self, counter_id: str, staff_id: str | None = None) -> list[Event]:
        counter = self.state.counter(counter_id)
        if counter.status is not CounterStatus.CLOSED:
            raise InvalidTransition(f"counter {counter.name} is already {counter.status}", counter=counter_id)
        return self._event(EventType.COUNTER_OPENED, {"counter_id": counter_id, "staff_id": staff_id})

    def close_counter(self, counter_id: str) -> list[Event]:
        counter = self.state.counter(counter_id)
        if counter.status is CounterStatus.CLOSED:
            raise InvalidTransition(f"counter {counter.name} is already closed", counter=counter_id)
        if counter.current is not None:
            raise CounterNotAvailable(f"counter {counter.name} must finish its current ticket first")
        return self._event(EventType.COUNTER_CLOSED, {"counter_id": counter_id})

    # -- counter sessions (queueing/core/counter_sessions.py) ----------------------------
    def sign_in(self, counter_id: str, staff_id: str) -> list[Event]:
        """The teller (whose PIN the caller checked) takes the counter at this station; CounterTaken if held.

        Taking over a customer the last teller left at the counter, it says how much of their service has passed
        by this station's clocks: the time since the last teller left is nobody's service."""
        counter = self.state.counter(counter_id)
        changes = sign_in_changes(self.state, counter, staff_id)
        ticket = self.state.tickets.get(counter.current or "")
        if ticket is not None and ticket.left_served_s is not None:
            changes[0][1].update(self._served_so_far(ticket))
        return self._events(*changes)

    def sign_out(self, counter_id: str, staff_id: str, keep_open: bool = False) -> list[Event]:
        counter = self.state.counter(counter_id)
        changes = sign_out_changes(self.state, counter, staff_id, keep_open)
        return self._events(*self._leaving(counter, changes))

    def release_counter(self, counter_id: str, by: str) -> list[Event]:
        """A supervisor (``by``, whose role the caller checked) ends the session holding the counter."""
        counter = self.state.counter(counter_id)
        return self._events(*self._leaving(counter, release_changes(self.state, counter, by)))

    def _leaving(self, counter: Counter, changes: list[Change]) -> list[Change]:
        """A teller leaving a customer at the counter (a window closed, a release) says how much of the service was
        theirs: the next teller who signs in serves the rest (queueing.core.service_shares)."""
        ticket = self.state.tickets.get(counter.current or "")
        if ticket is not None and ticket.counter == counter.id and changes:
            changes[-1][1].update(self._served_so_far(ticket))
        return changes

    def _served_so_far(self, ticket: Ticket) -> dict[str, Any]:
        return {"ticket_id": ticket.id, "served_s": self._served_s(ticket) if ticket.started_at is not None else 0.0}

    def _served_s(self, ticket: Ticket) -> float:
        """The service so far, as a finish now would record it: since its start, less its time parked."""
        return round(max(0.0, self._service_seconds(ticket) - ticket.parked_s), 3)

    def pause(self, counter_id: str, reason: str) -> list[Event]:
        try:
            PauseReason(reason)
        except ValueError:
            raise DomainError(f"unknown pause reason {reason!r}") from None
        self._free_counter(counter_id)
        return self._event(EventType.COUNTER_PAUSED, {"counter_id": counter_id, "reason": reason})

    def resume(self, counter_id: str) -> list[Event]:
        counter = self.state.counter(counter_id)
        if counter.status is not CounterStatus.PAUSED:
            raise InvalidTransition(f"counter {counter.name} is not paused", counter=counter_id)
        return self._event(EventType.COUNTER_RESUMED, {"counter_id": counter_id})

    # -- tickets -------------------------------------------------------------
    def issue_ticket(
        self,
        category: str,
        priority: PriorityClass | str = PriorityClass.REGULAR,
        customer_id: str | None = None,
        appointment_at: datetime | None = None,
        ticket_id: str | None = None,
        number: str | None = None,
    ) -> list[Event]:
        """A new ticket. ``number`` overrides the branch series (offline leased numbers).

        A ``ticket_id`` the state already holds makes no event: the caller's retry of an issue that landed
        (its answer lost), which must give the customer that ticket, never a second one.
        """
        if ticket_id is not None and ticket_id in self.state.tickets:
            return []
        config = self.state.config
        cat = config.categories.get(category) or config.category(category)  # the second raises UnknownCategory
        klass = _PRIORITIES.get(priority) if isinstance(priority, str) else None
        if klass is None:
            raise DomainError(f"unknown priority class {priority!r}")
        if klass is _APPOINTMENT and appointment_at is None:
            raise DomainError("an appointment ticket needs its booked time")
        now = self.ctx.clock.now()
        day = business_date(self.state, now)
        last = self.state.sequences.get(category, 0) if self.state.business_date == day else 0
        if self.state.handed_out:
            last = max(last, self.state.handed_out.get((day, category), 0))
        seq = last + 1
        payload = {
            "ticket_id": ticket_id or self.ctx.new_id(),
            "number": number or format_number(cat.prefix, seq),
            "seq": seq,
            "category": category,
            "priority": _PRIORITY_TEXT[klass],
            "customer_id": customer_id,
            "appointment_at": appointment_at.isoformat() if appointment_at else None,
            "business_date": day_text(day),
            "issued_at": moment_text(now),
        }
        ctx = self.ctx  # _event inline (every customer)
        return [ctx.one(self.state.station_seq.get(ctx.station_id, 0) + 1, _ISSUED, payload)]

    def call_next(self, counter_id: str, staff_id: str | None = None) -> list[Event]:
        counter = self._free_counter(counter_id)
        ticket = choose_next(self.state, counter_id, self.ctx.clock.now())
        if ticket is None:
            raise NothingWaiting(f"nobody waits for counter {counter.name}", counter=counter_id)
        # _call without a reason, inline (every customer).
        payload = {"ticket_id": ticket.id, "counter_id": counter.id, "staff_id": staff_id or counter.staff}
        ctx = self.ctx  # _event inline (every customer)
        return [ctx.one(self.state.station_seq.get(ctx.station_id, 0) + 1, _CALL, payload)]

    def call_ticket(self, counter_id: str, ticket_id: str, reason: str, staff_id: str | None = None) -> list[Event]:
        """Call a chosen ticket out of order; the reason is kept with the call."""
        if not reason or not reason.strip():
            raise DomainError("calling out of order needs a reason")
        counter = self._free_counter(counter_id)
        ticket = self.state.ticket(ticket_id)
        if ticket.status is not TicketStatus.WAITING:
            raise InvalidTransition(f"ticket {ticket.number} is {ticket.status}, not waiting", ticket=ticket_id)
        return self._call(counter, ticket, staff_id, reason.strip())

    def _call(self, counter: Counter, ticket: Ticket, staff_id: str | None, reason: str | None) -> list[Event]:
        payload = {"ticket_id": ticket.id, "counter_id": counter.id, "staff_id": staff_id or counter.staff}
        if reason:
            payload["reason"] = reason
        return self._event(_CALL, payload)

    def recall(self, counter_id: str) -> list[Event]:
        ticket = self._current(counter_id, TicketStatus.CALLED)
        limit = self.state.config.policy.max_recalls
        if ticket.recalls >= limit:
            raise InvalidTransition(
                f"ticket {ticket.number} was recalled {ticket.recalls} times; mark it a no-show", ticket=ticket.id
            )
        return self._event(EventType.TICKET_RECALLED, {"ticket_id": ticket.id, "counter_id": counter_id})

    def no_show(self, counter_id: str) -> list[Event]:
        ticket = self._current(counter_id, TicketStatus.CALLED)
        limit = self.state.config.policy.max_recalls
        if ticket.recalls < limit:
            raise InvalidTransition(
                f"ticket {ticket.number} has been recalled {ticket.recalls} of {limit} times before a no-show",
                ticket=ticket.id,
            )
        return self._event(EventType.TICKET_NO_SHOW, {"ticket_id": ticket.id, "counter_id": counter_id})

    def start(self, counter_id: str) -> list[Event]:
        ticket = self._current(counter_id, _CALLED)
        ctx = self.ctx  # _event inline (every customer)
        clock = ctx.clock
        payload = {
            "ticket_id": ticket.id, "counter_id": counter_id, "mono": clock.monotonic(), "mono_run": clock.run_id
        }
        return [ctx.one(self.state.station_seq.get(ctx.station_id, 0) + 1, _START, payload)]

    def finish(
        self, counter_id: str, transactions: Sequence[TransactionLine], outcome: str = "completed"
    ) -> list[Event]:
        ticket = self._current(counter_id, _SERVING)
        if not transactions:
            raise DomainError(f"finishing {ticket.number} needs at least one transaction type")
        if outcome not in VISIT_OUTCOMES:
            raise DomainError(f"unknown visit outcome {outcome!r}: one of {', '.join(sorted(VISIT_OUTCOMES))}")
        for line in transactions:
            if not line.code or not 0 < line.quantity < _NO_MORE_THAN:
                raise DomainError(f"transaction {line.code!r} needs a quantity above zero")
            if line.amount is not None and not 0 <= line.amount < _NO_MORE_THAN:
                raise DomainError(f"transaction {line.code!r} needs an amount of zero or more")
        service_s = self._served_s(ticket)
        payload = {
            "ticket_id": ticket.id,
            "counter_id": counter_id,
            "transactions": list(map(_line_payload, transactions)),  # not a comprehension: no function made per call
            "service_seconds": service_s,
            "outcome": outcome,
        }
        # Who finishes it, as this station sees its counter: another store's view of the counter may differ (a
        # sign-in clash, a release made while this station was offline), and the late-answer grace is theirs.
        payload["staff_id"] = finisher = self.state.finisher(counter_id, ticket)
        if ticket.marks:
            # Served by more than one teller: each one's part, decided here once for every store.
            shares = shares_at_finish(ticket.marks, service_s, finisher, ticket.staff)
            if shares is not None:
                payload["shares"] = shares
        ctx = self.ctx  # _event inline (every customer)
        return [ctx.one(self.state.station_seq.get(ctx.station_id, 0) + 1, _FINISH, payload)]

    def _service_seconds(self, ticket: Ticket) -> float:
        """Monotonic when the start was timed on this station; the wall clock otherwise.

        Within one run of the program the monotonic time is right whatever the wall clock did meanwhile (a
        clock set back or forward during the visit). A start from another run (the program started again), or
        one that names no run (written before migration 0023), is trusted only while it agrees with the wall
        clock to a minute either way: a reboot restarts the monotonic clock at any value."""
        return self._elapsed(ticket.started_at, ticket.started_mono, ticket.started_run, ticket.started_station)

    def _elapsed(self, at: datetime | None, mono: float | None, run: str | None, station: str | None) -> float:
        """Seconds since a moment read at ``at`` on the wall clock and at ``mono`` on ``station``'s monotonic clock
        in its ``run``: monotonic when read here, in this run or agreeing with the wall clock; the wall else."""
        ctx = self.ctx
        clock = ctx.clock
        wall = (clock.now() - at).total_seconds() if at else 0.0
        if station == ctx.station_id and mono is not None:
            since = clock.monotonic() - mono
            if since >= 0.0 and (run == clock.run_id or abs(since - wall) <= 60.0):
                return since
        return max(0.0, wall)

    def transfer(
        self,
        counter_id: str,
        to_category: str | None = None,
        to_counter: str | None = None,
        keep_place: bool = True,
    ) -> list[Event]:
        ticket = self._current(counter_id, TicketStatus.CALLED, TicketStatus.SERVING)
        if to_category is None and to_counter is None:
            raise DomainError("a transfer needs a category or a counter to go to")
        if to_category is not None:
            self.state.config.category(to_category)
        if to_counter is not None:
            if to_counter == counter_id:
                raise DomainError("a ticket cannot be transferred to its own counter")
            target = self.state.counter(to_counter)
            if to_category is None and not target.profile:
                raise UnknownCounter(f"counter {to_counter} serves nothing")
        payload = {
            "ticket_id": ticket.id,
            "from_counter": counter_id,
            "to_category": to_category,
            "to_counter": to_counter,
            "keep_place": keep_place,
        }
        return self._event(EventType.TICKET_TRANSFERRED, payload)

    def link_customer(self, counter_id: str, customer_id: str) -> list[Event]:
        """Link the counter's current ticket to an identified customer."""
        if not customer_id or not str(customer_id).strip():
            raise DomainError("linking a customer needs the customer's id")
        ticket = self._current(counter_id, TicketStatus.CALLED, TicketStatus.SERVING)
        payload = {"ticket_id": ticket.id, "counter_id": counter_id, "customer_id": str(customer_id).strip()}
        return self._event(EventType.TICKET_CUSTOMER_LINKED, payload)

    def park(self, counter_id: str) -> list[Event]:
        ticket = self._current(counter_id, TicketStatus.CALLED, TicketStatus.SERVING)
        clock = self.ctx.clock
        payload = {
            "ticket_id": ticket.id, "counter_id": counter_id, "mono": clock.monotonic(), "mono_run": clock.run_id
        }  # fmt: skip
        # The parker's part of the service ends here (none, before its start): whoever brings the customer back
        # serves the rest.
        payload.update(self._served_so_far(ticket), staff_id=self.state.finisher(counter_id, ticket))
        return self._event(EventType.TICKET_PARKED, payload)

    def return_parked(self, counter_id: str, ticket_id: str) -> list[Event]:
        self._free_counter(counter_id)
        ticket = self.state.ticket(ticket_id)
        if ticket.status is not TicketStatus.PARKED or ticket.counter != counter_id:
            raise InvalidTransition(f"ticket {ticket.number} is not parked at this counter", ticket=ticket_id)
        payload: dict[str, Any] = {"ticket_id": ticket_id, "counter_id": counter_id}
        if ticket.started_at is not None and ticket.left_counter_at is not None:
            # The time away comes off the service at the finish; a parked visit was timed through it, twenty
            # minutes of other customers' service counted twice and a one-minute visit kept from review.
            away = self._elapsed(ticket.left_counter_at, ticket.parked_mono, ticket.parked_run, ticket.parked_station)
            payload["parked_seconds"] = round(away, 3)
        return self._event(EventType.TICKET_RETURNED, payload)

    def end_past_days(self, issued_by: str | None = None, skip: frozenset[str] = frozenset()) -> list[Event]:
        """Close the tickets earlier business days left waiting or parked (queueing.core.day_end); none: no events.

        The day is ``day_end_date``'s (this station's clock, not the day the branch has reached). ``issued_by``
        and ``skip``: as ``left_over``'s.
        """
        day = day_end_date(self.state, self.ctx.clock.now())
        text = day_text(day)
        changes = [
            (EventType.TICKET_EXPIRED, {"ticket_id": t.id, "business_date": text})
            for t in left_over(self.state, day, issued_by, skip)
        ]
        return self._events(*changes) if changes else []

    def require_day_ended(self, issued_by: str | None = None, skip: frozenset[str] = frozenset()) -> None:
        """Raise DayEndFirst when the state holds what ``end_past_days`` would close: checked by a command on the
        state it decides on, so that a ticket of yesterday it learnt of only now is never called today."""
        day = day_end_date(self.state, self.ctx.clock.now())
        if left_over(self.state, day, issued_by, skip):
            raise DayEndFirst(f"tickets of a day before {day_text(day)} are still open")

    def resolve_conflict(self, ticket_id: str, staff_id: str, note: str, row_flagged: bool = False) -> list[Event]:
        """A supervisor marks a flagged ticket dealt with; the clashing facts stay in the journal.

        ``row_flagged``: the caller found the ticket's row flagged in the store. Then a ticket gone from memory
        (closed on an earlier day: a call of a ticket the day end closed, from a station offline across
        midnight) may be marked dealt with although this state no longer holds it.
        """
        ticket = self.state.tickets.get(ticket_id) if row_flagged else self.state.ticket(ticket_id)
        if ticket is not None and not ticket.conflict:
            raise AlreadyResolved(f"ticket {ticket.number} has no open conflict", ticket=ticket_id)
        if not note.strip():
            raise DomainError("marking a conflict resolved needs a note saying what was done")
        payload = {"ticket_id": ticket_id, "staff_id": staff_id, "note": note.strip()}
        return self._event(EventType.CONFLICT_RESOLVED, payload)

    def resolve_clash(self, event_id: str, staff_id: str, note: str) -> list[Event]:
        """A supervisor marks a clashing sign-in dealt with (the caller found it among the open clashes)."""
        if not note.strip():
            raise DomainError("marking a conflict resolved needs a note saying what was done")
        payload = {"event_id": event_id, "staff_id": staff_id, "note": note.strip()}
        return self._event(EventType.CONFLICT_RESOLVED, payload)

    def move_ticket(
        self,
        ticket_id: str,
        to_category: str | None = None,
        to_counter: str | None = None,
        seen_transfers: int | None = None,
    ) -> list[Event]:
        """A supervisor moves a waiting ticket to another queue or counter; it keeps its place in time.

        ``seen_transfers``: the ticket's transfer count on the screen the move was chosen on. If another supervisor
        (or a teller) moved it since, MovedMeanwhile: the second move would silently undo the first.
        """
        ticket = self.state.ticket(ticket_id)
        if ticket.status is not TicketStatus.WAITING:
            raise InvalidTransition(f"ticket {ticket.number} is {ticket.status}, not waiting", ticket=ticket_id)
        if seen_transfers is not None and ticket.transfers != seen_transfers:
            raise MovedMeanwhile(f"ticket {ticket.number} was moved since it was shown", ticket=ticket_id)
        if to_category is None and to_counter is None:
            raise DomainError("a move needs a category or a counter to go to")
        if to_category is not None:
            self.state.config.category(to_category)
        if to_counter is not None and not self.state.counter(to_counter).profile:
            raise UnknownCounter(f"counter {to_counter} serves nothing")
        payload = {
            "ticket_id": ticket_id,
            "from_counter": None,
            "to_category": to_category,
            "to_counter": to_counter,
            "keep_place": True,
        }
        return self._event(EventType.TICKET_TRANSFERRED, payload)
