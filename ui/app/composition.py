"""The composition root: for each role, the store, the services and the window, wired in one place.

``main.py`` parses the command line; each role's ``register`` (``ui/app/*_role*.py``) hands its arguments to
one ``run_*`` function here. A run function opens the store (the station's own file and the branch's
upstream, or the single-PC store), builds the services on it (``models/branch/prepare.py`` and
``models/station/start.py``), builds the window (``ui/app/application.py`` for the station,
``ui/app/screens.py`` for the others) and runs the event loop.
"""

from __future__ import annotations

import argparse
import gc
import os
import socket
import sys
import time
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

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
from queueing.core.transaction_types import load_catalogue
from ui.app.application import (
    build_window,
    counter_id_from,
    create_app,
    customer_desk,
    station_id_for,
    unknown_counter,
)
from ui.common.i18n import LanguageManager
from ui.station.window import StationWindow

# Qt comes in with the windows' modules (ui.app.application), after the services: once loaded, PySide6 reads the
# source of every module imported after it (to see whether it switches Qt features), a cost the services'
# modules need not pay.
if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

DEMO_CUSTOMERS_FILE = "demo_customers.txt"
READY_MARKER = "counterline: station ready"
EXIT_WHEN_READY = "COUNTERLINE_EXIT_WHEN_READY"


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


def collect_from_now_on() -> None:
    """Turn the cyclic garbage collector back on (main.py keeps it off while a window role starts).

    What start-up made (modules, classes, the window's widgets) lives as long as the process: it is set aside
    (``gc.freeze``) so that no collection on the GUI thread, while a teller works, walks it again.
    """
    gc.freeze()
    gc.enable()


def _show(app: QApplication, window: StationWindow, started: float, after_ready=None) -> int:
    """Show the window; once the first snapshot is painted it is usable: say so on the console."""

    def ready() -> None:
        window.sig_painted.disconnect(ready)
        print(f"{READY_MARKER} in {time.perf_counter() - started:.2f} s{_peak_rss()}", flush=True)
        if after_ready is not None:  # after the line: its work (the customer desk) is not part of being ready
            after_ready()
        if os.environ.get(EXIT_WHEN_READY):  # the start-up benchmark measures this and leaves
            from PySide6.QtCore import QTimer

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
    # Read now, as categories.toml and staffing.toml were: a refused file stops the station in one line here,
    # not at a teller's first finish.
    catalogue = load_catalogue(known_categories=station.branch.config.categories)
    try:
        key = load_branch_key()
    except ConfigError as exc:
        print(f"counterline: {exc}: customer look-up is off", file=sys.stderr)
        key = None
    window = build_window(
        station, i18n, counter_id, printer=args.printer, idle_minutes=args.lock_minutes, catalogue=catalogue
    )
    collect_from_now_on()
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
    catalogue = load_catalogue(known_categories=station.branch.config.categories)  # refused here, as in run_station
    seed_demo_queue(station.branch)
    key = load_or_create_branch_key()
    _print_demo_customers(store, seed_demo_customers(
        store, station.demo.id, key, date.today(), region=station.branch.config.region
    ))
    pins = tuple((s["id"], s["name"], str(s["pin"])) for s in station.demo.staff if s.get("role") == "teller")
    for line in demo_account_lines(station.demo):
        print(line)
    window = build_window(
        station,
        i18n,
        counter_id,
        printer=args.printer,
        idle_minutes=args.lock_minutes,
        demo_pins=pins,
        catalogue=catalogue,
    )
    from ui.app.demo_screens import open_demo_screens  # kiosk, hall display, supervisor and simulated traffic

    screens = open_demo_screens(station, i18n, counter_id)  # noqa: F841 (alive until the app quits)
    collect_from_now_on()
    return _show(app, window, started, lambda: attach_customers_later(window, station, key))


