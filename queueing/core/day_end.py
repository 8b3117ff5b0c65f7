"""The end of a business day: a paper ticket is valid for its day only.

A ticket of an earlier business day that is still waiting or parked is closed as
expired (``TicketStatus.EXPIRED``) by a ``TICKET_EXPIRED`` event of its own, so every
station and the store agree and the projections follow the one path. A ticket
called or being served across midnight (a branch open late) is a customer at a
counter: it stays with its teller, and so does one the teller parks or sends to
another queue once the day has ended (its day did not leave it waiting or parked).
"""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from queueing.core.state import BranchState
from queueing.core.tickets import Ticket, TicketStatus

# The statuses a ticket the day left behind can be in (nobody holds it at a counter).
LEFT_OVER = frozenset((TicketStatus.WAITING, TicketStatus.PARKED))


class DayEndFirst(Exception):
    """A command, once caught up with the journal, found tickets an earlier business day left waiting or parked
    (``Commands.require_day_ended``): nothing is decided; the day end runs first, as a transaction of its own,
    then the command again. A view checked before catching up can miss them (another station's last tickets)."""


def day_start(timezone: str, day: date) -> datetime:
    """The instant ``day`` starts at the branch (its local midnight; on a day that skips it, the change of clocks)."""
    return datetime.combine(day, time(), tzinfo=ZoneInfo(timezone))


def left_before(ticket: Ticket, timezone: str, day: date) -> bool:
    """True when the days before ``day`` left ``ticket`` waiting or parked: issued on one of them, and not
    parked or transferred on ``day`` or later (then it was at a counter when ``day`` started)."""
    left = ticket.left_counter_at
    return ticket.business_date < day and (left is None or left < day_start(timezone, day))


def left_over(
    state: BranchState, day: date, issued_by: str | None = None, skip: frozenset[str] = frozenset()
) -> list[Ticket]:
    """Tickets business days before ``day`` left waiting or parked (``left_before``), in issue order.

    ``issued_by``: only those this station issued (offline, a station acts on its own tickets alone);
    ``skip``: ticket ids left out (those an unanswered command may have changed upstream).
    """
    timezone = state.config.timezone
    return [
        t
        for t in state.tickets.values()
        if t.status in LEFT_OVER
        and t.business_date < day
        and left_before(t, timezone, day)
        and (issued_by is None or t.issued_by == issued_by)
        and t.id not in skip
    ]
