"""The one reducer: applies events to state, on the station and upstream alike.

It never raises for a fact it cannot reconcile (a ticket called twice while two
stations were offline): it keeps the fact, flags a conflict and carries on.
Validation belongs to the commands, before an event exists.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from queueing.core.clock import RUN_ID_MAX_LENGTH
from queueing.core.conflict_reasons import ConflictFigures, ConflictReason, figures_of
from queueing.core.counter_sessions import clash_resolved, signed_in, signed_out
from queueing.core.counters import Counter, CounterStatus
from queueing.core.day_end import LEFT_OVER, left_before
from queueing.core.events import Event, EventType
from queueing.core.iso_text import parse_day, parse_moment
from queueing.core.service_shares import served_mark
from queueing.core.state import BranchState, CallRecord, Conflict
from queueing.core.tickets import CLOSED_STATUSES, PriorityClass, Ticket, TicketStatus, TransactionLine

RECENT_CALLS_KEPT = 20


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _flag(state: BranchState, event: Event, ticket: Ticket, reason: ConflictReason, figures: ConflictFigures) -> None:
    ticket.conflict = True
    state.conflicts.append(Conflict(event.id, ticket.id, str(event.type), reason, figures))


def _ticket_for(state: BranchState, event: Event) -> Ticket | None:
    ticket = state.tickets.get(event.payload["ticket_id"])
    if ticket is None:
        _unknown(state, event)
    return ticket


def _unknown(state: BranchState, event: Event) -> None:
    reason, figures = ConflictReason.UNKNOWN_TICKET, figures_of(event)
    state.conflicts.append(Conflict(event.id, event.payload["ticket_id"], str(event.type), reason, figures))


def _leave_counter(state: BranchState, ticket: Ticket) -> None:
    counter = state.counters.get(ticket.counter or "")
    if counter is not None and counter.current == ticket.id:
        counter.current = None


# Statuses in which a ticket belongs to one counter.
_AT_COUNTER = frozenset((TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.PARKED))
# Statuses in which a ticket is its counter's current one (at its window).
_ON_COUNTER = frozenset((TicketStatus.CALLED, TicketStatus.SERVING))
# PriorityClass(text) without the enum's call (every ticket issued).
_PRIORITIES = {str(k): k for k in PriorityClass}
# The statuses every day's tickets pass through, as module names: in Python 3.11 reading a member off its enum
# class goes through EnumType.__getattr__'s slow hook (a method-wrapper made and called at every read).
_new_tuple = tuple.__new__
_WAITING, _CALLED, _SERVING, _DONE = TicketStatus.WAITING, TicketStatus.CALLED, TicketStatus.SERVING, TicketStatus.DONE
_EXPIRED = TicketStatus.EXPIRED


def _held(state: BranchState, event: Event, counter_key: str | None) -> Ticket | None:
    """The event's ticket, or None when it is not known here or the event is misplaced (payload[counter_key]
    names the counter it comes from; None: no counter to check). One call, not a look-up and a check: every
    event on a ticket after its issue comes here.

    The one rule for every event on a ticket that two counters claimed (stations that were both offline):
    a ticket belongs to the counter that called it first in journal order. A later event about it
    from another counter, or from any counter while it waits in a queue (sent there by its holder's
    transfer or a supervisor's move), or any event after it was finished or given up, is kept in the
    journal, flagged, and changes nothing: no finished ticket reopens, no waiting customer is served
    or closed by a counter that does not hold them, and the service record names the counter and
    teller who held the ticket.
    """
    p = event.payload
    ticket = state.tickets.get(p["ticket_id"])
    if ticket is None:
        # Closed by a day end on an earlier day: the clash is with that (AFTER_CLOSED), as before the day roll.
        ticket = state.expired.get(p["ticket_id"])
        if ticket is None:
            _unknown(state, event)
            return None
    counter_id = p.get(counter_key) if counter_key is not None else None
    status = ticket.status
    if status in CLOSED_STATUSES:  # not ticket.is_open, without the property's call (most events of a day)
        figures = figures_of(event, counter_id=counter_id or "", status=str(status))
        _flag(state, event, ticket, ConflictReason.AFTER_CLOSED, figures)
        return None
    # The usual case (the ticket's own counter, or no counter to check) decided first.
    held_at = ticket.counter
    if held_at != counter_id and counter_id is not None:
        if held_at is not None and status in _AT_COUNTER:
            figures = figures_of(event, counter_id=counter_id, other_counter_id=held_at)
            _flag(state, event, ticket, ConflictReason.HELD_ELSEWHERE, figures)
        else:  # at no counter: waiting in a queue (another counter's transfer or a supervisor's move put it there)
            figures = figures_of(event, counter_id=counter_id, status=str(status))
            _flag(state, event, ticket, ConflictReason.NOT_AT_COUNTER, figures)
        return None
    return ticket


def _set_status(state: BranchState, ticket: Ticket, status: TicketStatus) -> None:
    ticket.status = status
    if status is _WAITING:
        state.waiting[ticket.id] = ticket
    else:
        state.waiting.pop(ticket.id, None)


def _roll_day(state: BranchState, day: date) -> None:
    """A new business day: numbers restart; finished tickets of past days leave memory."""
    state.business_date = day
    state.sequences = {}
    state.by_number = {}
    state.recent_calls = []
    # Open tickets of earlier days stay until a day end closes them (TICKET_EXPIRED; one called or served across
    # midnight stays with its teller), but their numbers are not today's: the new day's A001 is another ticket,
    # not "A001 issued twice".
    kept: dict[str, Ticket] = {}
    expired = state.expired
    for ticket_id, ticket in state.tickets.items():
        if ticket.is_open:
            kept[ticket_id] = ticket
        elif ticket.status is TicketStatus.EXPIRED:
            expired[ticket_id] = ticket
    state.tickets = kept
    for ticket in state.tickets.values():
        if ticket.business_date == day:
            state.by_number[ticket.number] = ticket.id


def _configured(state: BranchState, event: Event) -> None:
    p = event.payload
    counter = state.counters.get(p["counter_id"])
    profile = {str(k): int(v) for k, v in p["profile"].items()}
    if counter is None:
        state.counters[p["counter_id"]] = Counter(
            id=p["counter_id"], name=p.get("name", p["counter_id"]), profile=profile
        )
    else:
        counter.profile = profile
        counter.name = p.get("name", counter.name)


def _from_the_clash_loser(state: BranchState, event: Event) -> bool:
    """An opening, close, pause or resume of a counter from a station with an unresolved sign-in clash there, while
    the counter's session (if any) is not that station's, changes nothing. That is the closing and opening the
    clashing sign-in came with (counter_sessions.sign_in_changes), which would hand the counter of the teller
    upstream kept to the one who lost the clash and lock them out of it, and that teller's later steps (their
    sign-out's closing, a pause), however long after. Any other opening applies (a supervisor's reopening).

    Read from ``state.session_clashes`` (the flagged sign-ins a supervisor has not resolved yet), so resolving the
    clash ends it. Almost always empty: a counter's status change costs one look at an empty dict."""
    clashes = state.session_clashes
    if not clashes:
        return False
    counter_id, station_id = event.payload["counter_id"], event.station_id
    held = state.sessions.get(counter_id)
    if held is not None and held.station_id == station_id:
        return False
    return any(c.figures.station_id == station_id and c.figures.counter_id == counter_id for c in clashes.values())


