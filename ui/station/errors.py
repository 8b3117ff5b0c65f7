"""A failed command, said in the teller's language: DomainError codes map to translated texts."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from models.store.errors import StoreError
from queueing.core.errors import ConfigError, DomainError
from ui.common.strings import error_text

# Codes of the station's own errors (staff and customers); the core's codes live in ui.common.strings.
_STATION_TEXTS: dict[str, Callable[[], str]] = {
    "sign_in_refused": lambda: QCoreApplication.translate("StationErrors", "Unknown staff ID or wrong PIN."),
    "staff_copy_altered": lambda: QCoreApplication.translate(
        "StationErrors",
        "This station's copy of the staff accounts was altered. Sign in when the branch server answers.",
    ),
    "staff_copy_unverifiable": lambda: QCoreApplication.translate(
        "StationErrors",
        "This station was not given the branch's staff-signing.pub, so it cannot check PINs offline. Sign in "
        "when the branch server answers, and ask the administrator to copy the file to this PC.",
    ),
    "counter_taken": lambda: QCoreApplication.translate(
        "StationErrors", "Another teller is signed in at this counter, or you are signed in at another one."
    ),
    "permission_denied": lambda: QCoreApplication.translate("StationErrors", "Your role may not do this."),
    "account_ended": lambda: QCoreApplication.translate(
        "StationErrors",
        "Your account was deactivated or given another role or PIN, so you were signed out. Ask your supervisor.",
    ),
    "unknown_customer": lambda: QCoreApplication.translate("StationErrors", "This customer was not found."),
    "not_your_visit": lambda: QCoreApplication.translate(
        "StationErrors",
        "You can open the profile and record answers to suggestions only for the customer you are serving.",
    ),
    "prompt_not_shown": lambda: QCoreApplication.translate(
        "StationErrors",
        "This suggestion was not made for this customer in this visit, so no answer to it is recorded.",
    ),
    "rules_not_published": lambda: QCoreApplication.translate(
        "StationErrors",
        "The branch server has no suggestion rules yet, so no answer is recorded. Ask the supervisor to open "
        "the supervisor screen, which gives the server the branch's rules.",
    ),
    "outcome_unknown": lambda: QCoreApplication.translate(
        "StationErrors",
        "The link to the branch server dropped while it was saving this. Do not repeat it yet: the station "
        "checks whether it was saved as soon as the link is back, and nothing is lost or done twice.",
    ),
    "station_restored": lambda: QCoreApplication.translate(
        "StationErrors",
        "This station's file was restored from a backup. It works again as soon as it has synced with the "
        "branch server, which gives back what the backup lacks.",
    ),
    "station_id_taken": lambda: QCoreApplication.translate(
        "StationErrors",
        "Another PC now syncs as this station. This PC keeps its records but no longer syncs: ask the "
        "administrator for a station id of its own.",
    ),
    "upstream_unreachable": lambda: QCoreApplication.translate(
        "StationErrors",
        "Customer look-up needs the branch server, which cannot be reached now. The queue keeps working offline.",
    ),
}


def locked_text(exc: DomainError) -> str:
    """How long the account stays locked, or that a supervisor must unlock it."""
    seconds = exc.details.get("seconds")
    if not isinstance(seconds, int | float):  # None: locked until it is unlocked
        if exc.details.get("unlocker") == "administrator":  # a supervisor's or administrator's own account
            return QCoreApplication.translate(
                "StationErrors", "Too many wrong PINs: the account is locked until an administrator unlocks it."
            )
        return QCoreApplication.translate(
            "StationErrors", "Too many wrong PINs: the account is locked until a supervisor unlocks it."
        )
    minutes = -(-int(seconds) // 60)
    return QCoreApplication.translate(
        "StationErrors", "Too many wrong PINs: try again in %n minute(s).", "", minutes
    )


def refresh_failure_text(exc: BaseException) -> str:
    """Why the screen could not be brought up to date: no command was run, so none is said to have failed."""
    if isinstance(exc, StoreError):
        return QCoreApplication.translate(
            "StationErrors",
            "The branch database cannot be reached: the screen shows what it last read and updates when the database "
            "answers again.",
        )
    if isinstance(exc, DomainError):  # a refusal of the rules (a restored station file ...): its own words
        return failure_text(exc)
    return QCoreApplication.translate("StationErrors", "The screen could not be updated: %1").replace(
        "%1", type(exc).__name__
    )


def failure_text(exc: BaseException) -> str:
    if isinstance(exc, DomainError) and exc.code == "account_locked":
        return locked_text(exc)
    if isinstance(exc, DomainError):
        text = _STATION_TEXTS.get(exc.code)
        return text() if text else error_text(exc)
    if isinstance(exc, ConfigError):
        # The file, key and reason stay as the loader words them (English, as `config check` prints them): the
        # administrator who fixes the file looks for exactly that.
        return QCoreApplication.translate(
            "StationErrors", "A configuration file was refused, so this cannot be done; tell the administrator: %1"
        ).replace("%1", str(exc))
    if isinstance(exc, StoreError):
        return QCoreApplication.translate(
            "StationErrors", "The branch database cannot be reached. Nothing was changed; try again."
        )
    return QCoreApplication.translate("StationErrors", "Unexpected error, nothing was changed: %1").replace(
        "%1", type(exc).__name__
    )
