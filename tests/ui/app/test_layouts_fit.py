"""Layouts that fit: every window at the sizes a branch has, in all four languages, without a clipped text.

Each window is built once and walked through its pages in each language at each size; ``fit_check.clipped``
measures every visible label and button with font metrics against the rectangle it got. A failure names the
window, page, language, size and widget. Covered: kiosk and hall display at 1024x768, 1280x800, 1920x1080 and
1080x1920 (portrait); station, supervisor (the watch-only screen and a signed-in supervisor's, every tab) and
administration at 1024x768, 1280x800 and 1920x1080 (the station also serving a customer
with two suggestions, and with its longest status bar: an offline station's clock warning beside a long
teller's and counter's name); the feedback pad at 800x480,
1024x600, 1280x800 and 800x1280; every dialog (station, supervisor, appointments, call list,
quality, sign-in) at the size it opens with, which must be within 1024x768; en, zh_CN, ko, es. Measured in the
bundled Noto Sans CJK face and the style sheet, as every window is drawn (``as_the_app_starts``).
"""

from __future__ import annotations

import secrets
from datetime import date

import pytest
from fit_check import clipped, grown
from PySide6.QtCore import QCoreApplication, QEventLoop
from screens_harness import OFFSCREEN_NOISE, QUIET, START, Branch, Recorder

from ui.common.fonts import install_app_font
from ui.common.i18n import LANGUAGES
from ui.common.style import apply_style

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
DESK_SIZES = ((1024, 768), (1280, 800), (1920, 1080))
HALL_SIZES = (*DESK_SIZES, (1080, 1920))


def settle() -> None:
    loop = QEventLoop()
    for _ in range(3):
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        QCoreApplication.sendPostedEvents()


def walk(window, pages, sizes, i18n) -> list[str]:
    """Every page in every language at every size; the problems found, each named in full."""
    problems = []
    for language in LANGUAGES:
        i18n.set_language(language)
        for width, height in sizes:
            for page_name, show_page in pages:
                show_page()
                window.resize(width, height)
                settle()
                where = f"{type(window).__name__} {page_name} {language} {width}x{height}"
                too_big = grown(window, width, height)
                if too_big:
                    problems.append(f"{where}: window {too_big}")
                    continue
                problems += [f"{where}: {problem}" for problem in clipped(window)]
    i18n.set_language("en")
    return problems


@pytest.fixture(autouse=True)
def as_the_app_starts(qapp):
    """The bundled font and the style sheet, as every role has them (ui/app/application.py create_app)."""
    install_app_font(qapp)
    apply_style(qapp)


@pytest.fixture
def branch(tmp_path):
    b = Branch(tmp_path)
    for counter, staff in (("C1", "T1001"), ("C2", "T1002"), ("C3", "T1003"), ("C4", "S2001")):
        b.open(counter, staff)
    for category in ("CASH", "CASH", "TRANSFER", "LOANS"):
        b.other.issue_ticket(category)
    yield b
    b.close()


def kiosk_lookup(branch):
    from models.customers.kiosk_lookup import KioskLookup
    from models.customers.service import CustomerService
    from models.demo.customers import generate_customers

    key = secrets.token_bytes(32)
    samples = generate_customers(branch.store, "DEMO", key, 3, today=date(2026, 11, 23), seed=5).samples
    customers = CustomerService(branch.store, "DEMO", key, clock=branch.clock, timezone="Asia/Shanghai")
    return KioskLookup(customers, "KIOSK"), samples


