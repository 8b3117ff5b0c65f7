"""A conflict in the supervisor's words: why it was flagged, and its facts, in the language installed now.

The reducer records each conflict as a reason code with its figures (queueing.core.conflict_reasons); this
module words them, with counters by their names, tellers by name and id, stations by their ids, event types by
their shared names (ui/common/strings.py) and times on the branch's clock. A conflict without a code (the journal
here does not show why the ticket was flagged) gets a generic sentence and the English the store holds.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from models.branch.break_journal import BREAK_EVENTS
from models.sync.conflict_views import ConflictView, FactView
from queueing.core.conflict_reasons import ConflictFigures, ConflictReason
from queueing.core.events import EventType
from queueing.core.state import Conflict
from queueing.core.tickets import TicketStatus
from ui.common.branch_time import to_branch
from ui.common.counter_name import counter_phrase
from ui.common.placeholders import fill
from ui.common.shown_text import shown_text
from ui.common.strings import event_type_text, ticket_status_text


@dataclass(frozen=True)
class Names:
    """What a supervisor knows the branch's counters and staff by, from the last refresh (ids to names)."""

    counters: dict[str, str] = field(default_factory=dict)
    staff: dict[str, str] = field(default_factory=dict)


# Each text below is a literal QCoreApplication.translate("ConflictText", ...) call, so that lupdate finds it.

# What the store says when no event here explains the flag (models.sync.conflicts): nothing worth repeating.
_NO_DETAIL = "flagged"


def teller_phrase(staff_id: str, names: Names) -> str:
    """A teller as the supervisor knows them: "王芳 (T2)", the name with the id that tells two of one name apart;
    an id the branch no longer has an account for is shown as the id. Both made safe for a table cell."""
    name = names.staff.get(staff_id)
    return f"{shown_text(name)} ({shown_text(staff_id)})" if name else shown_text(staff_id)


def _time(value: datetime | None) -> str:
    return f"{to_branch(value):%H:%M:%S}" if value is not None else "?"


def _status(value: str) -> str:
    try:
        return ticket_status_text(TicketStatus(value))
    except ValueError:  # a status a newer version wrote: its code, not a traceback
        return shown_text(value)


def _called(f: ConflictFigures, names: Names) -> str:
    at, status = counter_phrase(f.counter_id, names.counters), _status(f.status)
    if f.other_counter_id:
        text = QCoreApplication.translate("ConflictText", "Called at %1 while the ticket was at %3 (%2)")
        return fill(text, at, status, counter_phrase(f.other_counter_id, names.counters))
    text = QCoreApplication.translate("ConflictText", "Called at %1 while the ticket was no longer waiting (%2)")
    return fill(text, at, status)


def _after_closed(f: ConflictFigures, names: Names) -> str:
    what, status = event_type_text(f.event_type), _status(f.status)
    if f.counter_id:
        text = QCoreApplication.translate("ConflictText", "%1 at %2 after the ticket was closed (%3)")
        return fill(text, what, counter_phrase(f.counter_id, names.counters), status)
    return fill(QCoreApplication.translate("ConflictText", "%1 after the ticket was closed (%2)"), what, status)


def _held_elsewhere(f: ConflictFigures, names: Names) -> str:
    text = QCoreApplication.translate("ConflictText", "%1 at %2 while the ticket is held by %3")
    at, held = counter_phrase(f.counter_id, names.counters), counter_phrase(f.other_counter_id, names.counters)
    return fill(text, event_type_text(f.event_type), at, held)


def _counter_busy(f: ConflictFigures, names: Names) -> str:
    text = QCoreApplication.translate(
        "ConflictText", "Called at %1 while %2 was still at that counter: the called ticket kept waiting"
    )
    return fill(text, counter_phrase(f.counter_id, names.counters), shown_text(f.number))


def _not_at_counter(f: ConflictFigures, names: Names) -> str:
    text = QCoreApplication.translate("ConflictText", "%1 at %2 while the ticket was at no counter (%3)")
    return fill(text, event_type_text(f.event_type), counter_phrase(f.counter_id, names.counters), _status(f.status))


def _moved_not_waiting(f: ConflictFigures, names: Names) -> str:
    text = QCoreApplication.translate(
        "ConflictText", "Moved by a supervisor while the ticket was no longer waiting (%1)"
    )
    return fill(text, _status(f.status))


def _issued_again(f: ConflictFigures, names: Names) -> str:
    text = QCoreApplication.translate("ConflictText", "Issued again as %1; the first number, %2, stands")
    return fill(text, shown_text(f.number), shown_text(f.other_number))


def _number_twice(f: ConflictFigures, names: Names) -> str:
    return fill(QCoreApplication.translate("ConflictText", "Number %1 issued twice"), shown_text(f.number))


def _unknown_ticket(f: ConflictFigures, names: Names) -> str:
    text = QCoreApplication.translate("ConflictText", "%1 for a ticket not issued here")
    return fill(text, event_type_text(f.event_type))


