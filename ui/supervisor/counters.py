"""The supervisor's live counters grid: one card per counter with its state, teller, ticket and service time."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.branch.records import CounterView
from queueing.core.categories import BranchConfig
from queueing.core.counters import CounterStatus, PauseReason
from ui.common.accessibility import describe
from ui.common.counter_name import named_counter_phrase
from ui.common.object_name import named
from ui.common.shown_text import plain_tip
from ui.common.strings import counter_status_text, pause_reason_text

STATE_COLOURS = {"open": "#2e7d4f", "paused": "#b7791f", "closed": "#7b8794"}
COLUMNS = 3  # at most, on a wide screen; fewer when the cards would not fit the width the grid has


NAME_MIN_PX = 160  # a longer name wraps at its spaces, and a word longer than this is cut


class _NameLabel(QLabel):
    """A name people typed (up to 100 or 200 characters): it wraps, and one word longer than NAME_MIN_PX is cut
    at the card's edge (the whole name in the tool tip) rather than making the card, and every card beside it,
    wider than the screen."""

    def __init__(self) -> None:
        super().__init__()
        self.setTextFormat(Qt.TextFormat.PlainText)  # names are an administrator's free text: never markup
        self.setWordWrap(True)

    def minimumSizeHint(self) -> QSize:
        # The whole name when it is short ("Counter 12" never wraps to two lines), up to NAME_MIN_PX.
        whole = self.fontMetrics().horizontalAdvance(self.text()) + 2 * self.margin() + 1
        return QSize(min(whole, NAME_MIN_PX), super().minimumSizeHint().height())


def clock_text(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60}:{seconds % 60:02d}"


class CounterCard(QFrame):
    """One counter. Its buttons ask the grid for an action; the window runs it."""

    def __init__(self, counter_id: str, grid: CountersGrid) -> None:
        super().__init__()
        self.setObjectName("card")
        self.counter_id = counter_id
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        self.name = named(_NameLabel(), "counterName")
        self.state = named(QLabel(), "counterState")
        self.state.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        layout.addWidget(self.name)
        # Under the name, not beside it: side by side, a long name and a long state ("En pausa · Descanso 10
        # minutos") made every card too wide for three, or even two, to a row at 1280 px.
        layout.addWidget(self.state, 0, Qt.AlignmentFlag.AlignLeft)
        self.teller = named(_NameLabel(), "muted")
        self.ticket = named(QLabel(), "cardTicket")
        self.timing = named(QLabel(), "muted")
        self.bar = QProgressBar(textVisible=False, maximum=1000)
        self.bar.setMaximumHeight(8)
        self._bar_colour = ""
        self._state_colour = ""
        self.profile = named(QLabel(wordWrap=True), "muted")
        for widget in (self.teller, self.ticket, self.timing, self.bar, self.profile):
            layout.addWidget(widget)
        buttons = QHBoxLayout()
        self.toggle = QPushButton()
        self.edit = QPushButton()
        self.toggle.clicked.connect(lambda: grid.sig_toggle_requested.emit(self.counter_id))
        self.edit.clicked.connect(lambda: grid.sig_profile_requested.emit(self.counter_id))
        buttons.addWidget(self.toggle)
        buttons.addWidget(self.edit)
        layout.addLayout(buttons)

    def show_counter(
        self, counter: CounterView, config: BranchConfig, language: str, names: dict[str, str], now: datetime
    ) -> None:
        self.name.setText(named_counter_phrase(counter.name, alone=True, limit=None))  # the card wraps a long name
        self.name.setToolTip(plain_tip(self.name.text()))
        state = counter_status_text(CounterStatus(counter.status))
        if counter.status == CounterStatus.PAUSED and counter.pause_reason:
            state = f"{state} · {pause_reason_text(PauseReason(counter.pause_reason))}"
            if counter.status_since:
                # Not below 0: a pause stamped by a station whose clock runs ahead of this screen's began
                # "in the future", and the card said "Lunch -3 min".
                minutes = max(0, int((now - counter.status_since).total_seconds() // 60))
                state += " " + self.tr("%1 min").replace("%1", str(minutes))
        self.state.setText(state)
        colour = STATE_COLOURS.get(counter.status, "#7b8794")
        if colour != self._state_colour:  # a new style sheet polishes the label again: only when it changes
            self._state_colour = colour
            self.state.setStyleSheet(f"background: {colour};")
        staff = names.get(counter.staff_id or "", counter.staff_id or "")
        self.teller.setText(self.tr("Teller: %1").replace("%1", staff) if staff else self.tr("No teller signed in"))
        self.teller.setToolTip(plain_tip(self.teller.text()))
        self._show_ticket(counter, config, now)
        served = sorted(counter.profile.items(), key=lambda item: (item[1], item[0]))
        self.profile.setText(" · ".join(f"{_category_name(config, code, language)} ({lvl})" for code, lvl in served))
        self.toggle.setText(self.tr("Close") if counter.status != CounterStatus.CLOSED else self.tr("Open"))
        self.toggle.setEnabled(counter.status == CounterStatus.CLOSED or counter.current is None)
        self.edit.setText(self.tr("Profile…"))
        describe(
            self.toggle,
            f"{self.toggle.text()} · {self.name.text()}",
            self.tr("Opens or closes this counter"),
        )
        describe(
            self.edit,
            f"{self.tr('Profile')} · {self.name.text()}",
            self.tr("Which services this counter takes, and in which order"),
        )

    def _show_ticket(self, counter: CounterView, config: BranchConfig, now: datetime) -> None:
        ticket = counter.current
        if ticket is None:
            self.ticket.setText("—")
            self.timing.setText(self.tr("Free") if counter.status == CounterStatus.OPEN else "")
            self.bar.hide()
            return
        self.ticket.setText(ticket.number)
        category = config.categories.get(ticket.category)
        if ticket.started_at is None:
            called = (now - ticket.called_at).total_seconds() if ticket.called_at else 0.0
            self.timing.setText(self.tr("Called %1 ago").replace("%1", clock_text(called)))
            self.bar.hide()
            return
        spent = (now - ticket.started_at).total_seconds()
        if category is None:  # a category gone from a configuration changed by hand: no standard to measure by
            self.timing.setText(self.tr("Serving %1").replace("%1", clock_text(spent)))
            self.bar.hide()
            return
        standard = category.typical_service_s
        self.timing.setText(
            self.tr("Serving %1 of standard %2").replace("%1", clock_text(spent)).replace("%2", clock_text(standard))
        )
        share = spent / standard if standard else 0.0
        colour = "#2e7d4f" if share <= 1.0 else "#b7791f" if share <= 1.5 else "#b83a3a"
        if colour != self._bar_colour:
            self._bar_colour = colour
            self.bar.setStyleSheet(f"QProgressBar::chunk {{ background: {colour}; border-radius: 3px; }}")
        # QProgressBar.setValue repaints at once; with updates off it only marks the bar for the next paint,
        # which draws it with the rest of the window instead of once per counter.
        self.bar.setUpdatesEnabled(False)
        self.bar.setValue(min(1000, int(share * 1000)))
        self.bar.setUpdatesEnabled(True)
        self.bar.show()


def _category_name(config: BranchConfig, code: str, language: str) -> str:
    """The category's name, or its code for one gone from a configuration changed by hand."""
    category = config.categories.get(code)
    return category.name(language) if category is not None else code