def test_kiosk_fits(qtbot, branch):
    from ui.kiosk.window import KioskWindow

    lookup, samples = kiosk_lookup(branch)
    kiosk = KioskWindow(branch.branch, branch.i18n, None, "Counterline Demo Branch", poll_ms=200, lookup=lookup)
    qtbot.addWidget(kiosk)
    kiosk.show()
    qtbot.waitUntil(lambda: len(kiosk.service_buttons) >= 4, timeout=3000)
    kiosk.session.sig_expired.disconnect()
    with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000) as issued:
        kiosk.issue("CASH")
    ticket = issued.args[0]

    def choose():
        kiosk.set_large_text(False)
        kiosk.pages.setCurrentIndex(0)

    def ticket_page(printer_problem=False):
        kiosk.set_large_text(False)
        kiosk.last_ticket = ticket
        kiosk.printer_problem = printer_problem  # the number on screen, and the note that no slip came out
        kiosk._fill_ticket()
        kiosk.pages.setCurrentIndex(1)

    def printer_out():
        ticket_page(printer_problem=True)

    def identify():
        kiosk.show_identify()
        kiosk.identify_page.message.setText(kiosk.identify_page.tr(
            "We could not find this number. You can still take a regular ticket."))

    def large_text():
        choose()
        kiosk.set_large_text(True)

    def large_ticket():
        ticket_page()
        kiosk.set_large_text(True)

    def large_identify():
        identify()
        kiosk.set_large_text(True)

    def large_printer_out():
        printer_out()
        kiosk.set_large_text(True)

    pages = [("choose", choose), ("ticket", ticket_page), ("printer out", printer_out), ("identify", identify)]
    pages += [("large text", large_text), ("large text ticket", large_ticket)]
    pages += [("large text printer out", large_printer_out), ("large text identify", large_identify)]
    problems = walk(kiosk, pages, HALL_SIZES, branch.i18n)
    assert problems == [], "\n".join(problems)


def test_display_fits(qtbot, branch):
    from ui.display.window import DisplayWindow

    display = DisplayWindow(branch.branch, branch.i18n, QUIET, Recorder(), "Counterline Demo Branch", poll_ms=200)
    qtbot.addWidget(display)
    display.show()
    for counter in ("C1", "C2", "C3"):
        branch.other.call_next(counter)
    qtbot.waitUntil(lambda: display.flash.isVisible(), timeout=3000)

    def reconnecting():
        display.reconnect_label.show()

    problems = walk(display, [("calls", lambda: None), ("reconnecting", reconnecting)], HALL_SIZES, branch.i18n)
    assert problems == [], "\n".join(problems)


def test_station_fits(qtbot, tmp_path):
    from station_harness import Harness

    station = Harness(qtbot, tmp_path)
    window = station.window
    station.branch.issue_ticket("CASH")

    def sign_in_with_error():
        window.stack.setCurrentWidget(window.sign_in_page)
        window.sign_in_page.show_error(window.sign_in_page.tr("Unknown staff ID or wrong PIN."))

    def work():
        window.stack.setCurrentWidget(window.work_page)

    def lock():
        window.stack.setCurrentWidget(window.lock_page)
        window.lock_page.refuse()

    pages = [("sign-in", sign_in_with_error), ("work", work), ("lock", lock)]
    try:
        problems = walk(window, pages, DESK_SIZES, station.i18n)
    finally:
        station.close()
    assert problems == [], "\n".join(problems)


def test_station_fits_with_a_customers_profile_and_suggestions(qtbot, tmp_path):
    """The work page while a customer with two cross-sell suggestions is served: the profile scrolls in its panel."""
    from station_harness import Harness

    station = Harness(qtbot, tmp_path)
    station.with_customers(secrets.token_bytes(32))
    try:
        assert len(station.serve_customer_with_prompts().prompts) >= 2, "the test wants two suggestions shown"
        problems = walk(station.window, [("work with a profile", lambda: None)], DESK_SIZES, station.i18n)
    finally:
        station.close()
    assert problems == [], "\n".join(problems)


# The longest a station's status bar gets: names as long as people type them (STAFF_NAME allows 200 characters,
# COUNTER_NAME 100) and an offline station with events waiting and a clock warning.
LONG_TELLER = "María de los Ángeles Fernández-Castillo de la Torre y Villalobos"
LONG_COUNTER = "Ventanilla de atención preferente para empresas"


class _OfflineWithClockOff:
    def status(self):
        from models.sync.status import SyncStatus

        return SyncStatus(False, 12, None, -7.0)


def test_station_fits_with_its_longest_status_bar(qtbot, tmp_path):
    from station_harness import Harness

    station = Harness(qtbot, tmp_path)
    admin = station.station.staff.verify("A3001", "000000")
    profile = dict(next(c for c in station.branch.snapshot().counters if c.id == "C1").profile)
    station.branch.configure_counter(admin, "C1", LONG_COUNTER, profile)
    station.station.staff.add(admin, "T1001", LONG_TELLER, "teller", "1111")
    station.ctx.sync = _OfflineWithClockOff()
    station.sign_in()
    try:
        problems = walk(station.window, [("work", lambda: None)], DESK_SIZES, station.i18n)
    finally:
        station.close()
    assert problems == [], "\n".join(problems)


