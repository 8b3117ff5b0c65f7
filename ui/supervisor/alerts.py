"""Alerts on the supervisor's screen: a list with severity colours; a new alert also sounds the chime."""

from __future__ import annotations

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from queueing.core.categories import BranchConfig
from queueing.core.counters import PauseReason
from queueing.supervisor.alerts import Alert, AlertKind, Severity
from ui.common.accessibility import describe
from ui.common.strings import pause_reason_text

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
        self.empty = QLabel(objectName="muted")
        layout.addWidget(self.list)
        layout.addWidget(self.empty)
        self.keys: set[str] = set()

    def alert_text(self, alert: Alert, config: BranchConfig, language: str) -> str:
        f = alert.facts
        if alert.kind is AlertKind.OVERDUE:
            name = config.category(alert.subject).name(language)
            return (
                self.tr("%1: %2 waiting past the target; longest %3 for %4 min")
                .replace("%1", name)
                .replace("%2", str(f["count"]))
                .replace("%3", f["longest_number"])
                .replace("%4", _minutes(f["longest_s"]))
            )
        if alert.kind is AlertKind.UNDERSTAFFED:
            name = config.category(alert.subject).name(language)
            return (
                self.tr("%1: %2 waiting, %3 counter(s) open, %4 paused")
                .replace("%1", name)
                .replace("%2", str(f["waiting"]))
                .replace("%3", str(f["open_counters"]))
                .replace("%4", str(f["paused_counters"]))
            )
        if alert.kind is AlertKind.IDLE_COUNTER:
            return (
                self.tr("Counter %1 idle for %2 min while %3 of its customers wait")
                .replace("%1", f["counter_name"])
                .replace("%2", _minutes(f["idle_s"]))
                .replace("%3", str(f["waiting"]))
            )
        return (
            self.tr("Counter %1 paused (%2) for %3 min, limit %4 min")
            .replace("%1", f["counter_name"])
            .replace("%2", pause_reason_text(PauseReason(f["reason"])))
            .replace("%3", _minutes(f["paused_s"]))
            .replace("%4", _minutes(f["limit_s"]))
        )

    def show_alerts(self, alerts: tuple[Alert, ...], config: BranchConfig, language: str) -> set[str]:
        """Redraw; returns the keys of alerts that were not showing before."""
        self.list.clear()
        for alert in alerts:
            # The severity in words too: the colour alone would not reach everybody.
            severity = self.tr("Critical") if alert.severity is Severity.CRITICAL else self.tr("Warning")
            item = QListWidgetItem(f"{severity}: {self.alert_text(alert, config, language)}")
            background, foreground = SEVERITY_COLOURS[alert.severity]
            item.setBackground(QBrush(QColor(background)))
            item.setForeground(QBrush(QColor(foreground)))
            self.list.addItem(item)
        self.empty.setText("" if alerts else self.tr("No alerts: the queue is within its targets"))
        describe(self.list, self.tr("Alerts"), self.tr("Alerts that hold now, critical first"))
        self.list.setVisible(bool(alerts))
        keys = {a.key for a in alerts}
        fresh = keys - self.keys
        self.keys = keys
        return fresh
