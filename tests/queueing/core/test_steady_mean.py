"""The steady service mean the wait estimate plays forward with: steady on a steady pace, and it turns after a
lasting change of pace."""

from __future__ import annotations

import math
import random
import statistics

from queueing.core.service_stats import STEADY_SPAN, ServiceStats

MEAN_S = 300.0


def _served(stats: ServiceStats, rng: random.Random, mean_s: float, count: int) -> list[float]:
    seen = []
    for _ in range(count):
        seconds = rng.expovariate(1 / mean_s)
        stats.observe_served(seconds, seconds, 20)
        seen.append(stats.steady_mean_s)
    return seen


def test_on_a_steady_pace_the_steady_mean_strays_little() -> None:
    """Exponential services (the wildest a bank counter sees): the steady mean's root mean square error over ten
    spans stays under 4.5% of the true mean (its spread is about 3%); a mean of the last 200 strays by 7%."""
    rng = random.Random(17)
    stats = ServiceStats.prior(MEAN_S)
    _served(stats, rng, MEAN_S, STEADY_SPAN)  # learnt
    seen = _served(stats, rng, MEAN_S, 10 * STEADY_SPAN)
    assert math.sqrt(statistics.fmean((m / MEAN_S - 1.0) ** 2 for m in seen)) < 0.045


def test_after_a_lasting_change_of_pace_the_steady_mean_follows() -> None:
    """Services twice as long from some moment (a new system, a season): half the change within 350 services,
    nearly all of it within two spans."""
    rng = random.Random(5)
    stats = ServiceStats.prior(MEAN_S)
    _served(stats, rng, MEAN_S, 2 * STEADY_SPAN)
    seen = _served(stats, rng, 2 * MEAN_S, 2 * STEADY_SPAN)
    assert seen[349] > 1.35 * MEAN_S
    assert seen[-1] > 1.75 * MEAN_S
