"""Supervisor alerts: rules over one look at the queue, before customers complain.

The rules read anything shaped like models.branch.records.QueueSnapshot (the Protocols
below), so they stay free of the store and of Qt. Thresholds come from
resources/alerts.toml. ``AlertMonitor`` remembers since when each counter has
been free, which a single snapshot cannot tell.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol

from queueing.config.files import config_file, parse_config, read_text
from queueing.config.schemas.supervisor import AlertsFile
from queueing.core.categories import BranchConfig
from queueing.core.counters import CounterStatus, PauseReason
from queueing.supervisor.service_level import WaitingTicket

ALERTS_FILE = Path(__file__).resolve().parents[2] / "resources" / "alerts.toml"


class CounterLike(Protocol):
    @property
    def id(self) -> str: ...
    @property
    def name(self) -> str: ...
    @property
    def profile(self) -> Mapping[str, int]: ...
    @property
    def status(self) -> str: ...
    @property
    def pause_reason(self) -> str | None: ...
    @property
    def status_since(self) -> datetime | None: ...

    @property
    def current(self) -> object | None: ...


class SnapshotLike(Protocol):
    @property
    def at(self) -> datetime: ...
    @property
    def counters(self) -> Sequence[CounterLike]: ...
    @property
    def waiting(self) -> Sequence[WaitingTicket]: ...


class AlertKind(StrEnum):
    OVERDUE = "overdue"
    UNDERSTAFFED = "understaffed"
    IDLE_COUNTER = "idle_counter"
    LONG_PAUSE = "long_pause"
    # A teller's break that would leave a category under-served (queueing/supervisor/lunch_cover.py).
    BREAK_COVER = "break_cover"


class Severity(StrEnum):
    WARNING = "warning"
    CRITICAL = "critical"


@dataclass(frozen=True)
class Alert:
    """One alert; ``subject`` is a category code or a counter id, ``facts`` the numbers a screen shows."""

    kind: AlertKind
    severity: Severity
    subject: str
    facts: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        """Stays the same while the condition lasts, so a screen sounds each alert once."""
        return f"{self.kind}:{self.subject}"


@dataclass(frozen=True)
class AlertSettings:
    overdue_min_tickets: int = 1
    understaffed_min_waiting: int = 6
    understaffed_per_counter: float = 4.0
    idle_grace_s: float = 120.0
    idle_min_waiting: int = 1
    pause_limit_s: dict[str, float] = field(
        default_factory=lambda: {"lunch": 3600.0, "break": 900.0, "back_office": 1800.0, "other": 1200.0}
    )


def parse_alert_settings(text: str, source: str = "<text>") -> AlertSettings:
    doc = parse_config(text, source, AlertsFile)
    return AlertSettings(
        overdue_min_tickets=doc.overdue.min_tickets,
        understaffed_min_waiting=doc.understaffed.min_waiting,
        understaffed_per_counter=doc.understaffed.max_waiting_per_counter,
        idle_grace_s=doc.idle.grace_min * 60.0,
        idle_min_waiting=doc.idle.min_waiting,
        pause_limit_s={reason.value: getattr(doc.pause, f"{reason.value}_min") * 60.0 for reason in PauseReason},
    )


def load_alert_settings(path: Path | str | None = None) -> AlertSettings:
    file = Path(path) if path else config_file(ALERTS_FILE.name)
    text = read_text(file)
    return parse_alert_settings(text, str(file))


# -- the rules ---------------------------------------------------------------
def overdue_alerts(snapshot: SnapshotLike, config: BranchConfig, settings: AlertSettings) -> list[Alert]:
    """Per category: tickets waiting past the target wait (critical once one is past the max wait).

    A wait counts from when the customer joined the queue they are in (``live_wait_s``): a ticket sent to the
    end of a queue ages there again, one transferred keeping its place does not age while it was served
    (queueing.core.waiting_index.live_wait_s), and an appointment checked in early is not late before its booked
    time."""
    alerts = []
    for code, cat in config.categories.items():
        late = [t for t in snapshot.waiting if t.category == code and t.live_wait_s > cat.target_wait_s]
        if not late or len(late) < settings.overdue_min_tickets:
            continue
        longest = max(late, key=lambda t: t.live_wait_s)
        severe = longest.live_wait_s > cat.max_wait_s
        facts = {"count": len(late), "longest_number": longest.number, "longest_s": longest.live_wait_s}
        alerts.append(Alert(AlertKind.OVERDUE, Severity.CRITICAL if severe else Severity.WARNING, code, facts))
    return alerts


def _serving(counters: Iterable[CounterLike], code: str) -> list[CounterLike]:
    return [c for c in counters if code in c.profile and c.status == CounterStatus.OPEN]


def understaffed_alerts(snapshot: SnapshotLike, config: BranchConfig, settings: AlertSettings) -> list[Alert]:
    """Too many waiting per open counter serving a category: the lunch-hour case."""
    alerts = []
    for code in config.categories:
        waiting = sum(1 for t in snapshot.waiting if t.category == code)
        if waiting < settings.understaffed_min_waiting:
            continue
        serving = len(_serving(snapshot.counters, code))
        if serving and waiting / serving <= settings.understaffed_per_counter:
            continue
        paused = sum(1 for c in snapshot.counters if code in c.profile and c.status == CounterStatus.PAUSED)
        severity = Severity.CRITICAL if serving == 0 else Severity.WARNING
        facts = {"waiting": waiting, "open_counters": serving, "paused_counters": paused}
        alerts.append(Alert(AlertKind.UNDERSTAFFED, severity, code, facts))
    return alerts


def idle_alerts(
    snapshot: SnapshotLike, config: BranchConfig, settings: AlertSettings, free_since: dict[str, datetime]
) -> list[Alert]:
    """An open counter free for longer than the grace time while tickets it could call wait: of a category it
    serves and sent to no other counter by name, sent to it by name, or late for fair service."""
    alerts = []
    for counter in snapshot.counters:
        since = free_since.get(counter.id)
        if counter.status != CounterStatus.OPEN or counter.current is not None or since is None:
            continue
        callable_waits = [
            waited for t in snapshot.waiting if (waited := _callable_for_s(counter, t, config, snapshot.at)) is not None
        ]
        waiting = len(callable_waits)
        if waiting < max(1, settings.idle_min_waiting):
            continue
        # Idle while someone it could call waited: free since the night before or a quiet hour, the counter is
        # not "idle for 900 min" when the morning's first customer has waited seconds (nor alerted at once).
        idle_s = min((snapshot.at - since).total_seconds(), max(callable_waits))
        if idle_s > settings.idle_grace_s:
            facts = {"counter_name": counter.name, "idle_s": idle_s, "waiting": waiting}
            alerts.append(Alert(AlertKind.IDLE_COUNTER, Severity.WARNING, counter.id, facts))
    return alerts


def _callable_for_s(counter: CounterLike, ticket: WaitingTicket, config: BranchConfig, now: datetime) -> float | None:
    """For how long ``counter`` could have called ``ticket``, as the calling policy does (queueing.core.policy
    call_key); None if it may not call it. Sent to it by name, or of a category it serves: the ticket's wait.
    Past its category's any-counter limit (fair service, policy.late_ratio not None; a specialist category has
    none), which every open counter calls: only since the limit passed, the wait before it was another counter's."""
    if ticket.target_counter_id is not None:
        return ticket.live_wait_s if ticket.target_counter_id == counter.id else None
    if ticket.category in counter.profile:
        return ticket.live_wait_s
    cat = config.categories.get(ticket.category)
    since = ticket.late_since
    if cat is None or cat.any_counter_after_s is None or since is None:
        return None
    past_limit = (now - since).total_seconds() - cat.any_counter_after_s
    return min(ticket.live_wait_s, past_limit) if past_limit >= 0 else None