def _counter_status(status: CounterStatus) -> Callable[[BranchState, Event], None]:
    def apply(state: BranchState, event: Event) -> None:
        counter = state.counters.get(event.payload["counter_id"])
        if counter is None:
            return
        if _from_the_clash_loser(state, event):
            return
        counter.status = status
        counter.status_since = event.at
        counter.pause_reason = event.payload.get("reason") if status is CounterStatus.PAUSED else None
        if status is CounterStatus.OPEN and event.type is EventType.COUNTER_OPENED:
            # An opening with no teller (a supervisor's "No teller yet") leaves the counter to the teller signed in
            # there; one naming a teller hands it to them, as a supervisor chose (that station's next command is
            # then refused: "another teller is signed in at this counter").
            held = state.sessions.get(counter.id)
            counter.staff = event.payload.get("staff_id") or (held.staff_id if held is not None else None)
        if status is CounterStatus.CLOSED:
            counter.staff = None

    return apply


def _issued(state: BranchState, event: Event) -> None:
    p = event.payload
    day = parse_day(p["business_date"])
    reached = state.business_date
    if reached is None or day > reached:
        _roll_day(state, day)
    text = p["issued_at"]
    issued_at = parse_moment(text) if text else event.at
    appointment_at = p.get("appointment_at")
    seq = int(p["seq"])
    # By position (id, number, category, priority, business_date, issued_at, queued_at, issued_by, seq,
    # customer_id, appointment_at): matching eleven keywords to Ticket's fields is half of making one.
    ticket = Ticket(
        p["ticket_id"],
        p["number"],
        p["category"],
        _PRIORITIES.get(p["priority"]) or PriorityClass(p["priority"]),
        day,
        issued_at,
        issued_at,
        event.station_id,
        seq,
        p.get("customer_id"),
        datetime.fromisoformat(appointment_at) if appointment_at else None,
        issued_category=p["category"],
    )
    ticket_id, tickets = ticket.id, state.tickets
    if ticket_id in tickets:
        first = tickets[ticket_id]
        if first.number != ticket.number:
            # Issued again under another number (a station that counted itself offline, an appointment's id): the
            # first number stands; the other is on a customer's slip and is never called, so a person must know.
            figures = figures_of(event, number=ticket.number, other_number=first.number)
            _flag(state, event, first, ConflictReason.ISSUED_AGAIN, figures)
        return  # the same fact twice changes nothing
    tickets[ticket_id] = ticket
    state.waiting[ticket_id] = ticket
    if day == state.business_date:
        sequences, category, number, by_number = state.sequences, ticket.category, ticket.number, state.by_number
        if sequences.get(category, 0) < seq:
            sequences[category] = seq
        if number in by_number:
            _flag(state, event, ticket, ConflictReason.NUMBER_TWICE, figures_of(event, number=number))
        by_number[number] = ticket_id


