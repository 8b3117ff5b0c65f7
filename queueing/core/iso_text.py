"""The ISO 8601 text of a ticket's issue time and business day, made and read back cheaply.

A ticket's payload carries both as text (events are JSON): the command formats them and the
reducer parses them back, at every ticket issued. ``datetime.isoformat`` builds its text with
C ``sprintf`` calls and was the costliest step of issuing a ticket in a simulated day. Here the
day's text is made once per day, a time in UTC from a table of two-digit numbers, and the last
time formatted is remembered with its text, so the reducer gets it back without parsing.
Every function returns exactly what the plain call would (tests/queueing/core/test_iso_text.py).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

_TWO = tuple(f"{n:02d}" for n in range(60))

# The last (day, its text) formatted, the last (text, day) parsed, and the last (text, time) formatted whose
# parse gives that very time back. Each is replaced whole, so a thread reads a consistent pair.
_formatted_day: tuple[date | None, str] = (None, "")
_parsed_day: tuple[str, date | None] = ("", None)
_formatted_moment: tuple[str, datetime | None] = ("", None)


def day_text(day: date) -> str:
    """``day.isoformat()`` (a branch issues a whole day's tickets into one business day)."""
    global _formatted_day
    known = _formatted_day
    if known[0] == day and type(day) is date:  # a datetime is a date too, with a longer text
        return known[1]
    text = day.isoformat()
    if type(day) is date:
        _formatted_day = (day, text)
    return text


def parse_day(text: str) -> date:
    """``date.fromisoformat(text)``."""
    global _parsed_day
    known = _formatted_day
    if text == known[1] and known[0] is not None:
        return known[0]
    parsed = _parsed_day
    if text == parsed[0] and parsed[1] is not None:
        return parsed[1]
    day = date.fromisoformat(text)
    _parsed_day = (text, day)
    return day


def moment_text(at: datetime) -> str:
    """``at.isoformat()``; ``parse_moment`` of the text gives ``at`` back without parsing."""
    global _formatted_moment
    if at.tzinfo is not UTC or at.fold or type(at) is not datetime:
        return at.isoformat()  # another offset, or a time whose parse would not be ``at`` itself
    clock = f"{day_text(at.date())}T{_TWO[at.hour]}:{_TWO[at.minute]}:{_TWO[at.second]}"
    micro = at.microsecond
    # f"{micro:06d}" as the last six digits of micro + 10**6 (below 10**6): a format spec costs more.
    text = f"{clock}.{str(micro + 1_000_000)[1:]}+00:00" if micro else f"{clock}+00:00"
    # fromisoformat(text) is ``at``: the same fields, and datetime.UTC is the one tzinfo "+00:00" parses to.
    _formatted_moment = (text, at)
    return text


def parse_moment(text: str) -> datetime:
    """``datetime.fromisoformat(text)``."""
    known = _formatted_moment
    if text == known[0] and known[1] is not None:
        return known[1]
    return datetime.fromisoformat(text)
