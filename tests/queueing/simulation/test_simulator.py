"""The branch-day simulator: Erlang C agreement, speed, and the rules a day must follow."""

import math
import statistics
from dataclasses import replace
from datetime import time, timedelta
from pathlib import Path

import pytest

from queueing.core.events import EventType
from queueing.simulation.report import percentile, summarise
from queueing.simulation.scenario import load_replay, load_scenario, replay_base
from queueing.simulation.simulator import BranchSimulator, simulate
from queueing.simulation.spec import simple_spec
from queueing.waits import erlang

SCENARIOS = Path(__file__).resolve().parents[3] / "resources" / "scenarios"

# -- agreement with Erlang C ---------------------------------------------------
# M/M/4 with one-minute services: many customers per simulated day, so the day
# means are tight. Each day starts empty; the first hour is left out as warm-up.
# Days are independent, so the spread of the day means gives an honest standard
# error; the simulation must land within 4 of them (about 1 in 16,000 by chance)
# and the error must be small enough that the check has teeth.
COUNTERS, SERVICE_S, HOURS, WARMUP_H, TARGET_S = 4, 60.0, 14, 1, 60.0


def daily_figures(result, days):
    """Per day: mean wait, share within the target, share who waited at all."""
    waits = [[] for _ in range(days)]
    for record in result.customers:
        if record.counted:
            waits[record.day].append(record.wait_s)
    return [
        (statistics.fmean(w), sum(x <= TARGET_S for x in w) / len(w), sum(x > 0 for x in w) / len(w)) for w in waits
    ]


@pytest.mark.parametrize(
    ("rho", "days"),
    [
        (0.5, 10),
        pytest.param(0.7, 20, marks=pytest.mark.slow),
        pytest.param(0.85, 30, marks=pytest.mark.slow),
    ],
)
def test_simple_case_agrees_with_erlang_c(rho, days):
    per_hour = rho * COUNTERS * 3600 / SERVICE_S
    spec = simple_spec(COUNTERS, per_hour, SERVICE_S, "exp", HOURS, days, TARGET_S, warmup_hours=WARMUP_H)
    result = simulate(spec, seed=20261123, keep_events=False, estimates=False)
    rate = per_hour / 3600
    theory = (
        erlang.mean_wait(COUNTERS, rate, SERVICE_S),
        erlang.service_level(COUNTERS, rate, SERVICE_S, TARGET_S),
        erlang.erlang_c(COUNTERS, rate * SERVICE_S),
    )
    daily = daily_figures(result, days)
    for index, name in enumerate(("mean wait", "within target", "P(wait)")):
        values = [row[index] for row in daily]
        mean, error = statistics.fmean(values), statistics.stdev(values) / len(values) ** 0.5
        assert error < 0.1 * theory[index], f"{name}: too noisy to judge ({error:.4g})"
        assert abs(mean - theory[index]) <= 4 * error, (
            f"{name}: simulated {mean:.4g} ± {error:.2g}, Erlang C {theory[index]:.4g}"
        )
    assert result.utilisation == pytest.approx(rho, abs=0.02)


# -- the benchmark's day (its speed is measured by `make bench`, not here) ----------
def test_a_thousand_customer_day_at_eight_counters_estimates_everyone():
    # 125 customers an hour for 8 hours at load 0.85: about 1,000 customers, a wait estimate for each.
    spec = simple_spec(8, 125, 0.85 * 8 * 3600 / 125, hours=8)
    result = simulate(spec, seed=3)
    assert 900 <= len(result.customers) <= 1100
    assert all(r.estimate_mean_s is not None for r in result.customers)


# -- the rules of a day ----------------------------------------------------------
def weekday(days=1):
    return replace(load_scenario(SCENARIOS / "city_weekday.toml"), days=days)


def test_same_seed_same_day_other_seed_other_day():
    spec = weekday()
    assert summarise(simulate(spec, 9)) == summarise(simulate(spec, 9))
    assert summarise(simulate(spec, 9)) != summarise(simulate(spec, 10))


def test_sink_sees_every_event_in_order():
    seen = []
    result = simulate(weekday(), 2, sink=seen.append)
    assert seen == result.events and len(seen) > 1000
    assert [e.seq for e in seen] == list(range(1, len(seen) + 1))
    quiet = simulate(weekday(), 2, keep_events=False)
    assert quiet.events == [] and summarise(quiet) == summarise(result)


def test_lunch_breaks_pause_the_counters():
    spec = weekday()
    result = simulate(spec, 4)
    for counter in spec.counters:
        mine = [e for e in result.events if e.payload.get("counter_id") == counter.id]
        pauses = [i for i, e in enumerate(mine) if e.type is EventType.COUNTER_PAUSED]
        assert len(pauses) == 1 and mine[pauses[0]].payload["reason"] == "lunch"
        resumed = next(e for e in mine[pauses[0]:] if e.type is EventType.COUNTER_RESUMED)
        paused = mine[pauses[0]]
        assert (resumed.at - paused.at).total_seconds() == pytest.approx(counter.lunch.minutes * 60)
        lunch_start = paused.at.astimezone(resumed.at.tzinfo)
        assert all(e.type is not EventType.TICKET_CALLED for e in mine if lunch_start < e.at < resumed.at)


