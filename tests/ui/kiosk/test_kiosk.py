import logging
import threading

import pytest
from escpos.printer import Dummy
from PySide6.QtCore import Qt
from screens_harness import OFFSCREEN_NOISE, Branch, lose_the_first_answer

from ui.kiosk.guide import step_text
from ui.kiosk.ticket_printer import PrinterFailed, PrinterSettings, TicketSlip, print_escpos, print_qt
from ui.kiosk.window import KioskWindow, wait_minutes

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def branch(tmp_path):
    b = Branch(tmp_path)
    b.open("C1")
    yield b
    b.close()


def make_kiosk(qtbot, branch, printer=None):
    kiosk = KioskWindow(branch.branch, branch.i18n, printer, "Demo branch", poll_ms=200)
    qtbot.addWidget(kiosk)
    kiosk.show()
    qtbot.waitUntil(lambda: bool(kiosk.service_buttons), timeout=3000)
    return kiosk


def test_a_button_per_open_category_and_a_ticket_printed_to_pdf(qtbot, branch, tmp_path):
    pdf = tmp_path / "ticket.pdf"
    kiosk = make_kiosk(qtbot, branch, PrinterSettings(qt_printer=str(pdf)))
    # C1 serves cash (1) and transfers (2); the other counters are closed.
    assert list(kiosk.service_buttons) == ["CASH", "TRANSFER"]
    assert kiosk.service_buttons["CASH"].text().startswith("1. Cash and deposits")
    branch.other.issue_ticket("CASH")
    with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000) as issued:
        qtbot.mouseClick(kiosk.service_buttons["CASH"], Qt.MouseButton.LeftButton)
    ticket = issued.args[0]
    assert ticket.number == "A002" and ticket.priority == "regular"
    assert kiosk.pages.currentIndex() == 1
    assert kiosk.number_label.text() == "A002"
    assert kiosk.ahead_label.text() == "1 customer ahead of you"
    minutes = wait_minutes(ticket.estimate_mean_s)
    assert kiosk.wait_label.text() == f"Estimated wait: about {minutes} minute{'' if minutes == 1 else 's'}"
    assert pdf.stat().st_size > 1000 and pdf.read_bytes().startswith(b"%PDF")
    assert not kiosk.problem_label.isVisible() and kiosk.take_label.isVisible()
    branch.other.refresh()
    assert branch.other.ticket(ticket.id).status == "waiting"
    kiosk.back_to_start()
    assert kiosk.pages.currentIndex() == 0


def test_priority_choice_issues_an_elderly_ticket(qtbot, branch):
    kiosk = make_kiosk(qtbot, branch)
    kiosk.priority_button.setChecked(True)
    with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000) as issued:
        kiosk.issue("TRANSFER")
    assert issued.args[0].priority == "elderly"
    kiosk.back_to_start()
    assert not kiosk.priority_button.isChecked()


def test_a_failed_printer_shows_the_number_logs_and_never_blocks(qtbot, branch, tmp_path, caplog):
    broken = PrinterSettings(escpos_kind="file", path=str(tmp_path / "no" / "such" / "lp0"))
    kiosk = make_kiosk(qtbot, branch, broken)
    with caplog.at_level(logging.WARNING, logger="ui.kiosk.window"):
        kiosk.issue("CASH")
        qtbot.waitUntil(lambda: kiosk.problem_label.isVisible(), timeout=3000)
    assert "A001" in kiosk.problem_label.text()
    # No slip came out: the page, and the guide reading it aloud, no longer say to take one.
    assert not kiosk.take_label.isVisible()
    assert kiosk.take_label.text() not in step_text(kiosk) and "remember your number: A 0 0 1" in step_text(kiosk)
    assert "A001 issued but not printed" in caplog.text
    assert [t.number for t in branch.other.snapshot().waiting] == ["A001"]
    kiosk.back_to_start()
    kiosk.issue("CASH")  # the next customer still gets a ticket
    qtbot.waitUntil(lambda: len(branch.other.snapshot().waiting) == 2, timeout=3000)


