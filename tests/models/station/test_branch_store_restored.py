"""The branch store is restored from last night's backup while its stations carry on: each station sends again
what the store lost of its events, pulls what it has not seen, and never numbers a ticket or an event twice."""

import sqlite3

from sqlalchemy import text
from sync_branch import station_on, synced

from models.station.open import open_station
from models.store.database import open_store


def _backup(source, target) -> None:
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    with dst:
        src.backup(dst)
    src.close()
    dst.close()


def _upstream(upstream_path, sql):
    store = open_store(upstream_path)
    try:
        with store.engine.connect() as conn:
            return [tuple(row) for row in conn.execute(text(sql))]
    finally:
        store.close()


def _numbers(station) -> list[str]:
    return sorted(t.number for t in station.state.tickets.values())


def _restored(tmp_path, sqlite_branch, online_after_backup=2):
    """ST1 issues A001 and syncs; last night's backup is taken; ST1 issues ``online_after_backup`` tickets online
    (committed upstream and printed); the branch store is then put back to the backup and ST1 started again."""
    config, clock, upstream_path, upstream = sqlite_branch
    station = station_on(tmp_path, upstream_path, config, clock, "ST1")
    printed = [station.issue_ticket("CASH").tickets[0].number]
    assert synced(station)
    _backup(upstream_path, tmp_path / "nightly.db")
    clock.advance(60)
    printed += [station.issue_ticket("CASH").tickets[0].number for _ in range(online_after_backup)]
    assert synced(station)
    station.close()
    upstream.close()
    _backup(tmp_path / "nightly.db", upstream_path)
    station = open_station(config, "B1", "ST1", upstream=upstream_path, local=str(tmp_path / "ST1.db"), clock=clock)
    return station, upstream_path, printed


def test_the_events_a_restored_branch_store_lost_are_sent_again(tmp_path, sqlite_branch):
    station, upstream_path, printed = _restored(tmp_path, sqlite_branch)
    try:
        assert synced(station)
        seqs = _upstream(upstream_path, "SELECT seq FROM event WHERE station_id = 'ST1' ORDER BY seq")
        assert [seq for (seq,) in seqs] == [1, 2, 3]
        assert printed == ["A001", "A002", "A003"]
        tickets = _upstream(upstream_path, "SELECT number FROM ticket ORDER BY number")
        assert tickets == [("A001",), ("A002",), ("A003",)]
    finally:
        station.close()


def test_a_restored_branch_store_never_gets_a_printed_number_again(tmp_path, sqlite_branch):
    """The first command after the restore comes before any sync: decided on the restored store it would issue
    A002 again (and number ST1's event 2 again). It runs offline instead; the sync then sends all in order."""
    clock = sqlite_branch[1]
    station, upstream_path, printed = _restored(tmp_path, sqlite_branch)
    try:
        clock.advance(60)
        issued = station.issue_ticket("CASH").tickets[0].number
        assert issued not in printed
        assert synced(station)
        rows = _upstream(upstream_path, "SELECT number FROM ticket ORDER BY issued_at")
        numbers = [number for (number,) in rows]
        assert len(numbers) == len(set(numbers)) == 4 and issued in numbers
        seqs = _upstream(upstream_path, "SELECT seq FROM event WHERE station_id = 'ST1' ORDER BY seq")
        assert [seq for (seq,) in seqs] == [1, 2, 3, 4]
        clock.advance(60)
        assert station.issue_ticket("CASH").tickets[0].number not in numbers  # online again, on the whole journal
        assert station.online
    finally:
        station.close()


def test_a_station_pulls_what_others_wrote_after_the_restore(tmp_path, sqlite_branch):
    """ST2 had pulled past the restored store's end; after the restore ST1 sends its lost events again and ST2
    issues nothing new of its own: ST2 still sees all of ST1's tickets."""
    config, clock, upstream_path, upstream = sqlite_branch
    first = station_on(tmp_path, upstream_path, config, clock, "ST1")
    second = station_on(tmp_path, upstream_path, config, clock, "ST2")
    second.issue_ticket("CASH")
    assert synced(second) and synced(first)
    _backup(upstream_path, tmp_path / "nightly.db")
    clock.advance(60)
    for _ in range(3):
        first.issue_ticket("CASH")
    assert synced(first) and synced(second)
    assert _numbers(second) == ["A001", "A002", "A003", "A004"]
    for station in (first, second):
        station.close()
    upstream.close()
    _backup(tmp_path / "nightly.db", upstream_path)
    second = open_station(config, "B1", "ST2", upstream=upstream_path, local=str(tmp_path / "ST2.db"), clock=clock)
    first = open_station(config, "B1", "ST1", upstream=upstream_path, local=str(tmp_path / "ST1.db"), clock=clock)
    try:
        assert synced(second)  # the store ends before where ST2 had pulled to
        assert synced(first)  # ST1's three events go up again, at positions ST2 had passed
        clock.advance(60)
        first.issue_ticket("CASH")  # and a new one
        assert synced(first) and synced(second)
        assert _numbers(second) == _numbers(first) == ["A001", "A002", "A003", "A004", "A005"]
    finally:
        first.close()
        second.close()
