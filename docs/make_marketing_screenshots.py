"""Screenshots of the marketing desk: ``.venv/bin/python docs/make_marketing_screenshots.py``.

A throw-away demo store at Monday 23 November 2026, 09:30: a month of pitches made the way tellers make
them (models/demo/pitches.py), follow-ups due and overdue, deposits maturing, an appointment tomorrow.
Writes docs/screenshots/supervisor_{follow_ups,call_list,marketing}_en.png, supervisor_marketing_zh_CN.png
and station_notes_en.png.
"""

from __future__ import annotations

import os
import secrets
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["TZ"] = "Asia/Shanghai"  # the demo branch's zone: the windows show local wall-clock times
time.tzset()
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QCoreApplication  # noqa: E402
from PySide6.QtWidgets import QWidget  # noqa: E402
from sqlalchemy import update  # noqa: E402

from models.appointments.service import AppointmentService  # noqa: E402
from models.branch.prepare import prepare_demo_station, seed_demo_queue  # noqa: E402
from models.customers.desk import CustomerDesk  # noqa: E402
from models.customers.service import CustomerService  # noqa: E402
from models.customers.tables import HoldingRow  # noqa: E402
from models.demo.customers import generate_customers  # noqa: E402
from models.demo.pitches import simulate_pitches  # noqa: E402
from models.marketing.call_list import CallListService  # noqa: E402
from models.marketing.crosssell_service import CrossSellService  # noqa: E402
from models.marketing.follow_ups import FollowUpService  # noqa: E402
from models.store.database import open_store  # noqa: E402
from models.supervisor.service import SupervisorService  # noqa: E402
from queueing.core.clock import ManualClock  # noqa: E402
from queueing.crosssell.rules import RuleBook  # noqa: E402
from queueing.customers.profiles import CallResult, Channel  # noqa: E402
from queueing.supervisor.alerts import load_alert_settings  # noqa: E402
from queueing.supervisor.staffing import load_staffing_settings  # noqa: E402
from ui.app.application import build_window, create_app  # noqa: E402
from ui.display.announcer import Announcer, CallSettings  # noqa: E402
from ui.reports.marketing_panel import MarketingPanel  # noqa: E402
from ui.supervisor.call_list_panel import CallListPanel  # noqa: E402
from ui.supervisor.follow_ups_panel import FollowUpsPanel  # noqa: E402
from ui.supervisor.window import SupervisorWindow  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
NOW = datetime(2026, 11, 23, 1, 30, tzinfo=UTC)  # Monday 09:30 in Shanghai
TODAY = date(2026, 11, 23)
TELLERS = ("T1001", "T1002", "T1003")
SESSIONS: dict = {}  # staff id -> the session signing in with the demo PIN gave
NOTES = (
    (1, "Call about renewing the 12-month deposit; prefers a call after 18:00", -3, "T1001"),
    (2, "Send the fund leaflet and book a meeting with the relationship manager", 0, "T1002"),
    (3, "Interested in a credit card with the salary account: bring payslips", 0, "T1001"),
    (4, "Pension transfer from the old employer: check the papers arrived", 2, "T1003"),
    (5, "Mortgage pre-approval: call back with the rate", 5, "T1002"),
)


def wait_for(condition, timeout_s: float = 30.0) -> None:
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


def sign_in(station, staff_id: str):
    """The demo account's session, signed in with its PIN from resources/demo_branch.toml."""
    if staff_id not in SESSIONS:
        pin = next(str(e["pin"]) for e in station.demo.staff if e["id"] == staff_id)
        SESSIONS[staff_id] = station.staff.verify(staff_id, pin, "SHOTS")
    return SESSIONS[staff_id]


def fill_store(store, branch, key, clock) -> None:
    generate_customers(store, branch.branch_id, key, 300, today=TODAY, seed=9)
    tellers = tuple(SESSIONS[t] for t in TELLERS)
    simulate_pitches(store, branch.branch_id, key, tellers, 300, date(2026, 10, 26), 28, visits_per_day=40,
                     timezone=branch.config.timezone, seed=9)
    with store.write_session() as session:  # a few deposits mature in the coming weeks
        for customer_id, days in ((7, 3), (11, 9), (15, 14), (21, 20), (30, 27), (42, 6)):
            session.execute(update(HoldingRow).where(HoldingRow.customer_id == customer_id,
                                                     HoldingRow.kind == "time_deposit")
                            .values(matures_on=TODAY + timedelta(days=days)))
    week_ago = ManualClock(NOW - timedelta(days=7))  # the follow-ups were planned a week ago
    notes = FollowUpService(store, branch.branch_id, clock=week_ago, timezone=branch.config.timezone)
    for customer_id, text, due_in, owner in NOTES:
        actor = SESSIONS[owner]
        notes.add_follow_up(actor, customer_id, Channel.COUNTER, text, TODAY + timedelta(days=due_in), owner)
    # The relationship managers have worked through the interest shown before last week.
    for due in notes.due(SESSIONS["S2001"], 0):
        if due.follow_up.next_action_on < TODAY - timedelta(days=1) and due.follow_up.text.startswith("Interested"):
            notes.mark_done(SESSIONS["S2001"], due.follow_up.id, "Called back: not this month")
    appointments = AppointmentService(branch)
    appointments.book(SESSIONS["S2001"], 42, "LOANS", datetime(2026, 11, 24, 10, 30), note="deposit renewal")
    appointments.book(SESSIONS["S2001"], 8, "CASH", datetime(2026, 11, 24, 9, 15))
    calls = CallListService(store, branch.branch_id, clock=clock, timezone=branch.config.timezone)
    deposit = next(c for c in calls.maturities(SESSIONS["S2001"], 30) if c.customer_id == 11)
    calls.record_call(SESSIONS["S2001"], 11, CallResult.NO_ANSWER, deposit.holding_id)


