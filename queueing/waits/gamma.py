"""Gamma distribution quantiles, for the 90th-percentile wait estimate.

Hand-written (a few lines of Numerical Recipes) because the engine must not pull
in SciPy for one function.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable


def _lower_regularized(shape: float, x: float) -> float:
    """P(shape, x): the regularized lower incomplete gamma function."""
    if x <= 0:
        return 0.0
    gln = math.lgamma(shape)
    if x < shape + 1.0:
        term = total = 1.0 / shape
        a = shape
        for _ in range(500):
            a += 1.0
            term *= x / a
            total += term
            if abs(term) < abs(total) * 1e-12:
                break
        return total * math.exp(-x + shape * math.log(x) - gln)
    # Continued fraction (Lentz) for the upper tail.
    tiny = 1e-300
    b = x + 1.0 - shape
    c = 1.0 / tiny
    d = 1.0 / b
    h = d
    for i in range(1, 500):
        an = -i * (i - shape)
        b += 2.0
        d = an * d + b
        d = tiny if abs(d) < tiny else d
        c = b + an / c
        c = tiny if abs(c) < tiny else c
        d = 1.0 / d
        delta = d * c
        h *= delta
        if abs(delta - 1.0) < 1e-12:
            break
    return 1.0 - math.exp(-x + shape * math.log(x) - gln) * h


# Standard normal quantiles for the Wilson-Hilferty approximation.
_Z = {0.5: 0.0, 0.9: 1.2815515655446004, 0.95: 1.6448536269514722}


def gamma_quantile(p: float, shape: float, scale: float) -> float:
    """The p-quantile of Gamma(shape, scale).

    Wilson-Hilferty (within about 1% for shape >= 1) keeps the estimate cheap
    enough to run for every waiting ticket; bisection on the CDF otherwise, of the unit-scale
    gamma at the shape rounded to three significant digits (a quantile moves less than the
    shape's rounding), remembered: the estimate at every ticket issued asks for few shapes.
    """
    if shape <= 0 or scale <= 0:
        return 0.0
    if shape >= 1.0 and p in _Z:
        c = 1.0 / (9.0 * shape)
        return shape * scale * max(0.0, 1.0 - c + _Z[p] * math.sqrt(c)) ** 3
    return scale * _unit_quantile(p, float(f"{shape:.3g}"))


@functools.lru_cache(maxsize=4096)
def _unit_quantile(p: float, shape: float) -> float:
    """The p-quantile of Gamma(shape, 1), by bisection on the CDF."""
    scale = 1.0
    lo, hi = 0.0, shape * scale
    while _lower_regularized(shape, hi / scale) < p:
        hi *= 2.0
    for _ in range(60):
        mid = 0.5 * (lo + hi)
        if _lower_regularized(shape, mid / scale) < p:
            lo = mid
        else:
            hi = mid
    return 0.5 * (lo + hi)


def gamma_mean_residual(mean: float, cv2: float, elapsed: float) -> float:
    """E[S - elapsed | S > elapsed] for a service S ~ Gamma with this mean and squared CV.

    What is left of a service already running: the mean itself for exponential
    services (cv2 = 1, memoryless), less for steadier ones, more for wilder ones.
    From E[S; S > e] = mean * Q(k + 1, e / theta) with Q the upper regularized gamma;
    the ratio Q(k + 1, x) / Q(k, x) is read off a table per squared CV (to 0.01), built
    once: the estimate asks this for every busy counter at every ticket issued.
    """
    if mean <= 0:
        return 0.0
    if elapsed <= 0:
        return mean
    return residual_reader(mean, cv2)(elapsed)


def residual_reader(mean: float, cv2: float) -> Callable[[float], float]:
    """``gamma_mean_residual(mean, cv2, elapsed)`` as a function of ``elapsed`` alone: the table found once for
    the many counters of one category (mean > 0)."""
    per_step, scale, table = residual_constants(mean, cv2)

    def residual(elapsed: float) -> float:
        if elapsed <= 0:
            return mean
        at = elapsed * per_step
        i = int(at)
        values = table.values  # table.upto(i + 1), without the call while the table already reaches that far
        if i + 1 >= len(values):
            values = table.upto(i + 1)
        if i >= len(values) - 1:
            return scale  # far in the tail a gamma's residual life tends to its scale
        low = values[i]
        return max(0.0, mean * (low + (values[i + 1] - low) * (at - i)) - elapsed)

    return residual


def residual_constants(mean: float, cv2: float) -> tuple[float, float, _ResidualTable]:
    """What ``residual_reader(mean, cv2)`` reads with: (table points per second of elapsed time, the gamma's
    scale, the table), for a caller that reads many residuals inline (queueing/waits/play.py: every busy
    counter at every ticket issued, where a call per residual was most of the cost)."""
    cv2 = max(round(cv2, 2), 0.05)
    scale = mean * cv2
    return 1.0 / (scale * _TABLE_STEP), scale, _residual_table(cv2)


_TABLE_STEP = 0.05
_TABLE_END = 40.0  # x = elapsed / scale: beyond this the residual is the scale to a fraction of a per cent
_TABLE_CHUNK = 40  # points computed at a time: services seldom run past a few scales


class _ResidualTable:
    """Q(k + 1, x) / Q(k, x) for k = 1 / cv2 on x = 0, 0.05, ... (the mean residual life over the mean, plus
    x/k), computed as far as it is read: the learnt CV moves, and most services end within a few scales, so
    a whole table (800 points, each an incomplete gamma) for every CV it passes through is mostly unread."""

    def __init__(self, cv2: float) -> None:
        self.shape = 1.0 / cv2
        self.log_gamma = math.lgamma(self.shape + 1.0)
        self.values: tuple[float, ...] = ()
        self.complete = False

    def upto(self, n: int) -> tuple[float, ...]:
        """The table through point ``n`` (or all of it, if it ends sooner). A new tuple is published whole, so
        a reader on another thread sees the old table or the longer one, never a half-made one."""
        values = self.values
        if n < len(values) or self.complete:
            return values
        found = list(values)
        last = min(int(_TABLE_END / _TABLE_STEP), max(n, len(found) + _TABLE_CHUNK))
        complete = False
        for point in range(len(found), last + 1):
            x = point * _TABLE_STEP
            survive = 1.0 - _lower_regularized(self.shape, x)
            if survive < 1e-12:
                complete = True
                break
            # Q(k + 1, x) = Q(k, x) + x^k e^-x / Gamma(k + 1): one incomplete gamma per point, not two.
            density = math.exp(self.shape * math.log(x) - x - self.log_gamma) if x > 0 else 0.0
            found.append(1.0 + density / survive)
        self.values = values = tuple(found)
        self.complete = complete or last >= int(_TABLE_END / _TABLE_STEP)
        return values


@functools.lru_cache(maxsize=512)
def _residual_table(cv2: float) -> _ResidualTable:
    return _ResidualTable(cv2)
