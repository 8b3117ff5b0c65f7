"""Application set-up (font, translator, style) and the teller station's window with its customer desk."""

from __future__ import annotations

import socket
import sys

from PySide6.QtWidgets import QApplication

from models.branch.prepare import (
    Station,
)
from models.customers.desk import CustomerDesk
from queueing.core.transaction_types import TransactionCatalogue
from ui.common.i18n import LanguageManager, setup_i18n
from ui.common.refcount_guard import make_singletons_immortal
from ui.common.style import apply_style
from ui.station.window import StationWindow
from ui.station.window_context import WindowContext

GIL_SWITCH_S = 0.001
_KEPT: list[QApplication] = []


def create_app(language: str = "en", argv: list[str] | None = None) -> tuple[QApplication, LanguageManager]:
    """The QApplication with the bundled font, the style and the chosen language installed."""
    make_singletons_immortal()
    # Hand the interpreter between threads more often than every 5 ms, so that a worker running a
    # command and the GUI thread painting its result wait less for each other.
    sys.setswitchinterval(GIL_SWITCH_S)
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv or sys.argv[:1])
    _KEPT[:] = [app]  # the application outlives whoever asked for it: a widget made later needs it
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
        region=config.region,
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
    catalogue: TransactionCatalogue | None = None,
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
        catalogue=catalogue,
        sync=station.branch,  # online or offline, the backlog, the last sync and the clock's offset
    )
    return StationWindow(ctx)


