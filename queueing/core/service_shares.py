"""Each teller's part of one visit's service time, when more than one teller served it.

A visit parked by one teller and brought back by the next (who finishes it), or a counter taken over with its
customer at the window, was served by two tellers: each is credited with the seconds they served, and the parts
add up to the visit's ``service_seconds`` (parked time, and a taken-over counter's time with nobody signed in,
are not service: ``Ticket.parked_s``).

The station that makes each fact measures it on its own clocks, as it measures a park's time away: a park, and a
teller leaving a counter with the customer at it, carry the service so far (``served_s``) and who served up to
then; the sign-in that takes such a counter over carries the service so far as its station reads it (the
difference is the time nobody was there). The finish turns these marks into the parts (``shares``) and writes
them into its payload, so every store reads the same split from the one event, whatever order the earlier facts
reached it in. A finish without ``shares`` (one teller served it all, or an event from before this) credits the
whole service to the visit's teller, as before.
"""

from __future__ import annotations

import math
from typing import Any

Share = tuple[str, float]

# What a stored share may hold: a staff id fits staff.id (32 characters); a visit passes through a few hands.
_MAX_SHARES = 20
_MAX_TELLER = 32
# A day: a part beyond it is no measurement (as a park's time away).
MAX_SERVED_S = 86_400.0
# A mark's service so far may be longer: a customer left at a counter stays there across midnight (no day end
# closes a ticket at a counter), and the teller who signs in there after a weekend or a holiday takes over a visit
# begun days ago. Only the time since the last teller left is nobody's service, and it is told by this figure.
_MAX_MARK_S = 366 * 86_400.0
# How far the parts may be from the visit's service time and still be its parts (three decimals each).
_SUM_SLACK = 0.01


def served_mark(payload: dict[str, Any]) -> float | None:
    """A payload's ``served_s``: the service so far, if it is a figure a clock can have measured."""
    value = payload.get("served_s")
    if isinstance(value, int | float) and not isinstance(value, bool) and 0.0 <= value < _MAX_MARK_S:
        return float(value)
    return None


def shares_at_finish(
    marks: tuple[Share, ...], service_s: float, finisher: str | None, credited: str | None
) -> list[list[Any]] | None:
    """The ``shares`` of a finish payload: each teller's seconds, in the order they served, adding up to
    ``service_s``; None when the visit's credited teller served it all (the finish reads as before).

    ``marks``: (teller, service so far) where a teller's part ended (a park, leaving the counter), in order;
    the finisher served the rest. A mark below an earlier one (clocks of two stations) ends a part of none, and
    one above the whole service is cut to it: no part is negative and none counted twice."""
    parts: dict[str, float] = {}
    reached = 0.0
    for teller, mark in marks:
        end = min(max(mark, reached), service_s)
        parts[teller] = parts.get(teller, 0.0) + (end - reached)
        reached = end
    if finisher is not None:
        parts[finisher] = parts.get(finisher, 0.0) + (service_s - reached)
    served = {teller: seconds for teller, seconds in parts.items() if seconds > 0.0}
    if not served or set(served) == {credited}:
        return None
    tellers = list(served)
    seconds = [round(served[teller], 3) for teller in tellers]
    # The last part takes the rounding, so the parts add up to the service time as written.
    seconds[-1] = round(service_s - sum(seconds[:-1]), 3)
    return [[teller, part] for teller, part in zip(tellers, seconds, strict=True)]


def read_shares(payload: dict[str, Any]) -> tuple[Share, ...] | None:
    """A finish payload's ``shares`` if they are the parts of its ``service_seconds``; None otherwise (absent, from
    an older version, or not parts of this visit): then the whole service is its teller's."""
    raw = payload.get("shares")
    if not isinstance(raw, list) or not 0 < len(raw) <= _MAX_SHARES:
        return None
    shares: list[Share] = []
    for item in raw:
        if not isinstance(item, list | tuple) or len(item) != 2:
            return None
        teller, seconds = item
        if not isinstance(teller, str) or not 0 < len(teller) <= _MAX_TELLER:
            return None
        if isinstance(seconds, bool) or not isinstance(seconds, int | float) or not 0.0 <= seconds < MAX_SERVED_S:
            return None
        shares.append((teller, float(seconds)))
    if len({teller for teller, _ in shares}) != len(shares):
        return None
    try:
        total = float(payload["service_seconds"])
    except (KeyError, TypeError, ValueError):
        return None
    if not math.isfinite(total) or abs(sum(s for _, s in shares) - total) > _SUM_SLACK:
        return None
    return tuple(shares)


def part_of(shares: tuple[Share, ...], teller: str | None) -> float:
    """The seconds of a visit's ``shares`` that ``teller`` served."""
    return sum(seconds for who, seconds in shares if who == teller)


def served_by(shares: tuple[Share, ...] | None, teller: str | None, service_s: float) -> tuple[Share, ...]:
    """Who served a visit and for how long: its ``shares``, or all of it its teller's (none: nobody known)."""
    if shares:
        return shares
    return ((teller, service_s),) if teller is not None else ()