def _revive(state: BranchState, event: Event, found_as: TicketStatus) -> bool:
    """Reopen the event's ticket if a day end closed it after the event happened: a call (``found_as`` WAITING) or
    a return (PARKED) that a station offline across the day end made before it. True if it did.

    The customer came to the counter before the day ended, so the visit stands (served, on its teller's pay)
    whichever of the two facts reached this store first, as an expiry that arrives after the call changes
    nothing (``_expired``). An event after the expiry, or one that does not fit what the day end found (a
    return of a ticket that was waiting), changes nothing here and meets the usual conflict.

    The reopened ticket keeps the expiry's moment in ``day_ended_at``, as a day end that finds a ticket of an
    earlier day open keeps it: a visit that leaves it waiting or parked before that day began is closed again
    then (``_closed_again``), as the day end would have closed it coming after. Every order of the same facts
    ends with the same ticket.
    """
    ticket_id = event.payload["ticket_id"]
    ticket = state.tickets.get(ticket_id) or state.expired.get(ticket_id)
    if ticket is None or ticket.status is not _EXPIRED:
        return False
    expired_at = ticket.finished_at
    if expired_at is None or not event.at < expired_at:
        return False
    # A parked ticket keeps its counter; a waiting one has none (issued so, or a transfer cleared it).
    if (TicketStatus.PARKED if ticket.counter is not None else _WAITING) is not found_as:
        return False
    state.expired.pop(ticket_id, None)
    state.tickets[ticket_id] = ticket
    ticket.day_ended_at, ticket.finished_at = expired_at, None
    _set_status(state, ticket, found_as)
    return True


