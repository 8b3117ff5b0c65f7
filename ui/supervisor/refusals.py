"""A refused supervisor's step (appointments, follow-ups, the call list), said in the supervisor's language.

The services name what refused a step in the error's ``reason`` and give the figures in its details;
the English message stays for the log. A refusal without a text of its own here gets the shared
text of its code (ui.station.errors.failure_text), never the English message.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from datetime import datetime

from PySide6.QtCore import QCoreApplication

from queueing.core.errors import DomainError
from ui.common.placeholders import fill
from ui.station.errors import failure_text


def _moment(value: object) -> str:
    """A local time the service gave as ISO text, shown as the branch's wall clock reads it."""
    try:
        return datetime.fromisoformat(str(value)).strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return str(value)


def _day(value: object) -> str:
    return _moment(value)[:10]


Details = Mapping[str, object]


class _Figures(Mapping[str, object]):
    """An error's details where an empty figure (None or "") counts as missing: a text that needs it raises
    KeyError, so each text alone says which figures it needs."""

    def __init__(self, details: Mapping[str, object]) -> None:
        self._details = details

    def __getitem__(self, key: str) -> object:
        value = self._details[key]
        if value is None or value == "":
            raise KeyError(key)
        return value

    def __iter__(self) -> Iterator[str]:
        return iter(self._details)

    def __len__(self) -> int:
        return len(self._details)

# Per (code, reason): the text, filled from the error's details.
_APPOINTMENT: dict[str, Callable[[Details], str]] = {
    "category": lambda d: QCoreApplication.translate("Refusals", "This service does not exist."),
    "not_bookable": lambda d: QCoreApplication.translate("Refusals", "This service does not take appointments."),
    "duration": lambda d: fill(
        QCoreApplication.translate("Refusals", "An appointment lasts 1 to %1 minutes."), d["most"]
    ),
    "grid": lambda d: fill(
        QCoreApplication.translate("Refusals", "Appointments start every %1 minutes: choose a time on that grid."),
        d["slot_min"],
    ),
    "past": lambda d: fill(QCoreApplication.translate("Refusals", "%1 is in the past."), _moment(d["start"])),
    "too_far": lambda d: fill(
        QCoreApplication.translate(
            "Refusals", "Appointments can be booked up to %1 days ahead (the last bookable day is %2)."
        ),
        d["days"],
        _day(d["last_day"]),
    ),
    "closed": lambda d: fill(
        QCoreApplication.translate("Refusals", "The branch is closed on %1."), _day(d["start"])
    ),
    "hours": lambda d: (
        fill(
            QCoreApplication.translate(
                "Refusals", "%1 does not exist on the branch's clock: the clocks go forward then."
            ),
            _moment(d["start"]),
        )
        if d.get("skipped")
        else fill(
            QCoreApplication.translate("Refusals", "%1 to %2 is outside the opening hours (%3 to %4)."),
            _moment(d["start"]),
            _moment(d["end"])[11:],
            d["opening"],
            d["closing"],
        )
    ),
    "full": lambda d: fill(
        QCoreApplication.translate("Refusals", "%1 is fully booked for this service."), _moment(d["start"])
    ),
    "no_counter": lambda d: QCoreApplication.translate(
        "Refusals", "No counter serves this service, so it cannot be booked."
    ),
    "clash": lambda d: fill(
        QCoreApplication.translate("Refusals", "This customer already has an appointment at %1."),
        _moment(d["start"]),
    ),
    "window": lambda d: fill(
        QCoreApplication.translate("Refusals", "This appointment can be checked in from %1 to %2 only."),
        d["opens"],
        d["closes"],
    ),
    "note": lambda d: QCoreApplication.translate(
        "Refusals", "The note was refused: it is too long or holds characters that are not allowed."
    ),
}

_BY_REASON: dict[str, Callable[[Details], str]] = {
    "not_booked": lambda d: QCoreApplication.translate(
        "Refusals", "This appointment is no longer booked: it was checked in, cancelled or missed."
    ),
    "past": lambda d: QCoreApplication.translate("Refusals", "The next action date is in the past."),
    "owner_without_date": lambda d: QCoreApplication.translate(
        "Refusals", "A follow-up with an owner needs a next action date."
    ),
    "negative_days": lambda d: QCoreApplication.translate("Refusals", "The number of days cannot be negative."),
    "days": lambda d: fill(QCoreApplication.translate("Refusals", "Choose 0 to %1 days."), d["most"]),
    "result": lambda d: fill(
        QCoreApplication.translate("Refusals", "Write a result of at least %1 characters."), d["least"]
    ),
    "no_action": lambda d: QCoreApplication.translate(
        "Refusals", "This note plans no action, so there is nothing to mark done."
    ),
    "done": lambda d: QCoreApplication.translate("Refusals", "This follow-up is already done."),
    "owner": lambda d: QCoreApplication.translate(
        "Refusals", "The owner must be an active staff member of this branch."
    ),
    "holding": lambda d: QCoreApplication.translate("Refusals", "This deposit is not this customer's."),
}

_BY_CODE: dict[str, Callable[[], str]] = {
    "unknown_appointment": lambda: QCoreApplication.translate("Refusals", "This appointment was not found."),
    "unknown_follow_up": lambda: QCoreApplication.translate("Refusals", "This follow-up was not found."),
}


def _then(said: str, more: str) -> str:
    # Chinese sentences follow a full-width stop with no space; the others with one.
    return said + ("" if not more or said.endswith(("。", "！", "？")) else " ") + more


def _next_free(details: Details) -> str:
    if details.get("next_free"):
        return fill(
            QCoreApplication.translate("Refusals", "The next free time is %1."), _moment(details["next_free"])
        )
    if details.get("none_free_within"):
        return fill(
            QCoreApplication.translate("Refusals", "No time is free within %1 days."), details["none_free_within"]
        )
    return ""


def refusal_text(exc: BaseException) -> str:
    """What the screen says about ``exc``: the refused step's reason with its figures, translated."""
    if not isinstance(exc, DomainError):
        return failure_text(exc)
    details, reason = _Figures(exc.details), str(exc.details.get("reason", ""))
    try:
        if exc.code == "invalid_appointment" and reason in _APPOINTMENT:
            return _then(_APPOINTMENT[reason](details), _next_free(details))
        if reason in _BY_REASON and exc.code != "invalid_appointment":
            return _BY_REASON[reason](details)
    except KeyError:  # a figure its text needs is missing: the code's shared text, never "None" in a sentence
        return failure_text(exc)
    if exc.code in _BY_CODE:
        return _BY_CODE[exc.code]()
    return failure_text(exc)
