"""A branch's region (ISO 3166 country): which codes phonenumbers knows, and the country of a time zone.

The country of a time zone comes from the time zone database's own table (zone.tab): Asia/Seoul -> KR.

A branch that does not name its region ([branch] region in categories.toml) reads national phone numbers in
the country of its time zone. zone.tab lists each canonical zone with its country; "UTC", "Etc/..." and old
aliases ("Asia/Chongqing") are not in it and give None, as does a machine whose time zone data has no table.
"""

from __future__ import annotations

import zoneinfo
from functools import cache
from importlib import resources
from pathlib import Path


def known_region(code: str) -> bool:
    """Whether ``code`` is a country whose phone numbers phonenumbers can read ("CN", "KR", "MX" ...)."""
    # Imported here: every process reads the branch's settings (the simulator and the CLI too), and only a
    # branch that names its region needs phonenumbers' 17 ms of import to check it.
    import phonenumbers

    return code in phonenumbers.SUPPORTED_REGIONS


def _zone_table() -> str:
    # The system's data first (where zoneinfo reads its zones on Linux and macOS), then the tzdata package's.
    for folder in zoneinfo.TZPATH:
        table = Path(folder) / "zone.tab"
        if table.is_file():
            return table.read_text(encoding="utf-8", errors="replace")
    try:
        data = resources.files("tzdata.zoneinfo").joinpath("zone.tab").read_bytes()
    except (ModuleNotFoundError, OSError):
        return ""
    return data.decode("utf-8", errors="replace")


@cache
def _countries() -> dict[str, str]:
    countries: dict[str, str] = {}
    for line in _zone_table().splitlines():
        fields = line.split("\t")
        if line.startswith("#") or len(fields) < 3:
            continue
        countries[fields[2]] = fields[0]
    return countries


def region_of_zone(zone: str) -> str | None:
    """The ISO 3166 country of ``zone`` ("America/Bogota" -> "CO"), or None when the table does not tell."""
    return _countries().get(zone)