def _closed_again(state: BranchState, ticket: Ticket) -> None:
    """A ticket a day end met open (``day_ended_at``) that a visit begun before it has just left waiting or parked:
    closed at that day end's moment if it left the counter before that day began, as the day end would have
    closed it coming after the visit."""
    ended_at = ticket.day_ended_at
    if ended_at is None:
        return
    timezone = state.config.timezone
    if left_before(ticket, timezone, ended_at.astimezone(ZoneInfo(timezone)).date()):
        ticket.finished_at, ticket.day_ended_at = ended_at, None
        _set_status(state, ticket, _EXPIRED)


def _before_day_end(ticket: Ticket, at: datetime) -> bool:
    """Whether ``at`` is before a day end that has already met the ticket: a call or recall from then is last
    night's, pushed late, not one for the hall to announce now."""
    ended_at = ticket.day_ended_at
    return ended_at is not None and at < ended_at


def _take_counter(state: BranchState, counter_id: str, ticket: Ticket, reopened: bool) -> None:
    """The counter now serves ``ticket``; but a visit of an earlier day reopened late (``_revive``) never takes
    a counter from the customer at it today: its own later events find the ticket by its id."""
    counter = state.counters.get(counter_id)
    if counter is not None and (not reopened or counter.current is None):
        counter.current = ticket.id


def _called(state: BranchState, event: Event) -> None:
    found = state.tickets.get(event.payload["ticket_id"])
    reopened = False
    if found is None or found.status is _EXPIRED:
        reopened = _revive(state, event, _WAITING)
        # Not reopened: the clash is with the expiry (CALLED_NOT_WAITING), as before the day roll.
        found = state.tickets.get(event.payload["ticket_id"]) or state.expired.get(event.payload["ticket_id"])
        if found is None:
            _unknown(state, event)
            return
    ticket = found
    p, at = event.payload, event.at
    counter_id = p["counter_id"]
    if ticket.status is not _WAITING:
        figures = figures_of(
            event, counter_id=counter_id, other_counter_id=ticket.counter or "", status=str(ticket.status)
        )
        _flag(state, event, ticket, ConflictReason.CALLED_NOT_WAITING, figures)
        return
    if reopened:
        _take_counter(state, counter_id, ticket, reopened)
    else:  # inline (every call)
        counter = state.counters.get(counter_id)
        if counter is not None:
            if counter.current is not None and _busy(state, event, ticket, counter):
                return
            counter.current = ticket.id
    ticket.counter = counter_id
    ticket.staff = p.get("staff_id")
    ticket.called_at = at
    ticket.first_called_at = ticket.first_called_at or at
    ticket.target_counter = None
    ticket.out_of_order_reason = p.get("reason")
    # _set_status(state, ticket, CALLED) and _remember_call inline (every call).
    ticket.status = _CALLED
    state.waiting.pop(ticket.id, None)
    if ticket.day_ended_at is not None and _before_day_end(ticket, at):
        return  # last night's call, pushed late: nothing for the hall to announce now
    calls = state.recent_calls
    # CallRecord(ticket.id, ticket.number, counter_id, at) without the named tuple's Python __new__.
    calls.append(_new_tuple(CallRecord, (ticket.id, ticket.number, counter_id, at, False)))
    if len(calls) > RECENT_CALLS_KEPT:
        del calls[:-RECENT_CALLS_KEPT]


def _busy(state: BranchState, event: Event, ticket: Ticket, counter: Counter) -> bool:
    """Whether the counter a call names already has another customer at it (two stations at one counter, a sign-in
    clash): flagged, and the call changes nothing. The customer at the counter stays its current ticket (a second
    call would leave them called there out of every command's reach); the one called keeps waiting."""
    other = state.tickets.get(counter.current or "")
    if other is None or other is ticket or other.counter != counter.id or other.status not in _ON_COUNTER:
        return False
    figures = figures_of(event, counter_id=counter.id, number=other.number, status=str(ticket.status))
    _flag(state, event, ticket, ConflictReason.COUNTER_BUSY, figures)
    return True


