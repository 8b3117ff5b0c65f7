"""The hall display: who is served where, the latest calls, a fresh call highlighted and spoken, branch notices.

Built for a 1080p screen read from ten metres: numbers a tenth of the screen high, light on dark navy.
A query that fails (the database went away) shows a reconnecting banner; polling goes on and the banner
leaves by itself once the store answers again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QElapsedTimer, QSize, Qt, QTimer
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from models.branch.facade import BranchFacade
from models.branch.records import CallView, QueueSnapshot
from models.supervisor.hall_sound import report_hall_sound
from queueing.core.tickets import TicketStatus
from ui.common.fit_label import FitLabel, WrapFitLabel
from ui.common.fonts import ui_font
from ui.common.i18n import LanguageManager
from ui.common.live_poller import LivePoller
from ui.common.object_name import named
from ui.common.plain_label import plain_text_labels
from ui.common.runner import Runner
from ui.common.screen_scale import ScaledStyle
from ui.display.announcer import Announcer, CallSettings, numbered_counter

log = logging.getLogger(__name__)

NAVY = "#0b1f3a"
PANEL = "#12294a"
AMBER = "#ffc23d"
SERVING_ROWS = 3
PAIR_GAP_PX = 60  # between the two pairs of columns, when both are shown
SERVING_COLUMNS = 2  # pairs of (ticket, counter) side by side: six counters at 72 pt fit a 1080p screen
MAX_RECENT = 7
HALL_SOUND_REPORT_MS = 30_000  # the supervisor calls a display silent after HALL_SOUND_STALE_S without a report
SOUND_SETTLE_MS = 2000
_CALLED = str(TicketStatus.CALLED)  # a TicketView's status, as text

DISPLAY_STYLE = f"""
#display {{ background: {NAVY}; }}
QLabel {{ color: white; }}
QFrame#header {{ background: #061429; border-bottom: 4px solid {AMBER}; }}
QLabel#branch {{ font-size: 34pt; font-weight: 700; padding-right: 16px; }}
QLabel#clock {{ font-size: 34pt; font-weight: 600; color: {AMBER}; }}
QFrame#panel {{ background: {PANEL}; border-radius: 18px; }}
QLabel#panelTitle {{ font-size: 28pt; font-weight: 700; color: #9fc3ee; }}
QLabel#colHead {{ font-size: 20pt; color: #9fc3ee; }}
QLabel#servingNumber {{ font-size: 72pt; font-weight: 800; color: white; }}
QLabel#servingCounter {{ font-size: 72pt; font-weight: 800; color: {AMBER}; }}
QLabel#recent {{ font-size: 36pt; font-weight: 600; color: #dbe7f7; }}
QLabel#idle {{ font-size: 30pt; color: #9fc3ee; }}
QFrame#flash {{ background: {AMBER}; border-radius: 18px; }}
QLabel#flashText {{ font-size: 48pt; font-weight: 800; color: {NAVY}; }}
QLabel#reconnecting {{
    background: #b83a3a; color: white; font-size: 24pt; font-weight: 700; padding: 10px; border-radius: 10px;
}}
"""


class NoticeTicker(QWidget):
    """Branch notices scrolling right to left along the bottom of the screen."""

    SPEED_PX_S = 110.0

    def __init__(self, lines: tuple[str, ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(76)
        self._text = ""
        self._offset = 0.0
        self._clock = QElapsedTimer()
        self._clock.start()
        font = QFont(ui_font())
        font.setPointSizeF(26)
        self.setFont(font)
        self.set_lines(lines)
        self._timer = QTimer(self, interval=30)
        self._timer.timeout.connect(self._step)
        self._timer.start()

    def set_lines(self, lines: tuple[str, ...]) -> None:
        self._text = "      ◆      ".join(lines)
        self._offset = float(self.width())

    @property
    def text(self) -> str:
        return self._text

    def _step(self) -> None:
        elapsed = self._clock.restart() / 1000.0
        self._offset -= self.SPEED_PX_S * elapsed
        if self._offset < -self.fontMetrics().horizontalAdvance(self._text):
            self._offset = float(self.width())
        self.update()

    def paintEvent(self, _event) -> None:
        painter = QPainter(self)
        if not painter.isActive():
            return  # no backing store yet (a window being shown or restyled): the next paint draws it
        painter.fillRect(self.rect(), QColor("#061429"))
        painter.setPen(QColor("#e8eef7"))
        baseline = (self.height() + self.fontMetrics().ascent() - self.fontMetrics().descent()) / 2
        painter.drawText(int(self._offset), int(baseline), self._text)


class DisplayWindow(QWidget):
    """The hall screen. ``query`` defaults to the service's snapshot (tests may pass another)."""

    def __init__(
        self,
        service: BranchFacade,
        i18n: LanguageManager,
        settings: CallSettings | None = None,
        announcer: Announcer | None = None,
        branch_name: str | None = None,
        poll_ms: int = 500,
        query: Callable[[], QueueSnapshot] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("display")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.service = service
        self.i18n = i18n
        i18n.set_timezone(service.config.timezone)
        self.settings = settings or CallSettings()
        self.announcer = announcer if announcer is not None else Announcer(self.settings, self)
        self.branch_name = branch_name or service.branch_id
        self.snapshot: QueueSnapshot | None = None
        self.reconnecting = False
        self.fresh_call: CallView | None = None
        self._calls_seen: set[tuple[str, object]] = set()  # (ticket id, time) of the calls already on screen
        self._first_snapshot = True
        self._restored_at: datetime | None = None  # when the store was last seen restored from a backup
        self._build()
        # Branch and counter names are typed by people: one that looks like HTML is shown as typed, never drawn.
        plain_text_labels(self)
        # Designed for a 1080p screen; a 1024x768 or 1280x1024 hall screen gets the same layout, smaller.
        self.scaled = ScaledStyle(self, DISPLAY_STYLE, QSize(1920, 1080))
        self._flash_timer = QTimer(self, singleShot=True, interval=int(self.settings.highlight_s * 1000))
        self._flash_timer.timeout.connect(self._end_flash)
        # A poll unanswered after SILENT_LINK_MS (a pulled cable) shows the reconnecting banner.
        self._poller = LivePoller(query or service.snapshot, poll_ms, self)
        self._poller.sig_updated.connect(self._on_snapshot)
        self._poller.sig_failed.connect(self._on_failed)
        i18n.sig_language_changed.connect(self.retranslate)
        self.retranslate()
        self._poller.start()
        # The supervisor's screen shows when the hall cannot hear its calls (models/supervisor/hall_sound.py).
        self._runner = Runner(self)
        self._sound_timer = QTimer(self, interval=HALL_SOUND_REPORT_MS)
        self._sound_timer.timeout.connect(self.report_sound)
        self._sound_timer.start()
        QTimer.singleShot(SOUND_SETTLE_MS, self, self.report_sound)  # once the chime has loaded, or failed to

    # -- layout ------------------------------------------------------------------
    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        header = named(QFrame(), "header")
        bar = QHBoxLayout(header)
        bar.setContentsMargins(40, 14, 40, 14)
        bar.addWidget(named(FitLabel(self.branch_name), "branch"), 1)
        self.clock_label = named(QLabel(), "clock")
        bar.addWidget(self.clock_label)
        outer.addWidget(header)

        body = QVBoxLayout()
        body.setContentsMargins(36, 24, 36, 24)
        body.setSpacing(20)
        self.reconnect_label = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True), "reconnecting")
        self.reconnect_label.hide()
        body.addWidget(self.reconnect_label)
        self.flash = named(QFrame(), "flash")
        flash_layout = QHBoxLayout(self.flash)
        self.flash_label = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True), "flashText")
        flash_layout.addWidget(self.flash_label)
        self.flash.hide()
        body.addWidget(self.flash)

        panels = QHBoxLayout()
        panels.setSpacing(28)
        serving = named(QFrame(), "panel")
        serving_layout = QVBoxLayout(serving)
        serving_layout.setContentsMargins(36, 24, 36, 24)
        self.serving_title = named(QLabel(), "panelTitle")
        serving_layout.addWidget(self.serving_title)
        self.serving_grid = QGridLayout()
        self.serving_grid.setHorizontalSpacing(40)
        self.serving_grid.setVerticalSpacing(0)
        self.column_heads: list[tuple[QLabel, QLabel]] = []
        self.serving_rows: list[tuple[QLabel, QLabel]] = []
        for pair in range(SERVING_COLUMNS):
            head = (named(QLabel(), "colHead"), named(QLabel(alignment=Qt.AlignmentFlag.AlignRight), "colHead"))
            self.serving_grid.addWidget(head[0], 0, pair * 3)
            self.serving_grid.addWidget(head[1], 0, pair * 3 + 1)
            self.column_heads.append(head)
        for pair in range(SERVING_COLUMNS):
            for row in range(1, SERVING_ROWS + 1):
                # Names and numbers of any length, whole: smaller when a column is short of room.
                number = named(FitLabel(keep_width=True), "servingNumber")
                right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                counter = named(WrapFitLabel(alignment=right), "servingCounter")
                self.serving_grid.addWidget(number, row, pair * 3)
                self.serving_grid.addWidget(counter, row, pair * 3 + 1)
                self.serving_rows.append((number, counter))
        # The rows share the panel's height: a long counter name gets lines enough to be read, not a 72 pt strip.
        for row in range(1, SERVING_ROWS + 1):
            self.serving_grid.setRowStretch(row, 1)
        serving_layout.addLayout(self.serving_grid, 1)
        self.serving_idle = named(QLabel(wordWrap=True), "idle")
        serving_layout.addWidget(self.serving_idle)
        panels.addWidget(serving, 3)

        recent = named(QFrame(), "panel")
        recent_layout = QVBoxLayout(recent)
        recent_layout.setContentsMargins(36, 24, 36, 24)
        self.recent_title = named(QLabel(), "panelTitle")
        recent_layout.addWidget(self.recent_title)
        self.recent_labels = [named(WrapFitLabel(), "recent") for _ in range(MAX_RECENT)]
        for label in self.recent_labels:
            recent_layout.addWidget(label)
        recent_layout.addStretch(1)
        panels.addWidget(recent, 2)
        body.addLayout(panels, 1)
        outer.addLayout(body, 1)
        self.ticker = NoticeTicker(self.settings.notices)
        outer.addWidget(self.ticker)
        clock = QTimer(self, interval=1000)
        clock.timeout.connect(self._tick)
        clock.start()

    # -- texts -------------------------------------------------------------------
    def retranslate(self, *_: object) -> None:
        self.setWindowTitle(self.tr("Counterline hall display"))
        self.serving_title.setText(self.tr("Now serving"))
        self.recent_title.setText(self.tr("Latest calls"))
        for number, counter in self.column_heads:
            number.setText(self.tr("Ticket"))
            counter.setText(self.tr("Counter"))
        self.reconnect_label.setText(self.tr("Connection to the branch server lost. Reconnecting…"))
        self._fill()
        self._tick()

    def _tick(self) -> None:
        self.clock_label.setText(self.i18n.format_time(self.service.clock.now()))

    def call_text(self, call: CallView) -> str:
        if numbered_counter(call.counter_name):
            text = self.tr("Ticket %1, please go to counter %2")
        else:  # a counter with a name of its own is called by it alone (announcer.NAMED_CALL_PHRASES)
            text = self.tr("Ticket %1, please go to %2", "a counter with a name, not a number")
        return text.replace("%1", call.number).replace("%2", call.counter_name)

    def _fill(self) -> None:
        snapshot = self.snapshot
        calls = list(snapshot.recent_calls) if snapshot else []
        serving = self.now_serving()
        for index, (number, counter) in enumerate(self.serving_rows):
            if index < len(serving):
                number.setText(serving[index][0])
                counter.setText(serving[index][1])
            else:
                number.setText("")
                counter.setText("")
        self.serving_idle.setText("" if serving else self.tr("Please wait to be called"))
        self._show_second_pair(len(serving) > SERVING_ROWS)
        arrow = "  →  "
        for index, label in enumerate(self.recent_labels):
            label.setText(f"{calls[index].number}{arrow}{calls[index].counter_name}" if index < len(calls) else "")
            label.setStyleSheet(f"color: {AMBER};" if index == 0 and self.flash.isVisible() else "")
        if self.fresh_call is not None:
            self.flash_label.setText(self.call_text(self.fresh_call))

    def _show_second_pair(self, shown: bool) -> None:
        """The second pair of columns only while a fourth counter serves: until then the first pair has the
        panel's width, and a counter's long name its lines."""
        for label in (*self.column_heads[1], *(label for row in self.serving_rows[SERVING_ROWS:] for label in row)):
            label.setVisible(shown)
        self.serving_grid.setColumnMinimumWidth(2, PAIR_GAP_PX if shown else 0)

    def now_serving(self) -> list[tuple[str, str]]:
        """(ticket number, counter name) of every counter with a called or served ticket, latest call first."""
        if self.snapshot is None:
            return []
        rows = [
            (c.current.called_at, c.current.number, c.name)
            for c in self.snapshot.counters
            if c.current is not None and c.current.called_at is not None
        ]
        rows.sort(key=lambda r: r[0], reverse=True)
        return [(number, name) for _, number, name in rows[: SERVING_ROWS * SERVING_COLUMNS]]

    # -- updates -----------------------------------------------------------------
    def _on_snapshot(self, snapshot: QueueSnapshot) -> None:
        if self.reconnecting:
            log.info("hall display reconnected to %s", self.service.store.label)
        self.reconnecting = False
        self.reconnect_label.hide()
        self.snapshot = snapshot
        # Each counter's latest call since the last snapshot, oldest first: two tellers calling in the same half
        # second each have their call said; back from a lost store, a counter's earlier calls (a recall, a customer
        # served meanwhile) are not said as a backlog. Those on screen when the display starts are not said again.
        # Nor is a call whose customer is no longer called at that counter: back from a lost store, the visit may
        # have begun or ended meanwhile, and the hall would send a served customer back to the counter.
        # A store put back from a backup brings back the calls of that hour: shown, never announced as new (the
        # customer called then may have been served long ago).
        restored = snapshot.journal_restored_at != self._restored_at
        self._restored_at = snapshot.journal_restored_at
        if not self._first_snapshot and not restored:
            new = [c for c in reversed(snapshot.recent_calls) if (c.ticket_id, c.at) not in self._calls_seen]
            latest = {call.counter_id: call for call in new}
            called = {c.id: c.current.id for c in snapshot.counters if c.current and c.current.status == _CALLED}
            for call in new:
                if latest[call.counter_id] is call and called.get(call.counter_id) == call.ticket_id:
                    self._announce(call)
        self._calls_seen = {(call.ticket_id, call.at) for call in snapshot.recent_calls}
        self._first_snapshot = False
        self._fill()

    def _announce(self, call: CallView) -> None:
        self.fresh_call = call
        self.flash.show()
        self._flash_timer.start()
        self.announcer.announce(call.number, call.counter_name)

    def _end_flash(self) -> None:
        self.flash.hide()
        self._fill()

    def _on_failed(self, exc: Exception) -> None:
        if not self.reconnecting:
            log.warning("hall display lost the store (%s); reconnecting", exc)
        self.reconnecting = True
        self.reconnect_label.show()

    def report_sound(self) -> None:
        """Write whether the chime can play here (off, no device, no Qt Multimedia) for the supervisor."""
        check = getattr(self.announcer, "sound_problem", None)
        if check is None or self._runner.busy:
            return
        problem = check()
        service = self.service
        self._runner.submit(
            lambda: report_hall_sound(
                service.store, service.branch_id, service.station_id, problem, service.clock.now()
            ),
            None,
            lambda exc: log.warning("hall display could not report its sound: %s", exc),
        )

    def resizeEvent(self, event) -> None:
        scaled = getattr(self, "scaled", None)  # None while the window is still being built
        if scaled is not None:
            scaled.apply(event.size())
        super().resizeEvent(event)

    def closeEvent(self, event) -> None:
        self._sound_timer.stop()
        self._runner.wait()
        self._poller.wait()
        super().closeEvent(event)
