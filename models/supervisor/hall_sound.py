"""Whether the hall can hear its calls: each hall display reports its sound, the supervisor reads it.

A hall display whose speakers are unplugged, whose chime cannot play or whose sound was turned off still
shows the calls; customers who do not watch the screen miss theirs. The display writes its sound state
about every half minute; the supervisor's screen shows "Hall sound off" with the reason, and also when a
display stopped reporting. Kept in the store's key-value table (``counterline_meta``), one key per display.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from models.store.database import Store
from models.store.tables import MetaRow
from models.store.upsert import upsert

# Why a hall is silent; the screens put these codes into words.
TURNED_OFF = "turned_off"  # [call] chime = false in display.toml
NO_MULTIMEDIA = "no_multimedia"  # Qt Multimedia cannot load (audio libraries missing)
NO_DEVICE = "no_device"  # no audio output device
CHIME_ERROR = "chime_error"  # the chime file cannot be played on this device
REASONS = (TURNED_OFF, NO_MULTIMEDIA, NO_DEVICE, CHIME_ERROR)


@dataclass(frozen=True)
class HallSound:
    station_id: str
    problem: str | None  # one of REASONS, None when the chime plays
    at: datetime


def _prefix(branch_id: str) -> str:
    return f"hall_sound:{branch_id}:"


def report_hall_sound(store: Store, branch_id: str, station_id: str, problem: str | None, at: datetime) -> None:
    """Record this display's sound state now (``problem`` None: the chime plays)."""
    if problem is not None and problem not in REASONS:
        raise ValueError(f"unknown hall sound problem {problem!r}; one of {', '.join(REASONS)}")
    value = json.dumps({"problem": problem, "at": at.isoformat()})
    with store.write_session() as session:
        upsert(session, MetaRow.__table__, [{"key": _prefix(branch_id) + station_id, "value": value}], ["key"])


def hall_sounds(store: Store, branch_id: str) -> list[HallSound]:
    """The last report of every hall display of the branch, by station id."""
    prefix = _prefix(branch_id)
    with store.read_session() as session:
        rows = session.execute(select(MetaRow.key, MetaRow.value).where(MetaRow.key.startswith(prefix))).all()
    found = []
    for key, value in sorted(rows):
        data = json.loads(value)
        found.append(HallSound(key.removeprefix(prefix), data.get("problem"), datetime.fromisoformat(data["at"])))
    return found
