"""Counter sessions sync as journal events, on a real PostgreSQL through a fault proxy.

Two stations offline at one counter end as one clash for the supervisor, with every visit kept
once and credited to the teller who served it; a sign-in whose COMMIT answer is lost resolves like
any other in-doubt command; a station restored from a backup takes its sessions back with its events.
"""

import sqlite3

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import select
from sync_branch import station_on, synced, upstream_branch
from tcp_proxy import at_commit, proxy_fixture, through  # noqa: F401 - fixture

from models.branch.service import BranchService
from models.staff.tables import CounterSessionRow
from models.station.in_doubt import CommandOutcomeUnknown, in_doubt
from models.station.service import StationService
from models.store.tables import EventRow, ServiceRecordRow
from models.sync.conflicts import open_conflicts, session_clashes
from queueing.core.tickets import TransactionLine

pytestmark = pytest.mark.postgres


@pytest.fixture
def branch(pg_url):
    with upstream_branch(pg_url, ("C1", "C2")) as made:
        yield made


def _sessions(store) -> set[tuple[str, str, str]]:
    with store.read_session() as s:
        return {(r.counter_id, r.staff_id, r.station_id) for r in s.scalars(select(CounterSessionRow))}


def _serve(station: StationService, clock, staff_id: str) -> str:
    ticket = station.issue_ticket("CASH").ticket
    station.call_ticket("C1", ticket.id, "own customer", staff_id)
    station.start("C1")
    clock.advance(90)
    station.finish("C1", [TransactionLine("CASH_DEPOSIT", 1)])
    return ticket.id


def test_two_stations_offline_at_one_counter_make_one_conflict_and_keep_every_visit(tmp_path, branch, proxy, pg_url):
    store, config, clock = branch
    url = through(proxy, pg_url)
    st1, st2 = (station_on(tmp_path, url, config, clock, name) for name in ("ST1", "ST2"))
    st1.close_counter("C1")  # the counter waits for its teller
    assert synced(st2)
    proxy.cut()
    for station in (st1, st2):
        station.link_lost(ConnectionResetError("test: link cut"))
    st1.sign_in("C1", "T1")
    served_t1 = _serve(st1, clock, "T1")
    st2.sign_in("C1", "T2")  # ST2 cannot know: both think the counter is free
    served_t2 = _serve(st2, clock, "T2")
    st2.sign_out("C1", "T2")
    assert _sessions(st1.local.store) == {("C1", "T1", "ST1")}
    proxy.restore()
    assert synced(st1), st1.offline_reason
    assert synced(st2), st2.offline_reason
    # Upstream: T1 signed in first and holds the counter; T2's sign-in is the one conflict.
    assert _sessions(store) == {("C1", "T1", "ST1")}
    listed = open_conflicts(store, config, "B1")
    assert len(listed) == 1
    clash = listed[0]
    assert clash.ticket_id == "" and clash.number == "C1" and clash.stations == ("ST1", "ST2")
    assert "T2 signed in at C1 on ST2 while T1 was signed in there on ST1" == clash.detail
    with store.read_session() as s:
        records = sorted((r.ticket_id, r.staff_id) for r in s.scalars(select(ServiceRecordRow)))
    assert records == sorted([(served_t1, "T1"), (served_t2, "T2")])
    # A supervisor marks it resolved: an event, and the list is empty.
    supervisor = BranchService(store, config, "B1", "SUP", clock)
    supervisor.resolve_clash(clash.event_id, "S1", "T2 moved to counter 2")
    assert open_conflicts(store, config, "B1") == ()
    assert [c.resolved for c in session_clashes(store, config, "B1")] == [True]


def test_sign_in_with_its_commit_answer_lost_is_found_committed(tmp_path, branch, proxy, pg_url):
    store, config, clock = branch
    st = station_on(tmp_path, through(proxy, pg_url), config, clock, "ST1")
    st.close_counter("C1")
    at_commit(st.upstream_store.engine, proxy.drop_answers)
    with pytest.raises(CommandOutcomeUnknown):
        st.sign_in("C1", "T1")
    assert [str(e.type) for e in in_doubt(st.local.store, "B1", "ST1")] == ["counter_signed_in", "counter_opened"]
    assert _sessions(st.local.store) == set()  # not shown as done
    # Upstream did commit it: another teller is refused there.
    other = station_on(tmp_path, pg_url, config, clock, "ST2")
    with pytest.raises(Exception, match="held by T1"):
        other.sign_in("C1", "T2")
    proxy.restore()
    assert synced(st), st.offline_reason
    assert in_doubt(st.local.store, "B1", "ST1") == []
    assert _sessions(st.local.store) == _sessions(store) == {("C1", "T1", "ST1")}
    assert next(c for c in st.snapshot().counters if c.id == "C1").signed_in.staff_id == "T1"


