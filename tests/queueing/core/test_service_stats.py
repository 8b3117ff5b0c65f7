"""ServiceStats.observe_served is observe_call then observe, to the last bit."""

from __future__ import annotations

import random
from dataclasses import astuple

import pytest

from queueing.core.service_stats import ServiceStats


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_observe_served_is_observe_call_then_observe(seed: int) -> None:
    rng = random.Random(seed)
    one, two = ServiceStats.prior(300.0), ServiceStats.prior(300.0)
    for _ in range(500):
        seconds = rng.expovariate(1 / 300.0)
        span = rng.choice((5, 20, 200))
        # None (the call's time not known), a walk, a clock step back, a call left open overnight.
        counter_s = rng.choice((None, seconds + rng.uniform(0, 60), seconds - 30.0, 10 * 3600.0))
        if counter_s is not None:
            one.observe_call(counter_s, seconds)
        one.observe(seconds, span)
        two.observe_served(counter_s, seconds, span)
        assert astuple(two) == astuple(one)
    assert one.calls > 0 and one.count == 500
