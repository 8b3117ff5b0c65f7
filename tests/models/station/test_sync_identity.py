"""A station knows its own identity: a file restored from a backup, a replacement PC, two PCs with one id."""

import sqlite3
from datetime import UTC, datetime, timedelta

import pytest
from pg_server import open_test_upstream, pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import func, select
from sync_branch import synced, upstream_branch
from tcp_proxy import at_commit, proxy_fixture, through  # noqa: F401 - fixture

from models.branch.service import BranchService
from models.station.identity import StationRestored, take_back_plan
from models.station.in_doubt import CommandOutcomeUnknown
from models.station.open import open_station
from models.station.service import StationService
from models.store.tables import EventRow
from models.sync.tables import QuarantinedEventRow, SyncStationRow
from queueing.core.categories import load_branch_config
from queueing.core.clock import SystemClock

pytestmark = pytest.mark.postgres


@pytest.fixture
def branch(pg_url):
    with upstream_branch(pg_url, ("C1",)) as made:
        yield made


def _open(path, url, config, clock) -> StationService:
    station = open_station(config, "B1", "ST1", upstream=url, local=str(path), clock=clock)
    assert isinstance(station, StationService)
    return station


def _backup(source, target) -> None:
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


def _restore(backup, path) -> None:
    """The file as the backup holds it, without the newer write-ahead log a restore would not bring back."""
    for extra in ("-wal", "-shm"):
        path.with_name(path.name + extra).unlink(missing_ok=True)
    backup.replace(path)


def _upstream_seqs(store) -> list[int]:
    with store.read_session() as s:
        return list(s.scalars(select(EventRow.seq).where(EventRow.station_id == "ST1").order_by(EventRow.seq)))


def _local_seqs(station) -> list[int]:
    with station.local.store.read_session() as s:
        return list(s.scalars(select(EventRow.seq).where(EventRow.station_id == "ST1").order_by(EventRow.seq)))


def test_restored_backup_refuses_offline_work_then_takes_its_events_back(tmp_path, branch, proxy, pg_url):
    store, config, clock = branch
    path, backup = tmp_path / "st1.db", tmp_path / "backup.db"
    url = through(proxy, pg_url)
    st = _open(path, url, config, clock)
    for _ in range(3):
        st.issue_ticket("CASH")
    _backup(path, backup)
    for _ in range(3):
        st.issue_ticket("CASH")
    st.close()
    _restore(backup, path)  # the PC's disk is restored from last night's backup
    proxy.cut()
    restored = _open(path, url, config, clock)
    assert not restored.online
    with pytest.raises(StationRestored, match="restored from a backup"):
        restored.issue_ticket("CASH")
    proxy.restore()
    assert synced(restored), restored.offline_reason
    assert _local_seqs(restored) == [1, 2, 3, 4, 5, 6]
    assert len(restored.snapshot().waiting) == 6
    proxy.cut()
    restored.issue_ticket("CASH")  # offline works again, after the sequence numbers upstream holds
    proxy.restore()
    assert synced(restored)
    assert _upstream_seqs(store) == [1, 2, 3, 4, 5, 6, 7]
    restored.close()


def test_restored_file_started_online_takes_its_events_back_at_once(tmp_path, branch, pg_url):
    store, config, clock = branch
    path, backup = tmp_path / "st1.db", tmp_path / "backup.db"
    st = _open(path, pg_url, config, clock)
    st.issue_ticket("CASH")
    _backup(path, backup)
    st.issue_ticket("CASH")
    st.close()
    _restore(backup, path)
    (tmp_path / "st1.db.anchor").unlink()  # restored with its folder: only upstream can tell
    again = _open(path, pg_url, config, clock)
    assert again.online and _local_seqs(again) == [1, 2]
    assert again.issue_ticket("CASH").ticket.number == "A003"
    assert _upstream_seqs(store) == [1, 2, 3]
    again.close()


def _own_ids(store) -> set[str]:
    with store.read_session() as s:
        return set(s.scalars(select(EventRow.id).where(EventRow.station_id == "ST1")))