def test_a_counter_opened_at_another_station_shows_its_services_within_a_second(qtbot, branch):
    kiosk = make_kiosk(qtbot, branch)
    assert "LOANS" not in kiosk.service_buttons
    branch.open("C4")  # loans and corporate
    qtbot.waitUntil(lambda: "LOANS" in kiosk.service_buttons and "CORP" in kiosk.service_buttons, timeout=1000)
    branch.other.issue_ticket("LOANS")
    qtbot.waitUntil(lambda: "1 customer ahead" in kiosk.service_buttons["LOANS"].text(), timeout=1000)


def test_language_buttons_switch_and_the_kiosk_returns_to_its_default_language(qtbot, branch):
    kiosk = make_kiosk(qtbot, branch)
    qtbot.mouseClick(kiosk.language_buttons["zh_CN"], Qt.MouseButton.LeftButton)
    assert branch.i18n.language == "zh_CN"
    assert kiosk.service_buttons["CASH"].text().startswith("1. 现金存取")
    assert kiosk.language_buttons["zh_CN"].isChecked() and not kiosk.language_buttons["en"].isChecked()
    kiosk.back_to_start()
    assert branch.i18n.language == "en"
    assert kiosk.service_buttons["CASH"].text().startswith("1. Cash and deposits")


def test_no_open_counter_means_no_buttons_and_a_note(qtbot, tmp_path):
    b = Branch(tmp_path)
    try:
        kiosk = KioskWindow(b.branch, b.i18n, poll_ms=200)
        qtbot.addWidget(kiosk)
        qtbot.waitUntil(lambda: kiosk.snapshot is not None, timeout=3000)
        assert kiosk.service_buttons == {}
        assert "No counter is open" in kiosk.closed_note.text()
    finally:
        b.close()


def test_escpos_slip_carries_every_line_and_a_cut():
    device = Dummy()
    slip = TicketSlip("Demo 分行", "A023", "现金存取", "2026-11-23 09:30", "3 ahead", "about 12 min", "Thanks")
    print_escpos(PrinterSettings(escpos_kind="file"), slip, device=device)
    out = device.output
    for text in ("Demo 分行", "A023", "现金存取", "3 ahead", "about 12 min"):
        assert text.encode("gb18030") in out
    assert out.endswith(b"\x1dV\x00")  # full cut


def test_escpos_errors_become_printer_failed():
    class Jammed(Dummy):
        def _raw(self, msg):
            raise OSError("paper jam")

    with pytest.raises(PrinterFailed, match="paper jam"):
        print_escpos(PrinterSettings(escpos_kind="network"), TicketSlip(*"abcdefg"), device=Jammed())


@pytest.mark.qt_log_ignore("QPainter::begin")
def test_qt_printing_to_an_unwritable_pdf_fails_cleanly(qtbot, tmp_path):
    with pytest.raises(PrinterFailed, match="could not start"):
        print_qt(str(tmp_path / "missing" / "dir" / "t.pdf"), TicketSlip(*"abcdefg"))


