"""The demo's other screens: kiosk, hall display and supervisor beside the station, with simulated traffic.

Customers arrive on a Poisson schedule and simulated tellers call and serve at the counters other than
the station's own, all through BranchService on the same store, so every window sees them by polling as
it would see real stations. Each window gets its own BranchService (its own station id), like a branch.
The first two demo customers get appointments today, so the kiosk's check-in can be tried at once.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QWidget

from models.branch.day_plan import load_day_plan
from models.branch.prepare import Station, demo_session, seed_demo_appointments, seed_simulated_tellers
from models.branch.service import BranchService
from models.demo.traffic import DemoTraffic
from queueing.core.roles import Role
from ui.app.screens import display_window, kiosk_window, supervisor_window
from ui.common.i18n import LanguageManager
from ui.common.runner import Runner

log = logging.getLogger(__name__)

DEMO_PER_HOUR = 80.0
DEMO_SERVICE_SCALE = 0.5  # demo tellers work at twice the usual pace, so the screens move
STEP_MS = 1000


class TrafficDriver(QObject):
    """Runs one traffic step a second off the GUI thread; a slow step is never overlapped by the next."""

    def __init__(self, traffic: DemoTraffic, prepare=None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.traffic = traffic
        self._prepare = prepare  # run once on the worker before the counters open (the tellers' accounts)
        self._runner = Runner(self)
        self._timer = QTimer(self, interval=STEP_MS)
        self._timer.timeout.connect(self._step)

    def start(self) -> None:
        self._runner.submit(self._begin, None, self._failed)
        self._timer.start()

    def _begin(self) -> None:
        if self._prepare is not None:
            self._prepare()
        self.traffic.open_counters()

    def stop(self) -> None:
        """Stop the traffic and close its counters (the demo is quitting)."""
        self._timer.stop()
        self._runner.wait()
        try:
            self.traffic.close_counters()
        except Exception as exc:  # quitting goes on; the next demo start closes nothing it cannot see
            log.warning("demo counters were not closed: %s", exc)

    def _step(self) -> None:
        if not self._runner.busy:
            self._runner.submit(lambda: self.traffic.step(STEP_MS / 1000), None, self._failed)

    def _failed(self, exc: Exception) -> None:
        log.warning("demo traffic step failed: %s", exc)


def _service(station: Station, station_id: str) -> BranchService:
    branch = station.branch
    # The hours and break rota the station's own estimates know.
    day = branch.day if isinstance(branch, BranchService) else load_day_plan()
    return BranchService(branch.store, branch.config, branch.branch_id, station_id, branch.clock, day)


def simulated_tellers(station: Station, own_counter: str) -> dict[str, str]:
    """Simulated tellers at every counter but the station's own, one each, in counter order.

    Their own accounts, never the sign-in ones: a teller who signs in at the station is not also working
    another counter, and her piece-rate holds only her own visits.
    """
    tellers = [s["id"] for s in station.demo.simulated]
    counters = [c["id"] for c in station.demo.counters if c["id"] != own_counter]
    return dict(zip(counters, tellers, strict=False))


def book_demo_appointments(station: Station) -> None:
    """Book today's demo appointments (once a day) and print them beside the demo customers."""
    try:
        booked = seed_demo_appointments(station.branch)
    except Exception as exc:  # the demo runs on without appointments rather than not at all
        log.warning("demo appointments were not booked: %s", exc)
        return
    for view, opens in booked:
        print(
            f"  demo appointment: customer {view.customer_no} at {view.local_start:%H:%M} "
            f"({view.appointment.category}); kiosk check-in from {opens:%H:%M}"
        )


def open_demo_screens(station: Station, i18n: LanguageManager, own_counter: str) -> list[QObject]:
    """Show the three screens and start the traffic; keep the returned objects alive while the app runs."""
    book_demo_appointments(station)
    kiosk = kiosk_window(_service(station, "DEMO-KIOSK"), i18n)
    display = display_window(_service(station, "DEMO-DISPLAY"), i18n)
    supervisor_branch = _service(station, "DEMO-SUPERVISOR")
    actor = demo_session(station.staff, station.demo, Role.SUPERVISOR, supervisor_branch.station_id)
    supervisor = supervisor_window(supervisor_branch, i18n, actor)
    windows: list[QWidget] = [kiosk, display, supervisor]
    for window, (x, y, width, height) in zip(
        windows, ((40, 40, 1100, 800), (200, 120, 1280, 720), (120, 80, 1440, 900)), strict=True
    ):
        window.setGeometry(x, y, width, height)
        window.show()
    traffic = DemoTraffic(
        _service(station, "DEMO-SIM"),
        simulated_tellers(station, own_counter),
        per_hour=DEMO_PER_HOUR,
        service_scale=DEMO_SERVICE_SCALE,
    )
    driver = TrafficDriver(traffic, lambda: seed_simulated_tellers(station))
    driver.start()
    app = QCoreApplication.instance()
    if app is not None:
        app.aboutToQuit.connect(driver.stop)
    return [*windows, driver]
