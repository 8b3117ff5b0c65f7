"""How a counter is named to a person: by number ("counter 3", "3号窗口") or by a name of its own ("外汇窗口").

The hall's spoken call and the supervisor's screens follow one rule (README, "A counter named by number").
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from ui.common.shown_text import SHOWN_CHARS, shown_text


def numbered_counter(name: str) -> bool:
    """A counter called by number: a short name of digits and Latin letters ("3", "12", "3A")."""
    return 0 < len(name) <= 3 and name.isascii() and name.isalnum()


def counter_phrase(counter_id: str, names: dict[str, str], alone: bool = False) -> str:
    """The counter as a sentence names it, in the language installed now: "counter 3" / "3 号窗口" / "3번 창구" /
    "la ventanilla 3" for a numbered one, its own name alone otherwise; an id the branch no longer knows is
    shown as the id. ``alone``: a cell of its own, not inside a sentence ("Counter 3"). Made safe for a table cell
    (a name is data: markup stays text, no direction override)."""
    return named_counter_phrase(names.get(counter_id) or counter_id, alone)


def named_counter_phrase(name: str, alone: bool = False, limit: int | None = SHOWN_CHARS) -> str:
    """``counter_phrase`` for a counter whose name is at hand. ``alone`` also starts a sentence ("Counter 3 idle
    for ...", "Ventanilla 3 ..."), where the sentence form would be lower case. ``limit``: as in shown_text (None:
    the whole name, for a label that wraps or elides it)."""
    name = shown_text(name, limit)
    if numbered_counter(name) and alone:
        return QCoreApplication.translate("Common", "Counter %1", "a numbered counter on its own").replace("%1", name)
    if numbered_counter(name):
        text = QCoreApplication.translate("Common", "counter %1", "a numbered counter in a sentence")
        return text.replace("%1", name)
    return name
