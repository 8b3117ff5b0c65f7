"""A station window on a fresh store with a manual clock, and keyboard helpers for the station tests."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from PySide6.QtCore import QEventLoop, Qt
from PySide6.QtWidgets import QApplication, QWidget

from models.branch.prepare import prepare_demo_station
from models.branch.service import BranchService
from models.store.database import open_store
from queueing.core.clock import ManualClock
from ui.app.application import apply_style
from ui.common.i18n import LanguageManager
from ui.common.refcount_guard import make_singletons_immortal
from ui.station.window import StationWindow
from ui.station.window_context import WindowContext

START = datetime(2026, 11, 23, 1, 30, tzinfo=UTC)
# PySide6 6.12 on Python 3.11: QCoreApplication.processEvents() and QTest.qWait() drop a reference to
# None on every call, and enough calls crash the interpreter. QEventLoop.processEvents() does not.
_LOOP: QEventLoop | None = None


def wait_until(condition, timeout_s: float = 5.0) -> None:
    global _LOOP
    _LOOP = _LOOP or QEventLoop()
    deadline = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the station did not get there in time")
        _LOOP.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)


class Harness:
    def __init__(self, qtbot, tmp_path, language: str = "en", printer: str | None = None, desk=None) -> None:
        make_singletons_immortal()
        self.qtbot = qtbot
        self.clock = ManualClock(START)
        self.store = open_store(str(tmp_path / "station.db"))
        self.station = prepare_demo_station(self.store, "TEST-C1", self.clock)
        self.branch = self.station.branch
        app = QApplication.instance()
        apply_style(app)
        self.i18n = LanguageManager(app)
        self.i18n.set_language(language)
        ctx = WindowContext(
            branch=self.branch,
            staff=self.station.staff,
            i18n=self.i18n,
            counter_id="C1",
            station_id="TEST-C1",
            branch_name="Demo",
            printer=printer,
            customers=desk,
            idle_lock_minutes=0,
        )
        self.window = StationWindow(ctx)
        qtbot.addWidget(self.window)
        self.window.show()
        wait_until(self.window.isVisible)
        self.window.activateWindow()
        self.settle()

    def other_station(self, station_id: str) -> BranchService:
        """Another station of the branch on the same store (a teller signs in there)."""
        return BranchService(self.store, self.branch.config, self.branch.branch_id, station_id, self.clock)

    @property
    def ctx(self) -> WindowContext:
        return self.window.ctx

    def settle(self) -> None:
        """Wait until no service call is under way and the window shows what the store holds."""
        wait_until(lambda: not self.window.runner.busy)
        painted = []

        def note() -> None:
            painted.append(True)

        # Connected for this wait alone: a test of thousands of customers would otherwise call every earlier
        # wait's slot at each paint.
        self.window.sig_painted.connect(note)
        try:
            self.window.refresh()
            wait_until(lambda: bool(painted) and not self.window.runner.busy)
        finally:
            self.window.sig_painted.disconnect(note)

    def focused(self) -> QWidget:
        widget = QApplication.focusWidget()
        return widget if widget is not None else self.window

    def key(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """A key press on whatever has the focus, as a teller's keyboard would send it."""
        wait_until(lambda: QApplication.activeWindow() is not None)
        self.qtbot.keyClick(self.focused(), key, modifier)

    def type(self, text: str) -> None:
        self.qtbot.keyClicks(self.focused(), text)

    def press(self, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
        """A key that runs a command, then wait for its result to be painted."""
        self.key(key, modifier)
        self.settle()

    def dialog(self, name: str) -> QWidget:
        wait_until(lambda: self._dialog(name) is not None)
        dialog = self._dialog(name)
        wait_until(lambda: dialog.isVisible() and dialog.isAncestorOf(self.focused()))
        return dialog

    def _dialog(self, name: str):
        dialog = self.window.commands.dialog
        return dialog if dialog is not None and dialog.objectName() == name else None

    def sign_in(self, staff_id: str = "T1001", pin: str = "1111") -> None:
        page = self.window.sign_in_page
        page.staff_id.setFocus()
        self.type(staff_id)
        self.key(Qt.Key.Key_Tab)
        self.type(pin)
        self.key(Qt.Key.Key_Return)
        wait_until(lambda: self.ctx.signed_in is not None)
        self.settle()

    def counter(self):
        return self.window.my_counter()

    def finish_dialog_with_one(self, search: str) -> QWidget:
        """A CASH ticket issued, called, started, F4 pressed and one line of ``search``'s first match added: the
        finish dialog, its search field focused."""
        self.branch.issue_ticket("CASH")
        self.sign_in()
        self.press(Qt.Key.Key_F1)
        self.press(Qt.Key.Key_F3)
        self.key(Qt.Key.Key_F4)
        dialog = self.dialog("finishDialog")
        self.type(search)
        self.key(Qt.Key.Key_Return)
        return dialog

    def with_customers(self, key: bytes, count: int = 40):
        """The demo branch's customers 1..``count`` (a fixed seed) in the store and the customer desk the station's
        profile and suggestions come from; returns the customers made (their samples)."""
        from datetime import date

        from models.customers.desk import CustomerDesk
        from models.customers.service import CustomerService
        from models.demo.customers import generate_customers
        from models.marketing.crosssell_service import CrossSellService
        from queueing.crosssell.rules import RuleBook

        made = generate_customers(self.store, "DEMO", key, count, today=date(2026, 11, 23), seed=7)
        rules = RuleBook()
        self.ctx.customers = CustomerDesk(
            CustomerService(self.store, "DEMO", key, rulebook=rules, clock=self.clock),
            CrossSellService(self.store, "DEMO", rules, clock=self.clock),
            "TEST-C1",
        )
        return made

    def serve_customer_with_prompts(self, count: int = 40):
        """Sign in and call the ticket of the first of customers 1..``count`` the rules give a prompt; the station
        opens their profile for the visit. A teller opens a profile only in a visit: a supervisor looks for one."""
        desk = self.ctx.customers
        pin = next(str(e["pin"]) for e in self.station.demo.staff if e["role"] == "supervisor")
        supervisor = self.station.staff.verify(
            next(e["id"] for e in self.station.demo.staff if e["role"] == "supervisor"), pin, "TEST-SUP"
        )
        customer = next((c for c in range(1, count + 1) if desk.customers.open_profile(supervisor, c).prompts), None)
        assert customer is not None, "no demo customer of this seed gets a prompt: the test data changed"
        self.branch.issue_ticket("CASH", customer_id=str(customer))
        self.sign_in()
        self.press(Qt.Key.Key_F1)
        self.settle()
        wait_until(lambda: self.window.profile is not None)
        assert self.window.profile.customer_id == customer
        return self.window.profile

    def close(self) -> None:
        self.window.close()
        self.i18n.set_language("en")  # translators are installed on the one QApplication of the session
        self.store.close()
