"""Text that is data (a name typed into another program, a store's row) made safe for one table cell.

A counter's or a teller's name is shown as its characters, whichever screen shows it: a direction override
(U+202E) in it must not reorder the rest of the cell, and a line break must not make a cell two lines.
"""

from __future__ import annotations

import html
import unicodedata

SHOWN_CHARS = 60  # a longer name is cut in the cell; the tooltip has it whole
# Embeddings, overrides, isolates and marks: one of them in a name could reorder the rest of the cell.
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Controls, broken surrogates and the Unicode line and paragraph separators (a cell is one line).
_UNSHOWN = frozenset({"Cc", "Cs", "Zl", "Zp"})


def shown_text(text: str, limit: int | None = SHOWN_CHARS) -> str:
    """``text`` safe for one table cell or label line: control and direction-override characters shown as U+FFFD,
    one line, at most ``limit`` characters (None: any length). A store written by another program may hold what
    the services refuse."""
    safe = "".join("\ufffd" if c in _BIDI_CONTROLS or unicodedata.category(c) in _UNSHOWN else c for c in text)
    return safe if limit is None or len(safe) <= limit else safe[: limit - 1] + "…"


def plain_tip(text: str) -> str:
    """``text`` as a tool tip that shows its characters: Qt draws a tip as HTML whenever it looks like HTML, and a
    name, note or reason is free text (``<img src=...>`` in a name drew a picture from the disk)."""
    return f'<p style="white-space:pre-wrap">{html.escape(text)}</p>'