def test_restored_file_that_worked_offline_on_numbers_upstream_holds_keeps_both(tmp_path, branch, proxy, pg_url):
    """Upstream committed a command whose answer was lost; the disk then came back from a backup older than it.

    Neither the file nor its anchor knows of that command, so the station works offline on the sequence number
    upstream holds. At the sync the customer's ticket upstream comes back and the offline events move after it:
    before, the push was refused, the offline event quarantined and the lost one never came back.
    """
    store, config, clock = branch
    path, backup = tmp_path / "st1.db", tmp_path / "backup.db"
    url = through(proxy, pg_url)
    st = _open(path, url, config, clock)
    st.issue_ticket("CASH")
    _backup(path, backup)
    at_commit(st.upstream_store.engine, proxy.drop_answers)
    with pytest.raises(CommandOutcomeUnknown):
        st.issue_ticket("CASH")  # upstream holds A002; this file only holds it in doubt
    st.close()
    _restore(backup, path)
    proxy.cut()
    restored = _open(path, url, config, clock)
    assert not restored.online
    offline = restored.issue_ticket("TRANSFER").ticket  # sequence 2 here, as upstream's A002 there
    restored.issue_ticket("CASH")
    proxy.restore()
    assert synced(restored), restored.offline_reason
    assert synced(restored), restored.offline_reason
    assert _upstream_seqs(store) == [1, 2, 3, 4] == _local_seqs(restored)
    assert _own_ids(store) == _own_ids(restored.local.store)
    waiting = {t.number for t in restored.snapshot().waiting}
    assert {"A001", "A002", offline.number} <= waiting and len(waiting) == 4
    with store.read_session() as s:
        assert s.scalar(select(func.count()).select_from(QuarantinedEventRow)) == 0
    restored.issue_ticket("CASH")  # and it goes on after them
    assert _upstream_seqs(store) == [1, 2, 3, 4, 5]
    restored.close()


def _event(seq: int, event_id: str):
    from queueing.core.events import Event, EventType

    return Event(event_id, "B1", "ST1", seq, "0", EventType.SEQ_VOID, datetime(2026, 1, 5, tzinfo=UTC), {})


def test_take_back_plan_moves_only_what_sits_on_upstreams_numbers():
    # Upstream merely holds what this file pushed (the answer got lost): nothing to take back, nothing moves.
    same = take_back_plan([_event(3, "a"), _event(4, "b")], [(3, "a"), (4, "b"), (5, "c")])
    assert same.lost == [] and same.moves == []
    # A plain restore: the file lacks upstream's events and made none of its own since.
    plain = take_back_plan([_event(3, "a"), _event(4, "b")], [(3, "a")])
    assert [e.id for e in plain.lost] == ["b"] and plain.moves == []
    # A restore that worked offline: its own 4 and 5 move past upstream's 4, keeping their order.
    forked = take_back_plan([_event(3, "a"), _event(4, "b")], [(3, "a"), (4, "x"), (5, "y")])
    assert [e.id for e in forked.lost] == ["b"] and forked.moves == [(4, 5), (5, 6)]


def test_replacement_pc_adopts_the_station_and_the_old_file_is_refused(tmp_path, branch, pg_url):
    store, config, clock = branch
    old = _open(tmp_path / "old.db", pg_url, config, clock)
    old.issue_ticket("CASH")
    old.issue_ticket("CASH")
    old.close()
    new = _open(tmp_path / "new.db", pg_url, config, clock)  # a new PC, a new file, the same station id
    assert new.online and _local_seqs(new) == [1, 2]
    new.issue_ticket("CASH")
    with store.read_session() as s:
        claimed = s.scalar(select(SyncStationRow.incarnation).where(SyncStationRow.station_id == "ST1"))
    assert claimed == new._incarnation
    twin = _open(tmp_path / "old.db", pg_url, config, clock)  # the old PC comes back to life
    assert not twin.online
    assert "is used by another station file" in twin.offline_reason
    twin.issue_ticket("CASH")  # it keeps working on its own file, nothing is lost ...
    assert not twin.sync_now()  # ... and nothing of it reaches upstream under the taken id
    assert _upstream_seqs(store) == [1, 2, 3]
    twin.close()
    new.close()


class _BehindClock(SystemClock):
    """This PC's clock, two hours behind."""

    def now(self) -> datetime:
        return super().now() - timedelta(hours=2)


def test_clock_two_hours_behind_is_measured_shown_and_corrected(tmp_path, pg_url):
    from models.supervisor.service import SupervisorService

    config = load_branch_config()
    store = open_test_upstream(pg_url)
    setup = BranchService(store, config, "B1", "SETUP")
    setup.ensure_branch("Test branch")
    setup.run(lambda c: c.configure_counter("C1", "C1", {"CASH": 1}))
    setup.open_counter("C1", "T1")
    right = open_station(config, "B1", "ST2", upstream=pg_url, local=str(tmp_path / "st2.db"))
    behind = open_station(config, "B1", "ST1", upstream=pg_url, local=str(tmp_path / "st1.db"), clock=_BehindClock())
    try:
        status = behind.sync_status()
        assert 7190 < status.clock_offset_s < 7210
        first = right.issue_ticket("CASH").ticket
        later = behind.issue_ticket("CASH").ticket
        assert abs((later.issued_at - datetime.now(UTC)).total_seconds()) < 10  # corrected, not two hours back
        assert right.call_next("C1").ticket.id == first.id  # the earlier customer first
        assert right.snapshot().waiting[0].waited_s < 60
        issues = SupervisorService(setup).sync_issues()
        assert [(c.station_id, round(c.offset_s / 60)) for c in issues.clocks] == [("ST1", 120)]
    finally:
        behind.close()
        right.close()
        store.close()