def _remember_call(state: BranchState, call: CallRecord) -> None:
    calls = state.recent_calls
    calls.append(call)
    if len(calls) > RECENT_CALLS_KEPT:
        del calls[:-RECENT_CALLS_KEPT]


def _recalled(state: BranchState, event: Event) -> None:
    ticket = _held(state, event, "counter_id")
    if ticket is None:
        return
    ticket.recalls += 1
    if not _before_day_end(ticket, event.at):
        _remember_call(state, CallRecord(ticket.id, ticket.number, event.payload["counter_id"], event.at, recall=True))


def _no_show(state: BranchState, event: Event) -> None:
    ticket = _held(state, event, "counter_id")
    if ticket is None:
        return
    _leave_counter(state, ticket)
    ticket.finished_at, ticket.day_ended_at = event.at, None
    _set_status(state, ticket, TicketStatus.NO_SHOW)
    stats = state.stats.get(ticket.category)
    if stats is not None and ticket.called_at is not None:
        stats.observe_call((event.at - ticket.called_at).total_seconds(), None)


def _run_of(payload: dict[str, object]) -> str | None:
    """The clock run a start or a park was read in; anything but a run id the projection can hold names no run
    (the wall clock then judges the time since)."""
    run = payload.get("mono_run")
    return run if type(run) is str and len(run) <= RUN_ID_MAX_LENGTH else None


def _started(state: BranchState, event: Event) -> None:
    ticket = _held(state, event, "counter_id")
    if ticket is None:
        return
    ticket.started_at = event.at
    ticket.started_mono = event.payload.get("mono")
    ticket.started_run = _run_of(event.payload)
    ticket.started_station = event.station_id
    ticket.status = _SERVING  # _set_status inline (every start)
    state.waiting.pop(ticket.id, None)


def _finished(state: BranchState, event: Event) -> None:
    ticket = _held(state, event, "counter_id")
    if ticket is None:
        return
    p, at = event.payload, event.at
    # _leave_counter inline (every finish).
    counter = state.counters.get(ticket.counter or "")
    if counter is not None and counter.current == ticket.id:
        counter.current = None
    ticket.finished_at = at
    ticket.day_ended_at = None  # closed: only an open ticket waits to be closed again (_closed_again)
    finisher = p.get("staff_id")
    # An event from before the finish named its teller: the counter's holder as this store sees it.
    ticket.finished_by = finisher if finisher is not None else state.finisher(p["counter_id"], ticket)
    ticket.service_seconds = seconds = float(p["service_seconds"])
    ticket.transactions = tuple(map(_line, p["transactions"]))
    if ticket.marks or ticket.left_served_s is not None:
        ticket.marks, ticket.left_served_s = (), None
    ticket.status = _DONE  # _set_status inline
    state.waiting.pop(ticket.id, None)
    stats = state.stats.get(ticket.category)
    if stats is not None:
        called_at = ticket.called_at
        counter_s = (at - called_at).total_seconds() if called_at is not None else None
        stats.observe_served(counter_s, seconds, state.config.policy.smoothing_span)


# The lines finished visits name, one immutable TransactionLine per distinct line: a branch's visits repeat a
# few dozen (code, quantity) pairs. Bounded: amounts vary, and the table starts over when full.
_LINES: dict[tuple[str, float, float | None], TransactionLine] = {}
_LINES_KEPT = 4096


def _line(raw: dict) -> TransactionLine:
    amount = raw.get("amount")
    key = (raw["code"], float(raw["quantity"]), float(amount) if amount is not None else None)
    line = _LINES.get(key)
    if line is None:
        line = TransactionLine(*key)
        # Only positive numbers are shared: -0.0 equals 0.0 as a key, and a NaN never finds itself.
        if key[1] > 0 and (key[2] is None or key[2] > 0):
            if len(_LINES) >= _LINES_KEPT:
                _LINES.clear()
            _LINES[key] = line
    return line


