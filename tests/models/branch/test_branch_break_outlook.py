"""The live estimate knows the tellers' breaks (staffing.toml's rota and the supervisor's changes) and the hour
the kiosk stops issuing: a break follows its teller, is expected once, and the kiosk tile and the ticket agree."""

from dataclasses import replace
from datetime import UTC, date, datetime, time, timedelta

import pytest

from models.branch.day_plan import DayPlan, load_day_plan
from models.branch.service import BranchService
from models.demo.branch_setup import set_up_counter
from queueing.core.categories import load_branch_config
from queueing.core.events import EventType
from queueing.supervisor.break_plan import RotaBreak, schedule_break

MONDAY = date(2026, 11, 23)  # the clock fixture's day: 01:00 UTC is 09:00 in Asia/Shanghai
WEEKDAYS = frozenset(range(5))


def rota(*entries: tuple[str, time, int]) -> tuple[RotaBreak, ...]:
    return tuple(RotaBreak(staff, WEEKDAYS, start, minutes) for staff, start, minutes in entries)


def make(store, clock, day: DayPlan, counters=(("C1", {"CASH": 1}), ("C2", {"CASH": 1})), zone=None):
    config = load_branch_config()
    if zone is not None:
        config = replace(config, timezone=zone)
    branch = BranchService(store, config, "B1", "ST1", clock, day)
    branch.ensure_branch("Test branch")
    for counter_id, profile in counters:
        set_up_counter(branch, counter_id, counter_id, profile)
    return branch


def schedule(branch: BranchService, staff: str, day: date, start: str, minutes: int) -> str:
    """A supervisor's break, appended as BreakService appends it."""
    change = schedule_break(staff, day, start, minutes, "S1")
    branch.run(lambda c: c.ctx.build(c.state.next_seq(c.ctx.station_id), [change]))
    return change[1]["break_id"]


def cancel(branch: BranchService, break_id: str) -> None:
    change = (EventType.BREAK_CANCELLED, {"break_id": break_id, "by": "S1"})
    branch.run(lambda c: c.ctx.build(c.state.next_seq(c.ctx.station_id), [change]))


def plan_of(branch: BranchService, counter_id: str):
    return branch._outlook(branch.clock.now()).plans.get(counter_id)


def serve(branch: BranchService, *counters: str) -> None:
    """Each counter calls and starts serving a new CASH customer."""
    for counter_id in counters:
        branch.issue_ticket("CASH")
        branch.call_next(counter_id)
        branch.start(counter_id)


def test_a_break_due_before_the_call_lengthens_the_wait_and_tile_and_ticket_agree(store, clock):
    branch = make(store, clock, DayPlan(rota(("T2", time(9, 10), 45)), 17))
    branch.sign_in("C1", "T1")
    branch.sign_in("C2", "T2")
    serve(branch, "C1", "C2")
    for _ in range(7):
        branch.issue_ticket("CASH")
    assert plan_of(branch, "C2").break_from_s == pytest.approx(600.0)  # T2's lunch in ten minutes
    assert plan_of(branch, "C2").break_s == pytest.approx(45 * 60.0)
    assert plan_of(branch, "C1") is None
    tile = branch.snapshot(ahead=True).ahead_by_category["CASH"]
    printed = branch.issue_ticket("CASH").ticket
    assert printed.position == tile == 7
    assert printed.estimate_mean_s == pytest.approx(branch.ticket(printed.id).estimate_mean_s)
    # The same store and moment, with a branch that plans no breaks: the ticket would be called much sooner.
    unplanned = BranchService(store, branch.config, "B1", "ST9", clock, DayPlan(closing_hour=17))
    without = unplanned.ticket(printed.id).estimate_mean_s
    assert printed.estimate_mean_s > 1.3 * without  # 1351 s against 960 s
    # Once the break is cancelled the estimate is the unplanned one again.
    cancel(branch, "rota:T2:2026-11-23")
    assert plan_of(branch, "C2") is None
    assert branch.ticket(printed.id).estimate_mean_s == pytest.approx(without)


def test_the_tile_counts_those_a_break_holds_back_as_the_ticket_does(store, clock):
    """C2 (loans only) is free, but its teller's break is overdue: the loan customer waits 45 minutes, so a
    cash customer taken now is called first; the tile and the printed ticket must both say so."""
    counters = (("C1", {"CASH": 1}), ("C2", {"LOANS": 1}))
    branch = make(store, clock, DayPlan(rota(("T2", time(8, 50), 45)), 17), counters)
    branch.sign_in("C1", "T1")
    branch.sign_in("C2", "T2")
    serve(branch, "C1")
    branch.issue_ticket("LOANS")
    assert plan_of(branch, "C2").break_from_s == 0.0  # due since 08:50: at its next free moment
    tile = branch.snapshot(ahead=True).ahead_by_category["CASH"]
    assert branch.issue_ticket("CASH").ticket.position == tile == 0


