"""Erlang C formulas against the textbook closed form and known special cases."""

import math

import pytest

from queueing.waits import erlang


def textbook_erlang_c(c: int, a: float) -> float:
    """The closed form with factorials, independent of the recursion in queueing.waits.erlang."""
    top = a**c / math.factorial(c) * c / (c - a)
    return top / (sum(a**k / math.factorial(k) for k in range(c)) + top)


@pytest.mark.parametrize("c", [1, 2, 3, 5, 8, 13, 20])
@pytest.mark.parametrize("rho", [0.1, 0.5, 0.7, 0.85, 0.95, 0.99])
def test_erlang_c_matches_closed_form(c, rho):
    assert erlang.erlang_c(c, rho * c) == pytest.approx(textbook_erlang_c(c, rho * c), rel=1e-9)


def test_single_counter_is_mm1():
    # M/M/1: P(wait) = rho, Wq = rho S / (1 - rho), P(W <= t) = 1 - rho exp(-(1 - rho) t / S).
    rate, service = 1 / 400, 300.0
    rho = rate * service
    assert erlang.erlang_c(1, rho) == pytest.approx(rho)
    assert erlang.mean_wait(1, rate, service) == pytest.approx(rho * service / (1 - rho))
    assert erlang.service_level(1, rate, service, 120) == pytest.approx(1 - rho * math.exp(-(1 - rho) * 120 / service))


def test_two_counters_one_erlang():
    assert erlang.erlang_c(2, 1.0) == pytest.approx(1 / 3)
    assert erlang.erlang_b(1, 2.0) == pytest.approx(2 / 3)


def test_service_level_at_zero_is_chance_of_no_wait_and_grows():
    rate, service = 30 / 3600, 300.0
    levels = [erlang.service_level(3, rate, service, t) for t in (0, 60, 300, 900, 3600)]
    assert levels[0] == pytest.approx(1 - erlang.erlang_c(3, rate * service))
    assert levels == sorted(levels) and levels[-1] < 1.0


def test_unstable_load():
    assert erlang.erlang_c(3, 3.0) == 1.0
    assert erlang.mean_wait(3, 3 / 300, 300) == math.inf
    assert erlang.service_level(3, 4 / 300, 300, 600) == 0.0


def test_no_traffic_never_waits():
    assert erlang.erlang_c(2, 0.0) == 0.0
    assert erlang.mean_wait(2, 0.0, 300) == 0.0
    assert erlang.counters_needed(0.0, 300, 60, 0.8) == 0


@pytest.mark.parametrize(
    ("per_hour", "service", "target", "level"),
    [(40, 300, 600, 0.8), (120, 240, 300, 0.9), (12, 900, 900, 0.8), (200, 180, 20, 0.8)],
)
def test_counters_needed_is_the_fewest_that_meet_the_target(per_hour, service, target, level):
    rate = per_hour / 3600
    needed = erlang.counters_needed(rate, service, target, level)
    assert erlang.service_level(needed, rate, service, target) >= level
    assert needed - 1 <= rate * service or erlang.service_level(needed - 1, rate, service, target) < level


def test_counters_needed_call_centre_case():
    # 100 customers in 30 minutes, 3 minutes each (10 erlangs), 80% within 20 s, checked
    # with the closed form: 13 counters fall short (79.6%), 14 are enough (88.8%).
    rate, service = 100 / 1800, 180.0

    def level(c):
        return 1 - textbook_erlang_c(c, 10.0) * math.exp(-(c - 10.0) * 20 / service)

    assert level(13) == pytest.approx(0.7956, abs=1e-4) and level(14) == pytest.approx(0.8884, abs=1e-4)
    assert erlang.service_level(14, rate, service, 20) == pytest.approx(level(14), rel=1e-9)
    assert erlang.counters_needed(rate, service, 20, 0.8) == 14


def test_bad_arguments():
    with pytest.raises(ValueError):
        erlang.erlang_c(0, 1.0)
    with pytest.raises(ValueError):
        erlang.counters_needed(1.0, 300, 60, 1.0)
    with pytest.raises(ValueError):
        erlang.offered_load(1.0, 0.0)
    with pytest.raises(ValueError):
        erlang.counters_needed(1.0, 10, 1, 0.99, max_counters=5)
