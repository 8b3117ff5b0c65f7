"""The piece-rate report: one row per teller, branch totals and chart data, for a period of local dates.

Pure computation over visit records, counter sessions, the staff list and the
accepted cross-sell prompts; the scheme and the catalogue are inputs, so a
changed scheme gives a new report from the same records.

Decisions:
- A visit belongs to the period when its ``day`` (the local date it finished) does;
  sessions and cross-sell prompts are clipped to the period's local midnights,
  which ``zoneinfo`` turns into instants (a daylight-saving day lasts 23 or 25 hours).
- Visits without a known teller are counted in ``unassigned_visits``, in no row.
- Every active teller has a row, with or without work; an account deactivated (or whose role
  changed) since it served has one only for its work in the period, under its name still.
- Per transaction type, a visit's service time is shared among its lines in
  proportion to their standard times; a teller's ``service_ratio`` is
  sum(actual) / sum(standard) over their visits, which adjusts for the mix of work.
- Ranks follow net units (pay rises with them), ties sharing a rank (1, 2, 2, 4).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from typing import Protocol
from zoneinfo import ZoneInfo

from queueing.records.output_tally import Output, Tally
from queueing.records.teller_time import CounterSession, TellerTime, times_with_serving
from queueing.records.visits import VisitRecord
from queueing.reports.charts import ServiceDistribution, UnitsBar, distribution
from queueing.reports.piece_rate import PieceRateResult, PieceRateScheme, evaluate


@dataclass(frozen=True)
class ReportPeriod:
    first: date
    last: date  # inclusive
    timezone: str

    def bounds(self) -> tuple[datetime, datetime]:
        """The instants of local midnight starting ``first`` and ending ``last``."""
        zone = ZoneInfo(self.timezone)
        start = datetime.combine(self.first, clock_time(0), tzinfo=zone)
        end = datetime.combine(self.last + timedelta(days=1), clock_time(0), tzinfo=zone)
        return start.astimezone(ZoneInfo("UTC")), end.astimezone(ZoneInfo("UTC"))


@dataclass(frozen=True)
class StaffMember:
    id: str
    name: str
    # False for an account that names a teller without giving it a row of its own: one deactivated, or no
    # longer a teller, since it served (it gets a row, by its name, only for work in the period).
    listed: bool = True


class AcceptedPrompt(Protocol):
    """An accepted cross-sell prompt.

    The cross-sell outcome records (``models.marketing.crosssell_service.OutcomeRecord``) fit as
    they are; pass only the accepted ones.
    """

    @property
    def staff_id(self) -> str: ...
    @property
    def product(self) -> str: ...
    @property
    def at(self) -> datetime: ...
    @property
    def ticket_id(self) -> str | None: ...


@dataclass(frozen=True)
class TellerRow:
    teller: str
    name: str
    rank: int
    output: Output
    time: TellerTime
    evaluation: PieceRateResult


@dataclass(frozen=True)
class BranchTotals:
    tellers: int
    output: Output
    signed_in_s: float
    paused_s: float
    idle_s: float
    net_units: float
    pay: float
    unassigned_visits: int


@dataclass(frozen=True)
class PieceRateReport:
    period: ReportPeriod
    currency: str
    target_units: float
    rows: tuple[TellerRow, ...]
    totals: BranchTotals
    units_chart: tuple[UnitsBar, ...]
    service_chart: tuple[ServiceDistribution, ...]
    unknown_codes: tuple[str, ...] = ()


def _ranks(net_units: list[float]) -> list[int]:
    """Competition ranks, highest first: 1, 2, 2, 4."""
    ranks, previous, rank = [], None, 0
    for position, value in enumerate(net_units, start=1):
        if value != previous:
            rank, previous = position, value
        ranks.append(rank)
    return ranks


@dataclass
class PeriodTallies:
    """The period's visits counted per teller: what the report needs of them, without the visits."""

    by_teller: dict[str, Tally]
    unassigned: Tally
    unknown_codes: set[str]


# Visits a correction moved to another teller: ticket id -> (the teller first recorded, the teller now).
Moves = Mapping[str, tuple[str, str | None]]


def moves_of(visits: Iterable[VisitRecord]) -> dict[str, tuple[str, str | None]]:
    """The moves among ``visits`` (all of them: a prompt's period is not its visit's)."""
    moved = {}
    for visit in visits:
        first = visit.served_first_by
        if first is not None and first != visit.teller:
            moved[visit.ticket_id] = (first, visit.teller)
    return moved


def credited_teller(prompt: AcceptedPrompt, moved: Moves) -> str | None:
    """Who earns an accepted prompt: its teller, or the one a correction moved its visit to.

    A correction that moves a visit says another teller served that customer, the pitch included; the answer
    was recorded under the account the visit was. A prompt its visit's first teller did not record stays put.
    """
    move = moved.get(prompt.ticket_id or "")
    if move is not None and move[0] == prompt.staff_id:
        return move[1]
    return prompt.staff_id


