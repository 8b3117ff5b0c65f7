"""Conversion figures of cross-sell prompts: offered, interested, accepted, declined and the conversion rate,
per rule, per teller, per customer tier and per ISO week of a period.

"Offered" counts every prompt the teller put to the customer; "not offered" ones count against nobody.
Conversion is accepted out of offered.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from queueing.crosssell.rules import Outcome

NO_TIER = "—"  # pitches recorded before the tier was kept with them


class Dimension(StrEnum):
    RULE = "rule"
    TELLER = "teller"
    TIER = "tier"
    WEEK = "week"


@dataclass(frozen=True)
class Pitch:
    """One recorded outcome, dated by the branch's calendar day."""

    rule_code: str
    staff_id: str
    tier: str | None
    day: date
    outcome: Outcome


@dataclass(frozen=True)
class ConversionLine:
    key: str
    offered: int
    interested: int
    accepted: int
    declined: int
    referred: int
    not_offered: int

    @property
    def conversion(self) -> float | None:
        """Accepted out of offered; None when nothing was offered."""
        return self.accepted / self.offered if self.offered else None


@dataclass(frozen=True)
class CrossSellReport:
    first: date
    last: date
    lines: dict[Dimension, tuple[ConversionLine, ...]]
    total: ConversionLine


def week_of(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


_KEYS: dict[Dimension, Callable[[Pitch], str]] = {
    Dimension.RULE: lambda p: p.rule_code,
    Dimension.TELLER: lambda p: p.staff_id,
    Dimension.TIER: lambda p: p.tier or NO_TIER,
    Dimension.WEEK: lambda p: week_of(p.day),
}


def _line(key: str, counts: Counter[Outcome]) -> ConversionLine:
    not_offered = counts.get(Outcome.NOT_OFFERED, 0)
    return ConversionLine(
        key=key,
        offered=sum(counts.values()) - not_offered,
        interested=counts.get(Outcome.INTERESTED, 0),
        accepted=counts.get(Outcome.ACCEPTED, 0),
        declined=counts.get(Outcome.DECLINED, 0),
        referred=counts.get(Outcome.REFERRED, 0),
        not_offered=not_offered,
    )


def build_report(
    pitches: Iterable[Pitch], first: date, last: date, tier_rank: dict[str, int] | None = None
) -> CrossSellReport:
    """The figures of the pitches dated ``first`` to ``last`` (inclusive); others are left out.

    ``tier_rank`` orders the tiers from the lowest up (unknown ones last).
    """
    if last < first:
        raise ValueError(f"the period ends ({last}) before it starts ({first})")
    counts: dict[Dimension, dict[str, Counter[Outcome]]] = {d: defaultdict(Counter) for d in Dimension}
    total: Counter[Outcome] = Counter()
    for pitch in pitches:
        if not first <= pitch.day <= last:
            continue
        total[pitch.outcome] += 1
        for dimension, key in _KEYS.items():
            counts[dimension][key(pitch)][pitch.outcome] += 1
    lines = {d: tuple(_line(k, c) for k, c in sorted(counts[d].items())) for d in Dimension}
    # Rules and tellers read best first; tiers and weeks in their own order.
    for d in (Dimension.RULE, Dimension.TELLER):
        lines[d] = tuple(sorted(lines[d], key=lambda line: (-line.accepted, -line.offered, line.key)))
    ranks = tier_rank or {}
    lines[Dimension.TIER] = tuple(sorted(lines[Dimension.TIER], key=lambda line: (ranks.get(line.key, 99), line.key)))
    return CrossSellReport(first, last, lines, _line("", total))