class CountersGrid(QWidget):
    """Cards for every counter, as many to a row as fit the width it is shown in (at most COLUMNS)."""

    sig_toggle_requested = Signal(str)
    """Carries the id of a counter to open (when closed) or close."""

    sig_profile_requested = Signal(str)
    """Carries the id of a counter whose profile the supervisor wants to change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        self.grid.setSpacing(12)
        self.cards: dict[str, CounterCard] = {}
        self.columns = COLUMNS
        self._width: int | None = None  # of the area that shows the grid (CountersScroll tells it)

    def show_counters(
        self,
        counters: tuple[CounterView, ...],
        config: BranchConfig,
        language: str,
        names: dict[str, str],
        now: datetime,
    ) -> None:
        if list(self.cards) != [c.id for c in counters]:
            for card in self.cards.values():
                card.deleteLater()
            self.cards = {}
            for index, counter in enumerate(counters):
                card = CounterCard(counter.id, self)
                self.grid.addWidget(card, index // self.columns, index % self.columns)
                self.cards[counter.id] = card
        for counter in counters:
            self.cards[counter.id].show_counter(counter, config, language, names, now)
        # A new language or state (a pause's reason beside the name) can make a card need more width.
        self.fit_width(self._width)

    def fit_width(self, width: int | None) -> None:
        """Lay the cards out in as many columns as fit ``width`` px; three to a row ran past 1280 px."""
        self._width = width
        if width is None or not self.cards:
            return
        spacing = self.grid.horizontalSpacing()
        need = max(card.minimumSizeHint().width() for card in self.cards.values())
        columns = max(1, min(COLUMNS, (width + spacing) // (need + spacing)))
        if columns == self.columns:
            return
        self.columns = columns
        for index, card in enumerate(self.cards.values()):
            self.grid.removeWidget(card)
            self.grid.addWidget(card, index // columns, index % columns)
        # Stretch only the columns in use: a column left empty would still take its share of the width.
        for column in range(COLUMNS):
            self.grid.setColumnStretch(column, 1 if column < columns else 0)


class CountersScroll(QScrollArea):
    """The grid in a vertical scroll: it tells the grid the width there is, so that the cards wrap to it."""

    def __init__(self, grid: CountersGrid, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWidget(grid)
        self.grid = grid

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.grid.fit_width(self.viewport().width())