def test_identification_by_card_gives_a_vip_ticket_linked_to_the_customer(qtbot, branch):
    import secrets
    from datetime import date

    from models.customers.kiosk_lookup import KioskLookup
    from models.customers.service import CustomerService
    from models.demo.customers import generate_customers

    key = secrets.token_bytes(32)
    sample = generate_customers(branch.store, "DEMO", key, 10, today=date(2026, 11, 23), seed=5).samples[0]
    customers = CustomerService(branch.store, "DEMO", key, clock=branch.clock, timezone="Asia/Shanghai")
    lookup = KioskLookup(customers, "KIOSK", vip_tiers=frozenset(t.code for t in customers.tiers.tiers))
    kiosk = KioskWindow(branch.branch, branch.i18n, None, "Demo", poll_ms=200, lookup=lookup)
    qtbot.addWidget(kiosk)
    kiosk.show()
    qtbot.waitUntil(lambda: bool(kiosk.service_buttons), timeout=3000)
    assert kiosk.identify_button.isVisible()
    qtbot.mouseClick(kiosk.identify_button, Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentWidget() is kiosk.identify_page
    kiosk.identify_page.entry.setText("4000 0000")  # a card nobody holds
    kiosk.identify_page.submit()
    qtbot.waitUntil(lambda: "could not find" in kiosk.identify_page.message.text(), timeout=3000)
    kiosk.identify_page.entry.setText(sample.card_number)
    qtbot.mouseClick(kiosk.identify_page.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.pages.currentIndex() == 0 and kiosk.identity is not None, timeout=3000)
    assert "priority" in kiosk.welcome.text() and kiosk.identity.greeting_name in kiosk.welcome.text()
    names = {name for tier in customers.tiers.tiers for name in tier.names.values()}
    assert not any(name in kiosk.welcome.text() for name in names)  # a public screen: never the tier
    with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000) as issued:
        kiosk.issue("CASH")
    ticket = issued.args[0]
    assert ticket.priority == "vip" and ticket.customer_id == kiosk.identity.customer_id
    kiosk.back_to_start()
    assert kiosk.identity is None and kiosk.welcome.text() == ""


def test_each_tile_says_the_ahead_count_its_ticket_then_prints(qtbot, branch):
    """One figure, one computation: a tile's "N customers ahead" is the ticket's "N customers ahead of you",
    across services that share counters and behind priority customers (the Transfers tile once said 0 waiting
    while its ticket said 2 ahead)."""
    branch.open("C3", "T1002")  # transfers first, then cash and FX: C1 and C3 share cash and transfers
    for category, priority in (("CASH", "regular"), ("CASH", "elderly"), ("CASH", "regular"), ("FX", "vip")):
        branch.other.issue_ticket(category, priority)
    kiosk = make_kiosk(qtbot, branch)
    for code in ("TRANSFER", "CASH", "FX", "TRANSFER"):
        tile = branch.branch.snapshot(ahead=True).ahead_by_category[code]
        qtbot.waitUntil(lambda c=code, n=tile: f"{n} customer" in kiosk.service_buttons[c].text(), timeout=3000)
        with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000) as issued:
            kiosk.issue(code)
        assert issued.args[0].position == tile, code
        assert kiosk.ahead_label.text().startswith(f"{tile} customer"), code
        kiosk.back_to_start()
    assert branch.branch.snapshot().ahead_by_category == {}  # only asked for by the kiosk


def test_a_ticket_the_store_refused_says_so_until_the_next_one_is_issued(qtbot, branch, monkeypatch):
    """A locked store (a backup tool, another program) refuses the ticket: the customer must read why, and the
    half-second poll must not wipe the message before anyone could (it was gone at once)."""
    from models.store.errors import LockedStore

    kiosk = make_kiosk(qtbot, branch)

    def locked(*_args, **_kwargs):
        raise LockedStore("branch.db: database is locked")

    monkeypatch.setattr(branch.branch, "issue_ticket", locked)
    kiosk.issue("CASH")
    qtbot.waitUntil(lambda: not kiosk._runner.busy, timeout=3000)
    qtbot.wait(700)  # three polls of the kiosk's store
    assert "no ticket could be issued" in kiosk.closed_note.text()
    assert kiosk.pages.currentIndex() == 0 and kiosk.service_buttons["CASH"].isEnabled()
    monkeypatch.undo()  # the lock is gone: the next touch gets a ticket and the message goes
    with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000) as issued:
        kiosk.issue("CASH")
    assert issued.args[0].number == "A001"
    assert kiosk.closed_note.text() == ""