def supervisor_shots(i18n, branch, store, key, clock) -> None:
    zone = branch.config.timezone
    customers = CustomerService(store, branch.branch_id, key, clock=clock, timezone=zone)
    follow_ups = FollowUpsPanel(FollowUpService(store, branch.branch_id, clock=clock, timezone=zone), SESSIONS["S2001"])
    call_list = CallListPanel(CallListService(store, branch.branch_id, clock=clock, timezone=zone), SESSIONS["S2001"],
                              customers, AppointmentService(branch))
    crosssell = CrossSellService(store, branch.branch_id, RuleBook(), clock=clock, timezone=zone)
    marketing = MarketingPanel(crosssell, SESSIONS["S2001"], TODAY)
    marketing.first.setDate(marketing.first.date().addMonths(-1))
    supervisor = SupervisorWindow(
        SupervisorService(branch, load_alert_settings(), load_staffing_settings(), SESSIONS["S2001"]),
        i18n,
        announcer=Announcer(CallSettings(chime=False, speech=False)),
        branch_name=branch.branch_name(),
        desk_tabs=(follow_ups, call_list, marketing),
    )
    supervisor.resize(1400, 760)
    supervisor.show()
    supervisor.tabs.setCurrentWidget(follow_ups)
    follow_ups.days.setValue(7)
    wait_for(lambda: len(follow_ups.model.rows) >= 5 and not follow_ups.runner.busy)
    follow_ups.table.selectRow(0)
    grab(supervisor, "supervisor_follow_ups_en.png")
    supervisor.tabs.setCurrentWidget(call_list)
    wait_for(lambda: len(call_list.model.rows) >= 6 and not call_list.runner.busy)
    call_list.table.selectRow(2)
    call_list.reveal(call_list.model.rows[2].customer_id, "Maturity call")
    wait_for(lambda: bool(call_list.model.revealed))
    grab(supervisor, "supervisor_call_list_en.png")
    supervisor.tabs.setCurrentWidget(marketing)
    marketing.reload()
    wait_for(lambda: marketing.report is not None and not marketing.runner.busy)
    marketing.group.setCurrentIndex(marketing.group.findData("rule"))
    grab(supervisor, "supervisor_marketing_en.png")
    i18n.set_language("zh_CN")
    marketing.group.setCurrentIndex(marketing.group.findData("week"))
    grab(supervisor, "supervisor_marketing_zh_CN.png")
    i18n.set_language("en")
    supervisor.close()


def station_shot(i18n, station, store, key, clock) -> None:
    branch = station.branch
    rules = RuleBook()
    zone = branch.config.timezone
    desk = CustomerDesk(
        CustomerService(store, branch.branch_id, key, rulebook=rules, clock=clock, timezone=zone),
        CrossSellService(store, branch.branch_id, rules, clock=clock, timezone=zone),
        "SHOTS",
    )
    window = build_window(station, i18n, "C1", desk=desk, idle_minutes=0)
    window.ctx.customers = desk
    window.resize(1360, 860)
    window.show()
    window.sign_in_page.sig_sign_in.emit("T1001", "1111", "C1")
    wait_for(lambda: window.ctx.signed_in is not None)
    wait_for(lambda: window.my_counter() is not None and window.my_counter().status == "open")
    window.station_actions["call_next"].trigger()
    wait_for(lambda: window.my_counter() is not None and window.my_counter().current is not None)
    staff = window.ctx.signed_in
    customer = next(cid for cid in range(60, 300) if len(desk.open(staff, cid, None).prompts) == 2)
    notes = FollowUpService(store, branch.branch_id, clock=clock, timezone=zone)
    actor = SESSIONS["T1002"]
    notes.add_note(actor, customer, "Asked for statements in English from now on")
    notes.add_follow_up(actor, customer, Channel.PHONE, "Call when the salary transfer has arrived",
                        TODAY + timedelta(days=2), "T1002")
    window.show_profile(desk.open(staff, customer, None), window.my_counter().current.id)
    grab(window, "station_notes_en.png")
    window.close()


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    app, i18n = create_app("en")
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(str(Path(tmp) / "shots.db"))
        clock = ManualClock(NOW)
        station = prepare_demo_station(store, "SHOTS", clock)
        branch = station.branch
        for staff_id in (*TELLERS, "S2001"):
            sign_in(station, staff_id)
        for counter, staff in (("C2", "T1002"), ("C4", "T1003")):
            branch.open_counter(counter, staff)
        seed_demo_queue(branch)
        key = secrets.token_bytes(32)
        fill_store(store, branch, key, clock)
        supervisor_shots(i18n, branch, store, key, clock)
        station_shot(i18n, station, store, key, clock)
        store.close()
    app.quit()


if __name__ == "__main__":
    main()