def test_a_break_follows_its_teller_and_a_teller_signed_in_nowhere_pauses_no_counter(store, clock):
    branch = make(store, clock, DayPlan(rota(("T1", time(10), 30), ("T9", time(9, 30), 30)), 17))
    branch.sign_in("C1", "T1")
    assert plan_of(branch, "C1").break_from_s == pytest.approx(3600.0)
    assert plan_of(branch, "C2") is None  # T9 has a break but no counter
    branch.sign_out("C1", "T1")
    branch.sign_in("C2", "T1")
    assert plan_of(branch, "C1") is None
    assert plan_of(branch, "C2").break_from_s == pytest.approx(3600.0)
    # A counter opened for a teller without a sign-in (the demo's simulated tellers) is theirs too.
    branch.open_counter("C1", "T9")
    assert plan_of(branch, "C1").break_from_s == pytest.approx(1800.0)


def test_a_supervisors_break_replaces_the_rota_moves_and_cancels(store, clock):
    branch = make(store, clock, DayPlan(rota(("T1", time(12), 45)), 17))
    branch.sign_in("C1", "T1")
    assert plan_of(branch, "C1").break_from_s == pytest.approx(3 * 3600.0)
    first = schedule(branch, "T1", MONDAY, "10:00", 30)  # replaces T1's rota break today
    assert (plan_of(branch, "C1").break_from_s, plan_of(branch, "C1").break_s) == (3600.0, 1800.0)
    second = schedule(branch, "T1", MONDAY, "11:00", 20)  # moved: the new one, then the old one cancelled
    cancel(branch, first)
    assert (plan_of(branch, "C1").break_from_s, plan_of(branch, "C1").break_s) == (7200.0, 1200.0)
    schedule(branch, "T1", MONDAY + timedelta(days=1), "09:30", 15)  # tomorrow's: not today's plan
    assert plan_of(branch, "C1").break_from_s == pytest.approx(7200.0)
    cancel(branch, second)
    assert plan_of(branch, "C1") is None  # no break left today: the rota's does not come back


def test_a_break_taken_is_not_expected_again_on_any_counter_nor_after_a_restart(store, clock):
    branch = make(store, clock, DayPlan(rota(("T1", time(9, 30), 45), ("T1b", time(15), 15)), 17))
    branch.sign_in("C1", "T1")
    clock.advance(10 * 60)  # 09:10: taken twenty minutes early
    branch.pause("C1", "lunch")
    clock.advance(5 * 60)
    # Back when the planned 45 minutes are over, not the alerts' one-hour limit for lunch.
    assert plan_of(branch, "C1").back_in_s == pytest.approx(40 * 60.0)
    assert plan_of(branch, "C1").break_from_s is None
    clock.advance(40 * 60)
    branch.resume("C1")
    assert plan_of(branch, "C1") is None
    branch.sign_out("C1", "T1")
    branch.sign_in("C2", "T1")  # moved counters after lunch
    assert plan_of(branch, "C2") is None
    restarted = BranchService(store, branch.config, "B1", "ST1", clock, branch.day)
    assert restarted._outlook(clock.now()).plans == {}


def test_a_pause_long_before_a_break_or_for_back_office_does_not_take_it(store, clock):
    branch = make(store, clock, DayPlan(rota(("T1", time(12), 45)), 17))
    branch.sign_in("C1", "T1")
    branch.pause("C1", "break")  # 09:00, three hours early: a short break nobody planned
    assert plan_of(branch, "C1").back_in_s == pytest.approx(15 * 60.0)  # the alerts' limit for a break
    branch.resume("C1")
    branch.pause("C1", "back_office")
    branch.resume("C1")
    assert plan_of(branch, "C1").break_from_s == pytest.approx(3 * 3600.0)


def test_an_overdue_break_is_expected_at_the_next_free_moment_until_it_is_clearly_skipped(store, clock):
    branch = make(store, clock, DayPlan(rota(("T1", time(8, 30), 30), ("T2", time(7), 30)), 17))
    branch.sign_in("C1", "T1")
    branch.sign_in("C2", "T2")
    assert (plan_of(branch, "C1").break_from_s, plan_of(branch, "C1").break_s) == (0.0, 1800.0)
    assert plan_of(branch, "C2") is None  # 07:00 to 07:30, not begun by 08:00: skipped
    clock.advance(30 * 60)  # 09:30 = its end plus its length
    assert plan_of(branch, "C1") is None