def test_names_with_markup_are_shown_as_typed(qtbot, branch, monkeypatch):
    """A branch or service name that looks like HTML is text on a public screen, never markup drawn large."""
    from screens_harness import MARKUP, markup_shown

    monkeypatch.setitem(branch.branch.config.categories["CASH"].names, "en", MARKUP)
    kiosk = KioskWindow(branch.branch, branch.i18n, None, MARKUP, poll_ms=200)
    qtbot.addWidget(kiosk)
    kiosk.show()
    qtbot.waitUntil(lambda: bool(kiosk.service_buttons), timeout=3000)
    assert MARKUP in kiosk.service_buttons["CASH"].label.text()
    with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000):
        kiosk.issue("CASH")
    assert kiosk.category_label.text() == MARKUP
    kiosk.pages.setCurrentIndex(0)
    assert markup_shown(kiosk) == []


def test_a_long_branch_name_is_never_cut(qtbot, branch):
    from fit_check import clipped

    name = "Counterline Bank Shanghai Lujiazui Financial Center Sub-branch, Pudong New Area"
    kiosk = KioskWindow(branch.branch, branch.i18n, None, name, poll_ms=200)
    qtbot.addWidget(kiosk)
    kiosk.show()
    qtbot.waitUntil(lambda: bool(kiosk.service_buttons), timeout=3000)
    for size in ((1024, 768), (1366, 768), (1080, 1920)):
        kiosk.resize(*size)
        qtbot.wait(50)
        assert clipped(kiosk) == [], size


def test_control_characters_in_a_name_never_reach_the_thermal_printer_as_commands():
    """A service name edited with an escape in it ("\\u001dV\\u0000" is TOML for the cut command) cut the ticket
    in two before the number: the slip's text goes to the printer as text, never as ESC/POS commands."""
    device = Dummy()
    slip = TicketSlip("Demo", "A023", "Cash\x1dV\x00\x1b@ and deposits", "09:30", "3 ahead", "12 min", "Thanks")
    print_escpos(PrinterSettings(escpos_kind="file"), slip, device=device)
    out = device.output
    assert out.count(b"\x1dV") == 1 and out.endswith(b"\x1dV\x00")  # the one cut, at the end
    assert b"\x1b@" not in out and b"CashV@ and deposits" in out  # printed as the text it is


def test_one_long_service_name_leaves_every_tile_whole(qtbot, branch, monkeypatch):
    """A long service name took its column's width from the others: their names and counts were cut
    ("1. Cash" half off the tile, "ahead" lost). The tiles share the width evenly and every text fits."""
    from fit_check import clipped
    from PySide6.QtWidgets import QApplication

    from ui.common.fonts import install_app_font

    for counter, staff in (("C2", "T1002"), ("C3", "T1003"), ("C4", "S2001")):
        branch.open(counter, staff)
    name = "Transfers, remittances, standing orders and direct debits for personal and business clients"
    monkeypatch.setitem(branch.branch.config.categories["TRANSFER"].names, "en", name)
    app = QApplication.instance()
    before = app.font()
    install_app_font(app)  # as the app does: the text measured in the face it is drawn in
    try:
        kiosk = make_kiosk(qtbot, branch)
        qtbot.waitUntil(lambda: len(kiosk.service_buttons) == 5, timeout=3000)
        for size in ((1024, 768), (1366, 768), (1920, 1080)):
            kiosk.resize(*size)
            qtbot.wait(50)
            assert clipped(kiosk) == [], size
            widths = {button.width() for button in kiosk.service_buttons.values()}
            assert max(widths) - min(widths) <= 1, size
    finally:
        app.setFont(before)


def test_on_a_portrait_screen_the_priority_button_is_as_tall_as_its_text(qtbot, branch):
    """A 1080x1920 kiosk gave its spare height to the priority button: a box three times its text's height,
    mostly empty, that read as a broken screen."""
    kiosk = make_kiosk(qtbot, branch)
    kiosk.resize(1080, 1920)
    qtbot.wait(50)
    button = kiosk.priority_button
    text_needs = max(button.minimumHeight(), button.heightForWidth(button.width()), button.sizeHint().height())
    assert button.height() <= text_needs + 2


