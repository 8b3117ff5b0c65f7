"""One clock for every screen, ticket and report: the branch's wall time in the branch's time zone.

The core keeps aware UTC times. Whatever shows a time to a person converts it here, with the zone of the
branch this process serves (``[branch] timezone`` of the configuration), never the PC's own zone: a kiosk
PC left on another zone must not print 08:20 on a ticket while the appointment says 16:15. The windows
that serve a branch (station, kiosk, display, supervisor, reports) set the zone when they are built; until
then it is UTC, so a forgotten call shows up as a wrong hour in tests rather than as the PC's time.
"""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from PySide6.QtCore import QDate

_UTC = ZoneInfo("UTC")
_zone: ZoneInfo = _UTC


def set_branch_zone(name: str) -> None:
    """Show every time from now on in the IANA zone ``name`` (e.g. "Asia/Shanghai")."""
    global _zone
    _zone = ZoneInfo(name)


def branch_zone() -> ZoneInfo:
    return _zone


def to_branch(value: datetime, zone: ZoneInfo | None = None) -> datetime:
    """An aware time in the branch's zone (or ``zone``); a naive one is taken as branch wall time already."""
    return value.astimezone(zone or _zone) if value.tzinfo is not None else value


def branch_stamp(value: datetime, seconds: bool = False, zone: ZoneInfo | None = None) -> str:
    """ISO-like "2026-11-23 09:30" in branch time, for tables and report headers that sort as text.

    ``zone``: another branch's, for a head-office screen reading a branch other than the one it serves.
    """
    local = to_branch(value, zone)
    return f"{local:%Y-%m-%d %H:%M:%S}" if seconds else f"{local:%Y-%m-%d %H:%M}"


def branch_now(zone: ZoneInfo | None = None) -> datetime:
    """The wall clock now, in the branch's zone or ``zone`` (report headers: when was this generated)."""
    return datetime.now(_UTC).astimezone(zone or _zone)


def python_date(value: QDate) -> date:
    """A date picker's day as a ``date`` (PySide6's stubs type ``QDate.toPython()`` as a plain object)."""
    return date(value.year(), value.month(), value.day())


def qt_date(value: date) -> QDate:
    """A ``date`` for a date picker (``python_date`` the other way)."""
    return QDate(value.year, value.month, value.day)
