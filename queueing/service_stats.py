"""Smoothed service times per category (exponentially weighted mean and variance)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True)
class ServiceStats:
    mean_s: float
    var_s2: float
    count: int = 0

    @classmethod
    def prior(cls, typical_s: float) -> ServiceStats:
        # Counter work is less variable than exponential; start at CV 0.7.
        return cls(mean_s=typical_s, var_s2=(0.7 * typical_s) ** 2)

    def observe(self, seconds: float, span: int) -> None:
        alpha = 2.0 / (span + 1.0)
        # Early on, let observations count more than the configured prior.
        alpha = max(alpha, 1.0 / (self.count + 2.0))
        delta = seconds - self.mean_s
        self.mean_s += alpha * delta
        self.var_s2 = (1.0 - alpha) * (self.var_s2 + alpha * delta * delta)
        self.count += 1

    @property
    def cv2(self) -> float:
        if self.mean_s <= 0:
            return 1.0
        return max(0.05, self.var_s2 / (self.mean_s * self.mean_s))
