"""The branch's day as staffing.toml plans it, for the live wait estimates: its closing hour and its tellers' rota.

Read as the supervisor's staffing settings read it (queueing/supervisor/staffing_file.py), without
queueing/supervisor/staffing.py: it brings the simulator along, which a kiosk or a teller's station does not
need to start.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from queueing.config.files import config_file, read_text
from queueing.supervisor.break_plan import RotaBreak, rota_from_entries
from queueing.supervisor.staffing_file import STAFFING_FILE, parse_staffing_file


@dataclass(frozen=True)
class DayPlan:
    """What the branch plans for each day: the tellers' standing breaks and the hour the kiosk stops issuing.

    The default plans nothing: the estimate then knows only the counters' present (paused ones coming back).
    """

    rota: tuple[RotaBreak, ...] = ()
    closing_hour: int | None = None  # branch-local hour, 0 to 24; None: not known

    def closing_at(self, day: date, timezone: str) -> datetime | None:
        """The instant ``day``'s kiosk stops issuing, or None when the plan does not say."""
        if self.closing_hour is None:
            return None
        # Aware arithmetic is on the wall clock: the closing hour's local time, on a daylight-saving day too;
        # hour 24 is the next midnight.
        return datetime.combine(day, time(0), tzinfo=ZoneInfo(timezone)) + timedelta(hours=self.closing_hour)


def load_day_plan(path: Path | str | None = None) -> DayPlan:
    """The branch's staffing.toml (its configuration folder's, else the packaged one) as a DayPlan."""
    file = Path(path) if path else config_file(STAFFING_FILE.name)
    doc = parse_staffing_file(read_text(file), str(file))
    return DayPlan(rota_from_entries(doc.breaks), doc.hours.closing)