def _transferred(state: BranchState, event: Event) -> None:
    ticket = _held(state, event, "from_counter")
    if ticket is None:
        return
    p = event.payload
    if p.get("from_counter") is None and ticket.status is not _WAITING:
        # A supervisor's move (no counter), decided while the ticket waited, that comes after a counter called it:
        # the customer at the counter stays there.
        figures = figures_of(event, other_counter_id=ticket.counter or "", status=str(ticket.status))
        _flag(state, event, ticket, ConflictReason.MOVED_NOT_WAITING, figures)
        return
    _leave_counter(state, ticket)
    ticket.left_counter_at = event.at
    ticket.category = p.get("to_category") or ticket.category
    ticket.target_counter = p.get("to_counter")
    ticket.transfers += 1
    ticket.counter = None
    ticket.started_at = None
    ticket.started_mono = None
    ticket.started_run = None
    ticket.parked_s = 0.0  # time away from this counter is not the next counter's to take off
    ticket.marks, ticket.left_served_s = (), None  # nor is its service the next counter's to split
    _forget_park(ticket)
    if not p.get("keep_place", True):
        ticket.queued_at = event.at
        # An appointment's place counts from its booked time (policy.virtual_start): sent to the end of a queue
        # it must queue from now like any other class, with its head start, not ahead of those waiting there.
        ticket.appointment_at = None
    _set_status(state, ticket, TicketStatus.WAITING)
    if ticket.day_ended_at is not None:
        _closed_again(state, ticket)


def _parked(state: BranchState, event: Event) -> None:
    ticket = _held(state, event, "counter_id")
    if ticket is None:
        return
    _leave_counter(state, ticket)
    ticket.left_counter_at = event.at
    mono = event.payload.get("mono")
    # As a start's: the park's monotonic reading times the time away on the station that parked it.
    ticket.parked_mono = float(mono) if isinstance(mono, int | float) and not isinstance(mono, bool) else None
    ticket.parked_run = _run_of(event.payload)
    ticket.parked_station = event.station_id
    served, teller = served_mark(event.payload), event.payload.get("staff_id")
    if served is not None and isinstance(teller, str):
        # The parker's part of the service ends here; whoever brings the customer back serves the rest.
        marks = ticket.marks
        if ticket.left_served_s is not None and marks and marks[-1][0] == teller:
            # A release ended this teller's session with the customer still shown at the counter, and this park,
            # made before it on a station that had not heard of it, came after: the park is where their part
            # ended (the release's figure holds the time the customer then spent parked).
            marks = marks[:-1]
        ticket.marks = (*marks, (teller, served))
    # The customer is parked, no longer at the window the last teller left: the return measures the time away.
    ticket.left_served_s = None
    _set_status(state, ticket, TicketStatus.PARKED)
    if ticket.day_ended_at is not None:
        _closed_again(state, ticket)


def _forget_park(ticket: Ticket) -> None:
    ticket.parked_mono = ticket.parked_run = ticket.parked_station = None


def _returned(state: BranchState, event: Event) -> None:
    """A parked ticket back at the counter that parked it. A return from another counter, or of a ticket at no
    counter (waiting), is flagged and changes nothing; one of a ticket already back at that counter (a second
    return of the same park) changes nothing. A ticket a day end closed after the return happened is reopened
    (``_revive``) at the return's counter, as the day end that came first would have left it."""
    p = event.payload
    found = state.tickets.get(p["ticket_id"])
    reopened = (found is None or found.status is _EXPIRED) and _revive(state, event, TicketStatus.PARKED)
    counter_id = p["counter_id"]
    ticket = _held(state, event, None if reopened else "counter_id")
    if ticket is None or ticket.status is not TicketStatus.PARKED:
        return
    _take_counter(state, counter_id, ticket, reopened)
    ticket.counter = counter_id
    away = p.get("parked_seconds")
    # A figure a store can hold and a clock can have measured: anything else takes nothing off the service.
    if isinstance(away, int | float) and not isinstance(away, bool) and 0.0 <= away < 86_400.0:
        ticket.parked_s += float(away)
    _forget_park(ticket)
    _set_status(state, ticket, TicketStatus.SERVING if ticket.started_at else TicketStatus.CALLED)


