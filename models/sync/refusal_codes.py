"""Why upstream refused a pushed event, as a code: the supervisor's screen words it in their language.

A code is one of this module's names, or the SQLSTATE the server answered with (five characters, the SQL
standard's classes: "22..." a value it cannot take, "23..." a rule of the schema). None when neither applies
(the line of text kept beside it then says what happened).
"""

from __future__ import annotations

from queueing.core.events import Event

# A text holds a character PostgreSQL cannot store: a NUL, or half of a UTF-16 pair (a lone surrogate). The
# driver refuses it before the server sees it, so there is no SQLSTATE to tell it by; the event itself does.
UNSTORABLE_TEXT = "unstorable_text"
_SQLSTATE_LENGTH = 5


def _unstorable(value: object) -> bool:
    """A NUL or a lone surrogate in any text of ``value`` (its keys too), however deep."""
    if isinstance(value, str):
        return "\x00" in value or any("\ud800" <= ch <= "\udfff" for ch in value)
    if isinstance(value, dict):
        return any(_unstorable(k) or _unstorable(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(_unstorable(v) for v in value)
    return False


def refusal_code(event: Event, exc: BaseException) -> str | None:
    """The code of upstream's refusal of ``event`` with ``exc``."""
    if _unstorable(event.to_dict()):
        return UNSTORABLE_TEXT
    state = getattr(getattr(exc, "orig", exc), "sqlstate", None)
    return state if isinstance(state, str) and len(state) == _SQLSTATE_LENGTH else None
