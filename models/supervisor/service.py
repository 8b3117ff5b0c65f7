"""The supervisor's queries and actions: the live overview, the day's charts and staffing advice.

Queries read the ticket projection of one business day (indexed by branch and
date), so a store holding years of history answers as fast as a fresh one.
Actions go through BranchService like any station's commands.
"""

from __future__ import annotations

import threading
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import select

from models.branch.facade import BranchFacade
from models.branch.records import CommandResult, QueueSnapshot
from models.staff.session import StaffSession, authorize, check_account
from models.store.tables import StaffRow, TicketRow
from models.store.utc import aware
from models.supervisor.advice_process import advise_day_apart
from models.supervisor.breaks import BreakService
from models.supervisor.queue_returns import queue_returns
from models.sync.conflicts import SyncIssues, clashes, clocks_off, open_conflicts, quarantined
from models.sync.status import CLOCK_WARN_S
from queueing.config.files import refuse
from queueing.core.errors import AlreadyResolved
from queueing.core.roles import Action
from queueing.supervisor.alerts import Alert, AlertMonitor, AlertSettings, Severity
from queueing.supervisor.lunch_cover import CoverCheck, CoverSettings, Forecast, cover_alerts, forecast_from_history
from queueing.supervisor.service_level import CategoryWaiting, ServiceLevel, day_service_level, waiting_by_category
from queueing.supervisor.staffing import STAFFING_FILE, HourDemand, StaffingHour, StaffingSettings, advise_day

BUCKET_MIN = 15
HISTOGRAM_BIN_MIN = 2
HISTOGRAM_BINS = 20  # the last bin holds every longer wait


@dataclass(frozen=True)
class Overview:
    """What the queue screen redraws every second."""

    snapshot: QueueSnapshot
    categories: tuple[CategoryWaiting, ...]
    service_level: ServiceLevel
    served_today: int
    alerts: tuple[Alert, ...]
    # When the branch store was found restored from a backup (the screen rebuilt from it); None: never. The
    # screen says so: tickets issued after the backup are gone from the store, and numbers may come again.
    store_restored_at: datetime | None = None


@dataclass(frozen=True)
class TellerTimes:
    staff_id: str
    name: str
    served: int
    mean_service_s: float
    standard_s: float  # the categories' typical service times, averaged over what this teller served


@dataclass(frozen=True)
class DayCharts:
    """The day so far; times are hours of the branch's local day (10.25 = 10:15)."""

    queue_length: tuple[tuple[float, int], ...]  # step points (hour, waiting from then on)
    wait_histogram: tuple[int, ...]  # customers by wait, HISTOGRAM_BIN_MIN-minute bins
    buckets: tuple[float, ...]  # start hour of each 15-minute bucket
    arrivals: tuple[int, ...]
    served: tuple[int, ...]
    tellers: tuple[TellerTimes, ...]
    # Those still waiting, by their wait so far (the same bins): the called alone hid a queue that waits long.
    still_waiting: tuple[int, ...] = ()


