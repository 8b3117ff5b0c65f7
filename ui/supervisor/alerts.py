"""Alerts on the supervisor's screen: a list with severity colours; a new alert also sounds the chime."""

from __future__ import annotations

import math
from datetime import datetime

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from queueing.core.categories import BranchConfig
from queueing.core.counters import PauseReason
from queueing.supervisor.alerts import Alert, AlertKind, Severity
from ui.common.accessibility import describe
from ui.common.branch_time import to_branch
from ui.common.counter_name import named_counter_phrase
from ui.common.object_name import named
from ui.common.placeholders import fill
from ui.common.strings import pause_reason_text

# An alert back within this long after it cleared, no worse than it was, is the same trouble: shown, not chimed. A
# queue hovering at a threshold at lunch (six waiting for one counter, then five, then six) chimed at every return.
REPEAT_QUIET_S = 600.0
SEVERITY_COLOURS = {Severity.CRITICAL: ("#fbeaea", "#8a2a2a"), Severity.WARNING: ("#fdf3e1", "#7a5410")}


def _minutes(seconds: float) -> str:
    return f"{seconds / 60:.0f}"


class AlertsPanel(QWidget):
    """The alerts that hold now, critical first. ``new_keys`` tells which appeared since the last refresh."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.empty = named(QLabel(), "muted")
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        self.keys: dict[str, Severity] = {}  # the alerts showing, by key, at the severity they were shown
        self.names: dict[str, str] = {}  # staff id -> name, for the lunch-cover advice
        self._rows: list[tuple[str, Severity] | None] = []  # what the list shows, to change only what changed
        self._cleared: dict[str, tuple[datetime, Severity]] = {}  # alerts gone lately: when, at which severity

    def alert_text(self, alert: Alert, config: BranchConfig, language: str) -> str:
        f = alert.facts
        # _fill, not a chain of replace(): a counter named "%2" would take the next figure's place.
        if alert.kind is AlertKind.OVERDUE:
            name = config.category(alert.subject).name(language)
            text = self.tr("%1: %2 waiting past the target; longest %3 for %4 min")
            return fill(text, name, str(f["count"]), f["longest_number"], _minutes(f["longest_s"]))
        if alert.kind is AlertKind.UNDERSTAFFED:
            name = config.category(alert.subject).name(language)
            text = self.tr("%1: %2 waiting, %3 counter(s) open, %4 paused")
            return fill(text, name, str(f["waiting"]), str(f["open_counters"]), str(f["paused_counters"]))
        if alert.kind is AlertKind.BREAK_COVER:
            return self.cover_text(alert, config, language)
        if alert.kind is AlertKind.IDLE_COUNTER:
            # The counter starts the line: "Counter 3" / "Ventanilla 3", or its own name.
            counter = named_counter_phrase(f["counter_name"], alone=True)
            text = self.tr("%1 idle for %2 min while %3 of its customers wait", "a counter")
            return fill(text, counter, _minutes(f["idle_s"]), str(f["waiting"]))
        counter = named_counter_phrase(f["counter_name"], alone=True)
        text = self.tr("%1 paused (%2) for %3 min, limit %4 min", "a counter")
        reason = pause_reason_text(PauseReason(f["reason"]))
        return fill(text, counter, reason, _minutes(f["paused_s"]), _minutes(f["limit_s"]))

    def _wait(self, seconds: float) -> str:
        if math.isinf(seconds):
            return self.tr("unbounded (no counter left for it)")
        return self.tr("%1 min").replace("%1", _minutes(seconds))

    def cover_text(self, alert: Alert, config: BranchConfig, language: str) -> str:
        """The break, what it does to the category's wait (Erlang C), and what would keep it served."""
        f = alert.facts
        category = config.category(f["category"]).name(language)
        who = f"{self.names.get(f['staff_id'], f['staff_id'])} ({f['staff_id']})"
        start, end = f"{to_branch(f['start']):%H:%M}", f"{to_branch(f['end']):%H:%M}"
        over = f["wait_s"] > f["target_s"]
        if f["under_way"] and over:
            first = self.tr("Lunch cover, %1: %2 is on break until %4; the expected wait is %5")
        elif f["under_way"]:
            first = self.tr("Lunch cover, %1: %2 is on break until %4; too few counters are open for it")
        elif over:
            first = self.tr("Lunch cover, %1: if %2 goes on break at %3, the expected wait rises to %5")
        else:
            first = self.tr("Lunch cover, %1: if %2 goes on break at %3, too few counters stay open for it")
        first = fill(first, category, who, start, end, self._wait(f["wait_s"]))
        open_during = f["open_during"]
        target = self.tr("(target %1 min; %n counter(s) open for it during the break, minimum %2).", "", open_during)
        advice = [
            fill(target, _minutes(f["target_s"]), str(f["min_open"])),
            fill(self.tr("Keep %n counter(s) open for %1 until %2.", "", f["needed"]), category, end),
        ]
        if f["open_counter"]:
            opener = named_counter_phrase(f["open_counter"])
            advice.append(fill(self.tr("Open %1 for %2 %3–%4.", "a counter"), opener, category, start, end))
        if f["move_to"]:
            advice.append(fill(self.tr("Or move the break of %1 to %2."), who, f["move_to"]))
        return " ".join([first, *advice])

    def _show_rows(self, rows: list[tuple[str, Severity]]) -> None:
        """Change only what changed. The list was cleared and filled again at every refresh (twice a second),
        which threw a supervisor reading the alerts below the first few back to the top each time."""
        if rows == self._rows:
            return
        # Rows added or taken at the end: the list keeps its scroll position, where clear() sent it to the top.
        while self.list.count() > len(rows):
            self.list.takeItem(self.list.count() - 1)
        while self.list.count() < len(rows):
            self.list.addItem(QListWidgetItem())
        before = self._rows + [None] * (len(rows) - len(self._rows))
        for index, (text, severity) in enumerate(rows):
            if before[index] == (text, severity):
                continue
            item = self.list.item(index)
            item.setText(text)
            background, foreground = SEVERITY_COLOURS[severity]
            item.setBackground(QBrush(QColor(background)))
            item.setForeground(QBrush(QColor(foreground)))
        self._rows = list(rows)

    def show_alerts(
        self, alerts: tuple[Alert, ...], config: BranchConfig, language: str, at: datetime | None = None
    ) -> set[str]:
        """Redraw; returns the keys of alerts that were not showing before, or showed as a warning and are
        critical now (a customer past the maximum wait matters more than the warning the supervisor heard).

        ``at``: the moment of the look; an alert that cleared less than REPEAT_QUIET_S before it and is back no
        worse is not returned."""
        rows = []
        for alert in alerts:
            # The severity in words too: the colour alone would not reach everybody.
            severity = self.tr("Critical") if alert.severity is Severity.CRITICAL else self.tr("Warning")
            rows.append((f"{severity}: {self.alert_text(alert, config, language)}", alert.severity))
        self._show_rows(rows)
        self.empty.setText("" if alerts else self.tr("No alerts: the queue is within its targets"))
        describe(self.list, self.tr("Alerts"), self.tr("Alerts that hold now, critical first"))
        self.list.setVisible(bool(alerts))
        keys = {a.key: a.severity for a in alerts}
        if at is not None:
            self._cleared.update({key: (at, severity) for key, severity in self.keys.items() if key not in keys})
            self._cleared = {
                key: (when, severity)
                for key, (when, severity) in self._cleared.items()
                if (at - when).total_seconds() < REPEAT_QUIET_S
            }
        fresh = {key for key, severity in keys.items() if _raised(self._before(key), severity)}
        for key in keys:
            self._cleared.pop(key, None)
        self.keys = keys
        return fresh

    def _before(self, key: str) -> Severity | None:
        """The severity ``key`` was shown at: now, or before it cleared within the quiet spell."""
        shown = self.keys.get(key)
        return shown if shown is not None else self._cleared.get(key, (None, None))[1]


def _raised(before: Severity | None, now: Severity) -> bool:
    """New, or turned critical since it was last shown."""
    return before is None or (before is not Severity.CRITICAL and now is Severity.CRITICAL)
