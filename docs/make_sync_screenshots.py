"""Screenshots of the supervisor's Sync tab: ``.venv/bin/python docs/make_sync_screenshots.py``.

A throw-away demo store where a ticket was called at two counters by stations that were apart, a break two
supervisors moved (one on a station that was offline), one event the branch server refused and a station whose
clock is two hours behind; the tab is grabbed in
English and Simplified Chinese into docs/screenshots/supervisor_sync_{language}.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

from PySide6.QtCore import QCoreApplication  # noqa: E402
from uuid6 import uuid7  # noqa: E402

from models.branch.prepare import prepare_demo_station  # noqa: E402
from models.branch.service import BranchService  # noqa: E402
from models.staff.session import SignInMode, issue_session  # noqa: E402
from models.store.database import open_store  # noqa: E402
from models.supervisor.service import SupervisorService  # noqa: E402
from models.sync.refusal_codes import refusal_code  # noqa: E402
from models.sync.tables import SyncStationRow  # noqa: E402
from models.sync.upstream import quarantine  # noqa: E402
from queueing.core.clock import ManualClock  # noqa: E402
from queueing.core.events import Event, EventType  # noqa: E402
from queueing.core.roles import Role  # noqa: E402
from queueing.supervisor.alerts import load_alert_settings  # noqa: E402
from queueing.supervisor.break_plan import schedule_break  # noqa: E402
from queueing.supervisor.staffing import load_staffing_settings  # noqa: E402
from ui.app.application import create_app  # noqa: E402
from ui.display.announcer import Announcer, CallSettings  # noqa: E402
from ui.supervisor.sync import SyncIssuesPanel  # noqa: E402
from ui.supervisor.window import SupervisorWindow  # noqa: E402

SHOTS = ROOT / "docs" / "screenshots"


def build(folder: Path) -> tuple[BranchService, object]:
    clock = ManualClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
    store = open_store(str(folder / "branch.db"))
    station = prepare_demo_station(store, "PC-COUNTER-1", clock)
    branch = station.branch
    other = BranchService(store, branch.config, branch.branch_id, "PC-COUNTER-2", clock)
    for counter_id, teller in (("C1", "T1001"), ("C2", "T1002")):
        other.open_counter(counter_id, teller)
    for _ in range(3):
        other.issue_ticket("CASH")
    ticket = other.issue_ticket("CASH").ticket
    other.call_ticket("C1", ticket.id, "asked for by name", "T1001")
    late = Event(
        str(uuid7()), branch.branch_id, "PC-COUNTER-3", 1, "000000000000001-00000-PC-COUNTER-3",
        EventType.TICKET_CALLED, clock.now(), {"ticket_id": ticket.id, "counter_id": "C2", "staff_id": "T1002"},
    )  # fmt: skip
    branch.record_many([late])
    branch.record_many(_break_moved_twice(clock))
    (bad,) = other.ctx.build(
        99, [(EventType.COUNTER_CONFIGURED, {"counter_id": "C9", "name": "Window\x009", "profile": {"CASH": 1}})]
    )
    with store.write_session() as session:
        line = "DataError: PostgreSQL text fields cannot contain NUL (0x00) bytes"
        quarantine(session, bad, line, clock.now(), refusal_code(bad, ValueError(line)))
        behind = {"station_id": "PC-COUNTER-3", "series_tag": "C", "registered_at": clock.now()}
        behind |= {"clock_offset_ms": 7_200_000, "clock_measured_at": clock.now()}
        session.add(SyncStationRow(branch_id=branch.branch_id, **behind))
    who = ("S2001", "Zhang Wei", Role.SUPERVISOR, "PC-SUP")
    session_ = issue_session(branch.branch_id, *who, clock.now(), SignInMode.ONLINE)
    return branch, session_


def _break_moved_twice(clock: ManualClock) -> list[Event]:
    """Kim Min-jun's noon break moved to 13:00 by the administrator, then to 14:00 by Wang Fang offline."""
    rota_break, events = "rota:T1002:2026-11-23", []
    for n, (station, by, start) in enumerate((("PC-SUP", "A3001", "13:00"), ("PC-COUNTER-3", "S2001", "14:00"))):
        moved = schedule_break("T1002", date(2026, 11, 23), start, 30, by, replaces=rota_break)
        for seq, (kind, payload) in enumerate((moved, (EventType.BREAK_CANCELLED, {"break_id": rota_break, "by": by}))):
            at = clock.now() - timedelta(minutes=20 - 12 * n)
            hlc = f"00000000000000{seq + 2}-00000-{station}"
            events.append(Event(str(uuid7()), "DEMO", station, 10 + seq, hlc, kind, at, payload))
    return events


def main() -> None:
    app, i18n = create_app("en")
    with tempfile.TemporaryDirectory() as tmp:
        branch, session = build(Path(tmp))
        supervisor = SupervisorService(branch, load_alert_settings(), load_staffing_settings(), session)
        panel = SyncIssuesPanel(supervisor)
        window = SupervisorWindow(
            supervisor, i18n, None, Announcer(CallSettings(speech=False)), "Demo", sync_issues=panel
        )
        window.resize(1280, 800)
        window.show()
        window.tabs.setCurrentWidget(panel)
        for language in ("en", "zh_CN"):
            i18n.set_language(language)
            panel.issues = None
            panel.refresh()
            while panel.issues is None:
                QCoreApplication.processEvents()
            for _ in range(20):
                QCoreApplication.processEvents()
            window.grab().save(str(SHOTS / f"supervisor_sync_{language}.png"))
            print(f"wrote docs/screenshots/supervisor_sync_{language}.png")
        window.close()
        branch.store.close()
    del app


if __name__ == "__main__":
    main()
