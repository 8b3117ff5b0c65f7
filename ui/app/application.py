"""Application set-up (font, translator, style) and the `station` and `demo` roles."""

from __future__ import annotations

import os
import socket
import sys
import time
from datetime import date
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from models.branch.prepare import (
    Station,
    prepare_demo_station,
    prepare_station,
    seed_demo_customers,
    seed_demo_queue,
)
from models.customers.branch_key import load_branch_key, load_or_create_branch_key
from models.demo.branch_setup import DemoBranch
from models.station.start import start_synced_station
from models.store.database import open_store
from queueing.core.errors import ConfigError
from ui.common.i18n import LanguageManager, setup_i18n
from ui.common.refcount_guard import make_singletons_immortal
from ui.common.style import apply_style
from ui.station.customers import CustomerDesk
from ui.station.window import StationWindow
from ui.station.window_context import WindowContext

GIL_SWITCH_S = 0.001
DEMO_CUSTOMERS_FILE = "demo_customers.txt"
READY_MARKER = "counterline: station ready"
EXIT_WHEN_READY = "COUNTERLINE_EXIT_WHEN_READY"


def create_app(language: str = "en", argv: list[str] | None = None) -> tuple[QApplication, LanguageManager]:
    """The QApplication with the bundled font, the style and the chosen language installed."""
    make_singletons_immortal()
    # Hand the interpreter between threads more often than every 5 ms, so that a worker running a
    # command and the GUI thread painting its result wait less for each other.
    sys.setswitchinterval(GIL_SWITCH_S)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    app.setApplicationName("Counterline")
    app.setOrganizationName("Counterline")
    i18n = setup_i18n(app, language)
    apply_style(app)
    return app, i18n


def station_id_for(counter_id: str) -> str:
    """A stable id for this PC at this counter (the per-station event sequence hangs on it)."""
    return f"{socket.gethostname()[:40]}-{counter_id}"


def counter_id_from(value: str) -> str:
    """`C1` or just `1` -> `C1`."""
    value = value.strip().upper()
    return f"C{value}" if value.isdigit() else value


def unknown_counter(station: Station, counter_id: str) -> str | None:
    """The one line that refuses a counter the branch does not have, before any window or PIN; None if known."""
    known = [counter.id for counter in station.branch.snapshot().counters]
    if counter_id in known:
        return None
    return f"counterline: the branch has no counter {counter_id}; its counters are {', '.join(known) or 'none'}"


def customer_desk(station: Station, key: bytes | None) -> CustomerDesk | None:
    if key is None:
        return None
    # Imported here: rule_engine builds its parser on import, a second the window need not wait for.
    from models.customers.service import CustomerService
    from models.marketing.crosssell_service import CrossSellService
    from queueing.crosssell.rules import RuleBook

    config = station.branch.config
    rulebook = RuleBook()
    customers = CustomerService(
        station.branch.store,
        station.branch.branch_id,
        key,
        rulebook=rulebook,
        clock=station.branch.clock,
        timezone=config.timezone,
    )
    crosssell = CrossSellService(
        station.branch.store, station.branch.branch_id, rulebook, clock=station.branch.clock, timezone=config.timezone
    )
    return CustomerDesk(customers, crosssell, station.branch.station_id, lambda: station.branch.online)


def build_window(
    station: Station,
    i18n: LanguageManager,
    counter_id: str,
    *,
    desk: CustomerDesk | None = None,
    printer: str | None = None,
    idle_minutes: float = 5.0,
    demo_pins: tuple = (),
) -> StationWindow:
    ctx = WindowContext(
        branch=station.branch,
        staff=station.staff,
        i18n=i18n,
        counter_id=counter_id,
        station_id=station.branch.station_id,
        branch_name=station.branch.branch_name(),
        customers=desk,
        printer=printer,
        idle_lock_minutes=idle_minutes,
        demo_pins=demo_pins,
        sync=station.branch,  # online or offline, the backlog, the last sync and the clock's offset
    )
    return StationWindow(ctx)