def test_a_later_break_taken_leaves_an_earlier_one_skipped(store, clock):
    branch = make(store, clock, DayPlan((), 17))
    branch.sign_in("C1", "T1")
    schedule(branch, "T1", MONDAY, "08:55", 15)
    schedule(branch, "T1", MONDAY, "09:20", 30)
    assert plan_of(branch, "C1").break_s == 900.0
    clock.advance(15 * 60)
    branch.pause("C1", "lunch")  # 09:15: nearest to the 09:20 one
    clock.advance(30 * 60)
    branch.resume("C1")
    assert plan_of(branch, "C1") is None


@pytest.mark.parametrize(
    ("zone", "now", "due_in", "horizon"),
    [
        # Sunday 20:00 UTC is Monday 05:00 in Seoul: Monday's rota (12:00 KST), closing 17:00 KST.
        ("Asia/Seoul", datetime(2026, 11, 22, 20, 0, tzinfo=UTC), 7 * 3600.0, 12 * 3600.0),
        ("Asia/Seoul", datetime(2026, 11, 23, 2, 30, tzinfo=UTC), 1800.0, 5.5 * 3600.0),
        # 17:00 UTC is 11:00 in Mexico City (UTC-6): lunch at 12:00 local, the kiosk closes at 17:00 local.
        ("America/Mexico_City", datetime(2026, 11, 23, 17, 0, tzinfo=UTC), 3600.0, 6 * 3600.0),
        # Tuesday 02:00 UTC is still Monday 20:00 there: after closing, nobody more is expected.
        ("America/Mexico_City", datetime(2026, 11, 24, 2, 0, tzinfo=UTC), None, 0.0),
    ],
)
def test_breaks_and_closing_are_in_the_branchs_time_zone(store, zone, now, due_in, horizon):
    from queueing.core.clock import ManualClock

    clock = ManualClock(now)
    branch = make(store, clock, DayPlan(rota(("T1", time(12), 45)), 17), zone=zone)
    branch.sign_in("C1", "T1")
    outlook = branch._outlook(clock.now())
    assert outlook.horizon_s == pytest.approx(horizon)
    found = outlook.plans.get("C1")
    assert (found.break_from_s if found else None) == (pytest.approx(due_in) if due_in is not None else None)


def test_the_plan_turns_with_the_business_day_at_local_midnight(store, clock):
    tuesday_only = (RotaBreak("T1", frozenset({1}), time(0, 10), 20),)
    branch = make(store, clock, DayPlan(tuesday_only, 24), zone="Asia/Seoul")
    branch.sign_in("C1", "T1")
    reads = []
    read = branch._breaks._read
    branch._breaks._read = lambda day, since: reads.append(day) or read(day, since)
    clock.set(datetime(2026, 11, 23, 14, 59, 50, tzinfo=UTC))  # Monday 23:59:50 in Seoul
    for _ in range(3):
        branch.issue_ticket("CASH")
        assert plan_of(branch, "C1") is None
        assert branch._outlook(clock.now()).horizon_s == pytest.approx(10.0)  # closing 24: midnight
    clock.advance(20)
    assert plan_of(branch, "C1").break_from_s == pytest.approx(590.0)
    assert reads == [MONDAY, MONDAY + timedelta(days=1)]  # once per day, not once per estimate


def test_the_plan_is_read_again_only_when_a_break_changes_or_is_begun(store, clock):
    branch = make(store, clock, DayPlan(rota(("T1", time(12), 45)), 17))
    branch.sign_in("C1", "T1")
    reads = []
    read = branch._breaks._read
    branch._breaks._read = lambda day, since: reads.append(day) or read(day, since)
    for _ in range(5):
        branch.issue_ticket("CASH")
        branch.snapshot(ahead=True)
    branch.pause("C1", "back_office")  # not a break: nothing to read
    branch.resume("C1")
    assert len(reads) == 1
    schedule(branch, "T1", MONDAY, "10:00", 30)
    branch.issue_ticket("CASH")
    assert len(reads) == 2
    branch.pause("C1", "lunch")  # the break begun: who took it is read again
    branch.snapshot()
    assert len(reads) == 3


