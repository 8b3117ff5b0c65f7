"""An online command keeps its events on the station's disk beside upstream's statements, before the COMMIT.

The station's synced write (the events kept in doubt) runs while the claim, the
append and the projections go upstream; the COMMIT leaves only once that write
is done. A failure before the COMMIT left cannot have committed anything: the
kept rows are forgotten and the sequence numbers stay free, no void is needed.
After the COMMIT answered, the settle is written without an fsync, and the
anchor is never written ahead of a synced write.
"""

import threading
import time

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import event, select
from sync_branch import station_on, synced, upstream_branch
from tcp_proxy import proxy_fixture, through  # noqa: F401 - fixture

import models.station.service as station_service
import models.station.sync as station_sync
import models.sync.upstream as upstream_module
from models.station.in_doubt import in_doubt
from models.store.errors import StoreUnavailable
from models.store.tables import EventRow, TicketRow
from models.sync.upstream import ClaimLost

pytestmark = pytest.mark.postgres


@pytest.fixture
def branch(pg_url):
    with upstream_branch(pg_url, ("C1", "C2")) as made:
        yield made


def _events(store, station: str) -> list[tuple[int, str]]:
    with store.read_session() as s:
        query = select(EventRow.seq, EventRow.type).where(EventRow.station_id == station).order_by(EventRow.seq)
        return [(seq, str(kind)) for seq, kind in s.execute(query).all()]


def _status(store, ticket_id: str) -> str:
    with store.read_session() as s:
        return s.scalar(select(TicketRow.status).where(TicketRow.id == ticket_id))


def test_the_commit_leaves_only_after_the_local_keep_is_written(tmp_path, branch, pg_url, monkeypatch):
    store, config, clock = branch
    other = station_on(tmp_path, pg_url, config, clock, "ST2")
    ticket = other.issue_ticket("CASH").ticket
    st = station_on(tmp_path, pg_url, config, clock, "ST1")
    moments: dict[str, float] = {}
    real_keep = station_service.keep_aside

    def slow_keep(conn, events, now):
        time.sleep(0.3)  # a slow disk: upstream's statements are done long before this
        real_keep(conn, events, now)
        moments["kept"] = time.monotonic()

    monkeypatch.setattr(station_service, "keep_aside", slow_keep)
    event.listen(st.upstream_store.engine, "commit", lambda _conn: moments.setdefault("commit", time.monotonic()))
    assert st.call_next("C1").ticket.id == ticket.id
    assert moments["kept"] <= moments["commit"]
    assert in_doubt(st.local.store, "B1", "ST1") == []
    assert _events(st.local.store, "ST1") == [(1, "ticket_called")]


def test_link_dead_before_the_commit_forgets_the_kept_events_without_a_void(tmp_path, branch, proxy, pg_url):
    store, config, clock = branch
    st = station_on(tmp_path, through(proxy, pg_url), config, clock, "ST1")
    fired = threading.Event()

    def cut_at_append(_conn, _cursor, statement, *_rest) -> None:
        if statement.startswith("INSERT INTO event") and not fired.is_set():
            fired.set()
            proxy.cut()  # the append never reaches the server: no COMMIT can follow

    event.listen(st.upstream_store.engine, "before_cursor_execute", cut_at_append)
    ticket = st.issue_ticket("CASH").ticket  # offline after the cut, from the station's own numbers
    assert fired.is_set() and not st.online
    assert in_doubt(st.local.store, "B1", "ST1") == []
    assert st.tickets_in_doubt() == frozenset()
    # The kept numbers were free again: the offline ticket took sequence 1, and nothing waits to be voided.
    assert _events(st.local.store, "ST1") == [(1, "ticket_issued")]
    assert _events(store, "ST1") == []
    proxy.restore()
    assert synced(st), st.offline_reason
    assert _events(store, "ST1") == [(1, "ticket_issued")]
    assert _status(store, ticket.id) == "waiting"


