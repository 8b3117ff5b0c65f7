"""The counter panel: the current ticket, large, with its timers, and a button for every counter action."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.branch.records import CounterView, TicketView
from queueing.core.counters import CounterStatus, PauseReason
from queueing.core.tickets import PriorityClass
from ui.common.accessibility import describe, shortcut_description
from ui.common.counter_name import numbered_counter
from ui.common.elided_label import ElidedLabel
from ui.common.object_name import named
from ui.common.plain_label import plain_label
from ui.common.strings import counter_status_text, pause_reason_text, priority_text
from ui.common.style import ALERT, INK, MUTED, OK, PRIORITY_COLOURS, WARN
from ui.station.actions import COUNTER_BUTTONS, StationActions
from ui.station.window_context import WindowContext, format_duration

_STATE_COLOURS = {"open": OK, "paused": WARN, "closed": MUTED}
BUTTON_COLUMNS = 4


class ActionButton(QPushButton):
    """A button that mirrors a QAction: its text, its first shortcut and its enabled state."""

    def __init__(self, action: QAction, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._action = action
        self.setObjectName(f"button_{action.objectName().removeprefix('action_')}")
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.setProperty("actionButton", True)  # two lines, the action and its key: see ui/common/style.py
        self.clicked.connect(action.trigger)
        action.changed.connect(self._sync)
        self._sync()

    def _sync(self) -> None:
        keys = self._action.shortcuts()
        key = keys[0].toString(keys[0].SequenceFormat.NativeText) if keys else ""
        self.setText(f"{self._action.text()}\n{key}" if key else self._action.text())
        description = shortcut_description(key) if key else self._action.text()
        describe(self, self._action.text().removesuffix("…"), description)
        self.setEnabled(self._action.isEnabled())


class _Figure(QWidget):
    """A caption over a value: "Waited" / "4:12"."""

    def __init__(self, name: str) -> None:
        super().__init__()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.caption = named(QLabel(), "figureCaption")
        self.value = named(QLabel("—"), "figure")
        self.value.setObjectName(f"figure_{name}")
        self.value.setStyleSheet("font-size: 15pt; font-weight: 600;")
        layout.addWidget(self.caption)
        layout.addWidget(self.value)


class CounterPanel(QFrame):
    def __init__(self, ctx: WindowContext, actions: StationActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("card")
        self.ctx = ctx
        self.counter: CounterView | None = None
        # A counter's name may have 100 characters: cut with "…" (whole in its tip), never the window held wider
        # than a 1024-pixel screen for it.
        self.title = named(ElidedLabel(), "cardTitle")
        self.state = named(QLabel(), "counterState")
        self.number = named(QLabel("—"), "ticketNumber")
        self.number.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.category = named(plain_label(), "category")
        self.badge = named(QLabel(), "badge")
        self.detail = named(QLabel(), "muted")
        self.waited = _Figure("waited")
        self.timer = _Figure("service")
        self.recalls = _Figure("recalls")
        self.buttons = [ActionButton(actions[name]) for name in COUNTER_BUTTONS]
        self._build()
        self.retranslate()

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 18, 24, 18)
        layout.setSpacing(10)
        head = QHBoxLayout()
        head.addWidget(self.title)
        head.addStretch(1)
        head.addWidget(self.state)
        layout.addLayout(head)
        # The category and since-when beside the number, not under it: two lines of height left to the profile
        # panel below, which otherwise cut the cross-sell answers off on a 900-pixel screen.
        line = QHBoxLayout()
        line.addWidget(self.category)
        line.addSpacing(12)
        line.addWidget(self.badge)
        line.addStretch(1)
        beside = QVBoxLayout()
        beside.setSpacing(4)
        beside.addStretch(1)
        beside.addLayout(line)
        beside.addWidget(self.detail)
        beside.addStretch(1)
        top = QHBoxLayout()
        top.addWidget(self.number)
        top.addSpacing(28)
        top.addLayout(beside, 1)
        layout.addLayout(top)
        figures = QHBoxLayout()
        figures.setSpacing(36)
        for figure in (self.waited, self.timer, self.recalls):
            figures.addWidget(figure)
        figures.addStretch(1)
        layout.addLayout(figures)
        layout.addSpacing(6)
        grid = QGridLayout()
        grid.setSpacing(8)
        for index, button in enumerate(self.buttons):
            grid.addWidget(button, index // BUTTON_COLUMNS, index % BUTTON_COLUMNS)
        self.buttons[0].setObjectName("primary")
        layout.addLayout(grid)

    def retranslate(self) -> None:
        self.waited.caption.setText(self.tr("Waited"))
        self.timer.caption.setText(self.tr("Service time"))
        self.recalls.caption.setText(self.tr("Recalls"))
        self.show_counter(self.counter, None)

    def show_counter(self, counter: CounterView | None, now: datetime | None) -> None:
        """Paint the counter and its current ticket; ``now`` drives the running timers."""
        self.counter = counter
        name = counter.name if counter else self.ctx.counter_id
        # A counter with a name of its own is called by that name alone (README), a numbered one "COUNTER 3".
        title = self.tr("COUNTER %1").replace("%1", name) if numbered_counter(name) else name
        self.title.setText(title)
        self._show_state(counter)
        ticket = counter.current if counter else None
        if ticket is None:
            self._show_idle(counter)
        else:
            self._show_ticket(ticket, now)

    def _show_state(self, counter: CounterView | None) -> None:
        status = CounterStatus(counter.status) if counter else CounterStatus.CLOSED
        text = counter_status_text(status)
        if status is CounterStatus.PAUSED and counter and counter.pause_reason:
            text = f"{text} · {pause_reason_text(PauseReason(counter.pause_reason))}"
        self.state.setText(text)
        self.state.setStyleSheet(f"background: {_STATE_COLOURS[status.value]};")

    def _show_idle(self, counter: CounterView | None) -> None:
        self.number.setText("—")
        self.category.setText(self.tr("No customer at the counter"))
        self.badge.hide()
        for figure in (self.waited, self.timer, self.recalls):
            figure.value.setText("—")
        self.timer.caption.setText(self.tr("Service time"))
        self.timer.value.setStyleSheet(f"font-size: 15pt; font-weight: 600; color: {INK};")
        paused = counter is not None and counter.status == "paused"
        self.detail.setText(self.tr("Resume with F8 to call customers.") if paused else self.tr("Press F1 to call."))

    def _show_ticket(self, ticket: TicketView, now: datetime | None) -> None:
        self.number.setText(ticket.number)
        self.category.setText(self.ctx.category_name(ticket.category))
        priority = PriorityClass(ticket.priority)
        self.badge.setText(priority_text(priority))
        self.badge.setStyleSheet(f"background: {PRIORITY_COLOURS[priority.value]};")
        self.badge.show()
        self.waited.value.setText(format_duration(ticket.waited_s))
        started = ticket.started_at
        # As the finish times it (queueing.core.commands.finish): the time the visit was parked does not count.
        running = max(0.0, (now - started).total_seconds() - ticket.parked_s) if started and now else None
        self.timer.value.setText(format_duration(running))
        self._show_standard(ticket.category, running)
        limit = self.ctx.branch.config.policy.max_recalls
        self.recalls.value.setText(f"{ticket.recalls} / {limit}")
        colour = ALERT if ticket.recalls >= limit else INK
        self.recalls.value.setStyleSheet(f"font-size: 15pt; font-weight: 600; color: {colour};")
        if ticket.status == "serving":
            self.detail.setText(self.tr("Serving since %1").replace("%1", self._time(started)))
        else:
            self.detail.setText(
                self.tr("Called at %1, waiting for the customer").replace("%1", self._time(ticket.called_at))
            )

    def _show_standard(self, category: str, running: float | None) -> None:
        """The category's standard service time beside the timer; amber once the visit runs past it."""
        cat = self.ctx.branch.config.categories.get(category)
        if cat is None:
            self.timer.caption.setText(self.tr("Service time"))
            return
        standard = format_duration(cat.typical_service_s)
        self.timer.caption.setText(self.tr("Service time (standard %1)").replace("%1", standard))
        over = running is not None and running > cat.typical_service_s
        self.timer.value.setStyleSheet(f"font-size: 15pt; font-weight: 600; color: {WARN if over else INK};")
        self.timer.value.setProperty("overStandard", over)

    def _time(self, value: datetime | None) -> str:
        return self.ctx.i18n.format_time(value) if value else "—"
