"""What text a person types may be, checked in one place before any event or row holds it.

Online a command goes straight to PostgreSQL, offline it waits in the journal to be pushed there, so
text PostgreSQL would refuse (a NUL character, more characters than the column holds) must be refused
at the command, in both cases the same way. Also refused: control characters (they break the screens
and the exports), and outside multi-line text the Unicode line and paragraph separators too (a second
line all the same), characters that flip the writing direction (they disguise what a line says) and
lone surrogates (they cannot be written as UTF-8 at all, so a store would fail on them). Accepted text
is NFC-normalised, so that the same name typed on two keyboards is the same name.

The limits are those of the columns that keep the text; tests/models/store/test_text_columns.py checks each
one against its SQLAlchemy column, so the two cannot drift apart.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from queueing.core.errors import DomainError

# Direction overrides and isolates (U+202A-U+202E, U+2066-U+2069): "Trojan Source" text.
_DIRECTION_MARKS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
_LINE_BREAKS = frozenset("\n\t")


class TextRefused(DomainError):
    """Typed text that no store may keep; the message names the field and the reason."""

    code = "text_refused"


@dataclass(frozen=True)
class TextField:
    label: str  # what the refusal calls it
    max_chars: int
    multiline: bool = False  # newlines and tabs allowed (notes, complaints)
    required: bool = True
    # An id people read and type: no invisible characters (U+200B, U+00AD, U+2060, U+FEFF). "A1" with a zero-width
    # space after it is another account that looks the same on every screen and in the audit log.
    identifier: bool = False


STAFF_ID = TextField("staff id", 32, identifier=True)
STAFF_NAME = TextField("staff name", 200)
BRANCH_NAME = TextField("branch name", 200)
COUNTER_ID = TextField("counter id", 32, identifier=True)
COUNTER_NAME = TextField("counter name", 100)
APPOINTMENT_NOTE = TextField("appointment note", 200, multiline=True, required=False)
COMPLAINT_CATEGORY = TextField("complaint category", 32)
# Text columns and JSON payloads have no length of their own: these limits are the branch's.
COMPLAINT_TEXT = TextField("complaint text", 2000, multiline=True)
FOLLOW_UP_TEXT = TextField("follow-up note", 2000, multiline=True)
QUALITY_NOTE = TextField("quality note", 500, multiline=True, required=False)
REASON = TextField("reason", 500, multiline=True)


def clean_text(field: TextField, value: object) -> str:
    """``value`` trimmed and NFC-normalised, or TextRefused naming ``field`` and what is wrong with it."""
    if value is None and not field.required:
        return ""
    if not isinstance(value, str):
        raise TextRefused(f"the {field.label} must be text, got {type(value).__name__}", field=field.label)
    broken = next((c for c in value if "\ud800" <= c <= "\udfff"), None)
    if broken is not None:
        raise TextRefused(
            f"the {field.label} holds a broken character (U+{ord(broken):04X}, not valid Unicode)", field=field.label
        )
    text = unicodedata.normalize("NFC", value).strip()
    for char in text:
        if char in _DIRECTION_MARKS or (_breaks_or_controls(char) and not _allowed_break(field, char)):
            raise TextRefused(
                f"the {field.label} holds a control character (U+{ord(char):04X}); type it without", field=field.label
            )
    if field.identifier:
        hidden = next((c for c in text if unicodedata.category(c) == "Cf"), None)
        if hidden is not None:
            raise TextRefused(
                f"the {field.label} holds an invisible character (U+{ord(hidden):04X}); type it without",
                field=field.label,
            )
    if field.required and not text:
        raise TextRefused(f"the {field.label} is empty", field=field.label)
    if len(text) > field.max_chars:
        raise TextRefused(
            f"the {field.label} has {len(text)} characters; at most {field.max_chars}", field=field.label
        )
    return text


def _breaks_or_controls(char: str) -> bool:
    # U+2028 and U+2029 are not control characters, but screens and spreadsheets break the line at them.
    return unicodedata.category(char) in ("Cc", "Zl", "Zp")


def _allowed_break(field: TextField, char: str) -> bool:
    return field.multiline and (char in _LINE_BREAKS or unicodedata.category(char) in ("Zl", "Zp"))
