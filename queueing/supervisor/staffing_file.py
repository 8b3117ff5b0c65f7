"""staffing.toml read into its schema, with the checks across keys (closing after opening; one standing break
a day per teller).

Apart from queueing/supervisor/staffing.py, which brings the simulator along for its advice: the live wait
estimates read the same file for the branch's hours and rota (models/branch/day_plan.py) at every station.
"""

from __future__ import annotations

from pathlib import Path

from queueing.config.files import parse_config, refuse
from queueing.config.schemas.supervisor import StaffingFile

STAFFING_FILE = Path(__file__).resolve().parents[2] / "resources" / "staffing.toml"


def parse_staffing_file(text: str, source: str = "<text>") -> StaffingFile:
    """The file's document; ConfigError naming ``source`` and the key when it is not a valid staffing file."""
    doc = parse_config(text, source, StaffingFile)
    if not doc.hours.opening < doc.hours.closing:
        raise refuse(source, "hours.closing", "must be after hours.opening")
    _one_break_a_day(doc, source)
    return doc


def _one_break_a_day(doc: StaffingFile, source: str) -> None:
    """A teller's standing break is one a day: the supervisor moves or cancels "the" break of a teller's day, and a
    second entry for the same day was accepted, then silently merged with the first (same id) or overlapped it."""
    seen: dict[tuple[str, str], int] = {}
    for index, entry in enumerate(doc.breaks):
        for day in entry.days:
            first = seen.setdefault((entry.staff, day), index)
            if first != index:
                raise refuse(
                    source,
                    f"breaks[{index}].days",
                    f"{entry.staff} has a standing break on {day} already (breaks[{first}]): one a day per teller",
                )
