"""A refused attempt at a customer outside one's own visit leaves a trace in the audit log.

A teller who opens a profile by id, or records a cross-sell answer, on a colleague's visit or a customer they
never served is refused (queueing/customers/visits.py). The refusal rolls back the transaction it happened in,
so the entry is written in one of its own: the audit log says who tried, from which PC, on which customer and
ticket, as it does for a refused reveal.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

from models.audit.log import append_audit
from models.staff.session import StaffSession
from models.store.database import Store
from queueing.core.clock import Clock
from queueing.customers.audit_chain import AuditAction
from queueing.customers.visits import NotYourVisit

log = logging.getLogger(__name__)


@contextmanager
def visit_refusals_audited(
    store: Store, branch_id: str, actor: StaffSession, customer_id: int, ticket_id: str | None, what: str,
    clock: Clock,
) -> Iterator[None]:  # fmt: skip
    """Inside: a NotYourVisit is audited (``what``: "profile" or "outcome"), then raised as it was."""
    try:
        yield
    except NotYourVisit:
        try:
            with store.write_session() as session:
                detail = {"what": what, "ticket": ticket_id}
                append_audit(session, branch_id, actor, AuditAction.VISIT_REFUSED, clock.now(), customer_id, detail)
        except Exception as exc:  # the refusal stands whatever became of its trace; the log says which was lost
            log.error("refused %s of customer %s by %s not audited: %s", what, customer_id, actor.staff_id, exc)
        raise
