"""A customer's data as one line that cannot change what is around it on the teller's screen.

The customer file and the notes come from the bank's other systems and from the branch server, not only
through the typed-text rules (queueing/core/text_rules.py): a direction override (U+202E) in a family
name reversed the tier name beside it ("ssaM" for "Mass") and the rest of a note, and a line or paragraph
separator (U+2028, U+2029) broke a name onto two lines. Such characters are shown as U+FFFD, so the
teller sees that something is there without it acting.
"""

from __future__ import annotations

import unicodedata

REPLACEMENT = "\ufffd"
# Direction marks, embeddings, overrides and isolates: each changes how the characters after it are ordered.
_DIRECTION = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Control characters and the line and paragraph separators: a line break, or nothing visible at all.
_UNSHOWN = frozenset({"Cc", "Zl", "Zp"})


def shown_data(text: str) -> str:
    """``text`` with every character that would reorder or break the line replaced by U+FFFD."""
    return "".join(REPLACEMENT if c in _DIRECTION or unicodedata.category(c) in _UNSHOWN else c for c in text)