def test_a_clock_set_back_keeps_the_day_the_branch_has_reached(store):
    class SettableClock:
        run_id = "settable"

        def __init__(self, now: datetime) -> None:
            self.at = now

        def now(self) -> datetime:
            return self.at

        def monotonic(self) -> float:
            return 0.0

    clock = SettableClock(datetime(2026, 11, 24, 1, 0, tzinfo=UTC))  # Tuesday 09:00 in Shanghai
    tuesday = (RotaBreak("T1", frozenset({1}), time(10), 30),)
    monday = (RotaBreak("T1", frozenset({0}), time(9, 30), 30),)
    branch = make(store, clock, DayPlan(tuesday + monday, 17))
    branch.sign_in("C1", "T1")
    branch.issue_ticket("CASH")  # the branch has reached Tuesday
    clock.at = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # set back a day: Monday 09:00
    found = plan_of(branch, "C1")
    # Tuesday's break (a day and an hour ahead by this clock), not Monday's at 09:30.
    assert found.break_from_s == pytest.approx(25 * 3600.0)


def test_the_packaged_staffing_file_gives_the_plan():
    day = load_day_plan()
    assert day.closing_hour == 17
    assert {b.staff_id for b in day.rota} >= {"T1001", "T1002"}


def test_a_bad_staffing_file_is_one_clear_line(tmp_path):
    from queueing.core.errors import ConfigError

    bad = tmp_path / "staffing.toml"
    bad.write_text("[hours]\nopening = 18\nclosing = 9\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="hours.closing"):
        load_day_plan(bad)


def test_who_paused_is_replayed_with_the_reducers_sign_in_rules():
    """A sign-in that clashed (two stations offline) holds nothing: the pause after it is the first teller's.
    A session begun before the events read still names its teller; a counter opened for a teller counts as theirs."""
    from models.branch.break_outlook import Pause, break_pauses
    from queueing.core.counters import Counter, CounterStatus, SignIn
    from queueing.core.events import Event
    from queueing.core.state import BranchState

    midnight = datetime(2026, 11, 22, 16, 0, tzinfo=UTC)  # Monday 00:00 in Shanghai
    since = midnight - timedelta(hours=12)
    seq = iter(range(1, 100))

    def event(kind, hours, **payload):
        n = next(seq)
        return Event(f"e{n}", "B1", "ST1", n, f"{n:015d}", kind, midnight + timedelta(hours=hours), payload)

    state = BranchState(load_branch_config())
    state.counters = {c: Counter(c, c, {"CASH": 1}, CounterStatus.OPEN) for c in ("C1", "C2", "C3")}
    state.counters["C3"].staff = "T3"  # opened for T3 long ago, no sign-in (the demo's traffic)
    state.sessions = {"C1": SignIn("T1", "ST1", since - timedelta(hours=1))}  # from before the events read
    events = [
        event(EventType.COUNTER_SIGNED_IN, 1, counter_id="C1", staff_id="T2"),  # clashes: T1 holds C1
        event(EventType.COUNTER_PAUSED, 4, counter_id="C1", reason="lunch"),
        event(EventType.COUNTER_SIGNED_IN, 5, counter_id="C2", staff_id="T2"),
        event(EventType.COUNTER_PAUSED, 6, counter_id="C2", reason="break"),
        event(EventType.COUNTER_PAUSED, 6.5, counter_id="C2", reason="back_office"),  # not a break
        event(EventType.COUNTER_PAUSED, 7, counter_id="C3", reason="lunch"),
        event(EventType.COUNTER_SIGNED_OUT, 8, counter_id="C2", staff_id="T2"),
        event(EventType.COUNTER_PAUSED, 9, counter_id="C2", reason="lunch"),  # nobody's
    ]
    events.insert(0, event(EventType.COUNTER_PAUSED, -1, counter_id="C1", reason="lunch"))  # Sunday's
    state.sessions["C2"] = SignIn("T2", "ST1", midnight + timedelta(hours=5))
    found = break_pauses(state, events, since, midnight)
    assert found == [
        Pause("T1", "C1", midnight + timedelta(hours=4)),
        Pause("T2", "C2", midnight + timedelta(hours=6)),
        Pause("T3", "C3", midnight + timedelta(hours=7)),
    ]


def test_the_days_counter_events_are_sought_by_type_and_time_not_walked_by_position(store):
    """On a year's journal, walking the branch by position to sort took seconds; the query seeks the day's rows."""
    from sqlalchemy import text

    from models.branch.break_journal import counter_events_query

    query = counter_events_query("B1", datetime(2026, 11, 22, 4, 0, tzinfo=UTC))
    with store.read_session() as session:
        sql = str(query.compile(session.get_bind(), compile_kwargs={"literal_binds": True}))
        plan = " ".join(str(row[-1]) for row in session.execute(text(f"EXPLAIN QUERY PLAN {sql}")))
    assert "ix_event_branch_type_at" in plan and "ix_event_branch_position" not in plan, plan
