"""Visits for the tests of the customer services: a teller opens a profile and records an answer only in a visit.

``serve`` makes one the way a branch does, through the branch's own commands (sign in at a counter of the
teller's own, issue a ticket for the customer, call it, start it), so the services check the rows those
commands write, on SQLite and on PostgreSQL alike. The teller's previous customer is finished first.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from staff_sessions import SIGNED_IN_AT

from models.branch.service import BranchService
from models.demo.branch_setup import set_up_counter
from models.staff.session import StaffSession
from models.store.database import Store
from queueing.core.categories import load_branch_config
from queueing.core.clock import Clock, ManualClock
from queueing.core.tickets import TransactionLine

CATEGORY = "CASH"


def counter_of(actor: StaffSession) -> str:
    """The counter each test teller works at: one of their own, so that two tellers never share one."""
    return f"V{actor.staff_id}"


def _branch(store: Store, actor: StaffSession, clock: Clock | None) -> BranchService:
    branch = BranchService(store, load_branch_config(), actor.branch_id, actor.station_id,
                           clock or ManualClock(SIGNED_IN_AT))
    branch.ensure_branch("Test branch")
    counter = counter_of(actor)
    if counter not in {c.id for c in branch.snapshot().counters}:
        set_up_counter(branch, counter, actor.staff_id[:3], {CATEGORY: 1})
    return branch


def serve(store: Store, actor: StaffSession, customer_id: int, clock: Clock | None = None) -> str:
    """The id of a ticket of ``customer_id`` that ``actor`` now serves at their counter."""
    branch = _branch(store, actor, clock)
    counter = counter_of(actor)
    branch.sign_in(counter, actor.staff_id)
    mine = next(c for c in branch.snapshot().counters if c.id == counter)
    if mine.current is not None:
        branch.finish(counter, [TransactionLine("CASH_DEPOSIT", 1)])
    ticket = branch.issue_ticket(CATEGORY, customer_id=str(customer_id)).ticket
    assert ticket is not None
    branch.call_ticket(counter, ticket.id, "the customer at the window", actor.staff_id)
    branch.start(counter)
    return ticket.id


def finish(store: Store, actor: StaffSession, clock: Clock | None = None) -> None:
    """``actor`` finishes the visit they serve (at the clock's time)."""
    _branch(store, actor, clock).finish(counter_of(actor), [TransactionLine("CASH_DEPOSIT", 1)])


@contextmanager
def answers_lost_at_commit(monkeypatch, store: Store) -> Iterator[None]:
    """Inside: every write of ``store`` commits, then fails as a link that died before the COMMIT's answer came."""
    write_session = store.write_session

    def lost_at_commit():
        session_cm = write_session()

        class Lost:
            def __enter__(self):
                return session_cm.__enter__()

            def __exit__(self, *exc):
                session_cm.__exit__(*exc)  # committed
                raise ConnectionResetError("server closed the connection unexpectedly")

        return Lost()

    monkeypatch.setattr(store, "write_session", lost_at_commit)
    try:
        yield
    finally:
        monkeypatch.setattr(store, "write_session", write_session)
