"""The estimate's outlook: the counters' plan and the customers still to come, and what it buys on fixed days."""

import statistics
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from queueing.core.tickets import PriorityClass
from queueing.simulation.report import ewt_figures
from queueing.simulation.scenario import load_scenario
from queueing.simulation.simulator import simulate
from queueing.simulation.spec import simple_spec
from queueing.waits.estimate import estimate_wait
from queueing.waits.outlook import ArrivalRates, CounterPlan, Outlook

SCENARIOS = Path(__file__).resolve().parents[3] / "resources" / "scenarios"


def issue(engine, category="CASH", priority="regular"):
    return engine.execute(lambda c: c.issue_ticket(category, priority))[0].payload["ticket_id"]


def _mean(engine, clock, ticket_id, outlook=None):
    return estimate_wait(engine.state, clock.now(), ticket_id, outlook).mean_s


def test_a_break_due_holds_the_counter_back(engine, clock):
    engine.execute(lambda c: c.open_counter("C1"))
    issue(engine)
    engine.execute(lambda c: c.call_next("C1"))
    waiting = issue(engine)
    plain = _mean(engine, clock, waiting)
    lunch = Outlook({"C1": CounterPlan("C1", break_from_s=60.0, break_s=2700.0)})
    assert _mean(engine, clock, waiting, lunch) == pytest.approx(plain + 2700.0)
    later = Outlook({"C1": CounterPlan("C1", break_from_s=plain + 1.0, break_s=2700.0)})
    assert _mean(engine, clock, waiting, later) == pytest.approx(plain)  # called before the break is due
    closing = Outlook({"C1": CounterPlan("C1", closes_in_s=plain / 2)})
    assert estimate_wait(engine.state, clock.now(), waiting, closing) is None  # nobody will call it


def test_a_counter_back_from_lunch_is_counted_from_its_return(engine, clock):
    engine.execute(lambda c: c.open_counter("C1"))
    engine.execute(lambda c: c.open_counter("C2"))
    engine.execute(lambda c: c.pause("C2", "lunch"))  # C2 takes CASH at level 3
    waiting = issue(engine)
    engine.execute(lambda c: c.call_next("C1"))
    second = issue(engine)
    assert _mean(engine, clock, second, Outlook({"C2": CounterPlan("C2", back_in_s=120.0)})) == pytest.approx(120.0)
    assert waiting not in engine.state.waiting


def test_customers_still_to_come_with_a_head_start_go_first(engine, clock):
    engine.execute(lambda c: c.open_counter("C1"))
    for _ in range(4):
        issue(engine)
    last = issue(engine)
    plain = _mean(engine, clock, last)
    elderly = Outlook(rates={("CASH", PriorityClass.ELDERLY): 1 / 300.0})  # one every five minutes
    regular = Outlook(rates={("CASH", PriorityClass.REGULAR): 1 / 60.0})  # behind it: they change nothing
    assert _mean(engine, clock, last, elderly) > plain
    assert _mean(engine, clock, last, regular) == pytest.approx(plain)
    found = estimate_wait(engine.state, clock.now(), last, elderly)
    assert found.position == 4 and found.p90_s > found.mean_s


def test_arrival_rates_are_the_last_hours_tickets(engine, clock):
    rates = ArrivalRates()
    assert rates.rates(engine.state, clock.now()) == {}
    for _ in range(30):
        issue(engine)
        clock.advance(60)
    issue(engine, "VIP", "vip")
    seen = rates.rates(engine.state, clock.now())
    assert seen[("CASH", PriorityClass.REGULAR)] == pytest.approx(30 / 1800.0)  # half an hour since the first
    clock.advance(3600 - 60)
    issue(engine, "VIP", "vip")
    later = rates.rates(engine.state, clock.now())  # the first CASH tickets have left the hour
    assert later[("CASH", PriorityClass.REGULAR)] == pytest.approx(1 / 3600.0)
    assert later[("VIP", PriorityClass.VIP)] == pytest.approx(2 / 3600.0)
    clock.advance(timedelta(days=1).total_seconds())
    issue(engine)  # a new business day: a new count
    assert rates.rates(engine.state, clock.now()) == {("CASH", PriorityClass.REGULAR): pytest.approx(1 / 900.0)}


@pytest.mark.parametrize(
    "spec",
    [
        replace(load_scenario(SCENARIOS / "city_weekday.toml"), days=2),
        load_scenario(SCENARIOS / "pension_saturday.toml"),
        simple_spec(13, 0.9 * 13 * 12, 300.0, "exp", hours=8.0, days=2),
    ],
    ids=["city_weekday", "pension_saturday", "mm13_load0.9"],
)
def test_on_a_fixed_seed_the_estimate_keeps_its_word(spec):
    """Fixed days: unbiased within 10% of the mean wait, the p90 covering about nine in ten of the customers told
    they would wait (and at least 0.88 of all waits: those called at once are covered by any p90), and well
    under the naive estimate's error. The issue's targets (coverage 0.88-0.92, MAE <= 0.75 of naive) are judged
    by bench/bench_estimates.py over more days and seeds; the bounds here leave room for one sample's noise."""
    records = [r for r in simulate(spec, 7, keep_events=False).customers if r.counted]
    figures = ewt_figures(records)
    served = [r for r in records if r.outcome == "served" and r.estimate_mean_s is not None]
    told = [r for r in served if r.estimate_mean_s]
    mean_wait = statistics.mean(r.wait_s for r in served)
    assert abs(figures["bias_s"]) <= 0.10 * mean_wait
    assert 0.86 <= statistics.mean(r.wait_s <= r.estimate_p90_s for r in told) <= 0.94
    assert figures["p90_coverage"] >= 0.88
    assert figures["mae_s"] <= 0.80 * figures["naive_mae_s"]