def _expired(state: BranchState, event: Event) -> None:
    """A ticket its business day left waiting or parked closes unserved: nobody's no-show, no service observed.

    Never a conflict: the day ended whoever says so. A second station's expiry of the same ticket changes
    nothing; nor does one whose day is not after the ticket's own (it cannot have ended that ticket's day), or
    one already gone from memory. One that finds the ticket at a counter (a call crossed it: the customer came
    after all), or away from it only since the day began (parked or transferred since), leaves it open and
    notes its moment (``day_ended_at``, the earliest such): a park before midnight that arrives later closes
    it then (``_closed_again``). A call made before the expiry that arrives after it reopens the ticket
    (``_revive``).
    """
    p = event.payload
    ticket = state.tickets.get(p["ticket_id"])
    if ticket is None or not ticket.is_open:
        return
    day = parse_day(p["business_date"])
    if ticket.business_date >= day:
        return
    if ticket.status in LEFT_OVER and left_before(ticket, state.config.timezone, day):
        ticket.finished_at, ticket.day_ended_at = event.at, None
        _set_status(state, ticket, TicketStatus.EXPIRED)
    elif ticket.day_ended_at is None or event.at < ticket.day_ended_at:
        ticket.day_ended_at = event.at


def _customer_linked(state: BranchState, event: Event) -> None:
    ticket = _ticket_for(state, event)
    if ticket is not None:
        ticket.customer_id = event.payload["customer_id"]


def _conflict_resolved(state: BranchState, event: Event) -> None:
    if "event_id" in event.payload:
        clash_resolved(state, event)
        return
    ticket_id = event.payload["ticket_id"]
    ticket = state.tickets.get(ticket_id) or state.expired.get(ticket_id)
    if ticket is not None:
        ticket.conflict = False


_HANDLERS: dict[EventType, Callable[[BranchState, Event], None]] = {
    EventType.COUNTER_CONFIGURED: _configured,
    EventType.COUNTER_OPENED: _counter_status(CounterStatus.OPEN),
    EventType.COUNTER_RESUMED: _counter_status(CounterStatus.OPEN),
    EventType.COUNTER_PAUSED: _counter_status(CounterStatus.PAUSED),
    EventType.COUNTER_CLOSED: _counter_status(CounterStatus.CLOSED),
    EventType.COUNTER_SIGNED_IN: signed_in,
    EventType.COUNTER_SIGNED_OUT: signed_out,
    EventType.COUNTER_RELEASED: signed_out,
    EventType.TICKET_ISSUED: _issued,
    EventType.TICKET_CALLED: _called,
    EventType.TICKET_RECALLED: _recalled,
    EventType.TICKET_NO_SHOW: _no_show,
    EventType.SERVICE_STARTED: _started,
    EventType.SERVICE_FINISHED: _finished,
    EventType.TICKET_TRANSFERRED: _transferred,
    EventType.TICKET_PARKED: _parked,
    EventType.TICKET_RETURNED: _returned,
    EventType.TICKET_CUSTOMER_LINKED: _customer_linked,
    EventType.TICKET_EXPIRED: _expired,
    EventType.CONFLICT_RESOLVED: _conflict_resolved,
}


def apply(state: BranchState, event: Event) -> BranchState:
    """Apply one event. Deterministic: the same events in the same order give the same state."""
    try:  # a subscript, not .get: no method call at every event (a try costs nothing until it raises)
        handler = _HANDLERS[event.type]
    except KeyError:
        pass  # a kind the reducer leaves to others (visit ratings, breaks)
    else:
        handler(state, event)
    seen, station, seq = state.station_seq, event.station_id, event.seq
    if seen.get(station, 0) < seq:
        seen[station] = seq
    return state


def replay(state: BranchState, events: Iterable[Event]) -> BranchState:
    for event in events:
        apply(state, event)
    return state