def _sign_in_clash(text: str, f: ConflictFigures, names: Names, holder: str) -> str:
    """A sign-in that clashed: who signed in where, on which station and when (%1-%4); ``holder`` (%5), what held
    them back; the station and the moment of that (%6, %7)."""
    here = (teller_phrase(f.staff_id, names), counter_phrase(f.counter_id, names.counters), shown_text(f.station_id))
    return fill(text, *here, _time(f.at), holder, shown_text(f.other_station_id), _time(f.since))


def _counter_taken(f: ConflictFigures, names: Names) -> str:
    text = QCoreApplication.translate(
        "ConflictText",
        "Teller %1 signed in at %2 on station %3 at %4 while teller %5 was signed in there on station %6 since %7",
    )
    return _sign_in_clash(text, f, names, teller_phrase(f.other_staff_id, names))


def _teller_elsewhere(f: ConflictFigures, names: Names) -> str:
    text = QCoreApplication.translate(
        "ConflictText",
        "Teller %1 signed in at %2 on station %3 at %4 while already signed in at %5 on station %6 since %7",
    )
    return _sign_in_clash(text, f, names, counter_phrase(f.other_counter_id, names.counters))


def _break_changed_late(f: ConflictFigures, names: Names) -> str:
    if f.event_type == EventType.BREAK_CANCELLED:
        text = QCoreApplication.translate(
            "ConflictText",
            "%1 cancelled this break on station %2 at %3, after %4 had moved or cancelled it on station %5 at %6: "
            "the first change stands and this one did nothing",
        )
    else:
        text = QCoreApplication.translate(
            "ConflictText",
            "%1 moved this break on station %2 at %3, after %4 had moved or cancelled it on station %5 at %6: "
            "the first change stands and this move did nothing",
        )
    late = (teller_phrase(f.staff_id, names), shown_text(f.station_id), _time(f.at))
    return fill(text, *late, teller_phrase(f.other_staff_id, names), shown_text(f.other_station_id), _time(f.since))


_SENTENCES: dict[str, Callable[[ConflictFigures, Names], str]] = {
    ConflictReason.CALLED_NOT_WAITING: _called,
    ConflictReason.AFTER_CLOSED: _after_closed,
    ConflictReason.HELD_ELSEWHERE: _held_elsewhere,
    ConflictReason.COUNTER_BUSY: _counter_busy,
    ConflictReason.NOT_AT_COUNTER: _not_at_counter,
    ConflictReason.MOVED_NOT_WAITING: _moved_not_waiting,
    ConflictReason.ISSUED_AGAIN: _issued_again,
    ConflictReason.NUMBER_TWICE: _number_twice,
    ConflictReason.UNKNOWN_TICKET: _unknown_ticket,
    ConflictReason.COUNTER_TAKEN: _counter_taken,
    ConflictReason.TELLER_ELSEWHERE: _teller_elsewhere,
    ConflictReason.BREAK_CHANGED_LATE: _break_changed_late,
}


def generic_text() -> str:
    """For a conflict whose reason has no code this version knows."""
    return QCoreApplication.translate("ConflictText", "Flagged as a conflict; compare the facts")


def reason_sentence(conflict: Conflict, names: Names) -> str:
    """One reason in words; a code this version does not know gets the generic sentence."""
    sentence = _SENTENCES.get(str(conflict.reason))
    return sentence(conflict.figures, names) if sentence is not None else generic_text()


def what_clashed(view: ConflictView, names: Names) -> str:
    """The "What clashed" cell: each reason on its own line, or the generic sentence and the stored English."""
    if view.reasons:
        return "\n".join(reason_sentence(c, names) for c in view.reasons)
    stored = view.detail.strip()
    if not stored or stored == _NO_DETAIL:
        return generic_text()
    return f"{generic_text()}\n{shown_text(stored, 400)}"


def fact_line(fact: FactView, names: Names) -> str:
    """One event about the conflict: when (branch time), which station, what (a break's new start), at which
    counter, by whom."""
    parts = [_time(fact.at), shown_text(fact.station_id), event_type_text(fact.type)]
    if fact.break_start:
        parts.append(shown_text(fact.break_start))
    if fact.counter_id:
        parts.append(counter_phrase(fact.counter_id, names.counters))
    if fact.staff_id:
        parts.append(teller_phrase(fact.staff_id, names))
    return " · ".join(parts)


def subject(view: ConflictView, names: Names) -> str:
    """The "Ticket, counter or break" cell: the ticket's number, the counter two tellers signed in at by name, or whose
    break was changed late."""
    if view.ticket_id:
        return shown_text(view.number)
    if view.teller_id:
        return fill(QCoreApplication.translate("ConflictText", "Break of %1"), teller_phrase(view.teller_id, names))
    if view.status in BREAK_EVENTS:  # a break this journal never saw set: its id is all there is to name it
        return fill(QCoreApplication.translate("ConflictText", "Break %1"), shown_text(view.number))
    return counter_phrase(view.number, names.counters, alone=True)
