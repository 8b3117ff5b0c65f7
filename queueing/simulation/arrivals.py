"""Sampling one day's customers from a spec: who comes when, for what, for how long."""

from __future__ import annotations

import random

from queueing.core.tickets import PriorityClass
from queueing.simulation.spec import Arrival, SimulationSpec

# Customers with an appointment come up to this long before their booked time.
APPOINTMENT_EARLY_S = 600.0


def _choose(rng: random.Random, mix: dict, keys: list) -> object:
    return rng.choices(keys, weights=[mix[k] for k in keys])[0]


def sample_day(spec: SimulationSpec, rng: random.Random) -> tuple[Arrival, ...]:
    """A non-homogeneous Poisson day: exponential gaps at each hour's rate.

    Restarting the gap at an hour boundary is exact because the exponential is memoryless.
    """
    categories = sorted(spec.category_mix)
    classes = sorted(spec.priority_mix)
    day_end = spec.open_seconds
    arrivals: list[Arrival] = []
    for hour, rate in enumerate(spec.hourly_rates):
        start, end = hour * 3600.0, min((hour + 1) * 3600.0, day_end)
        if rate <= 0 or start >= end:
            continue
        at = start + rng.expovariate(rate / 3600.0)
        while at < end:
            arrivals.append(_customer(spec, rng, at, categories, classes))
            at += rng.expovariate(rate / 3600.0)
    return tuple(arrivals)


def _customer(
    spec: SimulationSpec, rng: random.Random, at: float, categories: list[str], classes: list[PriorityClass]
) -> Arrival:
    category = _choose(rng, spec.category_mix, categories)
    priority = _choose(rng, spec.priority_mix, classes)
    appointment = at + rng.uniform(0.0, APPOINTMENT_EARLY_S) if priority is PriorityClass.APPOINTMENT else None
    return Arrival(
        offset_s=at,
        category=category,
        priority=priority,
        service_s=spec.service[category].sample(rng),
        no_show=rng.random() < spec.no_show_share,
        appointment_offset_s=appointment,
    )
