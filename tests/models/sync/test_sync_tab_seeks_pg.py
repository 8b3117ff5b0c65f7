"""On PostgreSQL too, the Sync tab finds a flagged ticket's events through ix_event_ticket and the flagged tickets
through ix_ticket_branch_conflict: the statements spell the indexes' expression and condition as migration 0030 made
them (sequential scans turned off, so the plan says whether the index can serve the statement at all)."""

from __future__ import annotations

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from query_plans import captured
from sqlalchemy import text, update
from sync_branch import upstream_branch

from models.branch.service import BranchService
from models.store.tables import TicketRow
from models.sync.conflicts import conflicts

pytestmark = pytest.mark.postgres


def _plan(store, statement: str, params) -> str:
    with store.read_session() as session:
        session.execute(text("SET LOCAL enable_seqscan = off"))
        raw = session.connection().connection.driver_connection
        return " | ".join(row[0] for row in raw.execute("EXPLAIN " + statement, params).fetchall())


def test_the_sync_tab_seeks_on_postgresql(pg_url):
    with upstream_branch(pg_url, ("C1",)) as (store, config, clock):
        service = BranchService(store, config, "B1", "ST1", clock)
        service.issue_ticket("CASH")
        with store.write_session() as session:
            session.execute(update(TicketRow).where(TicketRow.branch_id == "B1").values(conflict=True))
        with captured(store) as seen:
            found = conflicts(store, config, "B1")
        assert [c.number for c in found] == ["A001"] and found[0].facts
        compiled = [(s, p) for s, p in seen if s.lstrip().upper().startswith("SELECT")]
        ticket_events = [(s, p) for s, p in compiled if "ticket_id" in s and "FROM event" in s]
        flagged = [(s, p) for s, p in compiled if "FROM ticket " in s]
        recorded = [(s, p) for s, p in compiled if "FROM ticket_conflict" in s]
        assert ticket_events and flagged and recorded
        for statement, params in ticket_events:
            assert "ix_event_ticket" in _plan(store, statement, params)
        for statement, params in flagged:
            assert "ix_ticket_branch_conflict" in _plan(store, statement, params)
        for statement, params in recorded:
            assert "Index Cond" in _plan(store, statement, params)  # by its key (branch, ticket, event)
