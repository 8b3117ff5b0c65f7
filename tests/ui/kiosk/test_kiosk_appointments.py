"""The kiosk routes appointment customers: check-in inside the window, the time outside it, nothing without one."""

import secrets
from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt
from screens_harness import OFFSCREEN_NOISE, Branch, lose_the_first_answer
from staff_sessions import session_of

from models.appointments.service import AppointmentService
from models.customers.kiosk_lookup import KioskLookup
from models.customers.service import CustomerService
from models.demo.customers import generate_customers
from queueing.appointments.rules import AppointmentStatus
from queueing.core.roles import Role
from ui.kiosk.window import KioskWindow

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
TELLER = session_of("DEMO", "T1001", Role.TELLER, "TEST")


@pytest.fixture
def setup(tmp_path):
    branch = Branch(tmp_path)  # Monday 09:30 at the demo branch
    branch.open("C1")
    key = secrets.token_bytes(32)
    samples = generate_customers(branch.store, "DEMO", key, 10, today=date(2026, 11, 23), seed=5).samples
    customers = CustomerService(branch.store, "DEMO", key, clock=branch.clock, timezone="Asia/Shanghai")
    appointments = AppointmentService(branch.branch)
    lookup = KioskLookup(customers, "KIOSK", vip_tiers=frozenset(), appointments=appointments)
    yield branch, samples, appointments, lookup
    branch.close()


def identified_kiosk(qtbot, branch, lookup, card_number):
    kiosk = KioskWindow(branch.branch, branch.i18n, None, "Demo", poll_ms=200, lookup=lookup)
    qtbot.addWidget(kiosk)
    kiosk.resize(1100, 800)
    kiosk.show()
    qtbot.waitUntil(lambda: bool(kiosk.service_buttons), timeout=3000)
    qtbot.mouseClick(kiosk.identify_button, Qt.MouseButton.LeftButton)
    kiosk.identify_page.entry.setText(card_number)
    qtbot.mouseClick(kiosk.identify_page.ok_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: kiosk.pages.currentIndex() == 0 and kiosk.identity is not None, timeout=3000)
    return kiosk


def book(appointments, sample, category, hour, minute):
    customer = appointments.customer_by_number(TELLER, sample.customer_no).customer_id
    return appointments.book(TELLER, customer, category, datetime(2026, 11, 23, hour, minute))


def test_inside_the_window_one_touch_checks_in_and_issues_the_appointment_ticket(qtbot, setup):
    branch, samples, appointments, lookup = setup
    booked = book(appointments, samples[0], "CASH", 9, 45)
    kiosk = identified_kiosk(qtbot, branch, lookup, samples[0].card_number)
    assert kiosk.appointment_card.isVisible() and kiosk.check_in_button.isVisible()
    assert (
        kiosk.appointment_label.text()
        == f"Your appointment at {branch.i18n.format_time(booked.local_start.time())} – Cash and deposits"
    )
    kiosk.grab().save("/tmp/kiosk_appointment_in_window.png")
    with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000) as issued:
        qtbot.mouseClick(kiosk.check_in_button, Qt.MouseButton.LeftButton)
    ticket = issued.args[0]
    assert ticket.priority == "appointment" and ticket.customer_id == booked.appointment.customer_id
    assert ticket.category == "CASH" and kiosk.pages.currentIndex() == 1
    branch.other.refresh()
    assert branch.other.state.tickets[ticket.id].appointment_at == booked.appointment.start
    day = appointments.day(TELLER, date(2026, 11, 23))
    assert day[0].appointment.status is AppointmentStatus.ARRIVED and day[0].appointment.ticket_id == ticket.id
    kiosk.back_to_start()
    assert not kiosk.appointment_card.isVisible()


