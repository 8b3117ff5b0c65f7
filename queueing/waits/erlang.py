"""Erlang C: the M/M/c queue's waiting figures, for checks and staffing advice.

All rates and times in one unit of your choice (seconds throughout Counterline):
``arrival_rate`` customers per unit, ``mean_service`` units per customer.
"""

from __future__ import annotations

import math


def offered_load(arrival_rate: float, mean_service: float) -> float:
    """Traffic in erlangs: how many counters the work alone keeps busy."""
    if arrival_rate < 0 or mean_service <= 0:
        raise ValueError("arrival rate must be >= 0 and mean service time > 0")
    return arrival_rate * mean_service


def erlang_b(counters: int, load: float) -> float:
    """Blocking probability of the loss system, by the stable recursion B(k) = aB(k-1) / (k + aB(k-1))."""
    if counters < 0 or load < 0:
        raise ValueError("counters and load must be >= 0")
    blocking = 1.0
    for k in range(1, counters + 1):
        blocking = load * blocking / (k + load * blocking)
    return blocking


def erlang_c(counters: int, load: float) -> float:
    """Probability that an arriving customer has to wait (all counters busy).

    1.0 when the load is at or above the number of counters: the queue grows without bound.
    """
    if counters < 1:
        raise ValueError("at least one counter is needed")
    if load <= 0:
        return 0.0
    if load >= counters:
        return 1.0
    blocking = erlang_b(counters, load)
    return counters * blocking / (counters - load * (1.0 - blocking))


def mean_wait(counters: int, arrival_rate: float, mean_service: float) -> float:
    """Mean time in queue Wq = C(c, a) x S / (c - a); infinite when the load reaches c."""
    load = offered_load(arrival_rate, mean_service)
    if load >= counters:
        return math.inf
    return erlang_c(counters, load) * mean_service / (counters - load)


def service_level(counters: int, arrival_rate: float, mean_service: float, target_wait: float) -> float:
    """P(wait <= target_wait) = 1 - C(c, a) x exp(-(c - a) t / S)."""
    if target_wait < 0:
        raise ValueError("target wait must be >= 0")
    load = offered_load(arrival_rate, mean_service)
    if load >= counters:
        return 0.0
    return 1.0 - erlang_c(counters, load) * math.exp(-(counters - load) * target_wait / mean_service)


def counters_needed(
    arrival_rate: float,
    mean_service: float,
    target_wait: float,
    target_level: float,
    max_counters: int = 1000,
) -> int:
    """Fewest counters that serve ``target_level`` (0-1) of customers within ``target_wait``.

    Raises ValueError if even ``max_counters`` cannot, or the level is not below 1.
    """
    if not 0.0 <= target_level < 1.0:
        raise ValueError("target level must be in [0, 1)")
    load = offered_load(arrival_rate, mean_service)
    if load == 0:
        return 0
    # Below floor(load) + 1 counters the queue is unstable; start there.
    for counters in range(max(1, math.floor(load) + 1), max_counters + 1):
        if service_level(counters, arrival_rate, mean_service, target_wait) >= target_level:
            return counters
    raise ValueError(f"more than {max_counters} counters would be needed")