class SupervisorService:
    """Read models and actions of the queue screen, on top of one BranchService."""

    def __init__(
        self,
        branch: BranchFacade,
        alert_settings: AlertSettings | None = None,
        staffing_settings: StaffingSettings | None = None,
        session: StaffSession | None = None,
    ) -> None:
        """``session`` is the signed-in user's: the actions check it (a teller may watch, not act; nobody
        signed in may only watch)."""
        self.branch = branch
        self.session = session
        self.config = branch.config
        self.tz = ZoneInfo(self.config.timezone)
        self.monitor = AlertMonitor(self.config, alert_settings)
        self.staffing_settings = staffing_settings or StaffingSettings()
        self._monitor_lock = threading.Lock()
        settings = self.staffing_settings
        unknown = sorted(code for code in settings.min_open if code not in self.config.categories)
        if unknown:
            raise refuse(STAFFING_FILE.name, f"cover.min_open.{unknown[0]}", "is not a category of this branch")
        limits = self.monitor.settings.pause_limit_s
        self.cover = CoverSettings(
            settings.cover_lead_s,
            dict(settings.min_open),
            settings.opening_hour,
            settings.closing_hour,
            pause_s={reason: limits[reason] for reason in ("lunch", "break") if reason in limits},
        )
        self.breaks = BreakService(branch, settings.rota)
        self._forecast: tuple[date, Forecast] | None = None

    # -- the one-second refresh --------------------------------------------------
    def overview(self) -> Overview:
        snapshot = self.branch.snapshot()
        # The local day of the look (as queueing.core.commands.day_end_date), not the branch's business_date: that
        # stays at yesterday until today's first ticket, and yesterday's served would show as today's meanwhile.
        day = snapshot.at.astimezone(self.tz).date()
        rows = self._day_tickets(day)
        # Both instants come back from the same column type, both naive or both aware: no conversion to subtract.
        called = [
            (r.category, (r.first_called_at - r.issued_at).total_seconds())
            for r in rows
            if r.first_called_at is not None
        ]
        # A ticket called before (transferred back into a queue) is settled by its first call, counted above; one
        # never called is a miss once its wait passes the target, counted from its booked time if it came early
        # (the live wait), and from its issue if a supervisor moved it to the end of another queue meanwhile.
        waiting = [
            (t.category, t.waited_s if t.transfers else t.live_wait_s) for t in snapshot.waiting if t.called_at is None
        ]
        with self._monitor_lock:
            alerts = self.monitor.evaluate(snapshot)
        alerts += self.cover_alerts(snapshot)
        alerts.sort(key=lambda a: (a.severity is not Severity.CRITICAL, a.key))
        return Overview(
            snapshot=snapshot,
            categories=tuple(waiting_by_category(snapshot.waiting, self.config)),
            service_level=day_service_level(called, waiting, self.config),
            served_today=sum(1 for r in rows if r.status == "done"),
            alerts=tuple(alerts),
            store_restored_at=snapshot.journal_restored_at,
        )

    # -- lunch cover -------------------------------------------------------------
    def forecast(self, day: date) -> Forecast:
        """Arrivals per hour and category expected on ``day`` (same weekday, past weeks); computed once a day."""
        if self._forecast is None or self._forecast[0] != day:
            self._forecast = (day, forecast_from_history(self.arrival_history(day), self.config))
        return self._forecast[1]

    def cover_alerts(self, snapshot: QueueSnapshot) -> list[Alert]:
        """Breaks starting soon (or under way) that would leave a category under-served, with advice."""
        day = snapshot.at.astimezone(self.tz).date()
        check = CoverCheck(self.breaks.day_breaks(day), snapshot.counters, self.forecast(day), self.config, self.cover)
        return cover_alerts(snapshot.at, check)

    def today(self) -> date:
        return self.branch.clock.now().astimezone(self.tz).date()

    def _day_tickets(self, day: date) -> Sequence[Any]:
        """The day's tickets, read through the (branch, date, number) index: a day's rows whatever the history.

        Filtering on status here would let SQLite pick the status index and walk every finished ticket ever.
        """
        with self.branch.store.read_session() as session:
            return session.execute(
                select(TicketRow.category, TicketRow.issued_at, TicketRow.first_called_at, TicketRow.status).where(
                    TicketRow.branch_id == self.branch.branch_id, TicketRow.business_date == day
                )
            ).all()

    # -- the day's charts --------------------------------------------------------
    def day_charts(self, day: date | None = None) -> DayCharts:
        day = day or self.today()
        with self.branch.store.read_session() as session:
            rows = session.execute(
                select(
                    TicketRow.issued_at,
                    TicketRow.first_called_at,
                    TicketRow.finished_at,
                    TicketRow.status,
                    TicketRow.staff_id,
                    TicketRow.service_seconds,
                    TicketRow.category,
                    TicketRow.id,
                    TicketRow.transfers,
                ).where(TicketRow.branch_id == self.branch.branch_id, TicketRow.business_date == day)
            ).all()
            transferred = {r.id for r in rows if r.transfers}
            back, called_again = queue_returns(session, self.branch.branch_id, day, self.config.timezone, transferred)
        names = self.staff_names()
        hour = self._hours_of(day)
        issued = [hour(r.issued_at) for r in rows]
        called = [hour(r.first_called_at) for r in rows if r.first_called_at is not None]
        # A customer a teller sent back into a queue waits in it again until called again.
        queued = issued + [hour(at) for at in back]
        dequeued = called + [hour(at) for at in called_again]
        finished = [hour(r.finished_at) for r in rows if r.status == "done" and r.finished_at]
        # Both instants come back from the same column type, both naive or both aware: no conversion to subtract.
        waits = [(r.first_called_at - r.issued_at).total_seconds() for r in rows if r.first_called_at is not None]
        now = self.branch.clock.now()
        # Those waiting for a first call, by their wait so far (one called and sent back counts among the called).
        so_far = [
            (now - aware(r.issued_at)).total_seconds()
            for r in rows
            if r.status == "waiting" and r.first_called_at is None
        ]
        buckets, arrivals, served = _per_bucket(issued, finished, self._hour(now))
        return DayCharts(
            queue_length=_queue_steps(queued, dequeued),
            wait_histogram=_histogram(waits),
            still_waiting=_histogram(so_far),
            buckets=buckets,
            arrivals=arrivals,
            served=served,
            tellers=self._teller_times(rows, names),
        )

    def _teller_times(self, rows: Sequence, names: dict[str, str]) -> tuple[TellerTimes, ...]:
        times: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for r in rows:
            if r.status == "done" and r.staff_id and r.service_seconds is not None:
                typical = (
                    self.config.categories[r.category].typical_service_s
                    if r.category in self.config.categories
                    else 0.0
                )
                times[r.staff_id].append((r.service_seconds, typical))
        return tuple(
            TellerTimes(
                staff,
                names.get(staff, staff),
                len(v),
                sum(s for s, _ in v) / len(v),
                sum(t for _, t in v) / len(v),
            )
            for staff, v in sorted(times.items())
        )

    def _hour(self, moment: datetime) -> float:
        local = moment.astimezone(self.tz)
        return local.hour + local.minute / 60.0 + local.second / 3600.0

    def _hours_of(self, day: date) -> Callable[[datetime], float]:
        """Instant -> hour of ``day``'s local clock, as ``_hour`` gives it, for every row of a day at a refresh.

        On a day the clock does not change (all but two a year), the seconds since local midnight: one
        subtraction per instant instead of a time-zone conversion. On the other two, and for an instant outside
        the day, the zone's own conversion."""
        midnight = datetime.combine(day, time(0), tzinfo=self.tz)
        if midnight.utcoffset() != datetime.combine(day, time(23, 59, 59), tzinfo=self.tz).utcoffset():
            return lambda moment: self._hour(aware(moment))
        naive_start = midnight.astimezone(UTC).replace(tzinfo=None)
        aware_start = midnight.astimezone(UTC)

        def hour(moment: datetime) -> float:
            seconds = (moment - (naive_start if moment.tzinfo is None else aware_start)).total_seconds()
            if not 0.0 <= seconds < 86_400.0:
                return self._hour(aware(moment))
            return int(seconds) / 3600.0  # whole seconds, as _hour counts them

        return hour

    # -- staffing ----------------------------------------------------------------
    def arrival_history(self, day: date, weeks: int | None = None) -> dict[int, HourDemand]:
        """Arrivals per hour and category on the same weekday over the ``weeks`` weeks before ``day``."""
        weeks = weeks or self.staffing_settings.weeks
        dates = [day - timedelta(weeks=w) for w in range(1, weeks + 1)]
        with self.branch.store.read_session() as session:
            rows = session.execute(
                select(
                    TicketRow.business_date, TicketRow.category, TicketRow.issued_at, TicketRow.service_seconds
                ).where(TicketRow.branch_id == self.branch.branch_id, TicketRow.business_date.in_(dates))
            ).all()
        open_days = len({r.business_date for r in rows}) or 1
        counts: dict[int, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        service: dict[str, list[float]] = defaultdict(list)
        for r in rows:
            counts[aware(r.issued_at).astimezone(self.tz).hour][r.category] += 1
            if r.service_seconds:
                service[r.category].append(r.service_seconds)
        means = {code: sum(v) / len(v) for code, v in service.items()}
        return {hour: HourDemand(hour, dict(cats), open_days, means) for hour, cats in counts.items()}

    def next_working_day(self, after: date | None = None) -> date:
        """The next day the rota plans counters for (or the next weekday when it plans none)."""
        day = (after or self.today()) + timedelta(days=1)
        planned = self.staffing_settings.planned
        for _ in range(7):
            if (planned and planned.get(day.weekday())) or (not planned and day.weekday() < 5):
                return day
            day += timedelta(days=1)
        return day

    def staffing_advice(self, day: date | None = None, check: bool = True) -> tuple[date, list[StaffingHour]]:
        """The advice for ``day``; with ``check``, the simulations run in a process of their own (they take
        seconds, and on a thread of this process they would slow every refresh of the screen meanwhile)."""
        day = day or self.next_working_day()
        demands = self.arrival_history(day)
        advise = advise_day_apart if check else advise_day
        return day, advise(demands, self.config, self.staffing_settings, day.weekday(), check)

    # -- actions -----------------------------------------------------------------
    def open_counter(self, counter_id: str, staff_id: str | None = None) -> CommandResult:
        self._authorize(Action.MANAGE_COUNTERS)
        return self.branch.open_counter(counter_id, staff_id)

    def close_counter(self, counter_id: str) -> CommandResult:
        self._authorize(Action.MANAGE_COUNTERS)
        return self.branch.close_counter(counter_id)

    def configure_counter(self, counter_id: str, name: str, profile: dict[str, int]) -> CommandResult:
        """The branch service checks the session itself: re-profiling a counter is an administrator's."""
        actor = authorize(self.session, self.branch.branch_id, Action.CONFIGURE_COUNTERS)
        return self.branch.configure_counter(actor, counter_id, name, profile)

    def move_ticket(
        self,
        ticket_id: str,
        to_category: str | None = None,
        to_counter: str | None = None,
        seen_transfers: int | None = None,
    ) -> CommandResult:
        self._authorize(Action.MOVE_TICKETS)
        return self.branch.move_ticket(ticket_id, to_category, to_counter, seen_transfers)

    def sync_issues(self) -> SyncIssues:
        """Open conflicts and quarantined events of the branch, for the Sync tab."""
        store, branch_id = self.branch.store, self.branch.branch_id
        return SyncIssues(
            open_conflicts(store, self.config, branch_id),
            quarantined(store, branch_id),
            clocks_off(store, branch_id, CLOCK_WARN_S),
            {c.id: c.name for c in self.branch.snapshot().counters},
            self.staff_names(),
        )

    def resolve_conflict(self, key: str, note: str) -> CommandResult:
        """Mark a conflict dealt with (``key``: ConflictView.key, a ticket, a clashing sign-in or a break's late
        change); the note is signed by the signed-in supervisor, never by a name passed in."""
        self._authorize(Action.RESOLVE_CONFLICTS)
        assert self.session is not None  # _authorize refuses no session
        found = clashes(self.branch.store, self.config, self.branch.branch_id)
        clash = next((c for c in found if c.event_id == key), None)
        if clash is not None and not clash.resolved:
            return self.branch.resolve_clash(key, self.session.staff_id, note)
        if clash is not None:  # another supervisor was first: not "unknown ticket", which it never was
            raise AlreadyResolved(f"the clash of event {key} is resolved already", event=key)
        if self._flagged_row(key):
            # Also a ticket gone from memory (an earlier day's, closed) whose row a later fact flagged.
            staff_id = self.session.staff_id
            return self.branch.run(lambda c: c.resolve_conflict(key, staff_id, note, row_flagged=True))
        return self.branch.resolve_conflict(key, self.session.staff_id, note)

    def _flagged_row(self, ticket_id: str) -> bool:
        with self.branch.store.read_session() as db:
            where = (TicketRow.branch_id == self.branch.branch_id, TicketRow.id == ticket_id)
            return bool(db.scalar(select(TicketRow.conflict).where(*where)))

    def _authorize(self, action: Action) -> None:
        actor = authorize(self.session, self.branch.branch_id, action)
        with self.branch.store.read_session() as db:
            check_account(db, actor)

    def check_settings_edit(self) -> None:
        """Raises PermissionDenied unless the signed-in role may change the settings files."""
        self._authorize(Action.EDIT_SETTINGS)

    def staff_names(self) -> dict[str, str]:
        with self.branch.store.read_session() as session:
            rows = session.execute(
                select(StaffRow.id, StaffRow.name).where(StaffRow.branch_id == self.branch.branch_id)
            )
            return {staff_id: name for staff_id, name in rows}


def _queue_steps(queued: Sequence[float], dequeued: Sequence[float]) -> tuple[tuple[float, int], ...]:
    """Step points of the queue's length: +1 at each entry (an issue, a return from a counter), -1 at each call."""
    changes = sorted([(h, 1) for h in queued] + [(h, -1) for h in dequeued])
    length, points = 0, list[tuple[float, int]]()
    for hour, delta in changes:
        length += delta
        if points and points[-1][0] == hour:
            points[-1] = (hour, length)
        else:
            points.append((hour, length))
    return tuple(points)


def _histogram(waits: Sequence[float]) -> tuple[int, ...]:
    bins = [0] * HISTOGRAM_BINS
    for wait in waits:
        # A call stamped before its issue (the calling station's clock behind the issuing one's) waited no
        # time we know of: the first bin. A negative index would have counted it among the longest waits.
        bins[min(max(0, int(wait // (HISTOGRAM_BIN_MIN * 60))), HISTOGRAM_BINS - 1)] += 1
    return tuple(bins)


def _per_bucket(
    issued: Sequence[float], finished: Sequence[float], now_hour: float
) -> tuple[tuple[float, ...], tuple[int, ...], tuple[int, ...]]:
    if not issued:
        return (), (), ()
    step = BUCKET_MIN / 60.0
    first = int(min(issued) / step)
    last = int(max(max(issued), max(finished, default=0.0), min(now_hour, 24.0 - 1e-9)) / step)
    arrivals, served = [0] * (last - first + 1), [0] * (last - first + 1)
    for hour in issued:
        arrivals[int(hour / step) - first] += 1
    for hour in finished:
        index = int(hour / step) - first
        if 0 <= index < len(served):
            served[index] += 1
    return tuple((first + i) * step for i in range(len(arrivals))), tuple(arrivals), tuple(served)