@pytest.mark.parametrize("pressed_back", [True, False])
def test_a_look_up_that_answers_after_the_customer_left_identifies_nobody(qtbot, branch, pressed_back):
    """The store was slow; the customer pressed Back (or walked away and the kiosk started over): the answer that
    came afterwards greeted the next person at the kiosk with the last one's name, priority and appointment."""
    import threading

    from models.customers.kiosk_lookup import KioskIdentity
    from queueing.core.tickets import PriorityClass

    release = threading.Event()

    class SlowLookup:
        def identify(self, kind, value):
            release.wait(5)
            return KioskIdentity("customer-1", PriorityClass.VIP, "P.")

    kiosk = KioskWindow(branch.branch, branch.i18n, None, "Demo", poll_ms=200, lookup=SlowLookup())
    qtbot.addWidget(kiosk)
    kiosk.show()
    qtbot.waitUntil(lambda: bool(kiosk.service_buttons), timeout=3000)
    kiosk.show_identify()
    kiosk.identify_page.entry.setText("6222020000000000")
    kiosk.identify_page.submit()
    if pressed_back:
        qtbot.mouseClick(kiosk.identify_page.back_button, Qt.MouseButton.LeftButton)
    kiosk.back_to_start()  # the kiosk starts over for the next customer (the session's time ran out)
    release.set()
    qtbot.waitUntil(lambda: not kiosk.identify_page._runner.busy, timeout=3000)
    qtbot.wait(100)
    assert kiosk.identity is None and kiosk.welcome.text() == ""
    with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000) as issued:
        kiosk.issue("CASH")
    assert issued.args[0].priority == "regular" and issued.args[0].customer_id is None


def test_a_printed_line_too_long_for_the_slip_wraps_instead_of_losing_both_ends(qtbot, tmp_path):
    """A sub-branch's full name at 10 pt bold is wider than an 80 mm slip: it lost its first and last words."""
    from PySide6.QtCore import QRectF
    from PySide6.QtGui import QColor, QImage, QPainter

    from ui.kiosk.ticket_printer import _line

    dpi = 300
    image = QImage(int(72 / 25.4 * dpi), 400, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(dpi / 0.0254))
    image.setDotsPerMeterY(round(dpi / 0.0254))
    image.fill(QColor("white"))
    painter = QPainter(image)
    page = QRectF(0, 0, image.width(), image.height())
    one = _line(painter, page, 0, "Counterline", 10, bold=True)
    long = _line(painter, page, 0, "Counterline Bank Shanghai Lujiazui Financial Center Sub-branch", 10, bold=True)
    painter.end()
    assert long >= 2 * one - 1  # two lines at least, every word on the slip


def test_a_lost_store_hides_the_queue_figures_and_says_so_until_a_poll_succeeds(qtbot, branch, monkeypatch):
    """The branch store cannot be reached: the customer must not read stale figures as live ones."""
    from models.store.errors import StoreError

    kiosk = make_kiosk(qtbot, branch)
    branch.other.issue_ticket("CASH")
    qtbot.waitUntil(lambda: "1 customer ahead" in kiosk.service_buttons["CASH"].text(), timeout=3000)

    def unreachable(*_args, **_kwargs):
        raise StoreError("branch server unreachable")

    monkeypatch.setattr(branch.branch, "snapshot", unreachable)
    qtbot.waitUntil(lambda: "ahead" not in kiosk.service_buttons["CASH"].text(), timeout=3000)
    english = kiosk.closed_note.text()
    assert "may take a moment" in english
    assert kiosk.service_buttons["CASH"].isEnabled()  # a ticket may still be issued
    branch.i18n.set_language("zh_CN")
    assert kiosk.closed_note.text() not in ("", english)
    branch.i18n.set_language("en")
    monkeypatch.undo()  # the store answers again
    qtbot.waitUntil(lambda: "1 customer ahead" in kiosk.service_buttons["CASH"].text(), timeout=3000)
    assert kiosk.closed_note.text() == ""


