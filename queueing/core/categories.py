"""Service categories and calling-policy settings, loaded from TOML."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from queueing.config.files import config_file, key_path, parse_config, read_text, refuse
from queueing.config.regions import known_region, region_of_zone
from queueing.config.schemas.branch import BranchTable, CategoriesFile, CategoryEntry, PolicyTable
from queueing.core.errors import UnknownCategory
from queueing.core.tickets import PriorityClass


@dataclass(frozen=True)
class ServiceCategory:
    code: str
    prefix: str
    names: dict[str, str]
    target_wait_s: float
    max_wait_s: float
    typical_service_s: float
    # Past this wait any open counter calls the ticket, whatever its profile; None: only the profile's counters.
    any_counter_after_s: float | None = None

    def name(self, language: str = "en") -> str:
        return self.names.get(language) or self.names["en"]


@dataclass(frozen=True)
class PolicySettings:
    """Head starts in seconds per priority class, and the recall limit."""

    head_start_s: dict[PriorityClass, float] = field(
        default_factory=lambda: {
            PriorityClass.REGULAR: 0.0,
            PriorityClass.VIP: 300.0,
            PriorityClass.ELDERLY: 600.0,
            PriorityClass.APPOINTMENT: 900.0,
        }
    )
    max_recalls: int = 3
    # Service times older than this many observations weigh little (EWMA span).
    smoothing_span: int = 20


@dataclass(frozen=True)
class BranchConfig:
    categories: dict[str, ServiceCategory]
    policy: PolicySettings
    timezone: str = "UTC"
    # The country a phone number typed without its country code is read in: [branch] region, else the time
    # zone's country; None when neither tells (then only numbers typed with their code are read).
    region: str | None = None

    def category(self, code: str) -> ServiceCategory:
        try:
            return self.categories[code]
        except KeyError:
            raise UnknownCategory(f"unknown service category {code!r}", category=code) from None


def _category(entry: CategoryEntry) -> ServiceCategory:
    return ServiceCategory(
        code=entry.code,
        prefix=entry.prefix,
        names=entry.names.as_dict(),
        target_wait_s=entry.target_wait_min * 60.0,
        max_wait_s=entry.max_wait_min * 60.0,
        typical_service_s=entry.typical_service_min * 60.0,
        any_counter_after_s=None if entry.specialist else (entry.any_counter_after_min or entry.target_wait_min) * 60.0,
    )


def _policy(table: PolicyTable) -> PolicySettings:
    head = dict(PolicySettings().head_start_s)
    head.update({cls: minutes * 60.0 for cls, minutes in table.head_start_min.items()})
    return PolicySettings(head_start_s=head, max_recalls=table.max_recalls, smoothing_span=table.smoothing_span)


def _timezone(name: str, source: str) -> str:
    # Checked here: an unknown zone would otherwise fail at the first ticket issued.
    try:
        ZoneInfo(name)
        return name
    except (ZoneInfoNotFoundError, ValueError, OSError):  # OSError: a folder of zones such as "Asia"
        raise refuse(
            source, "branch.timezone", f'must be an IANA time zone like "Asia/Shanghai", got {name!r}'
        ) from None


def _region(table: BranchTable, timezone: str, source: str) -> str | None:
    if table.region is None:
        return region_of_zone(timezone)
    code = table.region.upper()
    if not known_region(code):
        words = 'must be an ISO 3166 country code with phone numbers, like "CN" or "MX"'
        raise refuse(source, "branch.region", f"{words}, got {table.region!r}")
    return code


def parse_branch_config(text: str, source: str = "<text>") -> BranchConfig:
    return branch_config(parse_config(text, source, CategoriesFile), source)


def branch_config(doc: CategoriesFile, source: str) -> BranchConfig:
    categories: dict[str, ServiceCategory] = {}
    prefixes: dict[str, str] = {}
    for index, entry in enumerate(doc.category):
        where = key_path("category", index)
        if entry.max_wait_min < entry.target_wait_min:
            raise refuse(source, f"{where}.max_wait_min", "must not be below target_wait_min")
        if entry.any_counter_after_min is not None and entry.any_counter_after_min > entry.max_wait_min:
            raise refuse(source, f"{where}.any_counter_after_min", "must not be above max_wait_min")
        if entry.code in categories:
            raise refuse(source, f"{where}.code", f"category code {entry.code!r} appears twice")
        if entry.prefix in prefixes:
            raise refuse(source, f"{where}.prefix", f"prefix {entry.prefix!r} is already {prefixes[entry.prefix]!r}'s")
        categories[entry.code] = _category(entry)
        prefixes[entry.prefix] = entry.code
    timezone = _timezone(doc.branch.timezone, source)
    region = _region(doc.branch, timezone, source)
    return BranchConfig(categories=categories, policy=_policy(doc.policy), timezone=timezone, region=region)


def default_config_path() -> Path:
    return config_file("categories.toml")


def load_branch_config(path: Path | str | None = None) -> BranchConfig:
    file = Path(path) if path else default_config_path()
    text = read_text(file)
    return parse_branch_config(text, str(file))
