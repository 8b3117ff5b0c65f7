"""A command skips its catch-up query only when nobody else wrote: stations on one file never double a number."""

import pytest
from disk_faults import disk_gone_at_commit
from sqlalchemy import func, select

import models.branch.service as service_module
from models.branch.service import BranchService
from models.store.database import open_store
from models.store.tables import EventRow, TicketRow
from queueing.core.categories import load_branch_config


@pytest.fixture
def catch_ups(monkeypatch):
    """How many catch-up queries the stations ran."""
    calls = []
    real = service_module.events_to_apply

    def counted(*args, **kwargs):
        calls.append(args[2:])
        return real(*args, **kwargs)

    monkeypatch.setattr(service_module, "events_to_apply", counted)
    return calls


def _numbers(store):
    with store.read_session() as s:
        return s.scalars(select(TicketRow.number).order_by(TicketRow.seq)).all()


def test_no_catch_up_query_when_nobody_else_wrote(service, catch_ups):
    service.issue_ticket("CASH")  # the fixture's set-up went through the same connection
    before = len(catch_ups)
    for _ in range(5):
        service.issue_ticket("CASH")
    service.call_next("C1")
    assert len(catch_ups) == before
    with service.store.read_session() as s:  # the positions appended hand back are the journal's own
        assert service._position == s.scalar(select(func.max(EventRow.position)))


def test_stations_in_two_processes_alternating(service, store, clock, tmp_path, catch_ups):
    # Another open_store on the same file: its own engine and connections, as another process has.
    other_store = open_store(str(tmp_path / "store.db"))
    try:
        other = BranchService(other_store, load_branch_config(), "B1", "ST2", clock)
        for i in range(6):
            before = len(catch_ups)
            theirs = other.issue_ticket("CASH").ticket.number
            assert len(catch_ups) > before  # the other station wrote since: this one caught up
            before = len(catch_ups)
            mine = service.issue_ticket("CASH").ticket.number
            assert len(catch_ups) > before
            assert (theirs, mine) == (f"A{2 * i + 1:03d}", f"A{2 * i + 2:03d}")
        transfer = service.issue_ticket("TRANSFER").ticket
        assert other.call_next("C2").ticket.id == transfer.id  # C2 serves transfers only
        assert service.call_next("C1").ticket.number == "A001"  # issued by ST2
        assert {c.id: c.current.number for c in other.snapshot().counters if c.current} == {"C1": "A001", "C2": "B001"}
    finally:
        other_store.close()
    assert sorted(_numbers(store)) == [f"A{n:03d}" for n in range(1, 13)] + ["B001"]


def test_stations_sharing_one_store_alternating(service, store, clock):
    # One store: each station keeps its own connection (models.branch.command_connection), and the other's
    # commits move its data_version. One connection shared by two holders: tests/models/store/test_write_marks.py.
    other = BranchService(store, load_branch_config(), "B1", "ST2", clock)
    numbers = []
    for _ in range(5):
        numbers.append(service.issue_ticket("TRANSFER").ticket.number)
        numbers.append(other.issue_ticket("TRANSFER").ticket.number)
    assert numbers == [f"B{n:03d}" for n in range(1, 11)]
    service.refresh()  # ST2 wrote last
    assert sorted(other.state.waiting) == sorted(service.state.waiting)


def test_failed_commit_then_the_other_station(service, store, clock, tmp_path):
    """A dead link at COMMIT: the command leaves no trace, and the next one still sees the other station."""
    service.issue_ticket("CASH")
    other_store = open_store(str(tmp_path / "store.db"))
    try:
        other = BranchService(other_store, load_branch_config(), "B1", "ST2", clock)

        with disk_gone_at_commit(store), pytest.raises(OSError):
            service.issue_ticket("CASH")
        with store.read_session() as s:
            assert s.scalar(select(func.count()).select_from(TicketRow)) == 1
        assert other.issue_ticket("CASH").ticket.number == "A002"
        assert service.issue_ticket("CASH").ticket.number == "A003"
        assert other.issue_ticket("CASH").ticket.number == "A004"
    finally:
        other_store.close()
    with store.read_session() as s:
        seqs = s.scalars(select(EventRow.seq).where(EventRow.station_id == "ST1").order_by(EventRow.seq)).all()
    assert seqs == list(range(1, len(seqs) + 1))  # the failed command's seq was not lost nor doubled
    assert sorted(_numbers(store)) == ["A001", "A002", "A003", "A004"]


def test_stations_in_two_threads_on_one_store(service, store, clock):
    # Two connections in use at once: each station's marks sit on the one it keeps, and the other's
    # commits move that connection's data_version.
    import threading

    other = BranchService(store, load_branch_config(), "B1", "ST2", clock)
    errors = []

    def issue(station):
        try:
            for _ in range(15):
                station.issue_ticket("CASH")
        except Exception as exc:  # reported below: a thread's exception would otherwise vanish
            errors.append(exc)

    threads = [threading.Thread(target=issue, args=(s,)) for s in (service, other)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    assert sorted(_numbers(store)) == [f"A{n:03d}" for n in range(1, 31)]


def test_a_backup_restored_under_the_kept_connection_is_caught_up(service, store, tmp_path, catch_ups):
    """A backup copied back into the live file (SQLite's backup API, as a restore tool does) while the station
    keeps its connection: the next command must not take the file for the one it left."""
    import sqlite3
    from contextlib import closing

    live, backup = tmp_path / "store.db", tmp_path / "backup.db"
    with closing(sqlite3.connect(live)) as source, closing(sqlite3.connect(backup)) as copy:
        source.backup(copy)
    service.issue_ticket("CASH")
    service.issue_ticket("CASH")
    before = len(catch_ups)
    with closing(sqlite3.connect(backup)) as source, closing(sqlite3.connect(live)) as target:
        source.backup(target)
    assert _numbers(store) == []  # the restored file has no ticket yet
    service.issue_ticket("CASH")
    assert len(catch_ups) == before + 1  # the kept connection saw the file change under it
    assert len(_numbers(store)) == 1  # written into the restored file, not a page cached from the old one


def test_after_last_nights_backup_is_restored_the_day_goes_on_above_the_numbers_handed_out(
    service, store, clock, tmp_path
):
    """The nightly backup is put back at noon: the morning's tickets are gone from the store, but their slips are
    in customers' hands (a kiosk writes straight into the store and keeps no journal to send them again). The
    series goes on above them, in each category, whichever day the restored store last knew."""
    import sqlite3
    from contextlib import closing

    live, backup = tmp_path / "store.db", tmp_path / "backup.db"
    yesterday = service.issue_ticket("CASH").ticket
    with closing(sqlite3.connect(live)) as source, closing(sqlite3.connect(backup)) as copy:
        source.backup(copy)
    clock.advance(24 * 3600)
    held = [service.issue_ticket("CASH").ticket.number for _ in range(3)]
    held.append(service.issue_ticket("TRANSFER").ticket.number)
    with closing(sqlite3.connect(backup)) as source, closing(sqlite3.connect(live)) as target:
        source.backup(target)
    assert _numbers(store) == [yesterday.number]
    again = [service.issue_ticket(category).ticket.number for category in ("CASH", "TRANSFER")]
    assert service.journal_restored_at is not None
    assert not set(again) & set(held), f"handed out again after the restore: {set(again) & set(held)}"
    assert held[2] < again[0] and held[3] < again[1]
