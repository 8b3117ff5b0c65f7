"""Chart data for the piece-rate report: plain numbers a chart widget or a PDF can draw."""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass

# Service times are binned in 2-minute steps; the 15th and last bin holds everything from 28 minutes up.
BIN_S = 120.0
BINS = 15


@dataclass(frozen=True)
class UnitsBar:
    teller: str
    name: str
    standard_units: float
    net_units: float


@dataclass(frozen=True)
class ServiceDistribution:
    """One teller's service times: a histogram over shared bins and a five-number summary (box plot)."""

    teller: str
    name: str
    # counts[i] visits took [i * bin_s, (i + 1) * bin_s) seconds; the last bin is open-ended.
    counts: tuple[int, ...]
    bin_s: float
    # minimum, lower quartile, median, upper quartile, maximum (seconds); empty without visits.
    five_numbers: tuple[float, ...]


def histogram(service_s: Sequence[float], bin_s: float = BIN_S, bins: int = BINS) -> tuple[int, ...]:
    counts = [0] * bins
    last = bins - 1
    for value in service_s:
        index = int(value // bin_s)
        counts[min(max(index, 0), last)] += 1
    return tuple(counts)


def five_numbers(service_s: Sequence[float]) -> tuple[float, ...]:
    """Min, quartiles and max; quartiles interpolate between visits (the 'inclusive' method)."""
    if not service_s:
        return ()
    ordered = sorted(service_s)
    if len(ordered) == 1:
        return (ordered[0],) * 5
    q1, median, q3 = statistics.quantiles(ordered, n=4, method="inclusive")
    return (ordered[0], q1, median, q3, ordered[-1])


def distribution(teller: str, name: str, service_s: Sequence[float]) -> ServiceDistribution:
    return ServiceDistribution(teller, name, histogram(service_s), BIN_S, five_numbers(service_s))
