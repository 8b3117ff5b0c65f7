"""Lunch cover: a break that would leave a category under-served is flagged early, with Erlang C advice."""

import dataclasses
import math
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from queueing.core.categories import load_branch_config
from queueing.core.events import EventType
from queueing.supervisor.alerts import AlertKind, Severity
from queueing.supervisor.break_plan import Break, BreakRefused, RotaBreak, breaks_for_day, cancel_break, schedule_break
from queueing.supervisor.lunch_cover import (
    CoverCheck,
    CoverSettings,
    Load,
    checked_counters,
    counters_for,
    cover_alerts,
    expected_wait,
)
from queueing.waits.erlang import mean_wait

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


@dataclass
class Fact:
    type: EventType
    payload: dict = field(default_factory=dict)


@pytest.fixture(scope="module")
def config():
    return load_branch_config()


def counters(fx=False):
    return [
        Counter("C1", "1", {"CASH": 1}, staff_id="T1001"),
        Counter("C2", "2", {"CASH": 1, "FX": 2} if fx else {"CASH": 1}, staff_id="T1002"),
        Counter("C3", "3", {"CASH": 1}, staff_id="T1003"),
        Counter("C4", "4", {"CASH": 2}, status="closed"),
        Counter("C5", "5", {"LOANS": 1}, staff_id="T1005"),
    ]


# Busy 11:00-13:00 (2 erlangs of cash: 40 an hour x 3 minutes), quiet from 13:00.
FORECAST = {h: {"CASH": Load(40.0, 180.0)} for h in (11, 12)} | {h: {"CASH": Load(10.0, 180.0)} for h in (13, 14, 15)}


def lunch(staff="T1002", start=time(12, 0), minutes=45, day=MONDAY, id_=None):
    return Break(id_ or f"b-{staff}", staff, day, start, minutes, "S1")


def local(hour, minute=0, day=MONDAY):
    return datetime.combine(day, time(hour, minute), tzinfo=SHANGHAI)


def check(config, breaks, settings=None, counters_=None, forecast=FORECAST):
    return CoverCheck(breaks, counters_ or counters(), forecast, config, settings or CoverSettings())


def test_a_lunch_that_leaves_cash_unstable_is_flagged_with_concrete_advice(config):
    alerts = check(config, [lunch()], counters_=counters(fx=True))
    alerts = {a.facts["category"]: a for a in cover_alerts(local(11, 40), alerts)}
    alert = alerts["CASH"]
    f = alert.facts
    assert (alert.kind, alert.severity, f["category"], f["staff_id"]) == (
        AlertKind.BREAK_COVER, Severity.WARNING, "CASH", "T1002"
    )
    # Two counters for two erlangs: the queue has no bound; three keep it at Erlang C's 80 seconds.
    assert (f["open_during"], math.isinf(f["wait_s"])) == (2, True)
    assert f["wait_without_s"] == pytest.approx(mean_wait(3, 40 / 3600, 180.0)) == pytest.approx(80.0, abs=1)
    assert f["needed"] == 3
    assert f["open_counter"] == "4"
    assert f["move_to"] == "13:00"  # the first start whose 45 minutes stay out of the busy hours
    assert (f["start"], f["end"]) == (local(12), local(12, 45))
    # C2 is the only counter for FX: nobody is forecast for it, but it falls below its minimum of one counter.
    fx = alerts["FX"].facts
    assert (alerts["FX"].severity, fx["open_during"], fx["wait_s"], fx["needed"]) == (Severity.CRITICAL, 0, 0.0, 1)
    assert fx["open_counter"] is None and fx["move_to"] is None  # no start helps: only C2 serves FX


@pytest.mark.parametrize(("hour", "minute", "expected"), [(11, 20, None), (11, 30, "warning"), (12, 10, "critical"),
                                                          (12, 45, None)])
def test_the_alert_holds_from_the_lead_time_until_the_break_ends(config, hour, minute, expected):
    alerts = cover_alerts(local(hour, minute), check(config, [lunch()]))
    cash = [a for a in alerts if a.facts["category"] == "CASH"]
    assert (cash[0].severity.value if cash else None) == expected


def test_a_move_avoids_another_tellers_break(config):
    other = lunch("T1001", time(13, 0), 60)
    two = CoverSettings(min_open={"CASH": 2})
    (alert,) = [a for a in cover_alerts(local(11, 40), check(config, [lunch(), other], two)) if "T1002" in a.subject]
    assert alert.facts["move_to"] == "14:00"  # 13:00-13:45 would leave one counter while T1001 is away
    (alert,) = [a for a in cover_alerts(local(11, 40), check(config, [lunch(), other])) if "T1002" in a.subject]
    assert alert.facts["move_to"] == "13:00"  # with a minimum of one, the quiet hour copes with one counter


def test_below_the_minimum_open_counters_even_when_quiet(config):
    quiet = {12: {"CASH": Load(2.0, 180.0)}}
    settings = CoverSettings(min_open={"CASH": 3})
    (alert,) = cover_alerts(local(11, 40), check(config, [lunch()], settings, forecast=quiet))
    assert alert.severity is Severity.CRITICAL and alert.facts["needed"] == 3 and alert.facts["wait_s"] < 600
    assert cover_alerts(local(11, 40), check(config, [lunch()], CoverSettings(), forecast=quiet)) == []