def test_before_the_window_the_kiosk_says_when_and_a_normal_ticket_can_be_taken(qtbot, setup):
    branch, samples, appointments, lookup = setup
    booked = book(appointments, samples[1], "LOANS", 11, 0)
    kiosk = identified_kiosk(qtbot, branch, lookup, samples[1].card_number)
    at = branch.i18n.format_time(booked.local_start.time())
    opens = branch.i18n.format_time(datetime(2026, 11, 23, 10, 30).time())
    assert kiosk.appointment_card.isVisible() and not kiosk.check_in_button.isVisible()
    assert kiosk.appointment_label.text() == (
        f"Your appointment is at {at} – Loans and wealth. Check-in opens at {opens}; you can also take a ticket now."
    )
    kiosk.grab().save("/tmp/kiosk_appointment_early.png")
    with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000) as issued:
        qtbot.mouseClick(kiosk.service_buttons["CASH"], Qt.MouseButton.LeftButton)
    assert issued.args[0].priority == "regular" and issued.args[0].customer_id == booked.appointment.customer_id
    assert appointments.day(TELLER, date(2026, 11, 23))[0].appointment.status is AppointmentStatus.BOOKED
    kiosk.back_to_start()


def test_after_the_window_the_appointment_is_said_to_have_passed(qtbot, setup):
    branch, samples, appointments, lookup = setup
    book(appointments, samples[2], "CASH", 9, 45)
    branch.clock.advance(31 * 60)  # 10:01: the 09:45 window closed at 10:00
    kiosk = identified_kiosk(qtbot, branch, lookup, samples[2].card_number)
    assert "has passed. Please take a ticket." in kiosk.appointment_label.text()
    assert not kiosk.check_in_button.isVisible()
    kiosk.back_to_start()


def test_a_customer_without_an_appointment_sees_no_appointment(qtbot, setup):
    branch, samples, appointments, lookup = setup
    book(appointments, samples[0], "CASH", 9, 45)
    kiosk = identified_kiosk(qtbot, branch, lookup, samples[1].card_number)
    assert kiosk.identity.appointment is None and not kiosk.appointment_card.isVisible()
    assert kiosk.welcome.text() == f"Welcome, {kiosk.identity.greeting_name}! Please choose a service"
    kiosk.back_to_start()


def test_a_check_in_refused_by_the_service_leaves_an_ordinary_ticket(qtbot, setup):
    branch, samples, appointments, lookup = setup
    booked = book(appointments, samples[0], "CASH", 9, 45)
    kiosk = identified_kiosk(qtbot, branch, lookup, samples[0].card_number)
    appointments.cancel(TELLER, booked.appointment.id)  # cancelled at the desk while the customer stands there
    qtbot.mouseClick(kiosk.check_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "could not be checked in" in kiosk.appointment_label.text(), timeout=3000)
    assert not kiosk.check_in_button.isVisible() and kiosk.pages.currentIndex() == 0
    kiosk.back_to_start()


def test_in_large_text_the_appointment_reads_light_on_black(qtbot, setup):
    """High contrast is for customers who see less well: the appointment line stayed dark teal on the black card."""
    branch, samples, appointments, lookup = setup
    book(appointments, samples[1], "LOANS", 11, 0)
    kiosk = identified_kiosk(qtbot, branch, lookup, samples[1].card_number)
    assert kiosk.appointment_card.isVisible()

    def luminance(label) -> float:
        colour = label.palette().color(label.foregroundRole())
        return 0.2126 * colour.redF() + 0.7152 * colour.greenF() + 0.0722 * colour.blueF()

    assert luminance(kiosk.appointment_label) < 0.35  # dark on the light card
    kiosk.set_large_text(True)
    assert luminance(kiosk.appointment_label) > 0.6, "the high-contrast card is black"
    kiosk.back_to_start()


