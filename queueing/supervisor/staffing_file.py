"""staffing.toml read into its schema, with the check across keys (closing after opening).

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
    return doc
