"""A counter is taken per call by more than the service: the walk up, the recalls of a customer who never
comes. The reducer learns that overhead per category, and the estimate plays it forward."""

import pytest

from queueing.core.service_stats import ServiceStats
from queueing.core.tickets import TransactionLine
from queueing.waits.estimate import estimate_waits

CASH_MEAN = 240.0  # the prior mean of CASH (resources/categories.toml)


def issue(engine, category="CASH"):
    return engine.execute(lambda c: c.issue_ticket(category, "regular"))[0].payload["ticket_id"]


def serve(engine, clock, walk_s, service_s, counter="C1"):
    engine.execute(lambda c: c.call_next(counter))
    clock.advance(walk_s)
    engine.execute(lambda c: c.start(counter))
    clock.advance(service_s)
    engine.execute(lambda c: c.finish(counter, [TransactionLine("CASH", 1.0)]))


def test_the_walk_to_the_counter_is_learnt_apart_from_the_service(engine, clock):
    engine.execute(lambda c: c.open_counter("C1"))
    issue(engine)
    serve(engine, clock, walk_s=30.0, service_s=CASH_MEAN)
    stats = engine.state.stats["CASH"]
    # The prior (no overhead) counts as one observation, as the service prior does.
    assert stats.steady_overhead_s == pytest.approx(15.0)
    assert stats.steady_mean_s == pytest.approx(CASH_MEAN)
    for _ in range(300):
        issue(engine)
        serve(engine, clock, walk_s=30.0, service_s=CASH_MEAN)
    assert stats.steady_overhead_s == pytest.approx(30.0, abs=0.1)
    assert stats.steady_mean_s == pytest.approx(CASH_MEAN, abs=0.1)  # the service itself is what it was


def test_a_no_show_takes_the_counter_for_its_recalls_instead_of_a_service(engine, clock):
    engine.execute(lambda c: c.open_counter("C1"))
    issue(engine)
    engine.execute(lambda c: c.call_next("C1"))
    for _ in range(engine.state.config.policy.max_recalls):
        clock.advance(30)
        engine.execute(lambda c: c.recall("C1"))
    clock.advance(30)
    engine.execute(lambda c: c.no_show("C1"))
    # 120 s at the counter in place of a 240 s service: the call took 120 s less than a service would.
    assert engine.state.stats["CASH"].steady_overhead_s == pytest.approx(-60.0)
    assert engine.state.stats["CASH"].steady_mean_s == pytest.approx(CASH_MEAN)  # no service observed


def test_clock_steps_are_not_a_customers_time():
    stats = ServiceStats.prior(CASH_MEAN)
    stats.observe_call(counter_s=100.0, service_s=200.0)  # finished before it was called: a clock step back
    assert stats.steady_overhead_s == 0.0
    stats.observe_call(counter_s=-50.0, service_s=None)  # a no-show cannot give back more than a service
    assert stats.steady_overhead_s == pytest.approx(-CASH_MEAN / 3)
    stats.observe_call(counter_s=10 * 3600.0, service_s=200.0)  # a counter left called overnight
    assert stats.steady_overhead_s == pytest.approx(-CASH_MEAN / 3 + (1800.0 + CASH_MEAN / 3) / 4)  # 30 min at most


def test_the_estimate_plays_the_whole_counter_time_per_call(engine, clock):
    engine.execute(lambda c: c.open_counter("C1"))
    for _ in range(40):
        issue(engine)
        serve(engine, clock, walk_s=20.0, service_s=CASH_MEAN)
    stats = engine.state.stats["CASH"]
    step = stats.steady_mean_s + stats.steady_overhead_s
    assert stats.steady_overhead_s > 15.0
    ids = [issue(engine) for _ in range(3)]
    est = estimate_waits(engine.state, clock.now())
    assert [est[i].mean_s for i in ids] == pytest.approx([0.0, step, 2 * step])
    # A customer called and walking up has the whole counter time ahead: the first call's estimate is a step.
    engine.execute(lambda c: c.call_next("C1"))
    est = estimate_waits(engine.state, clock.now())
    assert [est[i].mean_s for i in ids[1:]] == pytest.approx([step, 2 * step])
