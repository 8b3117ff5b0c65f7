"""Customer tiers from assets under management; thresholds and currency come from resources/tiers.toml."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from queueing.config_files import localized_names, parse_toml, read_text
from queueing.errors import ConfigError


@dataclass(frozen=True)
class Tier:
    code: str
    rank: int  # 0 for the lowest tier
    min_aum: Decimal
    names: dict[str, str]

    def name(self, language: str = "en") -> str:
        return self.names.get(language) or self.names["en"]


@dataclass(frozen=True)
class TierTable:
    currency: str
    tiers: tuple[Tier, ...]  # ascending by min_aum; the first starts at 0

    def tier_for(self, aum: Decimal) -> Tier:
        chosen = self.tiers[0]
        for tier in self.tiers:
            if aum >= tier.min_aum:
                chosen = tier
        return chosen

    def by_code(self, code: str) -> Tier:
        for tier in self.tiers:
            if tier.code == code:
                return tier
        raise KeyError(code)


def _amount(value: Any, where: str) -> Decimal:
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise ConfigError(f"{where}: 'min_aum' must be a number, got {value!r}")
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise ConfigError(f"{where}: 'min_aum' must be a number, got {value!r}") from None
    if amount < 0 or not amount.is_finite():
        raise ConfigError(f"{where}: 'min_aum' must be >= 0, got {value!r}")
    return amount


def _tier(raw: dict[str, Any], index: int, where: str) -> Tier:
    code = raw.get("code")
    if not isinstance(code, str) or not code.strip():
        raise ConfigError(f"{where}: tier #{index + 1}: 'code' is missing or empty")
    where = f"{where}: tier {code!r}"
    names = localized_names(raw, where)
    return Tier(code=code, rank=index, min_aum=_amount(raw.get("min_aum"), where), names=names)


def parse_tiers(text: str, source: str = "<text>") -> TierTable:
    raw = parse_toml(text, source)
    currency = raw.get("currency")
    if not isinstance(currency, str) or len(currency) != 3 or not currency.isalpha():
        raise ConfigError(f"{source}: 'currency' must be a three-letter code, got {currency!r}")
    entries = raw.get("tier")
    if not isinstance(entries, list) or not entries:
        raise ConfigError(f"{source}: no [[tier]] entries")
    tiers = tuple(_tier(entry, index, source) for index, entry in enumerate(entries))
    if tiers[0].min_aum != 0:
        raise ConfigError(f"{source}: the first tier must start at 0, {tiers[0].code!r} starts at {tiers[0].min_aum}")
    for lower, upper in zip(tiers, tiers[1:], strict=False):
        if upper.min_aum <= lower.min_aum:
            raise ConfigError(f"{source}: tier {upper.code!r} must start above {lower.code!r}")
    codes = [t.code for t in tiers]
    if len(set(codes)) != len(codes):
        raise ConfigError(f"{source}: tier codes must be unique")
    return TierTable(currency=currency.upper(), tiers=tiers)


def default_tiers_path() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "tiers.toml"


def load_tiers(path: Path | str | None = None) -> TierTable:
    file = Path(path) if path else default_tiers_path()
    text = read_text(file)
    return parse_tiers(text, str(file))
