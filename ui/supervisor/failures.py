"""What the supervisor's screen says when a read or an action failed for another reason than a refusal.

A refusal (a DomainError) has its own words (ui/common/strings.py). A dead or silent link to the branch server
is said in the supervisor's language, never as the driver's English message with its SQL; and after an action
it cannot say "nothing was changed": the link may have died after the COMMIT reached the server.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication

from models.store.errors import StoreError
from models.sync.link_errors import is_link_failure
from queueing.core.errors import DomainError
from ui.common.strings import error_text

log = logging.getLogger(__name__)


def _unexpected(exc: BaseException) -> str:
    log.error("supervisor screen: %s", exc, exc_info=exc)
    return QCoreApplication.translate("SupervisorFailures", "Unexpected error (%1); it was logged.").replace(
        "%1", type(exc).__name__
    )


def read_failure_text(exc: BaseException) -> str:
    """A list or a page that could not be read: nothing was changed, and the screen reads again."""
    if isinstance(exc, DomainError):
        return error_text(exc)
    if is_link_failure(exc):
        log.warning("supervisor screen: a read failed: %s", exc)
        return QCoreApplication.translate(
            "SupervisorFailures", "The branch server cannot be reached. Nothing was changed; the screen tries again."
        )
    if isinstance(exc, StoreError):  # the store's own line (a file that cannot be opened) names what to mend
        log.warning("supervisor screen: a read failed: %s", exc)
        return QCoreApplication.translate(
            "SupervisorFailures", "The branch database cannot be read: %1. Nothing was changed."
        ).replace("%1", " ".join(str(exc).split()))
    return _unexpected(exc)


def action_failure_text(exc: BaseException) -> str:
    """An action (move, release, resolve, open, close) that got no answer or failed."""
    if isinstance(exc, DomainError):
        return error_text(exc)
    if is_link_failure(exc):
        log.warning("supervisor screen: an action got no answer: %s", exc)
        return QCoreApplication.translate(
            "SupervisorFailures",
            "The branch server did not answer. The action may have been saved: check the screen after its next "
            "refresh before you repeat it.",
        )
    if isinstance(exc, StoreError):
        return QCoreApplication.translate(
            "SupervisorFailures", "The branch database refused the action. Nothing was changed."
        )
    return _unexpected(exc)
