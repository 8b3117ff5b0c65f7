"""A ticket issued once, whatever became of the answer: a kiosk's touch keeps its ticket id across retries.

The link can die after the COMMIT reached the branch's server and before its answer came back: the ticket
stands, and the kiosk, told nothing, says none was issued. The customer touches again; with a new id that
made a second ticket, one nobody would answer when the hall calls it. With the same id the retry finds the
ticket that stands and gives it again (``Commands.issue_ticket`` makes no event for an id it holds).
"""

from __future__ import annotations

from dataclasses import replace

from uuid6 import uuid7

from models.branch.facade import BranchFacade
from models.branch.records import CommandResult
from queueing.core.tickets import PriorityClass


def new_ticket_id() -> str:
    """An id for a ticket about to be asked for, of the form the branch's own tickets get (UUIDv7)."""
    return str(uuid7())


def issue_once(
    branch: BranchFacade,
    ticket_id: str,
    category: str,
    priority: PriorityClass,
    customer_id: str | None = None,
) -> CommandResult:
    """Issue ticket ``ticket_id``; if an earlier try already issued it, that ticket (its category and priority)."""
    result = branch.issue_ticket(category, priority, customer_id, ticket_id=ticket_id)
    if result.ticket is None:  # issued by an earlier try whose answer was lost: the same ticket again
        result = replace(result, tickets=(branch.ticket(ticket_id),))
    return result
