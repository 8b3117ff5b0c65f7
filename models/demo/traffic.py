"""Simulated customers and tellers for the demo: arrivals on a Poisson schedule and tellers at chosen counters.

Everything goes through BranchService, so the other windows see the traffic exactly as they would see
real stations: by polling the store. ``step(dt)`` advances by ``dt`` seconds of the branch clock.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from typing import TypeVar

from models.branch.service import BranchService
from queueing.core.errors import DomainError
from queueing.core.tickets import PriorityClass, TicketStatus, TransactionLine
from queueing.core.transaction_types import TransactionCatalogue, load_catalogue

DEFAULT_MIX = {"CASH": 0.5, "TRANSFER": 0.2, "LOANS": 0.06, "CORP": 0.08, "FX": 0.08, "VIP": 0.08}
PRIORITY_MIX = {PriorityClass.REGULAR: 0.85, PriorityClass.ELDERLY: 0.1, PriorityClass.VIP: 0.05}
WALK_S = 20.0  # from the call to the customer standing at the counter


def poisson(rng: random.Random, mean: float) -> int:
    """A Poisson draw by Knuth's method (the means here are small)."""
    limit, count, product = math.exp(-mean), 0, rng.random()
    while product > limit:
        count += 1
        product *= rng.random()
    return count

T = TypeVar("T")


def _pick(rng: random.Random, mix: Mapping[T, float]) -> T:
    return rng.choices(list(mix), weights=list(mix.values()))[0]


class DemoTraffic:
    """Customers arriving at ``per_hour`` and simulated tellers at ``tellers`` (counter id -> staff id)."""

    def __init__(
        self,
        branch: BranchService,
        tellers: Mapping[str, str],
        per_hour: float = 90.0,
        service_scale: float = 1.0,
        mix: Mapping[str, float] | None = None,
        seed: int | None = None,
        catalogue: TransactionCatalogue | None = None,
    ) -> None:
        self.branch = branch
        self.tellers = dict(tellers)
        self.per_hour = per_hour
        self.service_scale = service_scale
        self.mix = {c: w for c, w in (mix or DEFAULT_MIX).items() if c in branch.config.categories}
        self.rng = random.Random(seed)
        self.catalogue = catalogue or load_catalogue()
        self._due: dict[str, float] = {}
        self._elapsed = 0.0

    def open_counters(self) -> None:
        """Open every counter a simulated teller works at that is still closed."""
        for counter in self.branch.snapshot().counters:
            if counter.id in self.tellers and counter.status == "closed":
                self.branch.open_counter(counter.id, self.tellers[counter.id])

    def close_counters(self) -> int:
        """End the simulated tellers' day: the customer at each counter goes back to the queue, keeping their
        place, then the counter closes; returns how many closed.

        Left open, a quit demo's counters would read "open" to the next kiosk, which would then give
        estimates with nobody working. Their customers are not finished on the spot: a visit of a few
        milliseconds would show as a short visit on the supervisor's screen and pull the service-time
        figures the estimates learn from towards zero at every quit.
        """
        closed = 0
        for counter in self.branch.snapshot().counters:
            if counter.id not in self.tellers or counter.status == "closed":
                continue
            try:
                self._hand_back(counter)
                self.branch.close_counter(counter.id)
                closed += 1
            except DomainError:
                pass  # another station changed it meanwhile; the others still close
        return closed

    def _hand_back(self, counter) -> None:
        ticket = counter.current
        if ticket is not None:
            self.branch.transfer(counter.id, to_category=ticket.category, keep_place=True)
            self._due.pop(counter.id, None)

    def step(self, dt_s: float) -> int:
        """Arrivals and teller moves for the next ``dt_s`` seconds; returns how many commands ran."""
        self._elapsed += dt_s
        done = 0
        for _ in range(poisson(self.rng, self.per_hour * dt_s / 3600.0)):
            self.branch.issue_ticket(str(_pick(self.rng, self.mix)), _pick(self.rng, PRIORITY_MIX))
            done += 1
        snapshot = self.branch.snapshot()
        waiting = {t.category for t in snapshot.waiting}
        for counter in snapshot.counters:
            if counter.id in self.tellers and counter.status == "open":
                done += self._teller(counter, waiting)
        return done

    def _teller(self, counter, waiting: set[str]) -> int:
        ticket = counter.current
        due = self._due.get(counter.id, 0.0)
        try:
            if ticket is None:
                if waiting & set(counter.profile):
                    self.branch.call_next(counter.id, self.tellers[counter.id])
                    self._due[counter.id] = self._elapsed + WALK_S
                    return 1
            elif ticket.status == TicketStatus.CALLED and self._elapsed >= due:
                self.branch.start(counter.id)
                typical = self.branch.config.category(ticket.category).typical_service_s
                self._due[counter.id] = self._elapsed + self.rng.expovariate(1.0 / (typical * self.service_scale))
                return 1
            elif ticket.status == TicketStatus.SERVING and self._elapsed >= due:
                self.branch.finish(counter.id, [self._transaction(ticket.category)])
                return 1
        except DomainError:
            pass  # another station got there first: the next step sees the new state
        return 0

    def _transaction(self, category: str) -> TransactionLine:
        types = self.catalogue.for_category(category)
        code = self.rng.choice(types).code if types else "OTHER"
        return TransactionLine(code, 1.0)


def run_morning(traffic: DemoTraffic, clock, seconds: float, step_s: float = 10.0) -> None:
    """Drive ``traffic`` on a ManualClock for ``seconds`` (screenshots, tests)."""
    steps = int(seconds / step_s)
    for _ in range(steps):
        clock.advance(step_s)
        traffic.step(step_s)


def counters_for_tellers(counters: Sequence[str], staff: Sequence[str]) -> dict[str, str]:
    """Pair counters with staff ids in order (the demo's simulated tellers)."""
    return dict(zip(counters, staff, strict=False))
