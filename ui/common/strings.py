"""The vocabulary every window shares, translated in the "Common" context.

Each text is a literal ``QCoreApplication.translate("Common", source, disambiguation)`` call, so that
``python -m resources.build_translations`` (lupdate) finds it; the lambdas delay the lookup until the
call, so the text follows the language installed at that moment. Service category names are not
here: they come from resources/categories.toml with their own names in every language.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from queueing.core.counters import CounterStatus, PauseReason
from queueing.core.errors import DomainError
from queueing.core.tickets import PriorityClass, TicketStatus

_TEXTS: dict[str, Callable[[], str]] = {
    "priority.regular": lambda: QCoreApplication.translate("Common", "Regular", "priority class"),
    "priority.vip": lambda: QCoreApplication.translate("Common", "VIP", "priority class"),
    "priority.elderly": lambda: QCoreApplication.translate("Common", "Elderly / disabled / pregnant", "priority class"),
    "priority.appointment": lambda: QCoreApplication.translate("Common", "Appointment", "priority class"),
    "ticket.waiting": lambda: QCoreApplication.translate("Common", "Waiting", "ticket status"),
    "ticket.called": lambda: QCoreApplication.translate("Common", "Called", "ticket status"),
    "ticket.serving": lambda: QCoreApplication.translate("Common", "Serving", "ticket status"),
    "ticket.parked": lambda: QCoreApplication.translate(
        "Common", "Parked", "ticket status: set aside, customer comes back later"
    ),
    "ticket.done": lambda: QCoreApplication.translate("Common", "Done", "ticket status"),
    "ticket.no_show": lambda: QCoreApplication.translate(
        "Common", "No-show", "ticket status: customer did not come when called"
    ),
    "ticket.expired": lambda: QCoreApplication.translate(
        "Common", "Expired", "ticket status: not served, its business day ended while it waited"
    ),
    "counter.open": lambda: QCoreApplication.translate("Common", "Open", "counter state"),
    "counter.paused": lambda: QCoreApplication.translate("Common", "Paused", "counter state"),
    "counter.closed": lambda: QCoreApplication.translate("Common", "Closed", "counter state"),
    "pause.lunch": lambda: QCoreApplication.translate("Common", "Lunch", "pause reason"),
    "pause.break": lambda: QCoreApplication.translate("Common", "Break", "pause reason: a short rest"),
    "pause.back_office": lambda: QCoreApplication.translate(
        "Common", "Back office", "pause reason: paperwork away from customers"
    ),
    "pause.other": lambda: QCoreApplication.translate("Common", "Other", "pause reason"),
    "outcome.completed": lambda: QCoreApplication.translate("Common", "Completed", "visit outcome"),
    "outcome.incomplete": lambda: QCoreApplication.translate("Common", "Incomplete", "visit outcome"),
    "outcome.referred": lambda: QCoreApplication.translate("Common", "Referred", "visit outcome"),
    "connection.online": lambda: QCoreApplication.translate("Common", "Online", "connection to the branch server"),
    "connection.offline": lambda: QCoreApplication.translate("Common", "Offline", "connection to the branch server"),
    "error.unknown_category": lambda: QCoreApplication.translate(
        "Common", "This service category does not exist.", "error"
    ),
    "error.unknown_counter": lambda: QCoreApplication.translate("Common", "This counter does not exist.", "error"),
    "error.unknown_ticket": lambda: QCoreApplication.translate("Common", "This ticket was not found.", "error"),
    "error.nothing_waiting": lambda: QCoreApplication.translate(
        "Common", "No customer is waiting for this counter.", "error"
    ),
    "error.invalid_transition": lambda: QCoreApplication.translate(
        "Common", "The ticket or counter is not in a state that allows this action.", "error"
    ),
    "error.counter_not_available": lambda: QCoreApplication.translate(
        "Common", "The counter is closed, paused or still serving another customer.", "error"
    ),
    "error.domain_error": lambda: QCoreApplication.translate("Common", "This action is not allowed.", "error"),
    "error.already_resolved": lambda: QCoreApplication.translate(
        "Common", "Someone marked this resolved already; the list shows it at its next refresh.", "error"
    ),
    "error.moved_meanwhile": lambda: QCoreApplication.translate(
        "Common", "Someone else moved this ticket meanwhile: look where it is now before you move it.", "error"
    ),
    "error.break_refused": lambda: QCoreApplication.translate(
        "Common",
        "This break cannot be set: choose an active teller, a day from today up to 60 days ahead, "
        "and a length of 5 to 180 minutes.",
        "error",
    ),
    "error.break_gone": lambda: QCoreApplication.translate(
        "Common", "Someone else moved or cancelled this break meanwhile: look at the day's plan as it is now.", "error"
    ),
    "error.own_short_visit": lambda: QCoreApplication.translate(
        "Common", "Nobody may approve or reject their own visits; another supervisor has to.", "error"
    ),
    "error.text_refused": lambda: QCoreApplication.translate(
        "Common", "This text cannot be saved: it is empty, too long, or holds characters that are not allowed.", "error"
    ),
    "error.number_refused": lambda: QCoreApplication.translate(
        "Common",
        "This is not a phone number: type its digits, and + with the country code for a number from abroad.",
        "error",
    ),
    "event.counter_configured": lambda: QCoreApplication.translate("Common", "Counter set up", "event type"),
    "event.counter_opened": lambda: QCoreApplication.translate("Common", "Counter opened", "event type"),
    "event.counter_closed": lambda: QCoreApplication.translate("Common", "Counter closed", "event type"),
    "event.counter_paused": lambda: QCoreApplication.translate("Common", "Counter paused", "event type"),
    "event.counter_resumed": lambda: QCoreApplication.translate("Common", "Counter resumed", "event type"),
    "event.counter_signed_in": lambda: QCoreApplication.translate("Common", "Signed in at the counter", "event type"),
    "event.counter_signed_out": lambda: QCoreApplication.translate("Common", "Signed out at the counter", "event type"),
    "event.counter_released": lambda: QCoreApplication.translate(
        "Common", "Counter released by a supervisor", "event type"
    ),
    "event.ticket_issued": lambda: QCoreApplication.translate("Common", "Ticket issued", "event type"),
    "event.ticket_called": lambda: QCoreApplication.translate("Common", "Ticket called", "event type"),
    "event.ticket_recalled": lambda: QCoreApplication.translate("Common", "Ticket recalled", "event type"),
    "event.ticket_no_show": lambda: QCoreApplication.translate("Common", "Marked no-show", "event type"),
    "event.service_started": lambda: QCoreApplication.translate("Common", "Service started", "event type"),
    "event.service_finished": lambda: QCoreApplication.translate("Common", "Service finished", "event type"),
    "event.ticket_transferred": lambda: QCoreApplication.translate("Common", "Ticket transferred", "event type"),
    "event.ticket_parked": lambda: QCoreApplication.translate("Common", "Ticket parked", "event type"),
    "event.ticket_returned": lambda: QCoreApplication.translate("Common", "Parked ticket returned", "event type"),
    "event.ticket_customer_linked": lambda: QCoreApplication.translate("Common", "Customer identified", "event type"),
    "event.ticket_expired": lambda: QCoreApplication.translate("Common", "Ticket expired", "event type"),
    "event.visit_rated": lambda: QCoreApplication.translate("Common", "Visit rated", "event type"),
    "event.visit_quality_recorded": lambda: QCoreApplication.translate(
        "Common", "Visit quality recorded", "event type"
    ),
    "event.visit_corrected": lambda: QCoreApplication.translate("Common", "Visit corrected", "event type"),
    "event.visit_short_reviewed": lambda: QCoreApplication.translate("Common", "Short visit reviewed", "event type"),
    "event.break_scheduled": lambda: QCoreApplication.translate("Common", "Break scheduled", "event type"),
    "event.break_cancelled": lambda: QCoreApplication.translate("Common", "Break cancelled", "event type"),
    "event.seq_void": lambda: QCoreApplication.translate(
        "Common", "Voided: never saved on the branch server", "event type"
    ),
    "event.conflict_resolved": lambda: QCoreApplication.translate("Common", "Conflict marked resolved", "event type"),
}


def common_keys() -> tuple[str, ...]:
    """Every key common_text() knows."""
    return tuple(_TEXTS)


def common_text(key: str) -> str:
    """The shared text for ``key`` (e.g. "ticket.waiting") in the language installed now."""
    try:
        text = _TEXTS[key]
    except KeyError:
        raise KeyError(f"no common text {key!r}; known keys: {', '.join(_TEXTS)}") from None
    return text()


def priority_text(priority: PriorityClass) -> str:
    return common_text(f"priority.{priority.value}")


def ticket_status_text(status: TicketStatus) -> str:
    return common_text(f"ticket.{status.value}")


def counter_status_text(status: CounterStatus) -> str:
    return common_text(f"counter.{status.value}")


def pause_reason_text(reason: PauseReason) -> str:
    return common_text(f"pause.{reason.value}")


def visit_outcome_text(outcome: str) -> str:
    """A visit's outcome (VisitOutcome) by its name; a word a newer version wrote is shown as it is stored."""
    key = f"outcome.{outcome}"
    return common_text(key) if key in _TEXTS else outcome


def event_type_text(event_type: str) -> str:
    """What a journal event did, in words ("ticket_called" -> "Ticket called"); a kind this version does not know
    (a newer station's) is shown as its code rather than hidden."""
    key = f"event.{event_type}"
    return common_text(key) if key in _TEXTS else event_type


def connection_text(online: bool) -> str:
    return common_text("connection.online" if online else "connection.offline")


def error_text(error: DomainError | str) -> str:
    """A teller-readable message for a DomainError (or its code); an unknown code gets the generic one."""
    code = error if isinstance(error, str) else error.code
    key = f"error.{code}"
    return common_text(key if key in _TEXTS else "error.domain_error")


def pending_sync_text(count: int) -> str:
    """ "3 events waiting to sync", with the plural form the language needs."""
    return QCoreApplication.translate(
        "Common", "%n event(s) waiting to sync", "offline journal not yet sent upstream", count
    )