def pause_alerts(snapshot: SnapshotLike, settings: AlertSettings) -> list[Alert]:
    """A counter paused for longer than its reason allows."""
    alerts = []
    for counter in snapshot.counters:
        if counter.status != CounterStatus.PAUSED or counter.status_since is None:
            continue
        reason = counter.pause_reason or PauseReason.OTHER.value
        limit = settings.pause_limit_s.get(reason, settings.pause_limit_s[PauseReason.OTHER.value])
        paused_s = (snapshot.at - counter.status_since).total_seconds()
        if paused_s > limit:
            facts = {"counter_name": counter.name, "reason": reason, "paused_s": paused_s, "limit_s": limit}
            alerts.append(Alert(AlertKind.LONG_PAUSE, Severity.WARNING, counter.id, facts))
    return alerts


def _rank(alert: Alert) -> tuple[int, str]:
    return (0 if alert.severity is Severity.CRITICAL else 1, alert.key)


class AlertMonitor:
    """Evaluates every rule on successive snapshots and remembers since when each counter is free."""

    def __init__(self, config: BranchConfig, settings: AlertSettings | None = None) -> None:
        self.config = config
        self.settings = settings or AlertSettings()
        self.free_since: dict[str, datetime] = {}

    def _track_free(self, snapshot: SnapshotLike) -> None:
        for counter in snapshot.counters:
            free = counter.status == CounterStatus.OPEN and counter.current is None
            if not free:
                self.free_since.pop(counter.id, None)
            else:
                # A snapshot does not say when the last customer left, so idleness counts from the first free sighting.
                self.free_since.setdefault(counter.id, snapshot.at)

    def evaluate(self, snapshot: SnapshotLike) -> list[Alert]:
        """All alerts that hold now, critical first."""
        self._track_free(snapshot)
        alerts = overdue_alerts(snapshot, self.config, self.settings)
        alerts += understaffed_alerts(snapshot, self.config, self.settings)
        alerts += idle_alerts(snapshot, self.config, self.settings, self.free_since)
        alerts += pause_alerts(snapshot, self.settings)
        return sorted(alerts, key=_rank)