def test_no_alert_for_a_teller_away_from_the_counters_or_a_closed_counter(config):
    assert cover_alerts(local(11, 40), check(config, [lunch("T9999")])) == []
    idle = counters()
    idle[1].status = "closed"
    assert cover_alerts(local(11, 40), check(config, [lunch()], counters_=idle)) == []


def test_no_move_offered_when_no_start_fits(config):
    busy = {h: {"CASH": Load(40.0, 180.0)} for h in range(9, 17)}
    (alert,) = cover_alerts(local(11, 40), check(config, [lunch()], forecast=busy))
    assert alert.facts["move_to"] is None and alert.facts["open_counter"] == "4"


def test_erlang_helpers():
    assert expected_wait(0, Load(1.0, 60)) == math.inf
    assert expected_wait(0, None) == 0.0 and expected_wait(3, Load(0.0, 60)) == 0.0
    assert counters_for(Load(40.0, 180.0), 600, 1) == 3
    assert counters_for(None, 600, 2) == 2


# -- the plan of a day ------------------------------------------------------------------
ROTA = (RotaBreak("T1001", frozenset({0, 1, 2, 3, 4}), time(12), 45), RotaBreak("T1002", frozenset({0}), time(13), 30))


def test_a_supervisors_break_replaces_the_rota_and_a_cancellation_removes_it():
    moved = Fact(EventType.BREAK_SCHEDULED, schedule_break("T1001", MONDAY, "13:15", 30, "S1", "brk:1")[1])
    other_day = Fact(EventType.BREAK_SCHEDULED, schedule_break("T1003", MONDAY + timedelta(1), "12:00", 30, "S1")[1])
    damaged = Fact(EventType.BREAK_SCHEDULED, {"break_id": "x", "day": MONDAY.isoformat(), "start": "25:00"})
    plan = breaks_for_day(ROTA, [moved, other_day, damaged], MONDAY)
    assert [(b.staff_id, b.start, b.minutes) for b in plan] == [("T1002", time(13), 30), ("T1001", time(13, 15), 30)]
    cancel = Fact(EventType.BREAK_CANCELLED, cancel_break(plan, "rota:T1002:2026-11-23", "S1")[1])
    assert [b.id for b in breaks_for_day(ROTA, [moved, other_day, cancel], MONDAY)] == ["brk:1"]
    assert breaks_for_day(ROTA, [], MONDAY + timedelta(days=5)) == []  # Saturday: no rota


@pytest.mark.parametrize(
    ("args", "match"),
    [
        (("T1", MONDAY, "24:00", 30, "S1"), "clock time"),
        (("T1", MONDAY, "12:5", 30, "S1"), "clock time"),
        (("T1", MONDAY, "12:00", 4, "S1"), "5 to 180"),
        (("T1", MONDAY, "12:00", 181, "S1"), "5 to 180"),
        (("T1", MONDAY, "12:00", True, "S1"), "5 to 180"),
        (("<script>", MONDAY, "12:00", 30, "S1"), "staff id"),
        (("T1\u202e", MONDAY, "12:00", 30, "S1"), "staff id"),
        (("T1", MONDAY, "12:00", 30, ""), "names the supervisor"),
    ],
)
def test_bad_breaks_are_refused(args, match):
    with pytest.raises(BreakRefused, match=match):
        schedule_break(*args)


def test_cancel_needs_a_known_break():
    with pytest.raises(BreakRefused, match="no break"):
        cancel_break([], "rota:T1:2026-11-23", "S1")


# -- clocks: midnight and daylight saving ----------------------------------------------
def test_a_break_across_midnight_ends_the_next_day():
    begin, end = Break("b", "T1", MONDAY, time(23, 30), 60).span("Asia/Shanghai")
    assert begin == datetime(2026, 11, 23, 15, 30, tzinfo=UTC) and end - begin == timedelta(minutes=60)
    assert end.astimezone(SHANGHAI) == local(0, 30, MONDAY + timedelta(days=1))


@pytest.mark.parametrize(
    ("day", "start", "utc_start"),
    [
        (date(2026, 3, 29), time(1, 30), datetime(2026, 3, 29, 0, 30, tzinfo=UTC)),  # spans the jump to 03:00
        (date(2026, 3, 29), time(2, 30), datetime(2026, 3, 29, 1, 30, tzinfo=UTC)),  # 02:30 does not exist
        (date(2026, 10, 25), time(2, 30), datetime(2026, 10, 25, 0, 30, tzinfo=UTC)),  # twice: the first one
    ],
)
def test_breaks_last_their_real_minutes_across_daylight_saving(day, start, utc_start):
    begin, end = Break("b", "T1", day, start, 60).span("Europe/Berlin")
    assert begin == utc_start and end - begin == timedelta(hours=1)


