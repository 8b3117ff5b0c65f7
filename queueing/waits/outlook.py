"""What the wait estimate knows of the hours ahead: the counters' plan and who else will come.

Ibrahim & Whitt (2011) show that a queue-length estimate goes wrong when demand and
capacity change during the wait; this is the change the branch can foresee:

- ``CounterPlan``: a counter's break still to come (it pauses at its first free moment
  from then), when a paused or closed counter serves again, when a counter stops calling.
- arrival rates per category and priority class, from the day's observed tickets
  (``ArrivalRates``): customers who come later but will be called first (a higher class's
  head start, or a category a shared counter ranks higher) lengthen the wait of those
  already waiting.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import datetime
from itertools import islice

from queueing.core.state import BranchState
from queueing.core.tickets import PriorityClass, Ticket

# Observed rates: arrivals over the last hour, over at least this long once the day has begun.
RATE_WINDOW_S = 3600.0
RATE_LEAST_S = 900.0


@dataclass(frozen=True)
class CounterPlan:
    """A counter's known day ahead, in seconds from now (None: nothing known of that)."""

    counter_id: str
    back_in_s: float | None = None  # a paused or closed counter calls again from then
    break_from_s: float | None = None  # a break is due: the counter pauses at its first free moment from then
    break_s: float = 0.0
    closes_in_s: float | None = None  # the counter calls nobody from then


@dataclass(frozen=True)
class Outlook:
    """The estimate's knowledge of the time ahead; an empty one estimates from the present alone."""

    plans: dict[str, CounterPlan] = field(default_factory=dict)
    # Expected arrivals per second from now on, per (category, priority class).
    rates: dict[tuple[str, PriorityClass], float] = field(default_factory=dict)
    horizon_s: float = 4 * 3600.0  # no arrivals are expected after this (the kiosk's closing, say)


class ArrivalRates:
    """Arrivals per second per (category, class) over the last hour, read from the state incrementally.

    The tickets of a business day only ever join ``state.tickets`` at its end (a new day makes a
    new dict), so each call reads just the tickets added since the last one.
    """

    def __init__(self, window_s: float = RATE_WINDOW_S, least_s: float = RATE_LEAST_S) -> None:
        self.window_s = window_s
        self.least_s = least_s
        self._tickets: dict[str, Ticket] | None = None
        self._seen = 0
        self._log: deque[tuple[datetime, tuple[str, PriorityClass]]] = deque()
        self._counts: dict[tuple[str, PriorityClass], int] = {}
        self._first: datetime | None = None

    def rates(self, state: BranchState, now: datetime) -> dict[tuple[str, PriorityClass], float]:
        # Fields read into locals: this runs at every ticket issued (the kiosk, the simulator).
        tickets = state.tickets
        seen = self._seen
        if tickets is not self._tickets or len(tickets) < seen:
            self._tickets, seen, self._first = tickets, 0, None
            self._log.clear()
            self._counts.clear()
        log, counts = self._log, self._counts
        if len(tickets) > seen:
            fresh = list(islice(reversed(tickets.values()), len(tickets) - seen))
            day = state.business_date
            first = self._first
            for ticket in reversed(fresh):
                if ticket.business_date != day:
                    continue  # carried over from an earlier day
                key = (ticket.category, ticket.priority)
                issued = ticket.issued_at
                log.append((issued, key))
                counts[key] = counts.get(key, 0) + 1
                if first is None or issued < first:
                    first = issued
            self._first = first
        self._seen = len(tickets)
        window = self.window_s
        while log and (now - log[0][0]).total_seconds() > window:
            _, key = log.popleft()
            counts[key] -= 1
        if self._first is None:
            return {}
        span = min(window, max(self.least_s, (now - self._first).total_seconds()))
        return {key: count / span for key, count in counts.items() if count > 0}

    def rates_with(
        self, state: BranchState, now: datetime, extra: tuple[str, PriorityClass]
    ) -> dict[tuple[str, PriorityClass], float]:
        """The rates as they will be once one more ticket of ``extra`` (category, class) is issued now: the
        outlook a new ticket's estimate will be made with, so that a figure given before issuing it holds after."""
        self.rates(state, now)
        first = now if self._first is None else min(self._first, now)
        span = min(self.window_s, max(self.least_s, (now - first).total_seconds()))
        counts = {**self._counts, extra: self._counts.get(extra, 0) + 1}
        return {key: count / span for key, count in counts.items() if count > 0}
