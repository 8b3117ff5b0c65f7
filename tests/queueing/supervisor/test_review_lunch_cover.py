"""Adversarial review: lunch cover with a counter already paused for lunch."""

from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from queueing.core.categories import load_branch_config
from queueing.supervisor.alerts import AlertKind
from queueing.supervisor.break_plan import Break
from queueing.supervisor.lunch_cover import CoverCheck, CoverSettings, Load, cover_alerts

SHANGHAI = ZoneInfo("Asia/Shanghai")
MONDAY = date(2026, 11, 23)


@dataclass
class Counter:
    id: str
    name: str
    profile: dict
    status: str = "open"
    staff_id: str | None = None
    pause_reason: str | None = None
    status_since: datetime | None = None
    current: object | None = None


def test_a_counter_already_paused_for_lunch_does_not_cover_anothers_break():
    """CASH must keep 2 counters open. C3's teller went to lunch at 11:40 (paused, reason lunch: an hour away).
    At 11:45 Li Na's 12:00 break would leave C2 alone for cash: the cover check must warn. It counts the
    paused-for-lunch C3 as staffed throughout 12:00-12:45 and says nothing."""
    config = load_branch_config()
    counters = [
        Counter("C1", "1", {"CASH": 1}, staff_id="T1001"),
        Counter("C2", "2", {"CASH": 1}, staff_id="T1002"),
        Counter(
            "C3",
            "3",
            {"CASH": 1},
            status="paused",
            staff_id="T1003",
            pause_reason="lunch",
            status_since=datetime.combine(MONDAY, time(11, 40), tzinfo=SHANGHAI),
        ),
    ]
    forecast = {h: {"CASH": Load(10.0, 180.0)} for h in (11, 12, 13)}  # light: one counter keeps the wait short
    lunch = Break("b-T1001", "T1001", MONDAY, time(12, 0), 45, "S1")
    check = CoverCheck([lunch], counters, forecast, config, CoverSettings(min_open={"CASH": 2}))
    now = datetime.combine(MONDAY, time(11, 45), tzinfo=SHANGHAI)
    alerts = [a for a in cover_alerts(now, check) if a.kind is AlertKind.BREAK_COVER]
    assert alerts, "no lunch-cover warning although only C2 would serve cash during the break"
    assert alerts[0].facts["open_during"] == 1