def test_a_printer_that_never_answers_leaves_the_next_customer_a_ticket(qtbot, branch, tmp_path):
    """A thermal printer out of paper stops taking data and a write to it waits for ever (here: a device file nobody
    reads). On the kiosk's command runner that slip kept the runner busy, and every later touch was refused."""
    import os

    device = tmp_path / "lp0"
    os.mkfifo(device)  # opening it for writing waits until someone reads: a printer that never answers
    kiosk = make_kiosk(qtbot, branch, PrinterSettings(escpos_kind="file", path=str(device), timeout_s=0.2))
    try:
        with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000):
            kiosk.issue("CASH")
        # The customer is told to remember the number once the printer's time is up, although it still hangs.
        qtbot.waitUntil(lambda: kiosk.problem_label.isVisible(), timeout=5000)
        assert "A001" in kiosk.problem_label.text()
        kiosk.back_to_start()
        qtbot.waitUntil(lambda: kiosk.service_buttons["TRANSFER"].isEnabled(), timeout=3000)
        with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000) as issued:
            qtbot.mouseClick(kiosk.service_buttons["TRANSFER"], Qt.MouseButton.LeftButton)
        assert issued.args[0].number == "B001"
    finally:
        threading.Thread(target=_read_for_ever, args=(device,), daemon=True).start()  # the printer wakes up


def _read_for_ever(device) -> None:
    while True:
        with open(device, "rb") as printer:  # each slip's writer opens, writes and closes
            printer.read()


def test_a_usb_printer_waits_no_longer_than_its_time_limit(monkeypatch):
    """python-escpos gives a USB printer no time limit: one out of paper held its write for ever."""
    from escpos import printer as escpos_printer

    from ui.kiosk.ticket_printer import open_escpos

    opened = []
    monkeypatch.setattr(escpos_printer, "Usb", lambda *args, **kwargs: opened.append((args, kwargs)))
    open_escpos(PrinterSettings(escpos_kind="usb", vendor_id=0x0416, product_id=0x5011, timeout_s=2.5))
    assert opened == [((0x0416, 0x5011), {"timeout": 2500})]  # milliseconds, as pyusb counts them


def test_a_touch_whose_answer_was_lost_gives_its_ticket_on_the_retry_not_a_second(qtbot, branch, monkeypatch):
    """The COMMIT reached the store, its answer never came back: the kiosk said no ticket was issued, and the
    customer's second touch made a second ticket; the first was called later with nobody to answer it."""
    kiosk = make_kiosk(qtbot, branch)
    lose_the_first_answer(monkeypatch, branch.branch)
    kiosk.issue("CASH")
    qtbot.waitUntil(lambda: "no ticket could be issued" in kiosk.closed_note.text(), timeout=3000)
    with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000) as issued:
        qtbot.mouseClick(kiosk.service_buttons["CASH"], Qt.MouseButton.LeftButton)
    assert issued.args[0].number == "A001" and kiosk.number_label.text() == "A001"
    branch.other.refresh()
    assert [t.number for t in branch.other.snapshot().waiting] == ["A001"]
    kiosk.back_to_start()
    with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000) as issued:
        kiosk.issue("CASH")  # the next customer: a ticket of their own
    assert issued.args[0].number == "A002"


def test_the_number_entry_takes_full_width_digits_and_a_card_typed_in_groups(qtbot, branch):
    """A Chinese or Korean input method set to full width types ０..９ (and the ideographic space): the entry
    refused them, and a 19-digit card typed in groups of four was cut to 16 digits by its spaces."""
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtWidgets import QApplication

    from ui.kiosk.identify import IdentifyPage

    page = IdentifyPage(None)  # type: ignore[arg-type]  # no look-up: only the entry is used
    qtbot.addWidget(page)
    page.show()
    page.entry.setFocus()
    for typed in ("１３８", "\u3000", "００１３", " ８０００"):  # what the input method commits, piece by piece
        event = QInputMethodEvent("", [])
        event.setCommitString(typed)
        QApplication.sendEvent(page.entry, event)
    assert page.entry.text() == "138 0013 8000"
    page.entry.clear()
    qtbot.keyClicks(page.entry, "6228 4800 1234 5678 901")
    assert page.entry.text() == "6228 4800 1234 5678 901"
    page.entry.clear()
    qtbot.keyClicks(page.entry, "12a3")
    assert page.entry.text() == "123"