def test_claim_lost_before_the_commit_is_decided_again_without_a_void(tmp_path, branch, pg_url, monkeypatch):
    store, config, clock = branch
    other = station_on(tmp_path, pg_url, config, clock, "ST2")
    ticket = other.issue_ticket("CASH").ticket
    st = station_on(tmp_path, pg_url, config, clock, "ST1")
    real_claim = upstream_module.claim_calls
    lost = []

    def lose_once(session, branch_id, events):
        if not lost:
            lost.append(True)
            raise ClaimLost("taken a moment ago")
        real_claim(session, branch_id, events)

    monkeypatch.setattr(upstream_module, "claim_calls", lose_once)
    assert st.call_next("C1").ticket.id == ticket.id
    assert lost and st.online
    assert in_doubt(st.local.store, "B1", "ST1") == []
    assert _events(st.local.store, "ST1") == [(1, "ticket_called")]
    assert _events(store, "ST1") == [(1, "ticket_called")]
    assert _status(store, ticket.id) == "called"


def test_station_disk_failing_at_the_keep_commits_nothing_upstream(tmp_path, branch, pg_url, monkeypatch):
    store, config, clock = branch
    other = station_on(tmp_path, pg_url, config, clock, "ST2")
    ticket = other.issue_ticket("CASH").ticket
    st = station_on(tmp_path, pg_url, config, clock, "ST1")
    real_keep = station_service.keep_aside

    def disk_fails(conn, events, now):
        raise StoreUnavailable(f"{st.local.store.label}: disk I/O error")

    monkeypatch.setattr(station_service, "keep_aside", disk_fails)
    with pytest.raises(StoreUnavailable, match="disk I/O error"):
        st.call_next("C1")
    assert _events(store, "ST1") == []
    assert _status(store, ticket.id) == "waiting"
    monkeypatch.setattr(station_service, "keep_aside", real_keep)
    assert st.call_next("C1").ticket.id == ticket.id
    assert _events(store, "ST1") == [(1, "ticket_called")]


def test_the_anchor_is_written_only_after_a_synced_write(tmp_path, branch, pg_url, monkeypatch):
    store, config, clock = branch
    st = station_on(tmp_path, pg_url, config, clock, "ST1")
    st.issue_ticket("CASH")
    assert st._unsynced  # the settle of a committed command waits for no disk
    seen: list[bool] = []
    real = station_sync.write_anchor

    def watch(local, anchor):
        seen.append(st._unsynced)
        real(local, anchor)

    monkeypatch.setattr(station_sync, "write_anchor", watch)
    assert st.tick()
    assert seen == [False]
    # The settled event is in the file the anchor vouches for.
    assert _events(st.local.store, "ST1") == [(1, "ticket_issued")]


def test_kept_rows_that_cannot_be_forgotten_stay_in_doubt_and_are_voided(tmp_path, branch, pg_url, monkeypatch):
    store, config, clock = branch
    other = station_on(tmp_path, pg_url, config, clock, "ST2")
    ticket = other.issue_ticket("CASH").ticket
    st = station_on(tmp_path, pg_url, config, clock, "ST1")
    real_forget, real_claim = station_service.forget, upstream_module.claim_calls

    def claim_lost(session, branch_id, events):
        raise ClaimLost("taken a moment ago")

    def disk_fails(conn, events):
        raise StoreUnavailable(f"{st.local.store.label}: disk I/O error")

    monkeypatch.setattr(upstream_module, "claim_calls", claim_lost)
    monkeypatch.setattr(station_service, "forget", disk_fails)
    with pytest.raises(StoreUnavailable, match="disk I/O error"):
        st.call_next("C1")
    # The kept call could not be taken back: it stays in doubt, its sequence number held.
    assert [e.seq for e in in_doubt(st.local.store, "B1", "ST1")] == [1]
    assert ticket.id in st.tickets_in_doubt()
    monkeypatch.setattr(station_service, "forget", real_forget)
    monkeypatch.setattr(upstream_module, "claim_calls", real_claim)
    assert synced(st), st.offline_reason
    assert in_doubt(st.local.store, "B1", "ST1") == []
    assert _events(store, "ST1") == [(1, "seq_void")]
    assert st.call_next("C1").ticket.id == ticket.id
    assert _events(store, "ST1") == [(1, "seq_void"), (2, "ticket_called")]
