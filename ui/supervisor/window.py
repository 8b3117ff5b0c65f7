"""The supervisor's queue screen: live counters and queue, alerts, the day's charts, staffing advice, settings.

The overview is polled twice a second off the GUI thread; the charts follow when the journal has moved
(at most every few seconds); the staffing advice, which simulates, is computed on demand.
"""

from __future__ import annotations

import logging
import time
from datetime import date, datetime

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from models.staff.session import may
from models.supervisor.service import DayCharts, Overview, SupervisorService
from models.supervisor.settings_files import SettingsEditor
from queueing.core.roles import Action
from ui.common.i18n import LanguageManager
from ui.common.live_poller import LivePoller
from ui.common.object_name import named
from ui.common.runner import Runner
from ui.common.shown_text import shown_text
from ui.common.window_tab import DeskTab, WindowTab
from ui.display.announcer import Announcer, CallSettings
from ui.supervisor.alerts import AlertsPanel
from ui.supervisor.breaks import BreaksPanel
from ui.supervisor.charts import DayChartsPanel
from ui.supervisor.counters import CountersGrid, CountersScroll
from ui.supervisor.dialogs import MoveTicketDialog, OpenCounterDialog, ProfileDialog
from ui.supervisor.failures import action_failure_text
from ui.supervisor.hall_sound import HallSoundBanner
from ui.supervisor.queue import CategoryTable, WaitingList
from ui.supervisor.restored_notice import RestoredNotice
from ui.supervisor.settings import SettingsPanel
from ui.supervisor.staffing import StaffingPanel
from ui.supervisor.sync import SyncIssuesPanel

log = logging.getLogger(__name__)

CHARTS_EVERY_S = 5.0

SUPERVISOR_STYLE = """
QFrame#figureCard { background: white; border: 1px solid #d8dee6; border-radius: 10px; }
QLabel#figureValue { font-size: 24pt; font-weight: 700; color: #1d5fa8; }
QLabel#figureValueBad { font-size: 24pt; font-weight: 700; color: #b83a3a; }
QLabel#figureName { color: #5b6b7d; font-size: 10pt; }
QLabel#sectionTitle { font-size: 13pt; font-weight: 700; color: #1f2a37; }
QLabel#counterName { font-size: 13pt; font-weight: 700; }
QLabel#cardTicket { font-size: 22pt; font-weight: 700; color: #1d5fa8; }
QLabel#branchTitle { font-size: 18pt; font-weight: 700; }
QLabel#statusLine { color: #5b6b7d; }
QLabel#statusLineBad { color: #b83a3a; font-weight: 600; }
"""


def _figure(parent_layout: QHBoxLayout) -> tuple[QLabel, QLabel]:
    card = named(QFrame(), "figureCard")
    layout = QVBoxLayout(card)
    layout.setContentsMargins(12, 8, 12, 8)
    value = named(QLabel("—"), "figureValue")
    name = named(QLabel(wordWrap=True), "figureName")  # Spanish captions wrap at 1024 px
    layout.addWidget(value)
    layout.addWidget(name)
    parent_layout.addWidget(card)
    return value, name


def _section(title: QLabel, body: QWidget) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(title)
    layout.addWidget(body, 1)
    return box