def test_supervisor_fits(qtbot, branch):
    from models.supervisor.service import SupervisorService
    from queueing.supervisor.alerts import AlertSettings
    from queueing.supervisor.staffing import StaffingSettings
    from ui.supervisor.window import SupervisorWindow

    supervisor = SupervisorService(branch.branch, AlertSettings(), StaffingSettings(closing_hour=12))
    window = SupervisorWindow(supervisor, branch.i18n, None, Recorder(), "Counterline Demo Branch", poll_ms=200)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.overview is not None, timeout=3000)
    tabs = window.tabs
    pages = [(tabs.tabText(i) or str(i), lambda i=i: tabs.setCurrentIndex(i)) for i in range(tabs.count())]
    problems = walk(window, pages, DESK_SIZES, branch.i18n)
    assert problems == [], "\n".join(problems)


PAD_SIZES = ((800, 480), (1024, 600), (1280, 800), (800, 1280))  # counter-top tablets, either way up


def test_feedback_pad_fits(qtbot, branch):
    from models.reports.records_service import RecordsService
    from queueing.core.transaction_types import load_catalogue
    from ui.feedback.window import FeedbackWindow

    pad = FeedbackWindow(RecordsService(branch.branch, load_catalogue()), "C1", "Ventanilla 1", since=START)
    qtbot.addWidget(pad)
    pad.show()

    # A pad starts in its language (``--language``) and is not switched; each page sets its texts afresh.
    def resting():
        pad.rest()
        pad.retranslate()

    def asking():
        pad.ask(_visit("A023"))

    def thanks():
        pad.retranslate()
        pad.pages.setCurrentIndex(2)

    try:
        problems = walk(pad, [("resting", resting), ("asking", asking), ("thanks", thanks)], PAD_SIZES, branch.i18n)
    finally:
        pad.stop()
        pad.runner.wait()
    assert problems == [], "\n".join(problems)


def test_admin_fits(qtbot, branch):
    from ui.admin.window import admin_window

    actor = branch.station.staff.verify("A3001", "000000")
    window = admin_window(branch.branch, branch.station.staff, branch.i18n, actor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.staff_panel.model.rowCount() == 5, timeout=3000)
    qtbot.waitUntil(lambda: window.counters_panel.model.rowCount() == 6, timeout=3000)
    window.staff_panel.select("T1001")
    window.staff_panel.status.setText(window.staff_panel.tr("Account %1 deactivated.").replace("%1", "Li Na (T1001)"))
    tabs = window.tabs
    pages = [(tabs.tabText(i) or str(i), lambda i=i: tabs.setCurrentIndex(i)) for i in range(tabs.count())]
    problems = walk(window, pages, DESK_SIZES, branch.i18n)
    assert problems == [], "\n".join(problems)
# The real supervisor screen opens the hall-sound check: this PC's audio set-up reports itself.
@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, "pipewire|PulseAudio|QSoundEffect")
def test_supervisor_with_every_desk_tab_fits(qtbot, branch):
    """A signed-in supervisor's screen: piece-rate, follow-ups, call list, marketing, appointments, sync, audit."""
    from models.branch.prepare import demo_session
    from queueing.core.roles import Role
    from ui.app.screens import supervisor_window

    actor = demo_session(branch.station.staff, branch.station.demo, Role.SUPERVISOR, branch.branch.station_id)
    window = supervisor_window(branch.branch, branch.i18n, actor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.overview is not None, timeout=3000)
    tabs = window.tabs
    assert tabs.count() >= 10, [tabs.tabText(i) for i in range(tabs.count())]
    pages = [(tabs.tabText(i) or str(i), lambda i=i: tabs.setCurrentIndex(i)) for i in range(tabs.count())]
    problems = walk(window, pages, DESK_SIZES, branch.i18n)
    assert problems == [], "\n".join(problems)


def _visit(number: str):
    from datetime import UTC, datetime

    from queueing.core.transaction_types import load_catalogue
    from queueing.records.visits import VisitRecord, price_lines

    end = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)
    lines = price_lines([{"code": "CASH_DEP", "quantity": 2, "amount": 4100.0}], load_catalogue())
    return VisitRecord(
        ticket_id=number, number=number, category="CASH", priority="regular", counter_id="C1", station_id="S1",
        teller="T1001", issued_at=None, called_at=None, started_at=None, finished_at=end, day=end.date(),
        wait_s=300.0, service_s=420.0, lines=lines, outcome="completed", rating=4,
    )  # fmt: skip


