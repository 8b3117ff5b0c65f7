"""Counting a teller's (or the branch's) visits into the figures the piece-rate report shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from math import fsum, isfinite

from queueing.records.visits import QualityKind, ShortDecision, VisitLine, VisitRecord, is_short, under_minimum


@dataclass(frozen=True)
class TypeLine:
    """One transaction type in a teller's (or the branch's) period."""

    code: str
    items: float
    units: float
    actual_s: float
    standard_s: float

    @property
    def service_ratio(self) -> float | None:
        return self.actual_s / self.standard_s if self.standard_s > 0 else None


@dataclass(frozen=True)
class Output:
    """The counted work, the same shape for a teller and for the branch."""

    visits: int
    standard_units: float
    units_by_type: tuple[TypeLine, ...]
    serving_s: float
    units_per_serving_hour: float | None
    service_ratio: float | None
    overrun_share: float | None
    avg_rating: float | None
    ratings: int
    errors_minor: int
    errors_major: int
    complaints: int
    corrected_visits: int
    cross_sell_accepted: int
    # Visits under their minimum service time: their units count only once a supervisor approves them.
    short_pending: int = 0
    short_rejected: int = 0
    short_approved: int = 0
    short_approved_units: float = 0.0
    short_withheld_units: float = 0.0  # of the pending and the rejected ones


class PricedLines:
    """A visit's priced lines as the sums read them, worked out once per distinct set of lines."""

    __slots__ = ("lines", "units", "total_units", "standard_s", "slots", "unknown", "minimum_s")

    def __init__(self, lines: Sequence[VisitLine]) -> None:
        self.lines = tuple(lines)
        self.units = tuple(line.units for line in lines)
        self.total_units = sum(self.units)  # as add_lines sums a short visit's withheld units
        standard = 0.0
        for line in lines:
            standard += line.standard_s  # in the order add_lines adds them: the same float
        self.standard_s = standard
        self.slots = tuple((line.code, line.quantity, line.units, line.standard_s) for line in lines)
        self.minimum_s = sum(line.min_s for line in lines)  # summed once, as is_short sums it for every visit
        self.unknown = {line.code for line in lines if not line.known}


def _slot() -> tuple[list[float], list[float], list[float], list[float]]:
    return [], [], [], []


def _copies(value: float, count: int) -> tuple[float, float]:
    """``count`` copies of ``value`` as two floats with the same exact sum: the product and its rounding error.

    The error of a product of two floats is itself a float, worked out here in integers: ``fsum`` over
    these two gives what it gives over ``count`` copies, without a list of them.
    """
    product = value * count
    if not isfinite(product):
        return product, 0.0
    num, den = value.as_integer_ratio()
    pnum, pden = product.as_integer_ratio()
    return product, (num * count * pden - pnum * den) / (den * pden)