class SupervisorWindow(QMainWindow):
    def __init__(
        self,
        supervisor: SupervisorService,
        i18n: LanguageManager,
        editor: SettingsEditor | None = None,
        announcer: Announcer | None = None,
        branch_name: str | None = None,
        poll_ms: int = 500,
        parent: QWidget | None = None,
        reports: WindowTab | None = None,
        audit: WindowTab | None = None,
        appointments: WindowTab | None = None,
        sync_issues: SyncIssuesPanel | None = None,
        desk_tabs: tuple[DeskTab, ...] = (),
    ) -> None:
        super().__init__(parent)
        i18n.set_timezone(supervisor.config.timezone)
        self.setStyleSheet(SUPERVISOR_STYLE)
        # The piece-rate panel (ui/reports/piece_rate_panel.py), when the signed-in role may see reports.
        self.reports = reports
        # The audit log browser (ui/supervisor/audit_panel.py).
        self.audit = audit
        # The day's appointments, booking and cancelling (ui/supervisor/appointments.py).
        self.appointments = appointments
        # Conflicts and quarantined events of the branch's sync (ui/supervisor/sync.py).
        self.sync_issues = sync_issues
        # The marketing desk's tabs (ui/supervisor/follow_ups_panel.py ...): each says its tab_title() and retranslates.
        self.desk_tabs = desk_tabs
        self.supervisor = supervisor
        self.config = supervisor.config
        self.i18n = i18n
        self.branch_name = branch_name or supervisor.branch.branch_id
        self.announcer = announcer if announcer is not None else Announcer(CallSettings(speech=False), self)
        self.overview: Overview | None = None
        self.staff_names: dict[str, str] = {}
        self._charts_position = -1
        self._charts_at = 0.0
        self._day: date | None = None  # the branch's day the screen shows (its local date)
        self._first_alerts = True
        self._runner = Runner(self)
        self._charts_runner = Runner(self)
        self._build(editor or SettingsEditor(actor=supervisor.session, store=supervisor.branch.store))
        self._poller = LivePoller(supervisor.overview, poll_ms, self)
        self._poller.sig_updated.connect(self._on_overview)
        self._poller.sig_failed.connect(self._on_lost)
        self._lost = False  # the last poll failed: the figures on screen are as of the last answer
        i18n.sig_language_changed.connect(self.retranslate)
        self.retranslate()
        self._runner.submit(supervisor.staff_names, self._on_staff)
        self._poller.start()

    # -- layout ------------------------------------------------------------------
    def _build(self, editor: SettingsEditor) -> None:
        central = QWidget()
        outer = QVBoxLayout(central)
        outer.setContentsMargins(16, 12, 16, 8)
        outer.setSpacing(10)
        top = QHBoxLayout()
        self.title = named(QLabel(), "branchTitle")
        top.addWidget(self.title)
        top.addStretch(1)
        self.level_value, self.level_name = _figure(top)
        self.served_value, self.served_name = _figure(top)
        self.waiting_value, self.waiting_name = _figure(top)
        self.alerts_value, self.alerts_name = _figure(top)
        outer.addLayout(top)
        branch = self.supervisor.branch
        self.hall_sound = HallSoundBanner(branch.store, branch.branch_id, branch.clock)
        outer.addWidget(self.hall_sound)
        self.restored = RestoredNotice()
        outer.addWidget(self.restored)

        self.tabs = QTabWidget()
        live = QSplitter(Qt.Orientation.Horizontal)
        self.counters = CountersGrid()
        self.counters.sig_toggle_requested.connect(self.ask_toggle)
        self.counters.sig_profile_requested.connect(self.ask_profile)
        self.counters_scroll = CountersScroll(self.counters)
        self.counters_title = named(QLabel(), "sectionTitle")
        live.addWidget(_section(self.counters_title, self.counters_scroll))
        right = QSplitter(Qt.Orientation.Vertical)
        self.categories = CategoryTable()
        self.categories_title = named(QLabel(), "sectionTitle")
        self.alerts = AlertsPanel()
        self.alerts_title = named(QLabel(), "sectionTitle")
        self.waiting = WaitingList()
        self.waiting.sig_move_requested.connect(self.ask_move)
        self.waiting_title = named(QLabel(), "sectionTitle")
        right.addWidget(_section(self.alerts_title, self.alerts))
        right.addWidget(_section(self.categories_title, self.categories))
        right.addWidget(_section(self.waiting_title, self.waiting))
        right.setSizes([160, 260, 300])
        live.addWidget(right)
        live.setSizes([760, 640])
        live_page = QWidget()
        live_layout = QVBoxLayout(live_page)
        live_layout.setContentsMargins(10, 10, 10, 10)
        live_layout.addWidget(live)
        self.tabs.addTab(live_page, "")
        self.charts = DayChartsPanel()
        self.staffing = StaffingPanel()
        self.staffing.sig_refresh_requested.connect(self.compute_staffing)
        self.staffing_page: QWidget = self.staffing
        self.breaks_panel: BreaksPanel | None = None
        session = self.supervisor.session
        if session is not None and may(session, Action.MANAGE_COUNTERS):
            # The day's break plan under the advice: the lunch-cover alerts on the Live tab read it.
            self.breaks_panel = BreaksPanel(self.supervisor.breaks, session)
            self.staffing_page = QSplitter(Qt.Orientation.Vertical)
            self.staffing_page.addWidget(self.staffing)
            self.staffing_page.addWidget(self.breaks_panel)
            self.staffing_page.setSizes([420, 260])
        self.settings = SettingsPanel(editor, self.supervisor.check_settings_edit)
        for panel in (self.charts, self.staffing_page, self.settings):
            panel.setContentsMargins(10, 10, 10, 10)
            self.tabs.addTab(panel, "")
        if self.reports is not None:
            self.reports.setContentsMargins(10, 10, 10, 10)
            self.tabs.addTab(self.reports, "")
        if self.audit is not None:
            self.tabs.addTab(self.audit, "")
        if self.appointments is not None:
            self.tabs.addTab(self.appointments, "")
        if self.sync_issues is not None:
            self.tabs.addTab(self.sync_issues, "")
        for tab in self.desk_tabs:
            self.tabs.addTab(tab, "")
        self.tabs.currentChanged.connect(self._tab_changed)
        outer.addWidget(self.tabs, 1)
        self.status = named(QLabel(), "statusLine")
        outer.addWidget(self.status)
        self.setCentralWidget(central)
        self._status_timer = QTimer(self, singleShot=True, interval=8000)
        self._status_timer.timeout.connect(lambda: self.say(""))

    def retranslate(self, *_: object) -> None:
        self.setWindowTitle(self.tr("Counterline supervisor"))
        self.title.setText(self.branch_name)
        self.level_name.setText(self.tr("Served within target today"))
        self.hall_sound.retranslate()
        self.restored.retranslate()
        self.served_name.setText(self.tr("Customers served today"))
        self.waiting_name.setText(self.tr("Waiting now"))
        self.alerts_name.setText(self.tr("Alerts"))
        self.counters_title.setText(self.tr("Counters"))
        self.categories_title.setText(self.tr("Waiting per service"))
        self.alerts_title.setText(self.tr("Alerts"))
        self.waiting_title.setText(self.tr("Waiting customers"))
        for index, text in enumerate(
            (self.tr("Live"), self.tr("Today's charts"), self.tr("Staffing"), self.tr("Settings"))
        ):
            self.tabs.setTabText(index, text)
        if self.reports is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.reports), self.tr("Piece-rate"))
            self.reports.language = self.i18n.language
            self.reports.retranslate()
        if self.audit is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.audit), self.tr("Audit log"))
            self.audit.retranslate()
        if self.appointments is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.appointments), self.tr("Appointments"))
            self.appointments.language = self.i18n.language
            self.appointments.retranslate()
        if self.sync_issues is not None:
            self.tabs.setTabText(self.tabs.indexOf(self.sync_issues), self.tr("Sync"))
            self.sync_issues.retranslate()
        for tab in self.desk_tabs:
            tab.language = self.i18n.language
            tab.retranslate()
            self.tabs.setTabText(self.tabs.indexOf(tab), tab.tab_title())
        self.charts.retranslate()
        self.staffing.retranslate()
        if self.breaks_panel is not None:
            self.breaks_panel.retranslate()
        if self.staffing.day is not None:
            self._on_staffing((self.staffing.day, self.staffing.rows))
        self.settings.retranslate()
        if self.overview is not None:
            self._show_overview(self.overview)

    def say(self, text: str, bad: bool = False) -> None:
        self.status.setObjectName("statusLineBad" if bad else "statusLine")
        self.status.style().polish(self.status)
        self.status.setText(text)
        if text:
            self._status_timer.start()

    # -- updates -----------------------------------------------------------------
    def _on_staff(self, names: dict[str, str]) -> None:
        # As the Administration screen shows them: a store another program wrote may hold a direction override
        # or a name of any length, which the cards, the cover alerts and the open-counter dialog drew raw.
        names = {staff_id: shown_text(name) for staff_id, name in names.items()}
        self.staff_names = names
        self.alerts.names = names
        if self.overview is not None:
            self._show_overview(self.overview)

    def _on_overview(self, overview: Overview) -> None:
        if self._lost:
            self._lost = False
            self.say("")
        if self.restored.show_restored(overview.store_restored_at):
            self._maybe_refresh_charts(overview.snapshot.position, force=True)  # the day as the store holds it now
        self.overview = overview
        self._show_overview(overview)
        fresh = self.alerts.show_alerts(overview.alerts, self.config, self.i18n.language, overview.snapshot.at)
        if fresh and not self._first_alerts:
            self.announcer.chime()
        self._first_alerts = False
        if self._new_day(overview.snapshot.at):
            # Past midnight: today's charts and staffing advice are the new day's, not yesterday's until a first
            # ticket moves the journal.
            self._maybe_refresh_charts(overview.snapshot.position, force=True)
            if self.staffing.day is not None:
                self.compute_staffing()
        self._maybe_refresh_charts(overview.snapshot.position)

    def _new_day(self, at: datetime) -> bool:
        """Whether ``at`` is on a later branch day than the screen showed (not at the first overview)."""
        day = at.astimezone(self.supervisor.tz).date()
        rolled = self._day is not None and day != self._day
        self._day = day
        return rolled

    def _show_overview(self, overview: Overview) -> None:
        language = self.i18n.language
        share = overview.service_level.share
        self.level_value.setText("—" if share is None else f"{share:.0%}")
        target = self.supervisor.staffing_settings.target_level
        self.level_value.setObjectName("figureValueBad" if share is not None and share < target else "figureValue")
        self.level_value.style().polish(self.level_value)
        self.served_value.setText(str(overview.served_today))
        self.waiting_value.setText(str(len(overview.snapshot.waiting)))
        self.alerts_value.setText(str(len(overview.alerts)))
        self.alerts_value.setObjectName("figureValueBad" if overview.alerts else "figureValue")
        self.alerts_value.style().polish(self.alerts_value)
        snapshot = overview.snapshot
        self.counters.show_counters(snapshot.counters, self.config, language, self.staff_names, snapshot.at)
        self.categories.show_rows(overview.categories, self.config, language)
        self.waiting.show_tickets(snapshot.waiting, self.config, language)

    def _on_failed(self, exc: Exception) -> None:
        log.warning("supervisor refresh failed: %s", exc)
        self.say(self.tr("The branch store does not answer; retrying…"), bad=True)

    def _on_lost(self, exc: Exception) -> None:
        """The live figures' poll failed or hangs (a silent link): said until the store answers again, not for the
        status line's few seconds, since the counters and queue on screen stop following the branch meanwhile."""
        if not self._lost:
            log.warning("supervisor refresh failed: %s", exc)
        self._lost = True
        self.say(self.tr("The branch store does not answer; retrying…"), bad=True)
        self._status_timer.stop()

    def _maybe_refresh_charts(self, position: int, force: bool = False) -> None:
        due = time.monotonic() - self._charts_at >= CHARTS_EVERY_S
        if self._charts_runner.busy or not (force or (position != self._charts_position and due)):
            return
        self._charts_position = position
        self._charts_at = time.monotonic()
        self._charts_runner.submit(self.supervisor.day_charts, self._on_charts, self._on_failed)

    def _on_charts(self, charts: DayCharts) -> None:
        now = self.supervisor.branch.clock.now().astimezone(self.supervisor.tz)
        self.charts.show_charts(charts, self.config, now.hour + now.minute / 60)

    def _tab_changed(self, index: int) -> None:
        if self.tabs.widget(index) is self.charts:
            self._maybe_refresh_charts(self._charts_position, force=True)
        elif self.tabs.widget(index) is self.staffing_page and self.staffing.day is None:
            self.compute_staffing()
        elif self.sync_issues is not None and self.tabs.widget(index) is self.sync_issues:
            self.sync_issues.refresh()

    def compute_staffing(self) -> None:
        self.staffing.show_busy()
        self._runner.submit(self.supervisor.staffing_advice, self._on_staffing, self._action_failed)

    def _on_staffing(self, result) -> None:
        day, rows = result
        self.staffing.show_advice(
            day, rows, self.i18n.format_date(day, long=True), self.supervisor.staffing_settings.target_level
        )

    # -- actions -----------------------------------------------------------------
    def _counter(self, counter_id: str):
        if self.overview is None:
            return None
        return next((c for c in self.overview.snapshot.counters if c.id == counter_id), None)

    def run_action(self, work, done_text: str) -> None:
        """Run a supervisor command off the GUI thread; the next poll shows its effect."""
        self._runner.submit(work, lambda _result: self._action_done(done_text), self._action_failed)

    def _action_done(self, text: str) -> None:
        self.say(text)
        self._poller.poll()

    def _action_failed(self, exc: Exception) -> None:
        self.say(action_failure_text(exc), bad=True)

    def ask_toggle(self, counter_id: str) -> None:
        counter = self._counter(counter_id)
        if counter is None:
            return
        if counter.status != "closed":
            self.close_counter(counter_id)
            return
        dialog = OpenCounterDialog(counter, self.staff_names, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.open_counter(counter_id, dialog.staff_id())

    def open_counter(self, counter_id: str, staff_id: str | None = None) -> None:
        self.run_action(lambda: self.supervisor.open_counter(counter_id, staff_id), self.tr("Counter opened."))

    def close_counter(self, counter_id: str) -> None:
        self.run_action(lambda: self.supervisor.close_counter(counter_id), self.tr("Counter closed."))

    def ask_profile(self, counter_id: str) -> None:
        counter = self._counter(counter_id)
        if counter is None:
            return
        dialog = ProfileDialog(counter, self.config, self.i18n.language, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.change_profile(counter_id, dialog.name.text().strip(), dialog.profile())

    def change_profile(self, counter_id: str, name: str, profile: dict[str, int]) -> None:
        self.run_action(
            lambda: self.supervisor.configure_counter(counter_id, name, profile), self.tr("Counter profile changed.")
        )

    def ask_move(self, ticket_id: str) -> None:
        if self.overview is None:
            return
        ticket = next((t for t in self.overview.snapshot.waiting if t.id == ticket_id), None)
        if ticket is None:
            return
        dialog = MoveTicketDialog(ticket, self.overview.snapshot.counters, self.config, self.i18n.language, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.move_ticket(ticket_id, *dialog.target(), seen_transfers=ticket.transfers)

    def move_ticket(
        self, ticket_id: str, to_category: str | None, to_counter: str | None, seen_transfers: int | None = None
    ) -> None:
        self.run_action(
            lambda: self.supervisor.move_ticket(ticket_id, to_category, to_counter, seen_transfers),
            self.tr("Ticket moved."),
        )

    def closeEvent(self, event) -> None:
        self.hall_sound.stop()
        if self.breaks_panel is not None:
            self.breaks_panel.runner.wait()
        self._poller.wait()
        self._runner.wait()
        super().closeEvent(event)
