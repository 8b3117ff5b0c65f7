"""Migration 0029: ticket.issued_category filled for the rows a store already holds, from its journal."""

from datetime import UTC, datetime

import pytest
from alembic import command
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from projection_checks import assert_projections_match_journal
from sqlalchemy import delete, func, select, text

from models.branch.service import BranchService
from models.store.database import alembic_config, head_revision, open_store
from models.store.tables import EventRow, TicketRow
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request, tmp_path):
    return str(tmp_path / "old.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")


def _transfer(branch, counter, ticket, to_category):
    branch.call_ticket(counter, ticket, "next")
    branch.start(counter)
    branch.transfer(counter, to_category=to_category)


def test_an_older_store_gets_each_tickets_issued_category_from_its_journal(url):
    store = open_store(url)
    config = load_branch_config()
    branch = BranchService(store, config, "B1", "ST1", ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC)))
    branch.ensure_branch("Old branch")
    branch.run(lambda c: c.configure_counter("C1", "1", {"CASH": 1, "TRANSFER": 2, "LOANS": 3}))
    branch.open_counter("C1", "T1")
    plain, once, twice, lost = (branch.issue_ticket(code).tickets[0].id for code in ("CASH", "CASH", "LOANS", "FX"))
    _transfer(branch, "C1", once, "TRANSFER")
    _transfer(branch, "C1", twice, "TRANSFER")
    _transfer(branch, "C1", twice, "CASH")
    _transfer(branch, "C1", lost, "CASH")
    branch.close()
    with store.engine.begin() as conn:
        # The store as 0028 left it: no column. One transferred ticket's issue event is not in this journal.
        cfg = alembic_config(store.url)
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0028_ticket_day_ended_at")
        issues = conn.execute(select(EventRow.id, EventRow.payload).where(EventRow.type == "ticket_issued")).all()
        gone = next(event_id for event_id, payload in issues if payload["ticket_id"] == lost)
        conn.execute(delete(EventRow).where(EventRow.id == gone))
    assert store.current_revision() != head_revision()  # behind the head: 0029 and later run at the upgrade
    store.upgrade()
    with store.engine.connect() as conn:
        rows = dict(conn.execute(text("SELECT id, issued_category FROM ticket")).all())
    assert rows == {plain: "CASH", once: "CASH", twice: "LOANS", lost: "CASH"}  # lost: its category now, best known
    with store.read_session() as session:
        unfilled = select(func.count()).select_from(TicketRow).where(TicketRow.issued_category.is_(None))
        assert session.scalar(unfilled) == 0
    store.close()


def test_the_projections_keep_the_issued_category_a_replay_gives(url):
    store = open_store(url)
    config = load_branch_config()
    branch = BranchService(store, config, "B1", "ST1", ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC)))
    branch.ensure_branch("Branch")
    branch.run(lambda c: c.configure_counter("C1", "1", {"CASH": 1, "TRANSFER": 2}))
    branch.open_counter("C1", "T1")
    ticket = branch.issue_ticket("CASH").tickets[0].id
    _transfer(branch, "C1", ticket, "TRANSFER")
    assert_projections_match_journal(store, config, "B1")
    reopened = BranchService(store, config, "B1", "ST2", branch.clock)  # a state loaded from the projections
    assert (reopened.state.tickets[ticket].issued_category, reopened.state.tickets[ticket].category) == (
        "CASH",
        "TRANSFER",
    )
    store.close()
