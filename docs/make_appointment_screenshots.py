"""Screenshots of appointments: ``.venv/bin/python docs/make_appointment_screenshots.py``.

A throw-away demo store at Monday 09:30 with a handful of bookings; the kiosk identifies the customer of
the 09:45 appointment (docs/screenshots/kiosk_appointment_{en,zh_CN}.png) and the supervisor's
Appointments tab shows the day (docs/screenshots/supervisor_appointments_en.png).
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TZ"] = "Asia/Shanghai"  # the demo branch's zone: the windows show local wall-clock times
time.tzset()
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from models.appointments.service import AppointmentService  # noqa: E402
from models.branch.prepare import demo_session, prepare_demo_station, seed_demo_queue  # noqa: E402
from models.customers.kiosk_lookup import KioskLookup  # noqa: E402
from models.customers.service import CustomerService  # noqa: E402
from models.demo.customers import generate_customers  # noqa: E402
from models.staff.session import machine_session  # noqa: E402
from models.store.database import open_store  # noqa: E402
from models.supervisor.service import SupervisorService  # noqa: E402
from queueing.core.clock import ManualClock  # noqa: E402
from queueing.core.roles import Role  # noqa: E402
from queueing.supervisor.alerts import load_alert_settings  # noqa: E402
from queueing.supervisor.staffing import load_staffing_settings  # noqa: E402
from ui.app.application import create_app  # noqa: E402
from ui.display.announcer import Announcer, CallSettings  # noqa: E402
from ui.kiosk.window import KioskWindow  # noqa: E402
from ui.supervisor.appointment_dialog import customer_finder  # noqa: E402
from ui.supervisor.appointments import AppointmentsPanel  # noqa: E402
from ui.supervisor.window import SupervisorWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
BOOKED_AT = datetime(2026, 11, 23, 0, 30, tzinfo=UTC)  # Monday 08:30 in Shanghai
NOW = datetime(2026, 11, 23, 1, 30, tzinfo=UTC)  # 09:30
# (customer index, category, local hour, minute, note) of the day's bookings.
BOOKINGS = (
    (0, "CASH", 9, 45, ""),
    (1, "LOANS", 11, 0, "mortgage renewal"),
    (2, "FX", 10, 15, ""),
    (3, "CORP", 14, 30, "new company account"),
    (4, "LOANS", 15, 0, ""),
    (5, "TRANSFER", 9, 30, ""),
)


def wait_for(condition, timeout_s: float = 20.0) -> None:
    end = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not fill in time")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def grab(window: QWidget, name: str) -> None:
    end = time.monotonic() + 0.7
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    path = OUT / name
    window.grab().save(str(path))
    print(path)


def book_the_day(appointments: AppointmentService, customer_ids: list[int], clock: ManualClock, supervisor) -> None:
    """Bookings made at 08:30; at 09:30 the customer of the 09:30 booking has checked in, one was cancelled."""
    views = [
        appointments.book(supervisor, customer_ids[index], category, datetime(2026, 11, 23, hour, minute), note=note)
        for index, category, hour, minute, note in BOOKINGS
    ]
    cancelled = appointments.book(supervisor, customer_ids[6], "CASH", datetime(2026, 11, 23, 16, 0))
    appointments.cancel(supervisor, cancelled.appointment.id)
    clock.set(NOW)
    arrived = next(v for v in views if v.local_start.hour == 9 and v.local_start.minute == 30)
    appointments.check_in(machine_session(appointments.branch_id, "SHOTS", clock.now()), arrived.appointment.id)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app, i18n = create_app("en")
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "shots.db"))
        clock = ManualClock(BOOKED_AT)
        station = prepare_demo_station(store, "SHOTS", clock)
        branch = station.branch
        for counter, staff in (("C1", "T1001"), ("C2", "T1002"), ("C4", "T1003")):
            branch.open_counter(counter, staff)
        seed_demo_queue(branch)
        key = secrets.token_bytes(32)
        samples = generate_customers(store, branch.branch_id, key, 10, today=date(2026, 11, 23), seed=9).samples
        customers = CustomerService(store, branch.branch_id, key, clock=clock, timezone=branch.config.timezone)
        appointments = AppointmentService(branch)
        customer_ids = list(range(1, 11))
        supervisor = demo_session(station.staff, station.demo, Role.SUPERVISOR, "SHOTS")
        book_the_day(appointments, customer_ids, clock, supervisor)
        lookup = KioskLookup(customers, "SHOTS-KIOSK", vip_tiers=frozenset(), appointments=appointments)
        kiosk = KioskWindow(branch, i18n, branch_name=branch.branch_name(), lookup=lookup)
        kiosk.resize(1280, 900)
        kiosk.show()
        wait_for(lambda: bool(kiosk.service_buttons))
        for language in ("en", "zh_CN"):
            i18n.set_language(language)
            kiosk.default_language = language
            kiosk.show_identify()
            kiosk.identify_page.entry.setText(samples[0].card_number)
            kiosk.identify_page.submit()
            wait_for(lambda: kiosk.identity is not None)
            grab(kiosk, f"kiosk_appointment_{language}.png")
            kiosk.back_to_start()
        i18n.set_language("en")
        panel = AppointmentsPanel(appointments, supervisor, customer_finder(customers, supervisor))
        supervisor = SupervisorWindow(
            SupervisorService(branch, load_alert_settings(), load_staffing_settings(), supervisor),
            i18n,
            announcer=Announcer(CallSettings(chime=False, speech=False)),
            branch_name=branch.branch_name(),
            appointments=panel,
        )
        supervisor.resize(1400, 700)
        supervisor.show()
        supervisor.tabs.setCurrentWidget(panel)
        wait_for(lambda: panel.model.rowCount() == len(BOOKINGS) + 1 and supervisor.overview is not None)
        panel.table.selectRow(1)
        grab(supervisor, "supervisor_appointments_en.png")
        for window in (kiosk, supervisor):
            window.close()
        store.close()
    app.quit()


if __name__ == "__main__":
    main()
