"""Smoothed service times per category (exponentially weighted mean and variance).

Two smoothings of the same observations: the branch's own (``smoothing_span``, about the
last 20 services: it follows a change of pace within the hour) and a steady one (about
the last 1000) that the wait estimate plays forward with. Twenty exponential services give
a mean off by a quarter either way as often as not, and the estimate's error grew with it.

Why a thousand and not two hundred: the queue and a short mean move together. A run of long
services both lengthens the queue and raises the recent mean, so a mean of the last 200 is
high exactly when many customers are told a wait, and the told waits came out high on
average (M/M/13 at load 0.8: +5% of the mean wait over 16 days; 0.9: +4.3%; 0.95: +3.1%).
Over the last 1000 the same days give +1.2%, +1.8% and +0.8%, with less error at every load
(bench/bench_estimates.py). The price is a slower turn after a lasting change of pace: about
half of it within 350 services.

A counter is taken by more than the service: the customer walks up after the call, and a
customer who never comes holds the counter through the recalls instead of a service. The
steady overhead per call (``steady_overhead_s``) is that difference, so the wait estimate
plays forward the counter's whole time per call (service plus overhead).
"""

from __future__ import annotations

from dataclasses import dataclass

# Services the steady mean and variance are smoothed over.
STEADY_SPAN = 1000
_STEADY_ALPHA = 2.0 / (STEADY_SPAN + 1.0)


@dataclass(slots=True)
class ServiceStats:
    mean_s: float
    var_s2: float
    count: int = 0
    steady_mean_s: float = -1.0  # below zero: not set, the prior's mean and variance are taken
    steady_var_s2: float = 0.0
    steady_overhead_s: float = 0.0  # counter time per call beyond the service (walk, recalls of no-shows)
    calls: int = 0

    def __post_init__(self) -> None:
        if self.steady_mean_s < 0:
            self.steady_mean_s, self.steady_var_s2 = self.mean_s, self.var_s2

    @classmethod
    def prior(cls, typical_s: float) -> ServiceStats:
        # Counter work is less variable than exponential; start at CV 0.7.
        return cls(mean_s=typical_s, var_s2=(0.7 * typical_s) ** 2)

    def observe(self, seconds: float, span: int) -> None:
        # Early on, let observations count more than the configured prior.
        early = 1.0 / (self.count + 2.0)
        # Both smoothings inline (every service finished): delta from the mean, mean + a*delta, (1-a)(var + a*delta^2).
        alpha = max(2.0 / (span + 1.0), early)
        delta = seconds - self.mean_s
        self.mean_s, self.var_s2 = self.mean_s + alpha * delta, (1.0 - alpha) * (self.var_s2 + alpha * delta * delta)
        alpha = max(_STEADY_ALPHA, early)
        delta = seconds - self.steady_mean_s
        self.steady_mean_s = self.steady_mean_s + alpha * delta
        self.steady_var_s2 = (1.0 - alpha) * (self.steady_var_s2 + alpha * delta * delta)
        self.count += 1

    def observe_call(self, counter_s: float, service_s: float | None) -> None:
        """A call ended: the counter was taken ``counter_s`` from the call, ``service_s`` of it serving (None:
        the customer never came, so the call took the counter instead of a service of the steady mean)."""
        served = self.steady_mean_s if service_s is None else service_s
        # Clock steps between the two events are not the customer's: a walk is not negative, no call lasts hours.
        extra = min(max(counter_s - served, -served if service_s is None else 0.0), 1800.0)
        weight = max(_STEADY_ALPHA, 1.0 / (self.calls + 2.0))
        self.steady_overhead_s += weight * (extra - self.steady_overhead_s)
        self.calls += 1

    def observe_served(self, counter_s: float | None, seconds: float, span: int) -> None:
        """``observe_call(counter_s, seconds)`` (unless None: the call's time is not known) then
        ``observe(seconds, span)``, as one call: the reducer makes both at every service finished, and each
        method call with its reads of the same fields was a tenth of applying the finish.
        tests/queueing/core/test_service_stats.py holds it to the two calls."""
        # max(a, b) and min(a, b) written out as the builtins decide (the later argument only when strictly
        # greater, or less): the same floats without a builtin call's argument parsing, four times per finish.
        if counter_s is not None:
            # observe_call with a service: the walk is not negative, no call lasts hours.
            extra = counter_s - seconds
            extra = 0.0 if 0.0 > extra else extra
            extra = 1800.0 if 1800.0 < extra else extra
            calls = self.calls
            weight = 1.0 / (calls + 2.0)
            weight = weight if weight > _STEADY_ALPHA else _STEADY_ALPHA
            self.steady_overhead_s += weight * (extra - self.steady_overhead_s)
            self.calls = calls + 1
        count = self.count
        early = 1.0 / (count + 2.0)
        alpha = 2.0 / (span + 1.0)
        alpha = early if early > alpha else alpha
        mean = self.mean_s
        delta = seconds - mean
        self.mean_s, self.var_s2 = mean + alpha * delta, (1.0 - alpha) * (self.var_s2 + alpha * delta * delta)
        alpha = early if early > _STEADY_ALPHA else _STEADY_ALPHA
        mean = self.steady_mean_s
        delta = seconds - mean
        self.steady_mean_s = mean + alpha * delta
        self.steady_var_s2 = (1.0 - alpha) * (self.steady_var_s2 + alpha * delta * delta)
        self.count = count + 1

    @property
    def cv2(self) -> float:
        return _cv2(self.mean_s, self.var_s2)

    @property
    def steady_cv2(self) -> float:
        return _cv2(self.steady_mean_s, self.steady_var_s2)


def _cv2(mean: float, var: float) -> float:
    if mean <= 0:
        return 1.0
    return max(0.05, var / (mean * mean))