def test_a_check_in_whose_answer_was_lost_stays_open_and_gives_the_same_ticket(qtbot, setup, monkeypatch):
    """The ticket was saved, the answer lost: the kiosk hid the check-in and sent the customer for an ordinary
    ticket, so they held two while their appointment ticket was called with nobody to answer it."""
    branch, samples, appointments, lookup = setup
    book(appointments, samples[0], "CASH", 9, 45)
    kiosk = identified_kiosk(qtbot, branch, lookup, samples[0].card_number)
    lose_the_first_answer(monkeypatch, branch.branch)
    qtbot.mouseClick(kiosk.check_in_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "could not be checked in just now" in kiosk.appointment_label.text(), timeout=3000)
    assert kiosk.check_in_button.isVisible() and kiosk.check_in_button.isEnabled()
    with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000) as issued:
        qtbot.mouseClick(kiosk.check_in_button, Qt.MouseButton.LeftButton)
    ticket = issued.args[0]
    assert ticket.priority == "appointment"
    branch.other.refresh()
    assert [t.id for t in branch.other.snapshot().waiting] == [ticket.id]
    assert appointments.day(TELLER, date(2026, 11, 23))[0].appointment.ticket_id == ticket.id
    kiosk.back_to_start()


@pytest.mark.parametrize("language", ["en", "es"])
def test_in_large_text_an_appointment_leaves_every_service_tile_whole(qtbot, setup, qapp, language):
    """A 1024x768 kiosk in large text, a customer identified with an appointment later today: the appointment's two
    lines took the height the service tiles' names needed, and "Transferencias y remesas" lost its top and its
    count of customers ahead."""
    from fit_check import clipped

    from ui.common.fonts import install_app_font
    from ui.common.style import apply_style

    install_app_font(qapp)
    apply_style(qapp)
    branch, samples, appointments, lookup = setup
    for counter, staff in (("C2", "T1002"), ("C3", "T1003"), ("C4", "S2001")):
        branch.open(counter, staff)
    book(appointments, samples[1], "LOANS", 11, 0)
    kiosk = identified_kiosk(qtbot, branch, lookup, samples[1].card_number)
    qtbot.waitUntil(lambda: len(kiosk.service_buttons) == 5, timeout=3000)
    branch.i18n.set_language(language)
    kiosk.set_large_text(True)
    kiosk.resize(1024, 768)
    qtbot.wait(100)
    assert kiosk.appointment_card.isVisible()
    assert clipped(kiosk) == []
    kiosk.back_to_start()


def test_with_no_counter_open_for_the_service_the_ticket_does_not_say_nobody_is_ahead(qtbot, setup):
    """No loans counter is open yet (or all are closed for lunch) and three loans customers wait: the checked-in
    customer's ticket said "0 customers ahead of you", which no play-forward computed (None: no counter calls it)."""
    branch, samples, appointments, lookup = setup
    for _ in range(3):
        branch.other.issue_ticket("LOANS")
    book(appointments, samples[0], "LOANS", 9, 45)
    kiosk = identified_kiosk(qtbot, branch, lookup, samples[0].card_number)
    with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000) as issued:
        qtbot.mouseClick(kiosk.check_in_button, Qt.MouseButton.LeftButton)
    assert issued.args[0].position is None and issued.args[0].category == "LOANS"
    assert "0" not in kiosk.ahead_label.text() and kiosk.ahead_label.isHidden()
    assert kiosk.wait_label.text() == "Waiting time will be shown once a counter opens"
    kiosk.back_to_start()


def test_once_identified_the_identify_button_is_gone_not_dead(qtbot, setup):
    """The identify button stayed on screen after the customer identified, disabled yet drawn as before: a touch
    on it did nothing, and the keypad's "." still opened the page."""
    branch, samples, appointments, lookup = setup
    kiosk = identified_kiosk(qtbot, branch, lookup, samples[1].card_number)
    assert not kiosk.identify_button.isVisible()
    qtbot.keyClick(kiosk, Qt.Key.Key_Period)
    assert kiosk.pages.currentIndex() == 0
    kiosk.back_to_start()
    assert kiosk.identify_button.isVisible() and kiosk.identify_button.isEnabled()
