"""Applying a batch of events and writing their projections in a few statements.

The one projection path: a command's few events, a push's thousands and a pull's take
it alike. One batched upsert per table: pushing thousands of offline events would
otherwise cost a round trip per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

from sqlalchemy import Table, delete, update

from models.branch.projection import affected_counters, counter_row, service_record_row, session_row, ticket_row
from models.branch.state_loader import load_expired
from models.staff.tables import CounterSessionRow
from models.store.tables import CounterRow, ServiceRecordRow, TicketRow
from models.store.upsert import Executor, connection_of, dialect_name, insert_ignore, upsert
from models.store.visit_ratings import refresh_ratings
from models.sync.conflict_rows import conflict_row
from models.sync.pg_copy import COPY_FROM, copy_insert, copy_new
from models.sync.tables import TicketConflictRow
from queueing.core.counters import Counter
from queueing.core.events import Event, EventType
from queueing.core.reducer import apply
from queueing.core.service_shares import read_shares
from queueing.core.state import BranchState
from queueing.core.tickets import Ticket


def upsert_many(session: Executor, table: Table, rows: list[dict[str, Any]], keys: list[str]) -> None:
    """Insert or update ``rows``: by COPY for many rows on PostgreSQL, else one statement sent as a batch."""
    if not rows:
        return
    if dialect_name(session) == "postgresql" and len(rows) >= COPY_FROM:
        copy_insert(session, table, rows, keys, update=True)
    else:
        upsert(session, table, rows, keys)


def insert_ignore_many(session: Executor, table: Table, rows: list[dict[str, Any]], keys: list[str]) -> None:
    if not rows:
        return
    if dialect_name(session) == "postgresql" and len(rows) >= COPY_FROM:
        copy_insert(session, table, rows, keys, update=False)
    else:
        insert_ignore(session, table, rows, keys)


def write_new_many(session: Executor, table: Table, rows: list[dict[str, Any]], keys: list[str], update: bool) -> None:
    """Rows that should be new: many of them by one plain COPY on PostgreSQL.

    If one exists after all, the database refuses the COPY and they all take the
    ON CONFLICT path instead: updated (``update``) or skipped where ``keys`` exist.
    """
    if not rows:
        return
    if dialect_name(session) == "postgresql" and len(rows) >= COPY_FROM:
        # One builder made every row, so they all hold their keys in the same order.
        if copy_new(session, table, list(rows[0]), [list(row.values()) for row in rows]):
            return
    (upsert_many if update else insert_ignore_many)(session, table, rows, keys)


class ProjectedRows(NamedTuple):
    """The projection rows a batch of events changed, built from the state after the batch."""

    old_tickets: list[dict[str, Any]]  # tickets the state held before the batch: their rows exist
    new_tickets: list[dict[str, Any]]
    counters: list[dict[str, Any]]
    records: list[dict[str, Any]]
    sessions: list[dict[str, Any]]  # counters whose session the batch began or changed
    sessions_ended: tuple[str, list[str]]  # (branch, counters whose session the batch ended)
    # Tickets whose record's rating may have changed: rated in the batch, or recorded in it (a rating that
    # reached the store before the record counts too).
    rated: list[str]
    # Tickets a fact clashed with after they left memory (closed on an earlier day: a call of a ticket the day
    # end closed, from a station offline across it): their rows take the flag, as a held ticket's would.
    flagged: tuple[str, ...] = ()
    # Such tickets a supervisor marked dealt with (CONFLICT_RESOLVED): their rows drop the flag.
    cleared: tuple[str, ...] = ()
    # The conflicts the reducer recorded on tickets in the batch, with their reason and figures (ticket_conflict).
    conflicts: tuple[dict[str, Any], ...] = ()
    # Sign-in clashes a supervisor resolved (their event ids): their rows go.
    clashes_resolved: tuple[str, ...] = ()


# The events that change who is signed in where.
_SESSION_EVENTS = (EventType.COUNTER_SIGNED_IN, EventType.COUNTER_SIGNED_OUT, EventType.COUNTER_RELEASED)


def apply_and_project(session: Executor, state: BranchState, events: Sequence[Event]) -> None:
    """Apply ``events`` in order to ``state`` and write the rows they changed."""
    if events:
        load_expired(session, state, events)
    write_projected(session, apply_batch(state, events))


def apply_batch(state: BranchState, events: Sequence[Event], branch_id: str | None = None) -> ProjectedRows:
    """Apply ``events`` in order to ``state``; the rows they changed (no database work).

    ``branch_id``: the branch the rows belong to, when it is not the events' own (a simulated day
    written into a store's branch).
    """
    # The ticket and counter objects themselves: their rows are built once, from their final state.
    # A ticket a later day roll drops from memory is closed, so nothing changes it after that.
    tickets: dict[str, Ticket] = {}
    known: set[str] = set()
    counters: dict[str, Counter] = {}
    records: dict[str, dict[str, Any]] = {}
    session_counters: set[str] = set()
    rated: set[str] = set()
    flagged: set[str] = set()
    cleared: set[str] = set()
    branch = branch_id or (events[0].branch_id if events else "")
    conflict_rows: list[dict[str, Any]] = []
    clashes_resolved: list[str] = []
    for event in events:
        conflicts_before = len(state.conflicts)
        ticket_id = event.payload.get("ticket_id", "")
        # A ticket a day end closed has its row too, out of memory or not (BranchState.expired).
        if ticket_id not in tickets and (ticket_id in state.tickets or ticket_id in state.expired):
            known.add(ticket_id)
        apply(state, event)
        if len(state.conflicts) > conflicts_before:
            # A ticket's, and a sign-in clash's (ticket id empty) while it is open: a reload restores those.
            new = state.conflicts[conflicts_before:]
            conflict_rows.extend(
                conflict_row(branch, c) for c in new if c.ticket_id or c.event_id in state.session_clashes
            )
        if event.type is EventType.CONFLICT_RESOLVED and "event_id" in event.payload:
            clashes_resolved.append(str(event.payload["event_id"]))
        ticket = state.tickets.get(ticket_id)
        if ticket is not None:
            tickets[ticket.id] = ticket
            finished = event.type is EventType.SERVICE_FINISHED and len(state.conflicts) == conflicts_before
            if finished and ticket.id not in records:
                outcome = str(event.payload.get("outcome", "completed"))
                shares = read_shares(event.payload) if "shares" in event.payload else None
                records[ticket.id] = service_record_row(branch, ticket, outcome, shares)
        elif (
            ticket_id
            and isinstance(ticket_id, str)
            and any(c.ticket_id == ticket_id for c in state.conflicts[conflicts_before:])
        ):
            flagged.add(ticket_id)
            cleared.discard(ticket_id)
        elif ticket_id and event.type is EventType.CONFLICT_RESOLVED and isinstance(ticket_id, str):
            cleared.add(ticket_id)
            flagged.discard(ticket_id)
        if event.type in _SESSION_EVENTS:
            session_counters.add(event.payload["counter_id"])
        elif event.type is EventType.VISIT_RATED and ticket_id and isinstance(ticket_id, str):
            rated.add(ticket_id)
        for counter_id in affected_counters(event, ticket):
            if counter_id in state.counters:
                counters[counter_id] = state.counters[counter_id]
    return ProjectedRows(
        [ticket_row(branch, t) for t in tickets.values() if t.id in known],
        [ticket_row(branch, t) for t in tickets.values() if t.id not in known],
        [counter_row(branch, c) for c in counters.values()],
        list(records.values()),
        [session_row(branch, c, state.sessions[c]) for c in sorted(session_counters) if c in state.sessions],
        (branch, sorted(c for c in session_counters if c not in state.sessions)),
        sorted(rated.union(records)),
        tuple(sorted(flagged)),
        tuple(sorted(cleared)),
        tuple(conflict_rows),
        tuple(clashes_resolved),
    )


def write_projected(session: Executor, rows: ProjectedRows) -> None:
    upsert_many(session, TicketRow.__table__, rows.old_tickets, ["id"])
    # A ticket the state no longer holds (closed, from an earlier day) may still have its row: then
    # the COPY is refused and these rows are upserted like the others.
    write_new_many(session, TicketRow.__table__, rows.new_tickets, ["id"], update=True)
    upsert_many(session, CounterRow.__table__, rows.counters, ["branch_id", "id"])
    write_new_many(session, ServiceRecordRow.__table__, rows.records, ["ticket_id"], update=False)
    branch, ended = rows.sessions_ended
    # From the journal, where this batch's events are already written: the last rating in store order.
    refresh_ratings(connection_of(session), branch, rows.rated)
    if ended:
        session.execute(
            delete(CounterSessionRow).where(
                CounterSessionRow.branch_id == branch, CounterSessionRow.counter_id.in_(ended)
            )
        )
    upsert_many(session, CounterSessionRow.__table__, rows.sessions, ["branch_id", "counter_id"])
    conflict_keys = ["branch_id", "ticket_id", "event_id"]
    insert_ignore_many(session, TicketConflictRow.__table__, list(rows.conflicts), conflict_keys)
    if rows.clashes_resolved:
        session.execute(
            delete(TicketConflictRow).where(
                TicketConflictRow.branch_id == branch,
                TicketConflictRow.ticket_id == "",
                TicketConflictRow.event_id.in_(rows.clashes_resolved),
            )
        )
    for ids, flag in ((rows.flagged, True), (rows.cleared, False)):
        if ids:
            session.execute(
                update(TicketRow).where(TicketRow.branch_id == branch, TicketRow.id.in_(ids)).values(conflict=flag)
            )
