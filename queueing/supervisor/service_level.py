"""Service-level figures the supervisor watches: who waits where, and how much of the day met its target."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from queueing.core.categories import BranchConfig


class WaitingTicket(Protocol):
    """A waiting ticket as the supervisor's figures read it (a frozen view fits: nothing is written)."""

    @property
    def number(self) -> str: ...
    @property
    def category(self) -> str: ...
    @property
    def live_wait_s(self) -> float:
        """Seconds waited in the queue it is in now (since a transfer to its end, or an early appointment's
        booked time): what the alerts and the waiting figures age, not the report's wait from the issue."""
        ...
    @property
    def target_counter_id(self) -> str | None:
        """The counter it was sent to by name, the only one that calls it; None: any counter serving its category."""
        ...
    @property
    def late_since(self) -> datetime | None:
        """From when fair service counts its wait (queueing.core.waiting_index.late_since); None: not known."""
        ...


@dataclass(frozen=True)
class CategoryWaiting:
    category: str
    waiting: int
    longest_s: float
    longest_number: str | None
    over_target: int
    target_s: float

    @property
    def share_over_target(self) -> float:
        return self.over_target / self.waiting if self.waiting else 0.0


@dataclass(frozen=True)
class ServiceLevel:
    """Customers whose wait is settled within the target, over all settled so far.

    A customer is settled once called, or once still waiting past the target (a miss
    already, whatever happens next).
    """

    within: int
    settled: int

    @property
    def share(self) -> float | None:
        return self.within / self.settled if self.settled else None


def waiting_by_category(waiting: Sequence[WaitingTicket], config: BranchConfig) -> list[CategoryWaiting]:
    """One row per configured category, in configuration order, empty ones included."""
    rows = []
    for code, cat in config.categories.items():
        mine = [t for t in waiting if t.category == code]
        longest = max(mine, key=lambda t: t.live_wait_s, default=None)
        rows.append(
            CategoryWaiting(
                category=code,
                waiting=len(mine),
                longest_s=longest.live_wait_s if longest else 0.0,
                longest_number=longest.number if longest else None,
                over_target=sum(1 for t in mine if t.live_wait_s > cat.target_wait_s),
                target_s=cat.target_wait_s,
            )
        )
    return rows


def day_service_level(
    called_waits: Iterable[tuple[str, float]], waiting_waits: Iterable[tuple[str, float]], config: BranchConfig
) -> ServiceLevel:
    """From (category, wait seconds) of the called tickets and of those still waiting."""
    within = settled = 0
    for code, wait in called_waits:
        target = config.categories[code].target_wait_s if code in config.categories else 0.0
        settled += 1
        within += wait <= target
    for code, wait in waiting_waits:
        target = config.categories[code].target_wait_s if code in config.categories else 0.0
        if wait > target:
            settled += 1
    return ServiceLevel(within, settled)
