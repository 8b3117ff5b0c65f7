"""Fair service across categories: a late ticket is called by any counter, on the shipped scenarios.

Before the rule (seed 1): city_weekday's corporate customers, served by one window, waited up to 135 min
(p95 94 min against a target of 15); pension_saturday's VIP p95 was 45 min against a maximum of 15.
"""

from dataclasses import replace
from datetime import UTC, datetime

import pytest

from queueing.core.categories import load_branch_config, parse_branch_config
from queueing.core.clock import ManualClock
from queueing.core.engine import Engine
from queueing.core.errors import ConfigError
from queueing.core.tickets import TransactionLine
from queueing.simulation.scenario import load_scenario
from queueing.simulation.simulator import simulate

SCENARIOS = "resources/scenarios"


def p95(values):
    ordered = sorted(values)
    k = 0.95 * (len(ordered) - 1)
    low = int(k)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def waits_by_category(spec, seed=1):
    result = simulate(spec, seed=seed, keep_events=False, estimates=False)
    served = [c for c in result.customers if c.counted and c.outcome == "served"]
    return {code: [c.wait_s for c in served if c.category == code] for code in {c.category for c in served}}


@pytest.mark.parametrize("seed", [1, 2])
def test_city_weekday_no_category_waits_past_twice_its_target(seed):
    spec = load_scenario(f"{SCENARIOS}/city_weekday.toml")
    for code, waits in waits_by_category(spec, seed).items():
        target = spec.config.categories[code].target_wait_s
        assert p95(waits) <= 2 * target, f"{code}: p95 {p95(waits) / 60:.1f} min, target {target / 60:.0f} min"


def test_pension_saturday_no_category_starves_past_its_maximum():
    # The branch is short of windows on pension morning (85 % busy): every category waits past twice its
    # target there, but alike, and none past its maximum wait at the 95th percentile.
    spec = load_scenario(f"{SCENARIOS}/pension_saturday.toml")
    for code, waits in waits_by_category(spec).items():
        limit = spec.config.categories[code].max_wait_s
        assert p95(waits) <= limit, f"{code}: p95 {p95(waits) / 60:.1f} min, maximum {limit / 60:.0f} min"


def test_a_specialist_category_stays_with_its_own_counters():
    config = load_branch_config()
    specialist = replace(config.categories["CORP"], any_counter_after_s=None)
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    engine = Engine(replace(config, categories={**config.categories, "CORP": specialist}), clock)
    engine.execute(lambda c: c.configure_counter("C1", "1", {"CASH": 1}))
    engine.execute(lambda c: c.open_counter("C1"))
    engine.execute(lambda c: c.issue_ticket("CORP", "regular"))
    cash = engine.execute(lambda c: c.issue_ticket("CASH", "regular"))[0].payload["ticket_id"]
    clock.advance(3 * 3600)
    (called,) = engine.execute(lambda c: c.call_next("C1"))
    assert called.payload["ticket_id"] == cash


def test_the_latest_relative_to_target_goes_first():
    config = load_branch_config()  # VIP target 5 min, CASH target 10 min
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    engine = Engine(config, clock)
    engine.execute(lambda c: c.configure_counter("C1", "1", {"TRANSFER": 1}))
    engine.execute(lambda c: c.open_counter("C1"))
    cash = engine.execute(lambda c: c.issue_ticket("CASH", "regular"))[0].payload["ticket_id"]
    clock.advance(4 * 60)
    vip = engine.execute(lambda c: c.issue_ticket("VIP", "regular"))[0].payload["ticket_id"]
    clock.advance(8 * 60)  # cash waited 12 of 10 min (1.2), VIP 8 of 5 (1.6)
    (first,) = engine.execute(lambda c: c.call_next("C1"))
    assert first.payload["ticket_id"] == vip
    engine.execute(lambda c: c.start("C1"))
    engine.execute(lambda c: c.finish("C1", [TransactionLine("T", 1)]))
    (second,) = engine.execute(lambda c: c.call_next("C1"))
    assert second.payload["ticket_id"] == cash


def test_the_limit_is_checked_against_the_maximum():
    text = """
[[category]]
code = "CASH"
prefix = "A"
target_wait_min = 10
max_wait_min = 30
any_counter_after_min = 40
typical_service_min = 4
names = { en = "Cash", zh_CN = "现金", ko = "입출금", es = "Caja" }
"""
    with pytest.raises(ConfigError, match="any_counter_after_min"):
        parse_branch_config(text)
    config = parse_branch_config(text.replace("any_counter_after_min = 40", "specialist = true"))
    assert config.categories["CASH"].any_counter_after_s is None
    config = parse_branch_config(text.replace("any_counter_after_min = 40", ""))
    assert config.categories["CASH"].any_counter_after_s == 600.0
