"""Service categories and calling-policy settings, loaded from TOML."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from queueing.config_files import localized_names, parse_toml, read_text
from queueing.errors import ConfigError
from queueing.tickets import PriorityClass


@dataclass(frozen=True)
class ServiceCategory:
    code: str
    prefix: str
    names: dict[str, str]
    target_wait_s: float
    max_wait_s: float
    typical_service_s: float

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

    def category(self, code: str) -> ServiceCategory:
        from queueing.errors import UnknownCategory

        try:
            return self.categories[code]
        except KeyError:
            raise UnknownCategory(f"unknown service category {code!r}", category=code) from None


def _minutes(raw: dict[str, Any], key: str, where: str) -> float:
    value = raw.get(key)
    if not isinstance(value, int | float) or isinstance(value, bool) or value <= 0:
        raise ConfigError(f"{where}: '{key}' must be a positive number of minutes, got {value!r}")
    return float(value) * 60.0


def _category(raw: dict[str, Any], where: str) -> ServiceCategory:
    code = raw.get("code")
    if not isinstance(code, str) or not code.strip():
        raise ConfigError(f"{where}: 'code' is missing or empty")
    where = f"{where} ({code})"
    prefix = raw.get("prefix")
    if not isinstance(prefix, str) or len(prefix) != 1 or not prefix.isalpha() or not prefix.isupper():
        raise ConfigError(f"{where}: 'prefix' must be one capital letter, got {prefix!r}")
    names = localized_names(raw, where)
    target = _minutes(raw, "target_wait_min", where)
    maximum = _minutes(raw, "max_wait_min", where)
    if maximum < target:
        raise ConfigError(f"{where}: 'max_wait_min' must not be below 'target_wait_min'")
    return ServiceCategory(
        code=code,
        prefix=prefix,
        names=names,
        target_wait_s=target,
        max_wait_s=maximum,
        typical_service_s=_minutes(raw, "typical_service_min", where),
    )


def _policy(raw: dict[str, Any], where: str) -> PolicySettings:
    defaults = PolicySettings()
    head = dict(defaults.head_start_s)
    for key, value in raw.get("head_start_min", {}).items():
        try:
            cls = PriorityClass(key)
        except ValueError:
            raise ConfigError(f"{where}: [policy.head_start_min] unknown priority class {key!r}") from None
        if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
            raise ConfigError(f"{where}: head start for {key!r} must be minutes >= 0")
        head[cls] = float(value) * 60.0
    recalls = raw.get("max_recalls", defaults.max_recalls)
    if not isinstance(recalls, int) or recalls < 0:
        raise ConfigError(f"{where}: 'max_recalls' must be a whole number >= 0, got {recalls!r}")
    span = raw.get("smoothing_span", defaults.smoothing_span)
    if not isinstance(span, int) or span < 1:
        raise ConfigError(f"{where}: 'smoothing_span' must be a whole number >= 1")
    return PolicySettings(head_start_s=head, max_recalls=recalls, smoothing_span=span)


def _timezone(name: object, source: str) -> str:
    # Checked here: an unknown zone would otherwise fail at the first ticket issued.
    if isinstance(name, str) and name:
        try:
            ZoneInfo(name)
            return name
        except (ZoneInfoNotFoundError, ValueError):
            pass
    raise ConfigError(f"{source}: [branch] 'timezone' must be an IANA time zone like \"Asia/Shanghai\", got {name!r}")


def parse_branch_config(text: str, source: str = "<text>") -> BranchConfig:
    raw = parse_toml(text, source)
    cats_raw = raw.get("category")
    if not isinstance(cats_raw, list) or not cats_raw:
        raise ConfigError(f"{source}: no [[category]] entries")
    categories: dict[str, ServiceCategory] = {}
    prefixes: dict[str, str] = {}
    for index, entry in enumerate(cats_raw, start=1):
        cat = _category(entry, f"{source}: category #{index}")
        if cat.code in categories:
            raise ConfigError(f"{source}: category code {cat.code!r} appears twice")
        if cat.prefix in prefixes:
            raise ConfigError(f"{source}: prefix {cat.prefix!r} used by both {prefixes[cat.prefix]!r} and {cat.code!r}")
        categories[cat.code] = cat
        prefixes[cat.prefix] = cat.code
    timezone = _timezone(raw.get("branch", {}).get("timezone", "UTC"), source)
    return BranchConfig(categories=categories, policy=_policy(raw.get("policy", {}), source), timezone=timezone)


def default_config_path() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "categories.toml"


def load_branch_config(path: Path | str | None = None) -> BranchConfig:
    file = Path(path) if path else default_config_path()
    text = read_text(file)
    return parse_branch_config(text, str(file))
