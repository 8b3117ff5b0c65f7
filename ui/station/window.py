"""The teller station window: sign-in, the counter, the queue, the customer, the lock screen.

Every service call goes through the Runner (off the GUI thread); the window repaints from
``snapshot()`` every second and after each command result.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QActionGroup
from PySide6.QtWidgets import QApplication, QHBoxLayout, QMainWindow, QStackedWidget, QVBoxLayout, QWidget

from models.branch.records import CommandResult, CounterView, QueueSnapshot
from models.staff.service import SignInRefused
from models.staff.session import AccountEnded, StaffSession
from models.station.counter_session import SignedIn, release_counter, sign_in_at_counter, sign_out_of_counter
from models.store.errors import StoreError
from queueing.core.errors import CounterTaken
from ui.common.i18n import LANGUAGES
from ui.common.object_name import named
from ui.common.plain_label import plain_label
from ui.common.runner import Runner
from ui.station.actions import PROFILE_ACTIONS, StationActions
from ui.station.command_runner import CommandRunner
from ui.station.counter_panel import CounterPanel
from ui.station.errors import failure_text, refresh_failure_text
from ui.station.profile_panel import ProfilePanel
from ui.station.queue_panel import QueuePanel
from ui.station.release import ReleaseDialog, counter_taken_text, name_the_holder
from ui.station.signin import LockPage, SignInPage
from ui.station.status_bar import StationStatusBar
from ui.station.window_context import WindowContext

if TYPE_CHECKING:
    from queueing.customers.profile_view import ProfileView

REFRESH_MS = 1000
BANNER_MS = 8000
# A QTimer's interval is a signed 32-bit count of milliseconds (about 24.8 days).
_LONGEST_TIMER_MS = 2**31 - 1
_ACTIVITY = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)


class StationWindow(QMainWindow):
    sig_painted = Signal()
    """The window was repainted from a snapshot or a command result (tests and the benchmark wait on it)."""

    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stationWindow")
        self.ctx = ctx
        ctx.i18n.set_timezone(ctx.branch.config.timezone)
        self.runner = Runner(self)
        self.snapshot: QueueSnapshot | None = None
        self.profile: ProfileView | None = None
        self.profile_ticket: str | None = None
        # Profile requests are numbered: the latest one's ticket and number.
        self._latest_profile_request: tuple[str, int] | None = None
        self.locked = False
        self._refreshing = False
        self.station_actions = StationActions(self)
        self.counter_panel = CounterPanel(ctx, self.station_actions)
        self.queue_panel = QueuePanel(ctx)
        self.profile_panel = ProfilePanel(ctx)
        self.sign_in_page = SignInPage(ctx.demo_pins)
        self.lock_page = LockPage()
        self.banner = named(plain_label(), "error")  # a failure can quote a name: shown as typed
        self.stack = QStackedWidget()
        self.status = StationStatusBar(ctx)
        self.commands = CommandRunner(self)
        self._build()
        self._menus()
        self._timers()
        ctx.i18n.sig_language_changed.connect(self.retranslate)
        self.sign_in_page.sig_sign_in.connect(self._sign_in)
        self.sign_in_page.sig_release.connect(self._release)
        self.lock_page.sig_unlock.connect(self._unlock)
        self.queue_panel.sig_call_chosen.connect(self.commands.call_chosen)
        self.profile_panel.sig_outcome.connect(self.commands.record_outcome)
        self.station_actions.set_signed_in(False)
        self.retranslate()
        self.refresh()

    # -- layout --------------------------------------------------------------
    def _build(self) -> None:
        work = named(QWidget(), "workPage")
        columns = QHBoxLayout()
        columns.setSpacing(14)
        left = QVBoxLayout()
        left.setSpacing(14)
        left.addWidget(self.counter_panel, 0)
        left.addWidget(self.profile_panel, 1)
        columns.addLayout(left, 3)
        columns.addWidget(self.queue_panel, 2)
        outer = QVBoxLayout(work)
        outer.setContentsMargins(16, 12, 16, 12)
        self.banner.setWordWrap(True)
        self.banner.hide()
        outer.addWidget(self.banner)
        outer.addLayout(columns, 1)
        for page in (self.sign_in_page, work, self.lock_page):
            self.stack.addWidget(page)
        self.work_page = work
        self.setCentralWidget(self.stack)
        self.setStatusBar(self.status)
        self.resize(1360, 860)

    def _menus(self) -> None:
        bar = self.menuBar()
        self.station_menu = bar.addMenu("")
        for name in ("new_ticket", "identify", "add_note", "add_follow_up", "lock", "close_counter"):
            self.station_menu.addAction(self.station_actions[name])
        self.language_menu = bar.addMenu("")
        group = QActionGroup(self)
        self.language_actions = {}
        for code, native in LANGUAGES.items():
            action = self.language_menu.addAction(native)
            action.setCheckable(True)
            action.setChecked(code == self.ctx.language)
            action.triggered.connect(lambda _=False, c=code: self.ctx.i18n.set_language(c))
            group.addAction(action)
            self.language_actions[code] = action
        self.language_menu.addSeparator()
        self.language_menu.addAction(self.station_actions["next_language"])
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.station_actions["help"])

    def _timers(self) -> None:
        self.refresh_timer = QTimer(self, interval=REFRESH_MS)
        self.refresh_timer.timeout.connect(self.refresh)
        self.refresh_timer.start()
        self.banner_timer = QTimer(self, singleShot=True, interval=BANNER_MS)
        self.banner_timer.timeout.connect(self.banner.hide)
        self.idle_timer = QTimer(self, singleShot=True)
        self.idle_timer.timeout.connect(self.lock)
        self._restart_idle()
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def retranslate(self, _language: str | None = None) -> None:
        self.setWindowTitle(self.tr("Counterline · Teller station"))
        self.station_menu.setTitle(self.tr("Station"))
        self.language_menu.setTitle(self.tr("Language"))
        self.help_menu.setTitle(self.tr("Help"))
        for code, action in self.language_actions.items():
            action.setChecked(code == self.ctx.language)
        self.station_actions.retranslate()
        for part in (self.counter_panel, self.queue_panel, self.profile_panel, self.sign_in_page, self.lock_page):
            part.retranslate()
        if self.snapshot is not None:
            self._paint(self.snapshot)

    # -- refreshing ----------------------------------------------------------
    def refresh(self) -> None:
        """Ask for a new snapshot unless one is on its way."""
        if self._refreshing:
            return
        self._refreshing = True
        counter_id = self.ctx.counter_id
        self.runner.submit(lambda: self.ctx.branch.snapshot(counter_id), self._snapshot_done, self._snapshot_failed)

    def _snapshot_done(self, snapshot: QueueSnapshot) -> None:
        self._refreshing = False
        self._paint(snapshot)

    def _snapshot_failed(self, exc: Exception) -> None:
        self._refreshing = False
        if isinstance(exc, AccountEnded):
            self.show_failure(exc)
            return
        # The screen shows what it last read: say that the database is out of reach, not "Online", and keep the clock
        # going (it is the station's own, not the database's).
        self.status.reachable = not isinstance(exc, StoreError)
        self.status.refresh(self.ctx.branch.clock.now())
        self.show_notice(refresh_failure_text(exc))

    def my_counter(self) -> CounterView | None:
        if self.snapshot is None:
            return None
        return next((c for c in self.snapshot.counters if c.id == self.ctx.counter_id), None)

    def _paint(self, snapshot: QueueSnapshot) -> None:
        self.snapshot = snapshot
        self.status.reachable = True
        counter = self.my_counter()
        self.counter_panel.show_counter(counter, snapshot.at)
        self.queue_panel.show_snapshot(snapshot)
        self.sign_in_page.set_counters(snapshot.counters, self.ctx.counter_id)
        self.status.counter_name = counter.name if counter else self.ctx.counter_id
        self.status.refresh(snapshot.at)
        if self.ctx.signed_in is not None and not self.locked:
            max_recalls = self.ctx.branch.config.policy.max_recalls
            self.station_actions.update_enabled(counter, len(snapshot.parked), max_recalls)
        self._follow_customer(counter)
        self.sig_painted.emit()

    def apply_result(self, result: CommandResult) -> None:
        """Paint the counter from a command's result at once, before the next snapshot arrives."""
        for counter in result.counters:
            if counter.id == self.ctx.counter_id:
                self.counter_panel.show_counter(counter, self.ctx.branch.clock.now())
                self.sig_painted.emit()

    def _follow_customer(self, counter: CounterView | None) -> None:
        """Keep the profile panel on the current ticket's customer; clear it when the ticket leaves."""
        ticket = counter.current if counter else None
        if ticket is None or ticket.id != self.profile_ticket:
            if self.profile is not None or self.profile_ticket is not None:
                self.show_profile(None, None)
            if ticket is not None and ticket.customer_id and self.ctx.customers is not None:
                self.commands.load_profile(ticket.id, ticket.customer_id)

    def profile_request(self, ticket_id: str) -> int:
        """The number of a new profile request for ``ticket_id`` (a load at the call, Ctrl+I): the latest one."""
        number = self._latest_profile_request[1] + 1 if self._latest_profile_request is not None else 1
        self._latest_profile_request = (ticket_id, number)
        return number

    def show_profile_reply(self, profile: ProfileView, ticket_id: str, request: int) -> None:
        """A profile a worker brought back for ``ticket_id``: shown only while that ticket is still the counter's
        current one and the visit the panel follows. A reply that comes late (a slow branch server) is dropped: it
        must not fill the panel once the customer has left, nor show over the next customer, where Alt+1 would
        record an answer on the customer who left.

        Nor over the customer the same visit was identified as since (Ctrl+I relinked it): a reply to an earlier
        ``request`` than the ticket's latest is shown only if it is the ticket's current customer's and the panel
        is empty (the later request failed). The counter's view may still name the first customer until the next
        snapshot, so the customer alone does not let an earlier reply cover a later one."""
        counter = self.my_counter()
        current = counter.current if counter is not None else None
        if current is None or current.id != ticket_id or self.profile_ticket != ticket_id:
            return
        latest = self._latest_profile_request
        if latest is not None and latest[0] == ticket_id and latest[1] != request:
            if self.profile is not None or str(profile.customer_id) != (current.customer_id or ""):
                return
        self.show_profile(profile, ticket_id)

    def show_profile(self, profile: ProfileView | None, ticket_id: str | None) -> None:
        self.profile = profile
        self.profile_ticket = ticket_id
        self.profile_panel.show_profile(profile)
        self.station_actions.has_profile = profile is not None
        if self.ctx.signed_in is not None and not self.locked:
            for name in PROFILE_ACTIONS:
                self.station_actions[name].setEnabled(profile is not None)

    def show_failure(self, exc: BaseException) -> None:
        if isinstance(exc, AccountEnded) and self.ctx.signed_in is not None:
            self._account_ended(exc)
            return
        self.show_notice(failure_text(exc))

    def show_notice(self, text: str) -> None:
        """Say ``text`` on the banner above the work page for a few seconds."""
        self.banner.setText(text)
        self.banner.show()
        self.banner_timer.start()

    def clear_failure(self) -> None:
        self.banner.hide()

    # -- signing in, locking -------------------------------------------------
    def _sign_in(self, staff_id: str, pin: str, counter_id: str) -> None:
        branch, staff = self.ctx.branch, self.ctx.staff

        def work() -> SignedIn:
            try:
                return sign_in_at_counter(branch, staff, staff_id, pin, counter_id)
            except CounterTaken as exc:
                raise name_the_holder(exc, staff) from None

        self.runner.submit(work, self._signed_in, lambda exc: self._sign_in_failed(exc, counter_id))

    def _counter_name(self, counter_id: str) -> str:
        counters = self.snapshot.counters if self.snapshot is not None else ()
        return next((c.name for c in counters if c.id == counter_id), counter_id)

    def _sign_in_failed(self, exc: BaseException, counter_id: str) -> None:
        if isinstance(exc, CounterTaken):
            text = counter_taken_text(exc, self._counter_name(counter_id), self.ctx.i18n.format_datetime)
            self.sign_in_page.show_error(text, can_release=exc.details.get("holder") is not None)
        else:
            self.sign_in_page.show_error(failure_text(exc))

    def _release(self, counter_id: str) -> None:
        """A supervisor releases the counter another teller still holds, with their own ID and PIN."""
        dialog = ReleaseDialog(self._counter_name(counter_id), self)
        if dialog.exec() != ReleaseDialog.DialogCode.Accepted:
            return
        supervisor, pin = dialog.staff_id.text().strip(), dialog.pin.text()
        staff, branch = self.ctx.staff, self.ctx.branch
        self.runner.submit(
            lambda: release_counter(branch, staff, supervisor, pin, counter_id),
            lambda _held: self.sign_in_page.show_error(self.tr("Counter released. You can sign in now.")),
            lambda exc: self.sign_in_page.show_error(failure_text(exc), can_release=True),
        )

    def _signed_in(self, signed: SignedIn) -> None:
        self.ctx.signed_in = signed.staff
        self.ctx.counter_id = signed.counter_id
        self.ctx.habits = list(signed.habits)
        self.locked = False
        self.stack.setCurrentWidget(self.work_page)
        self.station_actions.set_signed_in(True)
        self.queue_panel.view.setFocus()  # arrows pick a waiting ticket; the F-keys work from anywhere
        self._restart_idle()
        self.refresh()

    def signed_out(self) -> None:
        self.ctx.signed_in = None
        self.show_profile(None, None)
        self.station_actions.set_signed_in(False)
        self.stack.setCurrentWidget(self.sign_in_page)
        self.sign_in_page.reset()
        self.refresh()

    def lock(self) -> None:
        if self.ctx.signed_in is None or self.locked:
            return
        self.locked = True
        self.station_actions.set_signed_in(False)
        self.stack.setCurrentWidget(self.lock_page)
        self.lock_page.lock(self.ctx.signed_in.name)

    def _unlock(self, pin: str) -> None:
        staff = self.ctx.signed_in
        if staff is None:
            return
        self.runner.submit(
            lambda: self.ctx.staff.verify(staff.id, pin, staff.station_id),
            self._unlocked,
            self._unlock_failed,
        )

    def _unlock_failed(self, exc: BaseException) -> None:
        if isinstance(exc, SignInRefused):
            self.lock_page.refuse()
        else:
            self.lock_page.show_error(failure_text(exc))

    def _unlocked(self, staff: StaffSession) -> None:
        # The session of the PIN just typed: after an administrator's new PIN, the old session would end at once.
        self.ctx.signed_in = staff
        self.locked = False
        self.stack.setCurrentWidget(self.work_page)
        self.queue_panel.view.setFocus()
        self.station_actions.set_signed_in(True)
        self._restart_idle()
        self.refresh()

    def _restart_idle(self) -> None:
        minutes = self.ctx.idle_lock_minutes
        if minutes > 0:  # 0: never (the command line refuses NaN and what the timer cannot count)
            self.idle_timer.start(int(min(minutes * 60_000, _LONGEST_TIMER_MS)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and not self.locked:
            self._restart_idle()
        return False

    def closeEvent(self, event) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.refresh_timer.stop()
        self.runner.wait(5000)
        self._leave_counter()
        super().closeEvent(event)

    def _account_ended(self, exc: AccountEnded) -> None:
        """The account was deactivated or its role changed while signed in: the teller is signed out here and now.

        A customer at the counter keeps it open for the next teller to take over, as when the window closes.
        """
        self._leave_counter()
        self.signed_out()
        self.sign_in_page.show_error(failure_text(exc))

    def _leave_counter(self) -> None:
        """Closing the window signs the teller out, so that the next one can take the counter.

        The counter is closed too unless a customer is still at it; then it stays open and the
        next teller to sign in there takes it over. Runs on the GUI thread: the window is going.
        """
        staff = self.ctx.signed_in
        if staff is None:
            return
        try:
            sign_out_of_counter(self.ctx.branch, staff.id, self.ctx.counter_id, keep_open=True)
        except Exception as exc:  # the store is gone: nothing more to do at shutdown
            print(f"counterline: could not sign out: {exc}", file=sys.stderr)
        self.ctx.signed_in = None