def test_no_shows_are_recalled_then_marked():
    spec = replace(simple_spec(3, 40, 240, hours=3, no_show_share=0.3), walk_s=10)
    sim = BranchSimulator(spec, 6)
    result = sim.run()
    limit = spec.config.policy.max_recalls
    no_shows = [t for t in sim.engine.state.tickets.values() if t.status == "no_show"]
    assert 0.2 < len(no_shows) / len(result.customers) < 0.4
    assert all(t.recalls == limit for t in no_shows)
    for ticket in no_shows:
        kinds = [e.type for e in result.events if e.payload.get("ticket_id") == ticket.id]
        assert kinds == [EventType.TICKET_ISSUED, EventType.TICKET_CALLED] + [EventType.TICKET_RECALLED] * limit + [
            EventType.TICKET_NO_SHOW
        ]
    served = [r for r in result.customers if r.outcome == "served"]
    assert len(served) + len(no_shows) == len(result.customers)


def test_every_customer_is_served_or_a_no_show_and_every_counter_closes():
    spec = load_scenario(SCENARIOS / "pension_saturday.toml")
    sim = BranchSimulator(spec, 8)
    result = sim.run()
    assert {r.outcome for r in result.customers} == {"served", "no_show"}
    assert all(c.status == "closed" for c in sim.engine.state.counters.values())
    tz = sim.tz
    for counter_id, hour in (("C7", 12), ("C8", 12)):
        closed = [
            e for e in result.events if e.type is EventType.COUNTER_CLOSED and e.payload["counter_id"] == counter_id
        ]
        assert len(closed) == spec.days and all(e.at.astimezone(tz).hour >= hour for e in closed)
    opened = [e for e in result.events if e.type is EventType.COUNTER_OPENED and e.payload["counter_id"] == "C8"]
    assert [e.at.astimezone(tz).strftime("%H:%M") for e in opened] == ["09:00"] * spec.days


def test_replayed_customers_get_their_service_times():
    spec = load_replay(SCENARIOS / "replay_small.csv", replay_base(3, 2))
    result = simulate(spec, 1)
    served = sorted(r.service_s for r in result.customers if r.outcome == "served")
    expected = sorted(a.service_s for a in spec.replay[0] if not a.no_show)
    assert served == pytest.approx(expected)


def test_summary_figures():
    summary = summarise(simulate(weekday(), 5))
    for key in ("customers", "mean_wait_s", "p50_wait_s", "p90_wait_s", "max_wait_s", "within_target", "utilisation"):
        assert key in summary
    assert 0 <= summary["within_target"] <= 1 and 0 < summary["utilisation"] < 1
    assert summary["p50_wait_s"] <= summary["p90_wait_s"] <= summary["max_wait_s"]
    assert set(summary["by_category"]) == set(weekday().category_mix)
    assert sum(row["customers"] for row in summary["by_category"].values()) == summary["customers"]
    ewt = summary["ewt"]
    assert 0.5 < ewt["p90_coverage"] <= 1
    # The policy-aware estimate must beat (people ahead + 1) x mean / counters on a mixed branch.
    assert ewt["mae_s"] < ewt["naive_mae_s"]


def test_warm_up_customers_are_left_out():
    spec = simple_spec(2, 30, 200, hours=3, warmup_hours=1)
    result = simulate(spec, 2)
    counted = [r for r in result.customers if r.counted]
    assert counted and all(r.issued_offset_s >= 3600 for r in counted)
    assert summarise(result)["customers"] == len(counted) < len(result.customers)


def test_percentile():
    assert percentile([], 0.9) == 0.0
    assert percentile([5.0], 0.5) == 5.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 0.5) == 2.5
    assert percentile([4.0, 1.0, 3.0, 2.0], 1.0) == 4.0


def test_a_day_left_waiting_expires_at_the_next_opening_as_in_a_branch():
    # One counter closing at 12:00 under a morning's arrivals: customers are still waiting when it closes.
    spec = simple_spec(1, 30, 240, hours=4, days=2)
    spec = replace(spec, counters=tuple(replace(c, closes=time(12, 0)) for c in spec.counters))
    result = BranchSimulator(spec, 3).run()
    unserved = [r for r in result.customers if r.day == 0 and r.outcome == "unserved"]
    assert unserved, "the scenario must leave customers waiting at the end of day 0"
    issued_on = {e.payload["ticket_id"]: e.at.date() for e in result.events if e.type is EventType.TICKET_ISSUED}
    expired = [e for e in result.events if e.type is EventType.TICKET_EXPIRED]
    assert len(expired) == len({e.payload["ticket_id"] for e in expired}) == len(unserved)
    assert {issued_on[e.payload["ticket_id"]] for e in expired} == {spec.start_date}
    next_day = spec.start_date + timedelta(days=1)
    assert {e.at.date() for e in expired} == {next_day}
    # The next day's counter calls only the next day's customers.
    called = [e.payload["ticket_id"] for e in result.events if e.type is EventType.TICKET_CALLED]
    assert not set(called) & {e.payload["ticket_id"] for e in expired}


@pytest.mark.parametrize(
    "bad",
    [
        {"arrival_rate_per_hour": math.inf},
        {"arrival_rate_per_hour": math.nan},
        {"service_mean_s": math.nan},
        {"service_mean_s": math.inf},
        {"service_cv": math.nan, "service_dist": "lognormal"},
        {"hours": math.nan},
        {"target_wait_s": -1.0},
        {"target_wait_s": math.nan},
        {"no_show_share": 2.0},
        {"no_show_share": math.nan},
    ],
)
def test_a_simple_spec_refuses_what_no_branch_day_is(bad):
    """NaN compares false with every bound: an infinite rate never ended, a NaN one simulated no customer."""
    with pytest.raises(ValueError):
        simple_spec(**{"counters": 2, "arrival_rate_per_hour": 30.0, "service_mean_s": 300.0, **bad})