def test_sign_in_whose_commit_never_arrived_is_voided_and_the_counter_stays_free(tmp_path, branch, proxy, pg_url):
    store, config, clock = branch
    st = station_on(tmp_path, through(proxy, pg_url), config, clock, "ST1")
    st.close_counter("C1")
    at_commit(st.upstream_store.engine, proxy.stall)
    with pytest.raises(CommandOutcomeUnknown):
        st.sign_in("C1", "T1")
    other = station_on(tmp_path, pg_url, config, clock, "ST2")
    other.sign_in("C1", "T2")  # upstream never held T1's: the counter was free
    proxy.restore()
    assert synced(st), st.offline_reason
    assert in_doubt(st.local.store, "B1", "ST1") == []
    with store.read_session() as s:
        mine = list(s.scalars(select(EventRow.type).where(EventRow.station_id == "ST1").order_by(EventRow.seq)))
    assert "counter_signed_in" not in mine and "seq_void" in mine
    assert _sessions(st.local.store) == _sessions(store) == {("C1", "T2", "ST2")}
    assert open_conflicts(store, config, "B1") == ()


def test_restored_station_takes_its_sessions_back_with_its_events(tmp_path, branch, pg_url):
    store, config, clock = branch
    path, backup = tmp_path / "st1.db", tmp_path / "backup.db"
    st = station_on(tmp_path, pg_url, config, clock, "ST1", path)
    st.close_counter("C1")
    with sqlite3.connect(path) as src, sqlite3.connect(backup) as dst:
        src.backup(dst)
    st.sign_in("C1", "T1")  # after the backup: only upstream holds it now
    st.close()
    for extra in ("-wal", "-shm"):
        path.with_name(path.name + extra).unlink(missing_ok=True)
    backup.replace(path)
    (tmp_path / "st1.db.anchor").unlink()  # restored with its folder: only upstream can tell
    again = station_on(tmp_path, pg_url, config, clock, "ST1", path)
    try:
        assert _sessions(again.local.store) == {("C1", "T1", "ST1")}
        again.sign_out("C1", "T1")
        assert _sessions(store) == _sessions(again.local.store) == set()
    finally:
        again.close()


def test_offline_a_counter_another_station_held_is_not_refused_and_syncs_as_a_clash(tmp_path, branch, proxy, pg_url):
    store, config, clock = branch
    st1 = station_on(tmp_path, through(proxy, pg_url), config, clock, "ST1")
    st2 = station_on(tmp_path, pg_url, config, clock, "ST2")
    st2.sign_in("C1", "T2")
    assert synced(st1)
    assert next(c for c in st1.snapshot().counters if c.id == "C1").signed_in.staff_id == "T2"
    with pytest.raises(Exception, match="held by T2"):
        st1.sign_in("C1", "T1")  # online: upstream says no
    proxy.cut()
    st1.link_lost(ConnectionResetError("test: link cut"))
    st1.sign_in("C1", "T1")  # offline: the teller works; the station cannot know whether T2 has left
    served = _serve(st1, clock, "T1")
    proxy.restore()
    assert synced(st1), st1.offline_reason
    assert [c.number for c in open_conflicts(store, config, "B1")] == ["C1"]
    assert _sessions(store) == {("C1", "T2", "ST2")}
    with store.read_session() as s:
        assert s.get(ServiceRecordRow, served).staff_id == "T1"


def test_a_sign_out_offline_ends_the_session_upstream_gave_the_teller(tmp_path, branch, proxy, pg_url):
    """ST1 pulled T2's session, T2 signed out upstream, ST1 offline signed T1 in and out: T1 holds nothing after."""
    store, config, clock = branch
    st1 = station_on(tmp_path, through(proxy, pg_url), config, clock, "ST1")
    st2 = station_on(tmp_path, pg_url, config, clock, "ST2")
    st2.sign_in("C1", "T2")
    assert synced(st1)
    proxy.cut()
    st1.link_lost(ConnectionResetError("test: link cut"))
    st2.sign_out("C1", "T2")
    st1.sign_in("C1", "T1")
    st1.sign_out("C1", "T1")
    proxy.restore()
    assert synced(st1), st1.offline_reason
    assert _sessions(store) == set()
    assert open_conflicts(store, config, "B1") == ()