@dataclass(slots=True)
class Tally:
    """Running figures over visits, for one teller or the branch.

    Every float total is kept as the list of what was added to it and summed with ``math.fsum``
    when the output is made: an exact sum, rounded once, that does not depend on the order the
    visits came in. So the store may read a period's rows in any order (or a line set's visits
    all at once, ``add_group``) and still give the report the journal replay gives, to the last digit.
    """

    visits: int = 0
    service: list[float] = field(default_factory=list)
    units: list[float] = field(default_factory=list)  # every counted line's units
    actual_s: list[float] = field(default_factory=list)  # the service time of every visit with a standard time
    standard_s: list[float] = field(default_factory=list)
    overran: int = 0
    timed: int = 0
    rating_sum: int = 0
    ratings: int = 0
    minor: int = 0
    major: int = 0
    complaints: int = 0
    corrected: int = 0
    short_pending: int = 0
    short_rejected: int = 0
    short_approved: int = 0
    short_approved_units: list[float] = field(default_factory=list)
    short_withheld_units: list[float] = field(default_factory=list)  # of the pending and the rejected ones
    # code -> (items, units, actual, standard), each the list of what its visits added
    by_type: dict[str, tuple[list[float], list[float], list[float], list[float]]] = field(default_factory=dict)

    def add(self, visit: VisitRecord) -> None:
        review = visit.short_review.decision if visit.short_review is not None else None
        self.add_lines(visit.service_s, visit.lines, visit.rating, review)
        for mark in visit.quality:
            if mark.kind is QualityKind.ERROR_MINOR:
                self.minor += 1
            elif mark.kind is QualityKind.ERROR_MAJOR:
                self.major += 1
            else:
                self.complaints += 1
        self.corrected += bool(visit.corrections)

    def add_group(self, service_s: Sequence[float], priced: PricedLines) -> None:
        """Many visits with the same lines, no review, no quality mark and no correction, given by their
        service times: what ``add_lines`` adds for each of them (ratings apart: ``add_ratings``)."""
        self.visits += len(service_s)
        self.service.extend(service_s)
        paid: Sequence[float] = service_s
        minimum = priced.minimum_s
        if minimum > 0:
            paid = [s for s in service_s if not under_minimum(s, minimum)]
            short = len(service_s) - len(paid)
            self.short_pending += short  # no review yet: their units wait
            self.short_withheld_units.extend(_copies(priced.total_units, short))
        count = len(paid)
        if not count:
            return
        for units in priced.units:
            self.units.extend(_copies(units, count))
        standard = priced.standard_s
        if standard > 0:
            self.timed += count
            self.actual_s.extend(paid)
            self.standard_s.extend(_copies(standard, count))
            self.overran += sum(1 for s in paid if s > standard)
        for code, quantity, units, line_standard in priced.slots:
            slot = self.by_type.get(code)
            if slot is None:
                slot = self.by_type[code] = _slot()
            slot[0].extend(_copies(quantity, count))
            slot[1].extend(_copies(units, count))
            if standard > 0:
                slot[2].extend([line_standard * (s / standard) for s in paid])
            else:
                slot[2].extend(_copies(line_standard * 0.0, count))
            slot[3].extend(_copies(line_standard, count))

    def add_ratings(self, rating_sum: int, ratings: int) -> None:
        self.rating_sum += rating_sum
        self.ratings += ratings

    def add_lines(
        self, service_s: float, lines: Sequence[VisitLine], rating: int | None, review: ShortDecision | None = None
    ) -> None:
        """A visit given by what the sums read of it (``add`` passes a record's lines, rating and review).

        A visit under its minimum service time earns units only when ``review`` approved it; until
        then (or when rejected) it counts as a visit and in the service times, but earns no units.
        """
        self.visits += 1
        self.service.append(service_s)
        if is_short(service_s, lines):
            units = sum(line.units for line in lines)
            if review is ShortDecision.APPROVED:
                self.short_approved += 1
                self.short_approved_units.append(units)
            else:
                self.short_rejected += review is ShortDecision.REJECTED
                self.short_pending += review is None
                self.short_withheld_units.append(units)
                lines = ()
        standard = 0.0
        for line in lines:
            standard += line.standard_s
            self.units.append(line.units)
        if standard > 0:
            self.timed += 1
            self.actual_s.append(service_s)
            self.standard_s.append(standard)
            self.overran += service_s > standard
        share = service_s / standard if standard > 0 else 0.0
        for line in lines:
            slot = self.by_type.get(line.code)
            if slot is None:
                slot = self.by_type[line.code] = _slot()
            slot[0].append(line.quantity)
            slot[1].append(line.units)
            slot[2].append(line.standard_s * share)
            slot[3].append(line.standard_s)
        if rating is not None:
            self.rating_sum += rating
            self.ratings += 1

    def merge(self, other: Tally) -> None:
        for name in ("visits", "overran", "timed", "rating_sum", "ratings", "minor", "major", "complaints",
                     "corrected", "short_pending", "short_rejected", "short_approved"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("service", "units", "actual_s", "standard_s", "short_approved_units", "short_withheld_units"):
            getattr(self, name).extend(getattr(other, name))
        for code, parts in other.by_type.items():
            slot = self.by_type.setdefault(code, _slot())
            for mine, theirs in zip(slot, parts, strict=True):
                mine.extend(theirs)

    def output(self, serving_s: float, cross_sell: int) -> Output:
        lines = tuple(
            TypeLine(code, fsum(items), fsum(units), fsum(actual), fsum(standard))
            for code, (items, units, actual, standard) in sorted(self.by_type.items())
        )
        units, actual_s, standard_s = fsum(self.units), fsum(self.actual_s), fsum(self.standard_s)
        return Output(
            visits=self.visits,
            standard_units=units,
            units_by_type=lines,
            serving_s=serving_s,
            units_per_serving_hour=units / (serving_s / 3600.0) if serving_s > 0 else None,
            service_ratio=actual_s / standard_s if standard_s > 0 else None,
            overrun_share=self.overran / self.timed if self.timed else None,
            avg_rating=self.rating_sum / self.ratings if self.ratings else None,
            ratings=self.ratings,
            errors_minor=self.minor,
            errors_major=self.major,
            complaints=self.complaints,
            corrected_visits=self.corrected,
            cross_sell_accepted=cross_sell,
            short_pending=self.short_pending,
            short_rejected=self.short_rejected,
            short_approved=self.short_approved,
            short_approved_units=fsum(self.short_approved_units),
            short_withheld_units=fsum(self.short_withheld_units),
        )
