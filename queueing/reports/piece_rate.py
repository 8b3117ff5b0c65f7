"""The piece-rate scheme (configuration) and the pay it gives for a period's output.

The formula is documented where the branch edits it: resources/piece_rate.toml.
"""

from __future__ import annotations

import calendar
import math
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from queueing.config.files import config_file, parse_config, read_text, refuse
from queueing.config.schemas.supervisor import PieceRateFile
from queueing.crosssell.offers import OFFERS

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

    def months(self, target: float) -> float:
        """How many months' worth a period with ``target`` is: what the monthly amounts are scaled by.

        The target is pro rata to the period, and so are the base quota's pay and the quality bonus: otherwise
        November in two halves paid the base quota twice (4,800.00 for what the month pays 2,800.00) and a year
        on target paid it once (11,600.00 instead of 33,600.00)."""
        return target / self.monthly_target_units if self.monthly_target_units > 0 else 1.0

    def pay(self, net_units: float, target: float) -> float:
        """Pay for ``net_units`` against ``target``: nothing below the floor, the base quota pro rata, then per unit."""
        floor = self.floor_share * target
        base = self.base_share * target
        quota_pay = self.base_quota_pay * self.months(target)
        if target <= 0 or net_units < floor:
            amount = 0.0
        elif net_units < base:
            amount = quota_pay * (net_units - floor) / (base - floor)
        else:
            amount = quota_pay + self.unit_price * (net_units - base)
        return _cents(amount)

    def quality_bonus(self, visits: int, errors: int, complaints: int, months: float = 1.0) -> float:
        """The bonus units of a period ``months`` long (its visits at least the monthly minimum, pro rata)."""
        if visits < math.ceil(self.bonus_min_visits * months):
            return 0.0
        bonus = 0.0
        if errors == 0:
            bonus += self.bonus_no_errors
        if complaints == 0:
            bonus += self.bonus_no_complaints
        return bonus * months

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
    bonus = scheme.quality_bonus(visits, errors_minor + errors_major, complaints, scheme.months(target_units))
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


def parse_scheme(text: str, source: str = "<text>") -> PieceRateScheme:
    doc = parse_config(text, source, PieceRateFile)
    if not doc.thresholds.floor_share < doc.thresholds.base_share:
        raise refuse(source, "thresholds.floor_share", "must be below thresholds.base_share")
    cross = dict(doc.cross_sell)
    default_cross = cross.pop("default", 0.0)
    for product in cross:
        # A misspelt product earned the default instead of its own units, and a key meant for the top of the
        # file that landed under [cross_sell] (unit_price = 6.0 written last) was taken for a product.
        if product not in OFFERS:
            offers = ", ".join(sorted(OFFERS))
            raise refuse(source, f"cross_sell.{product}", f"not a product a prompt can offer ({offers})")
    return PieceRateScheme(
        currency=doc.currency,
        unit_price=doc.unit_price,
        monthly_target_units=doc.monthly_target_units,
        floor_share=doc.thresholds.floor_share,
        base_share=doc.thresholds.base_share,
        base_quota_pay=doc.thresholds.base_quota_pay,
        bonus_no_errors=doc.quality_bonus.no_errors,
        bonus_no_complaints=doc.quality_bonus.no_complaints,
        bonus_min_visits=doc.quality_bonus.min_visits,
        deduction_minor=doc.deductions.minor,
        deduction_major=doc.deductions.major,
        deduction_complaint=doc.deductions.complaint,
        cross_sell_units=cross,
        cross_sell_default=default_cross,
    )


def default_scheme_path() -> Path:
    return config_file("piece_rate.toml")


def load_scheme(path: Path | str | None = None) -> PieceRateScheme:
    file = Path(path) if path else default_scheme_path()
    text = read_text(file)
    return parse_scheme(text, str(file))
