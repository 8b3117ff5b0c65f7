"""Whose visit a ticket is: a teller opens a customer's profile, and records the customer's answers to the
cross-sell prompts, only during their own visit with that customer.

Tellers are paid piece-rate, partly on accepted prompts, so an answer is worth money to the one who records
it. The rule is therefore checked by the services (and on PostgreSQL by the server's functions), never left to
the station's widgets:

- the ticket is linked to that customer;
- it is called or being served at the counter the asking teller is signed in at: the customer is in front of
  them, whoever called the ticket (a teller who takes over a counter with a customer at it serves that
  customer, while the visit stays credited to its caller);
- or, for an answer only, they finished it (signed in at its counter then) at most ``ANSWER_AFTER_FINISH`` ago
  (see below): after a takeover, the teller who pressed Finish, not the one who left.

Without a ticket only a supervisor or an administrator acts (an answer given outside a visit, a profile
opened from the supervisor's screens): both already read the customer tables and run the reports.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from queueing.core.roles import PermissionDenied, Role
from queueing.core.tickets import TicketStatus

# How long after finishing a visit its teller may still record an answer given in it. The station sends an
# answer as a command of its own, so one given as the teller pressed Finish can arrive just after it, and an
# answer whose reply was lost (the link dropped at its COMMIT) is sent again once the link is back: a
# station goes offline within seconds and retries at once when it returns. Ten minutes covers both with
# room; it is shorter than a typical visit plus a wait, so a teller cannot go back through the day's
# finished visits to add "accepted" answers to customers who have left. Kept in step with the server's
# functions (models/customers/visit_sql.py).
ANSWER_AFTER_FINISH = timedelta(minutes=10)

LIVE_STATUSES = frozenset((TicketStatus.CALLED.value, TicketStatus.SERVING.value))
FINISHED_STATUS = TicketStatus.DONE.value
# The roles that may open a profile or record an answer without naming a visit.
WITHOUT_VISIT = frozenset((Role.SUPERVISOR, Role.ADMINISTRATOR))


class NotYourVisit(PermissionDenied):
    """The ticket named is not the asking teller's visit with this customer (or none was named)."""

    code = "not_your_visit"


@dataclass(frozen=True)
class TicketFacts:
    """What the store says about the ticket named: its customer, status, who called it, when it finished, and
    who is signed in at its counter now."""

    customer_id: str | None
    status: str
    staff_id: str | None
    finished_at: datetime | None
    counter_holder: str | None
    # Who was signed in at its counter when it finished (None: finished before this was kept; its caller then).
    finished_by: str | None = None


def is_own_visit(
    facts: TicketFacts | None, staff_id: str, customer_id: int, now: datetime, after_finish: timedelta
) -> bool:
    """Whether ``staff_id`` may act on ``customer_id`` by this ticket at ``now``.

    ``after_finish``: how long after the visit ended it still counts (zero for opening a profile).
    """
    if facts is None or facts.customer_id != str(customer_id):
        return False
    if facts.status in LIVE_STATUSES:
        return facts.counter_holder == staff_id
    if (facts.finished_by or facts.staff_id) != staff_id:
        return False
    if facts.status == FINISHED_STATUS and facts.finished_at is not None and after_finish > timedelta(0):
        return now - after_finish <= facts.finished_at
    return False


def refuse(customer_id: int, ticket_id: str | None) -> NotYourVisit:
    """The refusal, the same for every reason: it says nothing about whose visit the ticket is."""
    if ticket_id is None:
        return NotYourVisit(
            f"a teller acts on customer {customer_id} only through the visit they serve: name its ticket",
            customer_id=customer_id,
        )
    return NotYourVisit(
        f"ticket {ticket_id} is not your visit with customer {customer_id}: nothing is shown or recorded",
        customer_id=customer_id, ticket=ticket_id,
    )
