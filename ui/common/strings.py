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
    "error.moved_meanwhile": lambda: QCoreApplication.translate(
        "Common", "Someone else moved this ticket meanwhile: look where it is now before you move it.", "error"
    ),
    "error.break_refused": lambda: QCoreApplication.translate(
        "Common",
        "This break cannot be set: choose an active teller, a day from today up to 60 days ahead, "
        "and a length of 5 to 180 minutes.",
        "error",
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
