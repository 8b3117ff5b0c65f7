"""Screenshots of the kiosk, hall display and supervisor windows: ``.venv/bin/python docs/make_screenshots.py``.

Builds a throw-away store holding four weeks of a simulated city branch (for the staffing advice) and a
live Monday morning driven by simulated customers and tellers up to 10:30, then grabs each window in
each language into docs/screenshots/{kiosk,display,supervisor...}_{language}.png. The kiosk is grabbed at
1024x768, the display at 1920x1080. Times are the branch's (Asia/Shanghai) whatever this PC's zone is.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
import time
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from models.branch.prepare import prepare_demo_station, seed_simulated_tellers  # noqa: E402
from models.customers.kiosk_lookup import KioskLookup  # noqa: E402
from models.customers.service import CustomerService  # noqa: E402
from models.demo.branch_setup import set_up_counter  # noqa: E402
from models.demo.customers import generate_customers  # noqa: E402
from models.demo.sim_store import write_simulation  # noqa: E402
from models.demo.traffic import DemoTraffic, run_morning  # noqa: E402
from models.store.database import open_store  # noqa: E402
from models.supervisor.service import SupervisorService  # noqa: E402
from queueing.core.clock import ManualClock  # noqa: E402
from queueing.simulation.scenario import load_scenario  # noqa: E402
from queueing.supervisor.alerts import load_alert_settings  # noqa: E402
from queueing.supervisor.staffing import load_staffing_settings  # noqa: E402
from ui.app.application import create_app  # noqa: E402
from ui.display.announcer import Announcer, CallSettings, load_call_settings  # noqa: E402
from ui.display.window import DisplayWindow  # noqa: E402
from ui.kiosk.window import KioskWindow  # noqa: E402
from ui.supervisor.window import SupervisorWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
LANGUAGES = ("en", "zh_CN", "ko", "es")
LIVE_START = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # Monday 09:00 in Shanghai
# The demo's simulated tellers (accounts of their own), as the demo runs them.
TELLERS = {"C1": "SIM01", "C2": "SIM02", "C3": "SIM03", "C4": "SIM04"}


def build_store(folder: Path):
    store = open_store(str(folder / "shots.db"))
    spec = load_scenario(ROOT / "resources" / "scenarios" / "city_weekday.toml")
    history = replace(spec, days=28, start_date=date(2026, 10, 26))
    write_simulation(store, history, "DEMO", "Counterline Demo Branch", seed=5, estimates=False)
    clock = ManualClock(LIVE_START)
    station = prepare_demo_station(store, "SHOTS", clock)
    seed_simulated_tellers(station)
    for counter in station.demo.counters:  # the simulated weeks named the counters after their services
        set_up_counter(station.branch, counter["id"], counter["name"], dict(counter["profile"]))
    traffic = DemoTraffic(station.branch, TELLERS, per_hour=62, seed=11)
    traffic.open_counters()
    run_morning(traffic, clock, 80 * 60)
    station.branch.open_counter("C5", "T1001")
    clock.advance(600)
    station.branch.pause("C5", "lunch")
    run_morning(traffic, clock, 10 * 60)
    return store, station, clock, traffic


def settle(ms: int = 700) -> None:
    end = time.monotonic() + ms / 1000
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)


def wait_for(condition, timeout_s: float = 20.0) -> None:
    end = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not fill in time")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def grab(window: QWidget, name: str) -> None:
    settle()
    path = OUT / name
    window.grab().save(str(path))
    print(path)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app, i18n = create_app("en")
    quiet = CallSettings(chime=False, speech=False)
    with tempfile.TemporaryDirectory() as tmp:
        store, station, clock, traffic = build_store(Path(tmp))
        branch = station.branch
        name = branch.branch_name()
        kiosk = KioskWindow(branch, i18n, branch_name=name, lookup=kiosk_lookup(store, branch))
        kiosk.resize(1024, 768)  # the smallest kiosk screen a branch has: every language must fit it
        kiosk.show()
        settings = replace(load_call_settings(), chime=False, speech=False, highlight_s=3600)
        display = DisplayWindow(branch, i18n, settings, Announcer(quiet), branch_name=name)
        display.resize(1920, 1080)
        display.show()
        supervisor = SupervisorWindow(
            SupervisorService(branch, load_alert_settings(), load_staffing_settings()),
            i18n,
            announcer=Announcer(quiet),
            branch_name=name,
        )
        supervisor.resize(1600, 1000)
        supervisor.show()
        wait_for(lambda: kiosk.snapshot is not None and display.snapshot is not None and supervisor.overview)
        # A fresh call for the display's highlight.
        clock.advance(30)
        free_counter(branch, traffic, "C1")
        branch.call_next("C1", "T1001")
        wait_for(lambda: display.fresh_call is not None)
        supervisor.compute_staffing()
        wait_for(lambda: supervisor.staffing.day is not None, 120)
        for language in LANGUAGES:
            i18n.set_language(language)
            kiosk.default_language = language
            grab(kiosk, f"kiosk_{language}.png")
            grab(display, f"display_{language}.png")
            supervisor.tabs.setCurrentIndex(0)
            grab(supervisor, f"supervisor_{language}.png")
            supervisor.tabs.setCurrentIndex(1)
            wait_for(lambda: supervisor.charts.charts is not None)
            grab(supervisor, f"supervisor_charts_{language}.png")
            supervisor.tabs.setCurrentIndex(2)
            grab(supervisor, f"supervisor_staffing_{language}.png")
        i18n.set_language("en")
        kiosk.default_language = "en"
        kiosk.issue("CASH")
        wait_for(lambda: kiosk.pages.currentIndex() == 1)
        grab(kiosk, "kiosk_ticket_en.png")
        kiosk.back_to_start()
        kiosk.show_identify()
        kiosk.identify_page.entry.setText("6222 0212")
        grab(kiosk, "kiosk_identify_en.png")
        kiosk.back_to_start()
        kiosk.set_large_text(True)  # the high-contrast, large-text mode ("+" on the keypad)
        grab(kiosk, "kiosk_large_text_en.png")
        for window in (kiosk, display, supervisor):
            window.close()
        store.close()
        grab_fresh_branch(Path(tmp), i18n)
    app.quit()


def grab_fresh_branch(folder: Path, i18n) -> None:
    """A branch's first day: no history, so the staffing tab and the day's charts say so instead of drawing zeros."""
    store = open_store(str(folder / "fresh.db"))
    branch = prepare_demo_station(store, "FRESH", ManualClock(LIVE_START)).branch
    quiet = CallSettings(chime=False, speech=False)
    supervisor = SupervisorWindow(
        SupervisorService(branch, load_alert_settings(), load_staffing_settings()),
        i18n,
        announcer=Announcer(quiet),
        branch_name=branch.branch_name(),
    )
    supervisor.resize(1600, 1000)
    supervisor.show()
    wait_for(lambda: supervisor.overview)
    supervisor.compute_staffing()
    wait_for(lambda: supervisor.staffing.day is not None, 120)
    supervisor.tabs.setCurrentIndex(2)
    grab(supervisor, "supervisor_staffing_empty_en.png")
    supervisor.tabs.setCurrentIndex(1)
    wait_for(lambda: supervisor.charts.charts is not None)
    grab(supervisor, "supervisor_charts_empty_en.png")
    supervisor.close()
    store.close()


def kiosk_lookup(store, branch) -> KioskLookup:
    """Identification against a few generated customers, with a throw-away branch key."""
    key = secrets.token_bytes(32)
    generate_customers(store, branch.branch_id, key, 50, today=LIVE_START.date(), seed=9)
    customers = CustomerService(store, branch.branch_id, key, clock=branch.clock, timezone=branch.config.timezone)
    return KioskLookup(customers, "SHOTS-KIOSK")


def free_counter(branch, traffic: DemoTraffic, counter_id: str) -> None:
    """Finish whatever the counter has, so that it can call the next customer."""
    counter = next(c for c in branch.snapshot().counters if c.id == counter_id)
    if counter.current is None:
        return
    if counter.current.status == "called":
        branch.start(counter_id)
    branch.finish(counter_id, [traffic._transaction(counter.current.category)])


if __name__ == "__main__":
    main()