def _build(role: str, station: Station, i18n: LanguageManager, args) -> QWidget | None:
    # Imported here, not with the module: the supervisor's charts (pyqtgraph, numpy) and its settings (the
    # cross-sell rule parser) take over a second to import, which a teller's station would wait for.
    from ui.app.screens import display_window, kiosk_window, supervisor_window
    from ui.supervisor.signin import SupervisorSignIn

    branch = station.branch
    if role == "kiosk":
        return kiosk_window(branch, i18n, Path(args.printer_config) if args.printer_config else None)
    if role == "display":
        return display_window(branch, i18n, Path(args.display_config) if args.display_config else None)
    if role == "admin":
        return _admin(station, i18n)
    from PySide6.QtWidgets import QDialog

    sign_in = SupervisorSignIn(station.staff)
    if sign_in.exec() != QDialog.DialogCode.Accepted or sign_in.staff is None:
        return None
    return supervisor_window(branch, i18n, sign_in.staff)


def _admin(station: Station, i18n: LanguageManager) -> QWidget | None:
    """The Administration screen once an administrator signed in; what it writes is signed with this PC's key."""
    from PySide6.QtWidgets import QDialog

    from models.staff.service import StaffService
    from models.staff.signing import load_signing_key
    from ui.admin.signin import AdminSignIn
    from ui.admin.window import admin_window

    branch = station.branch
    staff = StaffService(
        branch.store, branch.branch_id, branch.clock, station_id=branch.station_id, signing_key=load_signing_key()
    )
    sign_in = AdminSignIn(staff)
    if sign_in.exec() != QDialog.DialogCode.Accepted or sign_in.staff is None:
        return None
    return admin_window(station.branch, staff, i18n, sign_in.staff)


def run_screen(role: str, args) -> int:
    """Open one screen on the branch ``--branch`` (or the only one) of the store of ``--db``; run the event loop."""
    from ui.app.application import create_app

    app, i18n = create_app(args.language)
    store = open_store(args.db)
    station = prepare_station(store, f"{socket.gethostname()[:40]}-{role}", branch_id=args.branch)
    if role in ("supervisor", "admin"):
        from models.marketing.rulebook_publish import publish_at_start

        # The server judges the stations' cross-sell answers by the rulebook the branch publishes: this screen's
        # PC holds the branch's files and a login that may write the copy.
        publish_at_start(store, station.branch.branch_id, f"{role} screen", station.branch.clock.now())
    window = _build(role, station, i18n, args)
    if window is None:
        return 1  # the supervisor's or administrator's sign-in was cancelled
    if args.windowed:
        window.resize(1440, 900)
        window.show()
    elif role in ("supervisor", "admin"):
        window.showMaximized()  # a desk screen: the window keeps its title bar
    else:
        window.showFullScreen()  # kiosk and hall display
    return app.exec()


def run_feedback(args: argparse.Namespace) -> int:
    """The feedback pad of one counter: a station of its own on the branch's store."""
    from dataclasses import replace

    from models.branch.server_clock import screen_clock
    from models.branch.service import BranchService
    from models.reports.head_office import choose_branches
    from models.reports.records_service import RecordsService
    from models.store.database import open_store
    from models.store.errors import StoreError
    from queueing.core.categories import load_branch_config
    from queueing.core.transaction_types import load_catalogue
    from ui.app.application import counter_id_from, create_app, station_id_for
    from ui.feedback.window import FeedbackWindow

    counter_id = counter_id_from(args.counter)
    app, i18n = create_app(args.language)
    try:
        store = open_store(args.db)
        chosen = choose_branches(store, [args.branch] if args.branch else (), ask="say --branch")[0]
    except (StoreError, ValueError) as exc:
        print(f"counterline: {exc}", file=sys.stderr)
        return 2
    config = replace(load_branch_config(), timezone=chosen.timezone)
    # The pad is a station of its own: its ratings carry its own gapless sequence.
    branch = BranchService(store, config, chosen.id, station_id_for(counter_id) + "-pad", screen_clock(store))
    counters = {c.id: c.name for c in branch.snapshot().counters}
    if counter_id not in counters:
        print(f"counterline: branch {chosen.id} has no counter {counter_id}", file=sys.stderr)
        return 2
    window = FeedbackWindow(RecordsService(branch, load_catalogue()), counter_id, counters[counter_id], args.timeout)
    i18n.sig_language_changed.connect(lambda _lang: window.retranslate())
    window.resize(900, 520)
    window.show()
    window.start()
    print(f"counterline: feedback pad at counter {counter_id} ready", flush=True)
    return app.exec()