def _peak_rss() -> str:
    """This process's own peak resident set (VmHWM), where the system tells it.

    Not ``ru_maxrss``: on Linux that survives exec and so reports the parent's peak
    when the parent was larger (a benchmark or a launcher that started this station).
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return f", peak RSS {int(line.split()[1]) / 1024:.0f} MB"
    except OSError:  # no /proc (not Linux): say nothing rather than a figure that may be the parent's
        pass
    return ""


def attach_customers_later(window: StationWindow, station: Station, key: bytes | None) -> None:
    """Build the customer desk on a worker once the window is up (its imports take a second)."""
    if key is not None:
        window.runner.submit(
            lambda: customer_desk(station, key),
            lambda desk: setattr(window.ctx, "customers", desk),
            window.show_failure,
        )


def _show(app: QApplication, window: StationWindow, started: float, after_ready=None) -> int:
    """Show the window; once the first snapshot is painted it is usable: say so on the console."""

    def ready() -> None:
        window.sig_painted.disconnect(ready)
        if after_ready is not None:
            after_ready()
        print(f"{READY_MARKER} in {time.perf_counter() - started:.2f} s{_peak_rss()}", flush=True)
        if os.environ.get(EXIT_WHEN_READY):  # the start-up benchmark measures this and leaves
            QTimer.singleShot(0, app.quit)

    window.sig_painted.connect(ready)
    window.show()
    return app.exec()


def run_station(args) -> int:
    started = time.perf_counter()
    counter_id = counter_id_from(args.counter)
    app, i18n = create_app(args.language)
    station_id = station_id_for(counter_id)
    upstream = getattr(args, "upstream", None)
    if upstream:
        # Offline at start is fine once the station has synced before: it knows the counters and the staff.
        station = start_synced_station(upstream, args.db, station_id, branch_id=args.branch)
        app.aboutToQuit.connect(station.branch.close)
    else:
        station = prepare_station(open_store(args.db), station_id, branch_id=args.branch)
    refused = unknown_counter(station, counter_id)
    if refused:
        print(refused, file=sys.stderr)
        return 2
    try:
        key = load_branch_key()
    except ConfigError as exc:
        print(f"counterline: {exc}: customer look-up is off", file=sys.stderr)
        key = None
    window = build_window(station, i18n, counter_id, printer=args.printer, idle_minutes=args.lock_minutes)
    return _show(app, window, started, lambda: attach_customers_later(window, station, key))


def _print_demo_customers(store, samples) -> None:
    """Numbers to look up at the counter; kept beside the store, since only a fresh store creates them."""
    folder = Path(store.label).parent if Path(store.label).suffix == ".db" else None
    lines = [
        f"  demo customer {s.customer_no}: card {s.card_number}  ID {s.id_number}  phone {s.phone}" for s in samples
    ]
    if folder is not None and lines:
        (folder / DEMO_CUSTOMERS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif folder is not None and (folder / DEMO_CUSTOMERS_FILE).exists():
        lines = (folder / DEMO_CUSTOMERS_FILE).read_text(encoding="utf-8").splitlines()
    for line in lines:
        print(line)


def demo_account_lines(demo: DemoBranch) -> list[str]:
    """The demo's sign-in accounts as the console shows them (the README lists the same)."""
    return [f"  demo {s.get('role', 'teller')} {s['id']} ({s['name']}): PIN {s['pin']}" for s in demo.staff]


def run_demo(args) -> int:
    started = time.perf_counter()
    counter_id = counter_id_from(args.counter)
    app, i18n = create_app(args.language)
    store = open_store(args.db)
    print(f"counterline: demo store {store.label}")
    station = prepare_demo_station(store, station_id_for(counter_id))
    refused = unknown_counter(station, counter_id)
    if refused:
        print(refused, file=sys.stderr)
        return 2
    seed_demo_queue(station.branch)
    key = load_or_create_branch_key()
    _print_demo_customers(store, seed_demo_customers(store, station.demo.id, key, date.today()))
    pins = tuple((s["id"], s["name"], str(s["pin"])) for s in station.demo.staff if s.get("role") == "teller")
    for line in demo_account_lines(station.demo):
        print(line)
    window = build_window(
        station, i18n, counter_id, printer=args.printer, idle_minutes=args.lock_minutes, demo_pins=pins
    )
    from ui.app.demo_screens import open_demo_screens  # kiosk, hall display, supervisor and simulated traffic

    screens = open_demo_screens(station, i18n, counter_id)  # noqa: F841 (alive until the app quits)
    return _show(app, window, started, lambda: attach_customers_later(window, station, key))
