"""Customer tiers from assets under management; thresholds and currency come from resources/tiers.toml."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from pathlib import Path

from queueing.config.files import config_file, key_path, parse_config, read_text, refuse
from queueing.config.schemas.branch import TiersFile


@dataclass(frozen=True)
class Tier:
    code: str
    rank: int  # 0 for the lowest tier
    min_aum: Decimal
    names: dict[str, str]
    vip: bool = False  # served with the VIP head start when identified at the kiosk

    def name(self, language: str = "en") -> str:
        return self.names.get(language) or self.names["en"]


@dataclass(frozen=True)
class TierTable:
    currency: str
    tiers: tuple[Tier, ...]  # ascending by min_aum; the first starts at 0

    @property
    def vip_codes(self) -> frozenset[str]:
        """The tiers the branch serves with priority (``vip = true`` in tiers.toml)."""
        return frozenset(t.code for t in self.tiers if t.vip)

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


def _amount(value: int | float | str, source: str, key: str) -> Decimal:
    try:
        amount = Decimal(str(value))
    except InvalidOperation:
        raise refuse(source, key, f"must be an amount, got {value!r}") from None
    if not amount.is_finite() or amount < 0:
        raise refuse(source, key, f"must be an amount >= 0, got {value!r}")
    return amount


def parse_tiers(text: str, source: str = "<text>") -> TierTable:
    doc = parse_config(text, source, TiersFile)
    tiers = tuple(
        Tier(
            entry.code,
            index,
            _amount(entry.min_aum, source, key_path("tier", index, "min_aum")),
            entry.names.as_dict(),
            entry.vip,
        )
        for index, entry in enumerate(doc.tier)
    )
    if tiers[0].min_aum != 0:
        raise refuse(
            source, "tier[0].min_aum", f"the first tier must start at 0, {tiers[0].code!r} starts at {tiers[0].min_aum}"
        )
    for index, (lower, upper) in enumerate(zip(tiers, tiers[1:], strict=False), start=1):
        if upper.min_aum <= lower.min_aum:
            raise refuse(
                source, key_path("tier", index, "min_aum"), f"tier {upper.code!r} must start above {lower.code!r}"
            )
    codes = [t.code for t in tiers]
    if len(set(codes)) != len(codes):
        raise refuse(source, "tier", "tier codes must be unique")
    return TierTable(currency=doc.currency.upper(), tiers=tiers)


def default_tiers_path() -> Path:
    return config_file("tiers.toml")


def load_tiers(path: Path | str | None = None) -> TierTable:
    file = Path(path) if path else default_tiers_path()
    text = read_text(file)
    return parse_tiers(text, str(file))
