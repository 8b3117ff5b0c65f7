"""Screenshots of the teller station in every language: ``python docs/make_station_screenshots.py [out_dir]``.

Runs offscreen on a throw-away store: a realistic morning queue at the demo branch, a customer
with a profile and cross-sell prompts at counter 1, the service timer running.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TZ"] = "Asia/Shanghai"  # the demo branch's clock on the screenshots
time.tzset()

from PySide6.QtCore import QEventLoop  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from models.audit.key import configure_audit  # noqa: E402
from models.branch.prepare import prepare_demo_station  # noqa: E402
from models.demo.customers import generate_customers  # noqa: E402
from models.station.counter_session import sign_in_at_counter  # noqa: E402
from models.store.database import open_store  # noqa: E402
from queueing.core.clock import ManualClock  # noqa: E402
from queueing.core.tickets import PriorityClass, TransactionLine  # noqa: E402
from ui.app.application import build_window, create_app, customer_desk  # noqa: E402
from ui.common.i18n import LANGUAGES  # noqa: E402

OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
KEY = bytes.fromhex("5f1c0e2a9b7d4c3e8a6f1d2b3c4e5f60718293a4b5c6d7e8f9a0b1c2d3e4f506")
MORNING = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 09:00 in the branch
# (minutes after opening, category, priority) of the tickets still waiting on the screenshot
WAITING = (
    (6, "CASH", PriorityClass.REGULAR),
    (9, "TRANSFER", PriorityClass.REGULAR),
    (12, "CASH", PriorityClass.ELDERLY),
    (15, "FX", PriorityClass.REGULAR),
    (17, "CASH", PriorityClass.REGULAR),
    (21, "TRANSFER", PriorityClass.VIP),
    (24, "CASH", PriorityClass.REGULAR),
    (26, "LOANS", PriorityClass.REGULAR),
    (29, "CASH", PriorityClass.REGULAR),
    (31, "TRANSFER", PriorityClass.REGULAR),
    (33, "CASH", PriorityClass.REGULAR),
)


def _wait(app: QApplication, done: Callable[[], bool], seconds: float = 10.0) -> None:
    # A QEventLoop's processEvents: QCoreApplication.processEvents() leaks a reference to None per call
    # in PySide6 6.12 on Python 3.11.
    loop = QEventLoop()
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the station window did not settle")
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)


def _customer_with_prompts(desk, staff, count: int) -> int:
    best, best_prompts = 1, -1
    for customer_id in range(1, count + 1):
        prompts = len(desk.open(staff, customer_id, None).prompts)
        if prompts > best_prompts:
            best, best_prompts = customer_id, prompts
        if prompts >= 2:
            break
    return best


def _morning(station, clock: ManualClock) -> None:
    branch = station.branch
    branch.open_counter("C2", "T1002")
    branch.open_counter("C3", "T1003")
    for minute in range(0, 6, 3):  # a few visits already served
        clock.set(MORNING.replace(minute=minute))
        branch.issue_ticket("CASH")
        branch.call_next("C2", "T1002")
        branch.start("C2")
        clock.advance(150)
        branch.finish("C2", [TransactionLine("CASH_DEP")])
    for minute, category, priority in WAITING:
        clock.set(MORNING.replace(minute=minute))
        branch.issue_ticket(category, priority)


def main(out_dir: Path = OUT) -> list[Path]:
    app, i18n = create_app("en")
    clock = ManualClock(MORNING)
    folder = Path(tempfile.mkdtemp())
    # The audit chain of the profile views shown: the throw-away key, heads anchored beside the throw-away store.
    configure_audit(KEY, folder / "audit-heads")
    store = open_store(str(folder / "screens.db"))
    station = prepare_demo_station(store, "SCREEN-C1", clock)
    generate_customers(store, station.demo.id, KEY, 60, today=MORNING.date(), seed=11)
    desk = customer_desk(station, KEY)
    _morning(station, clock)
    signed = sign_in_at_counter(station.branch, station.staff, "T1001", "1111", "C1")
    # A teller opens a profile only in a visit: the demo's supervisor picks the customer to show.
    supervisor_pin = next(str(e["pin"]) for e in station.demo.staff if e["id"] == "S2001")
    customer = _customer_with_prompts(desk, station.staff.verify("S2001", supervisor_pin, "SCREEN-SUP"), 60)
    clock.set(MORNING.replace(minute=35))
    station.branch.issue_and_call("C1", "CASH", PriorityClass.VIP, str(customer), "T1001")
    station.branch.start("C1")
    station.branch.call_next("C3", "T1003")
    clock.advance(155)
    window = build_window(station, i18n, "C1", desk=desk, idle_minutes=0)
    window.refresh_timer.stop()  # the clock stands still; each language repaints on its own
    window.resize(1440, 900)
    window.show()
    window._signed_in(signed)
    _wait(app, lambda: window.profile is not None and not window.runner.busy)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for language in LANGUAGES:
        i18n.set_language(language)
        window.refresh()
        _wait(app, lambda: not window.runner.busy)
        # The new language's texts change sizes: let the layouts take them before the grab (a caption was cut).
        settled = time.monotonic() + 0.5
        _wait(app, lambda until=settled: time.monotonic() > until)
        path = out_dir / f"station_{language}.png"
        window.grab().save(str(path))
        written.append(path)
        print(f"wrote {path}")
    window.close()
    store.close()
    return written


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else OUT)
