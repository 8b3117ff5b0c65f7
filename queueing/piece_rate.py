"""The piece-rate scheme (configuration) and the pay it gives for a period's output.

The formula is documented where the branch edits it: resources/piece_rate.toml.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

from queueing.config_files import parse_toml, read_text
from queueing.errors import ConfigError

ERROR_LEVELS = ("minor", "major")


@dataclass(frozen=True)
class PieceRateScheme:
    currency: str
    unit_price: float
    monthly_target_units: float
    floor_share: float
    base_share: float
    base_quota_pay: float
    bonus_no_errors: float
    bonus_no_complaints: float
    bonus_min_visits: int
    deduction_minor: float
    deduction_major: float
    deduction_complaint: float
    cross_sell_units: dict[str, float]
    cross_sell_default: float

    def period_target(self, first: date, last: date) -> float:
        """The target for the days ``first``..``last`` inclusive: each day is 1/days-in-its-month of a month."""
        target = 0.0
        day = first
        while day <= last:
            days_in_month = calendar.monthrange(day.year, day.month)[1]
            month_end = date(day.year, day.month, days_in_month)
            span = (min(last, month_end) - day).days + 1
            target += self.monthly_target_units * span / days_in_month
            day = month_end + timedelta(days=1)
        return target

    def pay(self, net_units: float, target: float) -> float:
        """Pay for ``net_units`` against ``target``: nothing below the floor, the base quota pro rata, then per unit."""
        floor = self.floor_share * target
        base = self.base_share * target
        if target <= 0 or net_units < floor:
            amount = 0.0
        elif net_units < base:
            amount = self.base_quota_pay * (net_units - floor) / (base - floor)
        else:
            amount = self.base_quota_pay + self.unit_price * (net_units - base)
        return _cents(amount)

    def quality_bonus(self, visits: int, errors: int, complaints: int) -> float:
        if visits < self.bonus_min_visits:
            return 0.0
        bonus = 0.0
        if errors == 0:
            bonus += self.bonus_no_errors
        if complaints == 0:
            bonus += self.bonus_no_complaints
        return bonus

    def deductions(self, minor: int, major: int, complaints: int) -> float:
        return minor * self.deduction_minor + major * self.deduction_major + complaints * self.deduction_complaint

    def cross_sell_credit(self, products: Iterable[str]) -> float:
        return sum((self.cross_sell_units.get(p, self.cross_sell_default) for p in products), 0.0)


def _cents(amount: float) -> float:
    # Half-up to the cent, as a payslip rounds; Decimal avoids 2.675 -> 2.67.
    return float(Decimal(repr(amount)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class PieceRateResult:
    """One teller's evaluation for a period, every term of the formula kept for the report."""

    standard_units: float
    quality_bonus_units: float
    deduction_units: float
    cross_sell_units: float
    net_units: float
    target_units: float
    attainment: float
    pay: float


def evaluate(
    scheme: PieceRateScheme,
    standard_units: float,
    visits: int,
    errors_minor: int,
    errors_major: int,
    complaints: int,
    cross_sell_products: Iterable[str],
    target_units: float,
) -> PieceRateResult:
    """Apply the scheme to one teller's counted output."""
    bonus = scheme.quality_bonus(visits, errors_minor + errors_major, complaints)
    deducted = scheme.deductions(errors_minor, errors_major, complaints)
    cross = scheme.cross_sell_credit(cross_sell_products)
    net = max(0.0, standard_units + bonus - deducted + cross)
    return PieceRateResult(
        standard_units=standard_units,
        quality_bonus_units=bonus,
        deduction_units=deducted,
        cross_sell_units=cross,
        net_units=net,
        target_units=target_units,
        attainment=net / target_units if target_units > 0 else 0.0,
        pay=scheme.pay(net, target_units),
    )


def _num(table: dict[str, Any], key: str, where: str, default: float | None = None) -> float:
    value = table.get(key, default)
    if not isinstance(value, int | float) or isinstance(value, bool) or value < 0:
        raise ConfigError(f"{where}: '{key}' must be a number >= 0, got {value!r}")
    return float(value)


def _table(raw: dict[str, Any], key: str, source: str) -> dict[str, Any]:
    value = raw.get(key, {})
    if not isinstance(value, dict):
        raise ConfigError(f"{source}: [{key}] must be a table")
    return value


def parse_scheme(text: str, source: str = "<text>") -> PieceRateScheme:
    raw = parse_toml(text, source)
    thresholds = _table(raw, "thresholds", source)
    bonus = _table(raw, "quality_bonus", source)
    deductions = _table(raw, "deductions", source)
    cross = dict(_table(raw, "cross_sell", source))
    floor_share = _num(thresholds, "floor_share", f"{source} [thresholds]")
    base_share = _num(thresholds, "base_share", f"{source} [thresholds]")
    if not floor_share < base_share:
        raise ConfigError(f"{source} [thresholds]: 'floor_share' must be below 'base_share'")
    target = _num(raw, "monthly_target_units", source)
    if target <= 0:
        raise ConfigError(f"{source}: 'monthly_target_units' must be above 0")
    min_visits = bonus.get("min_visits", 0)
    if not isinstance(min_visits, int) or isinstance(min_visits, bool) or min_visits < 0:
        raise ConfigError(f"{source} [quality_bonus]: 'min_visits' must be a whole number >= 0")
    currency = raw.get("currency", "")
    if not isinstance(currency, str) or not currency:
        raise ConfigError(f"{source}: 'currency' must name the pay currency")
    default_cross = _num(cross, "default", f"{source} [cross_sell]", default=0)
    cross.pop("default", None)
    return PieceRateScheme(
        currency=currency,
        unit_price=_num(raw, "unit_price", source),
        monthly_target_units=target,
        floor_share=floor_share,
        base_share=base_share,
        base_quota_pay=_num(thresholds, "base_quota_pay", f"{source} [thresholds]"),
        bonus_no_errors=_num(bonus, "no_errors", f"{source} [quality_bonus]", default=0),
        bonus_no_complaints=_num(bonus, "no_complaints", f"{source} [quality_bonus]", default=0),
        bonus_min_visits=min_visits,
        deduction_minor=_num(deductions, "minor", f"{source} [deductions]", default=0),
        deduction_major=_num(deductions, "major", f"{source} [deductions]", default=0),
        deduction_complaint=_num(deductions, "complaint", f"{source} [deductions]", default=0),
        cross_sell_units={k: _num(cross, k, f"{source} [cross_sell]") for k in cross},
        cross_sell_default=default_cross,
    )


def default_scheme_path() -> Path:
    return Path(__file__).resolve().parent.parent / "resources" / "piece_rate.toml"


def load_scheme(path: Path | str | None = None) -> PieceRateScheme:
    file = Path(path) if path else default_scheme_path()
    text = read_text(file)
    return parse_scheme(text, str(file))