def dialogs(station):
    """(name, a function that builds the dialog as its screen opens it) for every dialog of the product."""
    from datetime import date

    from models.appointments.service import AppointmentService
    from models.branch.prepare import demo_session
    from queueing.core.roles import Role
    from queueing.core.transaction_types import load_catalogue
    from ui.station.dialogs import CallChosenDialog, PauseDialog, ReturnParkedDialog, TransferDialog
    from ui.station.finish_dialog import FinishDialog
    from ui.station.help import HelpOverlay
    from ui.station.note_dialog import NoteDialog
    from ui.station.release import ReleaseDialog
    from ui.station.ticket_dialog import IssueTicketDialog, TicketIssuedDialog
    from ui.supervisor.appointment_dialog import BookDialog
    from ui.supervisor.call_list_dialogs import RevealDialog
    from ui.supervisor.dialogs import MoveTicketDialog, OpenCounterDialog, ProfileDialog
    from ui.supervisor.quality_dialog import QualityDialog
    from ui.supervisor.signin import SupervisorSignIn

    ctx, window, branch = station.ctx, station.window, station.branch
    snapshot = branch.snapshot("C1")
    ticket, counter, config = snapshot.waiting[0], snapshot.counters[0], branch.config
    supervisor = demo_session(station.station.staff, station.station.demo, Role.SUPERVISOR, branch.station_id)
    language = lambda: ctx.i18n.language  # noqa: E731 (each dialog is built in the language of the moment)
    served = set(counter.profile)
    return [
        ("pause", lambda: PauseDialog(window)),
        ("transfer", lambda: TransferDialog(ctx, ticket, snapshot.counters, window)),
        ("call out of order", lambda: CallChosenDialog(ctx, snapshot.waiting, None, window)),
        ("return parked", lambda: ReturnParkedDialog(ctx, snapshot.waiting, window)),
        ("finish", lambda: FinishDialog(load_catalogue(), "CASH", ["CASH_DEP"], language(), ticket.number, window)),
        ("note", lambda: NoteDialog("王*明", date(2026, 11, 23), {"T1001": "Li Na"}, "T1001", window)),
        ("new ticket", lambda: IssueTicketDialog(ctx, served, True, window)),
        ("ticket issued", lambda: TicketIssuedDialog("A023", "Cash and deposits", "3 customers ahead", window)),
        ("release", lambda: ReleaseDialog("1", window)),
        ("help", lambda: HelpOverlay(window.station_actions, window)),
        ("open counter", lambda: OpenCounterDialog(counter, {"T1001": "Li Na", "T1002": "Kim Min-jun"})),
        ("counter profile", lambda: ProfileDialog(counter, config, language())),
        ("move ticket", lambda: MoveTicketDialog(ticket, snapshot.counters, config, language())),
        ("book appointment", lambda: BookDialog(AppointmentService(branch), supervisor, None, date(2026, 11, 24),
                                                language())),
        ("show phone", lambda: RevealDialog("王*明")),
        ("visit quality", lambda: QualityDialog(_visit(ticket.number), load_catalogue(), {"T1001": "Li Na"},
                                                language())),
        ("supervisor sign-in", lambda: SupervisorSignIn(station.station.staff)),
    ]  # fmt: skip


def test_every_dialog_fits_the_smallest_screen_in_every_language(qtbot, tmp_path):
    """Each dialog as it opens (its own size, in the language of the moment): within 1024x768, nothing clipped."""
    from station_harness import Harness

    station = Harness(qtbot, tmp_path)
    station.branch.open_counter("C1", "T1001")
    for category in ("CASH", "TRANSFER", "CASH"):
        station.branch.issue_ticket(category)
    problems = []
    try:
        for language in LANGUAGES:
            station.i18n.set_language(language)
            for name, build in dialogs(station):
                dialog = build()
                qtbot.addWidget(dialog)
                dialog.show()
                dialog.adjustSize()
                settle()
                where = f"{name} dialog {language}"
                size = dialog.size()
                if size.width() > 1024 or size.height() > 768:
                    problems.append(f"{where}: {size.width()}x{size.height()} is larger than 1024x768")
                problems += [f"{where}: {problem}" for problem in clipped(dialog)]
                dialog.close()
    finally:
        station.i18n.set_language("en")
        station.close()
    assert problems == [], "\n".join(problems)