def test_a_greeting_stored_with_a_direction_control_is_shown_as_its_characters(qtbot, branch):
    """A row imported before greeting_name skipped format characters may still hold U+202E as its greeting: on the
    public screen it must not reverse the rest of the welcome sentence."""
    from models.customers.kiosk_lookup import KioskIdentity
    from queueing.core.tickets import PriorityClass

    kiosk = make_kiosk(qtbot, branch)
    kiosk.identity = KioskIdentity("1", PriorityClass.REGULAR, "\u202e", None)
    kiosk._show_identity()
    assert "\u202e" not in kiosk.welcome.text() and "\ufffd" in kiosk.welcome.text()


def test_a_store_restored_from_a_backup_never_gives_a_number_a_customer_already_holds(qtbot, branch, tmp_path):
    """A kiosk writes straight into the branch store and keeps no journal to send again: the restored store had
    forgotten A002 and A003, and the series restarted from the backup's last number."""
    import sqlite3

    kiosk = make_kiosk(qtbot, branch)
    held = []
    for _ in range(3):
        with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000) as issued:
            kiosk.issue("CASH")
        held.append(issued.args[0].number)
        kiosk.back_to_start()
        if len(held) == 1:
            with sqlite3.connect(tmp_path / "branch.db") as src, sqlite3.connect(tmp_path / "backup.db") as dst:
                src.backup(dst)
    assert held == ["A001", "A002", "A003"]
    with sqlite3.connect(tmp_path / "backup.db") as src, sqlite3.connect(tmp_path / "branch.db") as dst:
        src.backup(dst)  # the restore: A002 and A003 are in customers' hands, not in the store
    qtbot.waitUntil(lambda: kiosk.snapshot is not None and kiosk.snapshot.journal_restored_at is not None, timeout=3000)
    with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000) as issued:
        kiosk.issue("CASH")
    assert issued.args[0].number not in held


def test_slips_given_up_on_while_the_printer_hung_are_not_printed_when_it_wakes(qtbot, monkeypatch):
    """The printer runs out of paper at ten and is refilled at eleven; meanwhile the kiosk told each customer to
    remember their number. Those slips were still queued for the printer, which then printed an hour of old tickets
    in one go: a pile of numbers long called for anyone to take."""
    from types import SimpleNamespace

    from ui.kiosk import print_queue
    from ui.kiosk.print_queue import PrintQueue

    refilled, printed = threading.Event(), []

    def printer(_settings, slip):
        refilled.wait(10)  # out of paper: the write waits until someone refills it
        printed.append(slip)

    monkeypatch.setattr(print_queue, "print_escpos", printer)
    slips = PrintQueue(PrinterSettings(escpos_kind="file", path="/dev/null", timeout_s=0.05))
    failed = []
    slips.sig_failed.connect(lambda ticket, _exc: failed.append(ticket.id))
    for number in ("A001", "A002", "A003"):
        slips.submit(SimpleNamespace(id=number), number)
    qtbot.waitUntil(lambda: len(failed) == 3, timeout=10000)  # each customer was told to remember the number
    refilled.set()
    slips.submit(SimpleNamespace(id="A004"), "A004")
    qtbot.waitUntil(lambda: "A004" in printed, timeout=5000)
    assert printed == ["A001", "A004"]  # the one the printer held, then the next customer's
    assert slips._given_up == set()  # nothing kept of the hour the printer hung
