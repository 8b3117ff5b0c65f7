"""Screenshots of lunch cover, the short-visit review and the pay statement:
``.venv/bin/python docs/make_cover_screenshots.py``.

A throw-away demo store on Monday 23 November 2026 at 11:40, with the shipped staffing.toml (Li Na's lunch at
12:00, Kim Min-jun's at 12:45, two cash counters at least). The store has no past weeks, so the demand
forecast the lunch-cover check reads is set here: 27 cash customers an hour at 4 minutes each from 11:00 to
13:00, 10 an hour after. Writes docs/screenshots/supervisor_lunch_cover_en.png, supervisor_lunch_cover_zh_CN.png,
supervisor_breaks_en.png, supervisor_short_visits_en.png and pay_statement_en.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import UTC, date, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication, QRectF, QSizeF  # noqa: E402
from PySide6.QtGui import QColor, QImage, QPainter  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402

from models.audit.key import configure_audit  # noqa: E402
from models.branch.prepare import prepare_demo_station  # noqa: E402
from models.reports.records_service import RecordsService  # noqa: E402
from models.store.database import open_store  # noqa: E402
from models.supervisor.service import SupervisorService  # noqa: E402
from queueing.core.clock import ManualClock  # noqa: E402
from queueing.core.tickets import TransactionLine  # noqa: E402
from queueing.core.transaction_types import load_catalogue  # noqa: E402
from queueing.records.visits import ShortDecision  # noqa: E402
from queueing.reports.piece_rate import load_scheme  # noqa: E402
from queueing.supervisor.alerts import load_alert_settings  # noqa: E402
from queueing.supervisor.lunch_cover import Load  # noqa: E402
from queueing.supervisor.staffing import load_staffing_settings  # noqa: E402
from ui.app.application import create_app  # noqa: E402
from ui.display.announcer import Announcer, CallSettings  # noqa: E402
from ui.reports.piece_rate_pdf import build_document  # noqa: E402
from ui.supervisor.short_visits_panel import ShortVisitsPanel  # noqa: E402
from ui.supervisor.window import SupervisorWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
NOW = datetime(2026, 11, 23, 3, 40, tzinfo=UTC)  # Monday 11:40 in Shanghai
TODAY = date(2026, 11, 23)
FORECAST = {h: {"CASH": Load(27.0, 240.0)} for h in (11, 12)} | {h: {"CASH": Load(10.0, 240.0)} for h in (13, 14, 15)}


def wait_for(condition, timeout_s: float = 30.0) -> None:
    end = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("the window did not fill in time")
        QCoreApplication.processEvents()
        time.sleep(0.01)


def grab(widget: QWidget, name: str) -> None:
    end = time.monotonic() + 0.7
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.01)
    widget.grab().save(str(OUT / name))
    print(OUT / name)


def serve(branch, clock, counter: str, lines, seconds: float) -> str:
    ticket = branch.issue_ticket("CASH").tickets[0].id
    branch.call_ticket(counter, ticket, "screenshot")
    branch.start(counter)
    clock.advance(seconds)
    branch.finish(counter, lines)
    return ticket


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app, i18n = create_app("en")
    with tempfile.TemporaryDirectory() as tmp:
        configure_audit(b"screenshots-only-branch-key-0123456789", Path(tmp))
        store = open_store(str(Path(tmp) / "shots.db"))
        clock = ManualClock(NOW)
        station = prepare_demo_station(store, "SHOTS", clock)
        branch = station.branch
        pin = {str(e["id"]): str(e["pin"]) for e in station.demo.staff}
        boss = station.staff.verify("S2001", pin["S2001"], "SHOTS")
        for counter, teller in (("C1", "T1001"), ("C2", "T1002"), ("C3", "T1003")):
            branch.open_counter(counter, teller)
        records = RecordsService(branch, load_catalogue())
        quick = serve(branch, clock, "C1", [TransactionLine("ACCT_OPEN")], 25)
        serve(branch, clock, "C2", [TransactionLine("CASH_DEP", 1, 2000)], 1.4)
        serve(branch, clock, "C3", [TransactionLine("CASH_WDL", 1, 500)], 200)
        records.review_short(boss, quick, ShortDecision.APPROVED, "Customer brought the form filled in")

        supervisor = SupervisorService(branch, load_alert_settings(), load_staffing_settings(), boss)
        supervisor._forecast = (TODAY, FORECAST)  # the demo store has no past weeks to forecast from
        window = SupervisorWindow(supervisor, i18n, None, Announcer(CallSettings(chime=False, speech=False)), "Demo")
        window.resize(1400, 820)
        window.show()
        wait_for(lambda: window.overview is not None and bool(window.staff_names))
        grab(window, "supervisor_lunch_cover_en.png")
        i18n.set_language("zh_CN")
        grab(window, "supervisor_lunch_cover_zh_CN.png")
        i18n.set_language("en")
        window.tabs.setCurrentWidget(window.staffing_page)
        wait_for(lambda: window.breaks_panel is not None and len(window.breaks_panel.model.rows) == 2)
        wait_for(lambda: window.staffing.day is not None, 120)
        grab(window.staffing_page, "supervisor_breaks_en.png")
        window.close()

        panel = ShortVisitsPanel(records, boss, TODAY)
        panel.resize(1200, 360)
        panel.show()
        wait_for(lambda: len(panel.model.rows) == 2 and not panel.runner.busy)
        grab(panel, "supervisor_short_visits_en.png")
        panel.close()

        report = records.report(boss, records.period(date(2026, 11, 1), date(2026, 11, 30)), load_scheme())
        page = QSizeF(1032, 700)
        document = build_document(report, "Counterline Demo Branch", records.type_names(), NOW, page)
        statement = next(i for i in range(document.pageCount()) if i >= 2)  # after the branch pages: Li Na's
        image = QImage(1032, 700, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.translate(0, -statement * 700)
        document.drawContents(painter, QRectF(0, statement * 700, 1032, 700))
        painter.end()
        image.save(str(OUT / "pay_statement_en.png"))
        print(OUT / "pay_statement_en.png")
        store.close()
    app.quit()


if __name__ == "__main__":
    main()
