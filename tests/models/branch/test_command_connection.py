"""A station keeps its write connection between commands, and drops it after any failure."""

import pytest
from disk_faults import disk_gone_at_commit
from sqlalchemy import create_engine, event, func, select
from sqlalchemy.engine import make_url

from models.branch.command_connection import CommandConnection
from models.branch.service import BranchService
from models.store.database import Store, open_store
from models.store.tables import EventRow, TicketRow
from queueing.core.categories import load_branch_config
from queueing.core.errors import DomainError


def _count(store, row):
    with store.read_session() as s:
        return s.scalar(select(func.count()).select_from(row))


def test_commands_take_no_connection_from_the_pool(service, store):
    service.issue_ticket("CASH")  # the first estimate reads the day's breaks once, through the pool
    taken = []

    def count(*args):
        taken.append(1)

    event.listen(store.engine, "checkout", count)
    try:
        for _ in range(5):
            service.issue_ticket("CASH")
        service.call_next("C1")
    finally:
        event.remove(store.engine, "checkout", count)
    assert taken == []
    assert store.engine.pool.checkedout() == 1  # the station's own


def test_close_gives_the_connection_back(service, store):
    service.issue_ticket("CASH")
    service.close()
    assert store.engine.pool.checkedout() == 0
    assert service.issue_ticket("CASH").ticket.number == "A002"  # a closed station that is used again takes one anew


def test_a_failure_at_commit_drops_the_connection_and_leaves_nothing(service, store):
    service.issue_ticket("CASH")
    kept = service._connection.get()

    with disk_gone_at_commit(store), pytest.raises(OSError):
        service.issue_ticket("CASH")
    assert kept.closed
    assert (_count(store, TicketRow), store.engine.pool.checkedout()) == (1, 0)
    assert service.issue_ticket("CASH").ticket.number == "A002"
    assert service._connection.get() is not kept


def test_a_refused_command_drops_it_too_and_the_next_one_works(service, store):
    service.issue_ticket("CASH")
    kept = service._connection.get()
    with pytest.raises(DomainError):
        service.issue_ticket("NO-SUCH-CATEGORY")
    assert kept.closed
    events = _count(store, EventRow)
    assert service.issue_ticket("CASH").ticket.number == "A002"
    assert _count(store, EventRow) == events + 1


def test_another_store_writing_between_commands_is_caught_up(service, store, clock, tmp_path):
    service.issue_ticket("CASH")
    other_store = open_store(str(tmp_path / "store.db"))
    try:
        other = BranchService(other_store, load_branch_config(), "B1", "ST2", clock)
        for i in range(3):
            assert other.issue_ticket("CASH").ticket.number == f"A{2 * i + 2:03d}"
            assert service.issue_ticket("CASH").ticket.number == f"A{2 * i + 3:03d}"
        other.close()
    finally:
        other_store.close()


def test_a_server_store_keeps_none():
    url = make_url("postgresql+psycopg://nobody@localhost/none")
    store = Store(url, create_engine(url))  # never connects: nothing here asks the server anything
    try:
        assert CommandConnection(store).get() is None
    finally:
        store.close()


def test_closing_the_store_closes_the_kept_connection_and_writes_the_journal_back(service, store, tmp_path):
    """Closed by its last connection, the file holds every commit by itself: a copy taken then is whole."""
    import shutil
    import sqlite3
    from contextlib import closing

    service.issue_ticket("CASH")
    kept = service._connection.get()
    store.close()
    assert kept.closed
    live = tmp_path / "store.db"
    assert not live.with_name("store.db-wal").exists()  # checkpointed into the file and removed
    shutil.copyfile(live, tmp_path / "copy.db")
    with closing(sqlite3.connect(tmp_path / "copy.db")) as copy:
        assert copy.execute("SELECT number FROM ticket").fetchall() == [("A001",)]
    assert service.issue_ticket("CASH").ticket.number == "A002"  # a command after the close takes a new one


def test_a_failed_commit_while_the_store_stays_out_of_reach_leaves_no_phantom_ticket(service, store, monkeypatch):
    """The COMMIT fails and the store stays out of reach, so the state cannot be rebuilt at once. It kept the ticket
    that was never saved: a retry with the same id (the kiosk's, a check-in's) was told it stood, the next number
    skipped one, and the journal position ran past what was read, so other stations' events were never caught up."""
    service.issue_ticket("CASH")
    other = BranchService(store, load_branch_config(), "B1", "ST2", service.clock)

    def out_of_reach(*_args, **_kwargs):
        raise OSError("the branch server is out of reach")

    with disk_gone_at_commit(store), monkeypatch.context() as link:
        link.setattr(store, "read_session", out_of_reach)
        with pytest.raises(OSError):
            service.issue_ticket("CASH", ticket_id="kiosk-touch-1")
    assert _count(store, TicketRow) == 1
    other.issue_ticket("TRANSFER")  # written meanwhile by another station

    retried = service.issue_ticket("CASH", ticket_id="kiosk-touch-1")
    assert retried.ticket is not None and (retried.ticket.id, retried.ticket.number) == ("kiosk-touch-1", "A002")
    assert "B001" in [t.number for t in service.snapshot().waiting]
