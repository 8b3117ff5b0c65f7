"""A refused administration step, said in one translated line: which rule of the staff service refused it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.store.errors import StoreError
from models.sync.link_errors import is_link_failure
from queueing.core.errors import DomainError
from queueing.core.text_rules import COUNTER_ID, COUNTER_NAME, STAFF_ID, STAFF_NAME
from ui.station.errors import failure_text
from ui.supervisor.failures import action_failure_text, read_failure_text


def _field_name(label: str) -> str | None:
    names = {
        STAFF_ID.label: QCoreApplication.translate("AdminErrors", "The staff ID"),
        STAFF_NAME.label: QCoreApplication.translate("AdminErrors", "The name"),
        COUNTER_ID.label: QCoreApplication.translate("AdminErrors", "The counter ID"),
        COUNTER_NAME.label: QCoreApplication.translate("AdminErrors", "The counter name"),
    }
    return names.get(label)


def _text_refused(exc: DomainError) -> str:
    label = str(exc.details.get("field", ""))
    limits = {f.label: f.max_chars for f in (STAFF_ID, STAFF_NAME, COUNTER_ID, COUNTER_NAME)}
    name = _field_name(label)
    if name is None:
        return failure_text(exc)
    return (
        QCoreApplication.translate(
            "AdminErrors", "%1 was refused: use 1 to %2 characters, without control or direction characters."
        )
        .replace("%1", name)
        .replace("%2", str(limits[label]))
    )


def admin_failure_text(exc: BaseException, reading: bool = False) -> str:
    """The line the Administration screen shows for ``exc``; nothing was changed when it is shown, but for a link
    that died during a change (not ``reading``): its COMMIT may have reached the store, so the line says it may
    have been saved."""
    if not isinstance(exc, DomainError) and (is_link_failure(exc) or isinstance(exc, StoreError)):
        return read_failure_text(exc) if reading else action_failure_text(exc)
    if not isinstance(exc, DomainError):
        return failure_text(exc)
    if exc.code == "weak_pin":
        return (
            QCoreApplication.translate("AdminErrors", "Not changed: this role's PIN must be %1 to %2 digits.")
            .replace("%1", str(exc.details.get("least", "")))
            .replace("%2", str(exc.details.get("most", "")))
        )
    if exc.code == "pin_too_short_for_role":
        return QCoreApplication.translate(
            "AdminErrors", "Not changed: the new role needs a PIN of at least %1 digits. Enter a new PIN with it."
        ).replace("%1", str(exc.details.get("least", "")))
    if exc.code == "last_administrator":
        return QCoreApplication.translate(
            "AdminErrors", "Not changed: the branch must keep at least one active administrator."
        )
    if exc.code == "unknown_staff":
        return QCoreApplication.translate("AdminErrors", "This staff account does not exist.")
    if exc.code == "text_refused":
        return _text_refused(exc)
    if exc.code in ("permission_denied", "account_ended"):
        return QCoreApplication.translate(
            "AdminErrors", "Not changed: your account may not do this any more. Sign in again."
        )
    return failure_text(exc)
