"""Wait estimates: the policy played forward on expected service times."""

import math
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from queueing.core.clock import ManualClock
from queueing.core.engine import Engine
from queueing.core.tickets import PriorityClass
from queueing.waits.estimate import estimate_wait, estimate_waits, naive_estimate_s
from queueing.waits.gamma import gamma_mean_residual
from queueing.waits.outlook import CounterPlan, Outlook

CASH_MEAN = 240.0  # the typical CASH service time in resources/categories.toml, the prior mean


def issue(engine, category="CASH", priority="regular"):
    return engine.execute(lambda c: c.issue_ticket(category, priority))[0].payload["ticket_id"]


def test_nothing_open_nothing_estimated(engine, clock):
    issue(engine)
    assert estimate_waits(engine.state, clock.now()) == {}


def test_queue_at_one_idle_counter(engine, clock):
    engine.execute(lambda c: c.open_counter("C1"))
    ids = [issue(engine) for _ in range(3)]
    est = estimate_waits(engine.state, clock.now())
    assert [est[i].mean_s for i in ids] == pytest.approx([0.0, CASH_MEAN, 2 * CASH_MEAN])
    assert [est[i].position for i in ids] == [0, 1, 2]
    assert est[ids[0]].p90_s == 0.0
    assert all(est[i].p90_s > est[i].mean_s for i in ids[1:])
    assert est[ids[2]].mean_min == pytest.approx(8.0)


@pytest.mark.parametrize("elapsed", [0, 60, 300, 3000])
def test_service_under_way_leaves_its_mean_residual_life(engine, clock, elapsed):
    """What is left of a running service: the mean residual life of a gamma with the category's mean and CV
    (the prior's CV 0.7: less than the mean once it has run, never below zero, and not a fixed share)."""
    engine.execute(lambda c: c.open_counter("C1"))
    issue(engine)
    engine.execute(lambda c: c.call_next("C1"))
    engine.execute(lambda c: c.start("C1"))
    clock.advance(elapsed)
    waiting = issue(engine)
    stats = engine.state.stats["CASH"]
    residual = gamma_mean_residual(stats.steady_mean_s, stats.steady_cv2, elapsed)
    assert estimate_waits(engine.state, clock.now())[waiting].mean_s == pytest.approx(residual)
    assert 0 < residual <= CASH_MEAN and (elapsed == 0) == (residual == pytest.approx(CASH_MEAN))


def test_an_exponential_service_is_memoryless():
    assert gamma_mean_residual(300.0, 1.0, 1000.0) == pytest.approx(300.0)
    assert gamma_mean_residual(300.0, 0.25, 600.0) < 300.0 < gamma_mean_residual(300.0, 2.0, 600.0)


def test_only_categories_an_open_counter_serves(config, clock):
    from dataclasses import replace

    specialist = replace(config.categories["VIP"], any_counter_after_s=None)
    engine = Engine(replace(config, categories={**config.categories, "VIP": specialist}), clock)
    engine.execute(lambda c: c.configure_counter("C1", "Counter 1", {"CASH": 1, "TRANSFER": 2}))
    engine.execute(lambda c: c.open_counter("C1"))
    vip = issue(engine, "VIP")
    transfer = issue(engine, "TRANSFER")
    est = estimate_waits(engine.state, clock.now())
    assert vip not in est and transfer in est
    assert estimate_wait(engine.state, clock.now(), vip) is None


def test_a_late_ticket_is_called_by_any_counter_and_estimated_so(engine, clock):
    engine.execute(lambda c: c.open_counter("C1"))  # CASH 1, TRANSFER 2: no VIP in its profile
    vip = issue(engine, "VIP")
    cash = [issue(engine) for _ in range(3)]
    est = estimate_waits(engine.state, clock.now())
    # VIP's target is 5 min: the counter takes it after the two cash customers it calls before then (8 min),
    # and the third cash customer after the VIP's 8-minute service.
    assert est[vip].mean_s == pytest.approx(2 * CASH_MEAN)
    assert est[cash[2]].mean_s == pytest.approx(2 * CASH_MEAN + 8 * 60)
    clock.advance(5 * 60)
    (called,) = engine.execute(lambda c: c.call_next("C1"))
    assert called.payload["ticket_id"] == vip


def test_head_start_puts_the_elderly_first(engine, clock):
    engine.execute(lambda c: c.open_counter("C1"))
    regular = [issue(engine) for _ in range(3)]
    clock.advance(60)
    elderly = issue(engine, priority="elderly")
    est = estimate_waits(engine.state, clock.now())
    assert est[elderly].position == 0
    assert all(est[elderly].mean_s <= est[r].mean_s for r in regular)


def test_naive_estimate():
    assert naive_estimate_s(3, 240.0, 2) == pytest.approx(480.0)
    assert naive_estimate_s(0, 240.0, 1) == pytest.approx(240.0)
    assert naive_estimate_s(5, 240.0, 0) == math.inf


operations = st.lists(
    st.tuples(
        st.sampled_from(["CASH", "TRANSFER", "VIP"]),
        st.sampled_from(["regular", "vip", "elderly"]),
        st.integers(min_value=0, max_value=400),
        st.booleans(),
    ),
    min_size=1,
    max_size=25,
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(ops=operations)
def test_one_ticket_estimate_equals_the_full_estimate(config, ops):
    """estimate_wait (the kiosk's and simulator's short cut) agrees with estimate_waits exactly."""
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    engine = Engine(config, clock)
    engine.execute(lambda c: c.configure_counter("C1", "Counter 1", {"CASH": 1, "TRANSFER": 2}))
    engine.execute(lambda c: c.configure_counter("C2", "Counter 2", {"VIP": 1, "CASH": 3}))
    engine.execute(lambda c: c.open_counter("C1"))
    engine.execute(lambda c: c.open_counter("C2"))
    for category, priority, gap, call in ops:
        clock.advance(gap)
        issue(engine, category, priority)
        for counter in ("C1", "C2") if call else ():
            if engine.state.counters[counter].current is None and any(
                engine.state.counters[counter].serves(t.category) for t in engine.state.waiting.values()
            ):
                engine.execute(lambda c, k=counter: c.call_next(k))
                engine.execute(lambda c, k=counter: c.start(k))
    full = estimate_waits(engine.state, clock.now())
    for ticket_id in engine.state.waiting:
        assert estimate_wait(engine.state, clock.now(), ticket_id) == full.get(ticket_id)
    # With customers still to come of every class and a break due: the one-ticket play leaves out the expected
    # customers who could only be called after the ticket, and must still agree exactly.
    rates = {(code, klass): 1 / 200.0 for code in ("CASH", "TRANSFER", "VIP") for klass in PriorityClass}
    outlook = Outlook({"C2": CounterPlan("C2", break_from_s=120.0, break_s=600.0)}, rates)
    ahead = estimate_waits(engine.state, clock.now(), outlook)
    for ticket_id in engine.state.waiting:
        assert estimate_wait(engine.state, clock.now(), ticket_id, outlook) == ahead.get(ticket_id)
    means = sorted((e.position, e.mean_s) for e in full.values())
    assert [m for _, m in means] == sorted(m for _, m in means)  # later in the call order never sooner
    assert all(e.p90_s >= e.mean_s >= 0 for e in full.values())
