"""Estimated waits: mean and 90th percentile for every waiting ticket.

The calling policy is played forward on expected counter times (queueing/waits/play.py): each
open counter frees up in turn and calls what the policy would give it. The mean wait
of a ticket is when that puts it at a counter; the spread around it is a gamma
distribution whose shape grows with the number of services it waits behind
(Whitt 1999: the wait behind k departures of c busy servers). An Outlook
(queueing/waits/outlook.py) adds what the branch can foresee: breaks, counters
coming back or closing, and the customers still to come who will be called first.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from queueing.core.commands import business_date, format_number
from queueing.core.state import BranchState
from queueing.core.tickets import PriorityClass, Ticket
from queueing.waits.gamma import gamma_quantile
from queueing.waits.outlook import Outlook
from queueing.waits.play import _busy_until, departures_cv2, play_forward

# The play-forward's names as the tests knew them here (it moved to play.py).
_play_forward = play_forward
_departures_cv2 = departures_cv2
__all__ = [
    "WaitEstimate",
    "_busy_until",
    "ahead_of_new",
    "estimate_wait",
    "estimate_waits",
    "naive_estimate_s",
    "NEW_TICKET_ID",
]


@dataclass(frozen=True)
class WaitEstimate:
    ticket_id: str
    mean_s: float
    p90_s: float
    position: int  # people called before this one, under the policy

    @property
    def mean_min(self) -> float:
        return self.mean_s / 60.0

    @property
    def p90_min(self) -> float:
        return self.p90_s / 60.0


def estimate_waits(state: BranchState, now: datetime, outlook: Outlook | None = None) -> dict[str, WaitEstimate]:
    """An estimate for every waiting ticket that some open counter serves."""
    return {
        ticket.id: _estimate(ticket.id, free_at, behind, cv2, position, expected)
        for ticket, free_at, behind, cv2, position, expected in _play_forward(state, now, outlook)
    }


def estimate_wait(
    state: BranchState, now: datetime, ticket_id: str, outlook: Outlook | None = None
) -> WaitEstimate | None:
    """The estimate of one waiting ticket, as ``estimate_waits`` gives it, without the rest.

    The play-forward stops at that ticket and the gamma quantile is computed once
    (the kiosk and the simulator need only the new ticket's figure).
    """
    ticket = state.waiting.get(ticket_id)
    if ticket is None:
        return None
    for placed, free_at, behind, cv2, position, expected in _play_forward(state, now, outlook, stop=ticket):
        if placed is ticket:
            return _estimate(ticket.id, free_at, behind, cv2, position, expected)
    return None


def ahead_of_new(state: BranchState, now: datetime, category: str, outlook: Outlook | None = None) -> int | None:
    """How many waiting customers would be called before a regular ticket of ``category`` taken now.

    The same play-forward, and so the same figure, as the position ``estimate_wait`` gives that ticket once
    it is issued: a kiosk tile and the ticket it prints agree. None when no open counter would call it.
    """
    # The number it will get: ties between tickets issued at one moment go by number (policy.late_key).
    day = business_date(state, now)
    seq = (state.sequences.get(category, 0) if state.business_date == day else 0) + 1
    new = Ticket(
        id=NEW_TICKET_ID,
        number=format_number(state.config.category(category).prefix, seq),
        category=category,
        priority=PriorityClass.REGULAR,
        business_date=day,
        issued_at=now,
        queued_at=now,
        issued_by="",
    )
    for ticket, _free_at, _behind, _cv2, position, _expected in _play_forward(state, now, outlook, new, stop=new):
        if ticket is new:
            return position
    return None


NEW_TICKET_ID = "~new"  # a ticket not yet issued


def _estimate(
    ticket_id: str, mean_s: float, behind: int, cv2: float, position: int, expected: int = 0
) -> WaitEstimate:
    """Mean and 90th percentile of the wait: a gamma with the play-forward's mean.

    Behind k departures the wait is roughly gamma with shape k / cv^2 (Whitt 1999). The
    ``expected`` customers still to come who were played in ahead are a Poisson count, not a
    certainty: each adds its share of the wait (mean / k) with variance equal to the count.
    """
    if mean_s <= 0:
        return WaitEstimate(ticket_id, 0.0, 0.0, position)
    k = max(1.0, behind)
    variance = mean_s * mean_s * max(cv2, 0.05) / k + expected * (mean_s / k) ** 2
    shape = mean_s * mean_s / variance
    p90 = gamma_quantile(0.9, shape, mean_s / shape)
    return WaitEstimate(ticket_id, mean_s, max(p90, mean_s), position)


def naive_estimate_s(ahead: int, mean_service_s: float, open_counters: int) -> float:
    """(people ahead + 1) x mean service time / open counters: the baseline to beat."""
    if open_counters <= 0:
        return float("inf")
    return (ahead + 1) * mean_service_s / open_counters
