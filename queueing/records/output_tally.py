"""Counting a teller's (or the branch's) visits into the figures the piece-rate report shows."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

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

    __slots__ = ("lines", "units", "standard_s", "slots", "unknown", "minimum_s")

    def __init__(self, lines: Sequence[VisitLine]) -> None:
        self.lines = tuple(lines)
        self.units = tuple(line.units for line in lines)
        standard = 0.0
        for line in lines:
            standard += line.standard_s  # in the order add_lines adds them: the same float
        self.standard_s = standard
        self.slots = tuple((line.code, line.quantity, line.units, line.standard_s) for line in lines)
        self.minimum_s = sum(line.min_s for line in lines)  # summed once, as is_short sums it for every visit
        self.unknown = {line.code for line in lines if not line.known}


@dataclass(slots=True)
class Tally:
    """Running sums over visits, for one teller or the branch."""

    visits: int = 0
    service: list[float] = field(default_factory=list)
    # The seconds this teller served, per visit in the order counted: their visits' service, less the parts
    # others served, and their parts of visits credited to others (queueing.core.service_shares).
    serving: list[float] = field(default_factory=list)
    units: float = 0.0
    actual_s: float = 0.0  # over visits with a standard time
    standard_s: float = 0.0
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
    short_approved_units: float = 0.0
    short_withheld_units: float = 0.0
    by_type: dict[str, list[float]] = field(default_factory=dict)  # code -> [items, units, actual, standard]

    def add(self, visit: VisitRecord) -> None:
        review = visit.short_review.decision if visit.short_review is not None else None
        self.add_lines(visit.service_s, visit.lines, visit.rating, review, visit.own_served_s)
        for mark in visit.quality:
            if mark.kind is QualityKind.ERROR_MINOR:
                self.minor += 1
            elif mark.kind is QualityKind.ERROR_MAJOR:
                self.major += 1
            else:
                self.complaints += 1
        self.corrected += bool(visit.corrections)

    def add_share(self, seconds: float) -> None:
        """This teller's part of a visit credited to another teller (they served some of it)."""
        self.serving.append(seconds)

    def add_priced(
        self, service_s: float, priced: PricedLines, rating: int | None, served_s: float | None = None
    ) -> None:
        """``add_lines`` for lines priced once for many visits (``PricedLines``): the same sums in the same order,
        without adding up the standard time again for every visit."""
        if under_minimum(service_s, priced.minimum_s):  # a short visit waits for a review: add_lines withholds it
            self.add_lines(service_s, priced.lines, rating, None, served_s)
            return
        self.visits += 1
        self.service.append(service_s)
        self.serving.append(service_s if served_s is None else served_s)
        for units in priced.units:
            self.units += units
        standard = priced.standard_s
        if standard > 0:
            self.timed += 1
            self.actual_s += service_s
            self.standard_s += standard
            self.overran += service_s > standard
        share = service_s / standard if standard > 0 else 0.0
        by_type = self.by_type
        for code, quantity, units, line_standard in priced.slots:
            slot = by_type.get(code)
            if slot is None:
                slot = by_type[code] = [0.0, 0.0, 0.0, 0.0]
            slot[0] += quantity
            slot[1] += units
            slot[2] += line_standard * share
            slot[3] += line_standard
        if rating is not None:
            self.rating_sum += rating
            self.ratings += 1

    def add_lines(
        self,
        service_s: float,
        lines: Sequence[VisitLine],
        rating: int | None,
        review: ShortDecision | None = None,
        served_s: float | None = None,
    ) -> None:
        """A visit with no quality mark and no correction, given by what the sums read of it.

        The store's fast path (models/reports/tally.py) calls this for most visits of a period,
        without making a VisitRecord; ``add`` goes through here too, so both count alike.
        A visit under its minimum service time earns units only when ``review`` approved it; until
        then (or when rejected) it counts as a visit and in the service times, but earns no units.
        ``served_s``: the seconds of it this teller served, when others served part of it (default: all).
        """
        self.visits += 1
        self.service.append(service_s)
        self.serving.append(service_s if served_s is None else served_s)
        if is_short(service_s, lines):
            units = sum(line.units for line in lines)
            if review is ShortDecision.APPROVED:
                self.short_approved += 1
                self.short_approved_units += units
            else:
                self.short_rejected += review is ShortDecision.REJECTED
                self.short_pending += review is None
                self.short_withheld_units += units
                lines = ()
        standard = 0.0
        for line in lines:
            standard += line.standard_s
            self.units += line.units
        if standard > 0:
            self.timed += 1
            self.actual_s += service_s
            self.standard_s += standard
            self.overran += service_s > standard
        share = service_s / standard if standard > 0 else 0.0
        for line in lines:
            slot = self.by_type.get(line.code)
            if slot is None:
                slot = self.by_type[line.code] = [0.0, 0.0, 0.0, 0.0]
            slot[0] += line.quantity
            slot[1] += line.units
            slot[2] += line.standard_s * share
            slot[3] += line.standard_s
        if rating is not None:
            self.rating_sum += rating
            self.ratings += 1

    def merge(self, other: Tally) -> None:
        for name in ("visits", "units", "actual_s", "standard_s", "overran", "timed", "rating_sum", "ratings",
                     "minor", "major", "complaints", "corrected", "short_pending", "short_rejected", "short_approved",
                     "short_approved_units", "short_withheld_units"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        self.service.extend(other.service)
        self.serving.extend(other.serving)
        for code, (items, units, actual, standard) in other.by_type.items():
            slot = self.by_type.setdefault(code, [0.0, 0.0, 0.0, 0.0])
            slot[0] += items
            slot[1] += units
            slot[2] += actual
            slot[3] += standard

    def output(self, serving_s: float, cross_sell: int) -> Output:
        lines = tuple(TypeLine(code, *values) for code, values in sorted(self.by_type.items()))
        return Output(
            visits=self.visits,
            standard_units=self.units,
            units_by_type=lines,
            serving_s=serving_s,
            units_per_serving_hour=self.units / (serving_s / 3600.0) if serving_s > 0 else None,
            service_ratio=self.actual_s / self.standard_s if self.standard_s > 0 else None,
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
            short_approved_units=self.short_approved_units,
            short_withheld_units=self.short_withheld_units,
        )
