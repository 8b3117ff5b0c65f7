"""The branch store is put back to a backup while a kiosk and a station carry on. The kiosk's tickets
since the backup are on customers' slips and in the station's file (pulled), and the kiosk keeps no journal to
send them again."""

from __future__ import annotations

import sqlite3
from contextlib import closing

from sync_branch import station_on, synced

from models.branch.service import BranchService


def _copy(source, target) -> None:
    with closing(sqlite3.connect(source)) as src, closing(sqlite3.connect(target)) as dst:
        src.backup(dst)


def _restored(tmp_path, sqlite_branch):
    """The kiosk issues A001, the backup is taken, the kiosk issues A002 and A003 (ST1 pulls them), the backup is
    put back."""
    config, clock, url, upstream = sqlite_branch
    kiosk = BranchService(upstream, config, "B1", "KIOSK", clock)
    st1 = station_on(tmp_path, url, config, clock, "ST1")
    kiosk.issue_ticket("CASH")
    assert synced(st1)
    _copy(url, tmp_path / "nightly.db")
    clock.advance(60)
    held = [kiosk.issue_ticket("CASH").ticket.number for _ in range(2)]  # slips in customers' hands
    assert synced(st1)
    assert {t.number for t in st1.state.tickets.values()} >= set(held)  # the station's file holds them
    _copy(tmp_path / "nightly.db", url)
    clock.advance(60)
    return kiosk, st1, held


def test_a_station_online_after_the_restore_does_not_hand_out_the_kiosks_lost_numbers_again(tmp_path, sqlite_branch):
    kiosk, st1, held = _restored(tmp_path, sqlite_branch)
    try:
        synced(st1)
        number = st1.issue_ticket("CASH").tickets[0].number
        assert number not in held, f"{number} handed out again after the restore (held: {held})"
    finally:
        st1.close()
        kiosk.close()


def test_a_station_that_pulled_the_lost_events_still_syncs_after_the_kiosk_issues_again(tmp_path, sqlite_branch):
    """The kiosk, which saw the store go back (BranchState.handed_out), numbers its next ticket above the lost
    ones; its next event takes a sequence number the station's file already holds for another event."""
    kiosk, st1, held = _restored(tmp_path, sqlite_branch)
    try:
        ticket = kiosk.issue_ticket("TRANSFER").ticket
        assert kiosk.journal_restored_at is not None
        assert st1.sync_now(), st1.offline_reason
        assert ticket.id in st1.state.tickets
    finally:
        st1.close()
        kiosk.close()


def test_a_block_leased_after_the_backup_is_not_leased_again_to_another_station(tmp_path, sqlite_branch):
    """ST1 leased its offline block of the day after last night's backup; the backup is put back; ST1 syncs again
    (it sees the store went back and sends what it lost), ST2 starts and leases. Offline, each numbers from its
    block: the branch must not hold one number twice."""
    config, clock, url, upstream = sqlite_branch
    _copy(url, tmp_path / "nightly.db")
    st1 = station_on(tmp_path, url, config, clock, "ST1")
    st2 = None
    try:
        assert st1._leases, "ST1 holds a leased block"
        _copy(tmp_path / "nightly.db", url)
        clock.advance(60)
        synced(st1)
        st2 = station_on(tmp_path, url, config, clock, "ST2")
        for st in (st1, st2):
            st.link_lost(ConnectionResetError("test: link cut"))
        a = st1.issue_ticket("CASH").tickets[0].number
        b = st2.issue_ticket("CASH").tickets[0].number
        assert a != b, f"both stations numbered a customer {a} offline from the same leased block"
    finally:
        st1.close()
        if st2 is not None:
            st2.close()


def test_a_series_tag_given_after_the_backup_is_not_given_again_to_another_station(tmp_path, sqlite_branch):
    """ST1 registered (tag A) after last night's backup; the backup is put back and ST2 reaches the branch first:
    the two stations' offline series must not be one series."""
    config, clock, url, upstream = sqlite_branch
    _copy(url, tmp_path / "nightly.db")
    st1 = station_on(tmp_path, url, config, clock, "ST1")
    st2 = None
    try:
        _copy(tmp_path / "nightly.db", url)
        clock.advance(60)
        st2 = station_on(tmp_path, url, config, clock, "ST2")
        synced(st1)
        assert st1._tag != st2._tag, f"both stations number offline as {st1._tag}"
    finally:
        st1.close()
        if st2 is not None:
            st2.close()
