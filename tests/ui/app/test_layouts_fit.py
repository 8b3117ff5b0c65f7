"""Layouts that fit: every window at the sizes a branch has, in all four languages, without a clipped text.

Each window is built once and walked through its pages in each language at each size; ``fit_check.clipped``
measures every visible label and button with font metrics against the rectangle it got. A failure names the
window, page, language, size and widget. Covered: kiosk and hall display at 1024x768, 1280x800, 1920x1080 and
1080x1920 (portrait); station and supervisor at 1024x768, 1280x800 and 1920x1080; en, zh_CN, ko, es.
"""

from __future__ import annotations

import secrets
from datetime import date

import pytest
from fit_check import clipped, grown
from PySide6.QtCore import QCoreApplication, QEventLoop
from screens_harness import OFFSCREEN_NOISE, QUIET, Branch, Recorder

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


@pytest.fixture
def branch(tmp_path, qapp):
    apply_style(qapp)  # the application's own style sheet, as every role has it (ui/app/application.py create_app)
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

    def ticket_page():
        kiosk.set_large_text(False)
        kiosk.last_ticket = ticket
        kiosk._fill_ticket()
        kiosk.pages.setCurrentIndex(1)

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

    pages = [("choose", choose), ("ticket", ticket_page), ("identify", identify)]
    pages += [("large text", large_text), ("large text ticket", large_ticket)]
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