def test_the_alert_follows_the_branch_zone_on_a_dst_day(config):
    berlin = dataclasses.replace(config, timezone="Europe/Berlin")
    day = date(2026, 3, 30)  # the Monday after the change: CEST, UTC+2
    b = Break("b", "T1002", day, time(12), 45)
    now = datetime(2026, 3, 30, 9, 40, tzinfo=UTC)  # 11:40 in Berlin
    (alert,) = cover_alerts(now, CoverCheck([b], counters(), FORECAST, berlin, CoverSettings()))
    assert alert.facts["start"] == datetime(2026, 3, 30, 10, 0, tzinfo=UTC) and alert.facts["move_to"] == "13:00"


def test_the_simulation_checks_erlang_cs_counters():
    needed, simulated = checked_counters(Load(40.0, 180.0), 600, 1)
    # Exponential service: the engine agrees with Erlang C's 80 s within the noise of ten simulated days.
    assert needed == 3 and simulated == pytest.approx(mean_wait(3, 40 / 3600, 180.0), rel=0.4)
    assert checked_counters(None, 600, 2) == (2, None)


def test_a_simulated_wait_over_target_adds_counters(monkeypatch):
    waits = iter([900.0, 700.0, 100.0])
    monkeypatch.setattr("queueing.supervisor.lunch_cover.simulated_wait", lambda *args: next(waits))
    assert checked_counters(Load(40.0, 180.0), 600, 1) == (5, 100.0)  # 3 by Erlang C, two more by simulation
    waits = iter([900.0, 900.0, 900.0, 900.0])
    assert checked_counters(Load(40.0, 180.0), 600, 1) == (5, 900.0)  # at most MAX_EXTRA more


def test_staffing_toml_breaks_and_cover_are_read_and_checked():
    from queueing.core.errors import ConfigError
    from queueing.supervisor.staffing import load_staffing_settings, parse_staffing_settings

    shipped = load_staffing_settings(known_categories=load_branch_config().categories)
    assert shipped.min_open == {"CASH": 2} and shipped.cover_lead_s == 1800
    rota = {(b.staff_id, b.start, b.minutes) for b in shipped.rota}
    assert rota == {("T1001", time(12), 45), ("T1002", time(12, 45), 45)}
    bad = {
        '[cover]\nmin_open = { CAHS = 2 }\n': "cover.min_open.CAHS",
        '[cover]\nlead_minutes = 30\n': "cover",
        '[[breaks]]\nstaff = "T1"\ndays = ["mon"]\nstart = "12:00"\nminutes = 200\n': "breaks[0].minutes",
        '[[breaks]]\nstaff = "T1"\ndays = ["monday"]\nstart = "12:00"\nminutes = 30\n': "breaks[0].days",
        '[[breaks]]\nstaff = "T1"\ndays = ["mon"]\nstart = "24:00"\nminutes = 30\n': "breaks[0].start",
        '[[breaks]]\nstaff = "<b>"\ndays = ["mon"]\nstart = "12:00"\nminutes = 30\n': "breaks[0].staff",
        '[[breaks]]\nstaff = "T1"\ndays = ["mon"]\nstart = "12:00"\nminutes = 30\nlunch = true\n': "breaks[0]",
    }
    for text, key in bad.items():
        with pytest.raises(ConfigError) as caught:
            parse_staffing_settings(text, "staffing.toml", load_branch_config().categories)
        assert caught.value.key.startswith(key), (text, caught.value)


def test_a_break_across_midnight_reads_the_next_days_first_hour(config):
    # A late shift: the break 23:30-00:30; only the hour after midnight is busy.
    forecast = {23: {"CASH": Load(2.0, 180.0)}, 0: {"CASH": Load(40.0, 180.0)}}
    night = lunch(start=time(23, 30), minutes=60)
    (alert,) = cover_alerts(local(23, 10), check(config, [night], forecast=forecast))
    assert alert.facts["end"] == local(0, 30, MONDAY + timedelta(days=1))
    assert math.isinf(alert.facts["wait_s"])  # two counters for two erlangs after midnight
    assert alert.facts["move_to"] is None  # no start within opening hours, and never onto another day
    assert cover_alerts(local(0, 31, MONDAY + timedelta(days=1)), check(config, [night], forecast=forecast)) == []
    quiet = {23: {"CASH": Load(2.0, 180.0)}}
    assert cover_alerts(local(23, 10), check(config, [night], forecast=quiet)) == []


def test_a_move_is_never_offered_in_the_past(config):
    # At 12:10 the break is under way; starts before now are not offered, 13:00 is.
    (alert,) = cover_alerts(local(12, 10), check(config, [lunch()]))
    assert alert.facts["under_way"] and alert.facts["move_to"] == "13:00"
    late = lunch(start=time(11, 0), minutes=45)
    busy_after = {h: {"CASH": Load(40.0, 180.0)} for h in range(11, 17)} | {10: {"CASH": Load(5.0, 180.0)}}
    (alert,) = cover_alerts(local(10, 40), check(config, [late], forecast=busy_after))
    assert alert.facts["move_to"] is None  # 10:00 would do, but it is past


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