def tally_visits(visits: Iterable[VisitRecord], period: ReportPeriod) -> PeriodTallies:
    """Count the visits of ``period`` per teller; records outside it are skipped."""
    tallies: dict[str, Tally] = {}
    unassigned = Tally()
    unknown: set[str] = set()
    for visit in visits:
        if not period.first <= visit.day <= period.last:
            continue
        if visit.teller is None:
            unassigned.add(visit)
            if visit.shares:
                credit_shares(tallies, visit.shares, None)
            continue
        tally = tallies.get(visit.teller)
        if tally is None:
            tally = tallies[visit.teller] = Tally()
        tally.add(visit)
        unknown.update(line.code for line in visit.lines if not line.known)
        if visit.shares:
            credit_shares(tallies, visit.shares, visit.teller)
    return PeriodTallies(tallies, unassigned, unknown)


def credit_shares(tallies: dict[str, Tally], shares: Iterable[tuple[str, float]], teller: str | None) -> None:
    """The parts of a visit credited to ``teller`` that other tellers served, each in that teller's tally."""
    for other, seconds in shares:
        if other != teller:
            tally = tallies.get(other)
            if tally is None:
                tally = tallies[other] = Tally()
            tally.add_share(seconds)


def build_report(
    visits: Iterable[VisitRecord],
    period: ReportPeriod,
    scheme: PieceRateScheme,
    sessions: Iterable[CounterSession] = (),
    staff: Iterable[StaffMember] = (),
    accepted_prompts: Iterable[AcceptedPrompt] = (),
    now: datetime | None = None,
    moved: Moves | None = None,
) -> PieceRateReport:
    """The report for ``period``; records outside it are skipped.

    Sessions still open count until ``now`` (or the period end). ``moved``: the moves of the visits the prompts
    name, wherever they finished (default: those among ``visits``).
    """
    visits = list(visits)
    counted = tally_visits(visits, period)
    moves = moves_of(visits) if moved is None else moved
    return report_from_tallies(counted, period, scheme, sessions, staff, accepted_prompts, now, moves)


def report_from_tallies(
    counted: PeriodTallies,
    period: ReportPeriod,
    scheme: PieceRateScheme,
    sessions: Iterable[CounterSession] = (),
    staff: Iterable[StaffMember] = (),
    accepted_prompts: Iterable[AcceptedPrompt] = (),
    now: datetime | None = None,
    moved: Moves | None = None,
) -> PieceRateReport:
    """``build_report`` from visits already counted (``tally_visits``, or the store's own count); ``moved``: as
    ``build_report`` takes it (default: none)."""
    start, end = period.bounds()
    staff = list(staff)
    names = {member.id: member.name for member in staff}
    tallies: dict[str, Tally] = {member.id: Tally() for member in staff if member.listed}
    tallies.update(counted.by_teller)
    unassigned, unknown = counted.unassigned, counted.unknown_codes
    products: dict[str, list[str]] = defaultdict(list)
    for prompt in accepted_prompts:
        teller = credited_teller(prompt, moved or {})
        if start <= prompt.at < end and teller is not None:
            products[teller].append(prompt.product)
            tallies.setdefault(teller, Tally())
    window_end = min(end, now) if now is not None else end
    serving = {teller: sum(tally.serving) for teller, tally in counted.by_teller.items()}
    times = times_with_serving(sessions, serving, start, max(start, window_end))
    for teller in times:
        tallies.setdefault(teller, Tally())
    target = scheme.period_target(period.first, period.last)

    unranked = []
    for teller, tally in tallies.items():
        time_ = times.get(teller) or TellerTime(teller, 0.0, 0.0, 0.0, (), 0.0, ())
        output = tally.output(time_.serving_s, len(products.get(teller, ())))
        result = evaluate(scheme, output.standard_units, output.visits, output.errors_minor, output.errors_major,
                          output.complaints, products.get(teller, ()), target)
        unranked.append((teller, names.get(teller, teller), output, time_, result))
    unranked.sort(key=lambda r: (-r[4].net_units, r[1], r[0]))
    ranks = _ranks([r[4].net_units for r in unranked])
    rows = tuple(TellerRow(t, n, rank, o, tm, ev) for rank, (t, n, o, tm, ev) in zip(ranks, unranked, strict=True))

    branch = Tally()
    for tally in tallies.values():
        branch.merge(tally)
    totals = BranchTotals(
        tellers=len(rows),
        output=branch.output(sum(r.time.serving_s for r in rows), sum(r.output.cross_sell_accepted for r in rows)),
        signed_in_s=sum(r.time.signed_in_s for r in rows),
        paused_s=sum(r.time.paused_s for r in rows),
        idle_s=sum(r.time.idle_s for r in rows),
        net_units=sum(r.evaluation.net_units for r in rows),
        pay=round(sum(r.evaluation.pay for r in rows), 2),
        unassigned_visits=unassigned.visits,
    )
    return PieceRateReport(
        period=period,
        currency=scheme.currency,
        target_units=target,
        rows=rows,
        totals=totals,
        units_chart=tuple(UnitsBar(r.teller, r.name, r.output.standard_units, r.evaluation.net_units) for r in rows),
        service_chart=tuple(distribution(r.teller, r.name, tallies[r.teller].service) for r in rows),
        unknown_codes=tuple(sorted(unknown)),
    )
