"""Faults placed exactly at the COMMIT of a station's upstream transaction, on a real PostgreSQL.

The proxy's ``at_commit`` arms the fault just before the COMMIT leaves the
station: either the COMMIT arrives and its answer is lost (``drop_answers``), or
the COMMIT never arrives (``stall``). Either way the station may only report
what upstream really holds: a number is issued once, a ticket is called once,
a lease is held only once upstream committed it.
"""

import threading

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import func, select
from sync_branch import station_on, synced, upstream_branch
from tcp_proxy import at_commit, proxy_fixture, through  # noqa: F401 - fixture

import models.station.sync as station_sync
from models.station.in_doubt import CommandOutcomeUnknown, in_doubt
from models.station.service import StationService
from models.store.tables import EventRow, TicketRow
from models.sync.tables import NumberLeaseRow
from queueing.core.tickets import TransactionLine

pytestmark = pytest.mark.postgres


@pytest.fixture
def branch(pg_url):
    with upstream_branch(pg_url, ("C1", "C2")) as made:
        yield made


def _numbers(store) -> list[str]:
    with store.read_session() as s:
        return sorted(s.scalars(select(TicketRow.number)).all())


def _own_seqs(store, station: str) -> list[tuple[int, str]]:
    with store.read_session() as s:
        return list(
            s.execute(
                select(EventRow.seq, EventRow.type).where(EventRow.station_id == station).order_by(EventRow.seq)
            ).all()
        )


def test_answer_lost_after_commit_is_not_reported_done_then_found_committed(tmp_path, branch, proxy, pg_url):
    store, config, clock = branch
    st = station_on(tmp_path, through(proxy, pg_url), config, clock, "ST1")
    other = station_on(tmp_path, pg_url, config, clock, "ST2")  # a station on a healthy link
    at_commit(st.upstream_store.engine, proxy.drop_answers)
    with pytest.raises(CommandOutcomeUnknown):
        st.issue_ticket("CASH")
    assert not st.online
    assert len(in_doubt(st.local.store, "B1", "ST1")) == 1
    assert st.local.snapshot().waiting == ()  # not shown as done
    # Upstream did commit A001: the next station gets A002, never A001 again.
    assert other.issue_ticket("CASH").ticket.number == "A002"
    # Offline, the station keeps working after the reserved sequence number.
    offline = st.issue_ticket("CASH").ticket
    assert offline.number not in ("A001", "A002")
    proxy.restore()
    assert synced(st), st.offline_reason
    assert in_doubt(st.local.store, "B1", "ST1") == []
    assert "A001" in {t.number for t in st.snapshot().waiting}
    numbers = _numbers(store)
    assert len(numbers) == len(set(numbers)) == 3
    assert [seq for seq, _type in _own_seqs(store, "ST1")] == [1, 2]


def test_commit_that_never_arrived_is_voided_and_the_number_stays_free(tmp_path, branch, proxy, pg_url):
    store, config, clock = branch
    st = station_on(tmp_path, through(proxy, pg_url), config, clock, "ST1")
    other = station_on(tmp_path, pg_url, config, clock, "ST2")
    at_commit(st.upstream_store.engine, proxy.stall)
    with pytest.raises(CommandOutcomeUnknown):
        st.issue_ticket("CASH")
    # The server ends the silent transaction (idle_in_transaction_session_timeout): A001 was never issued.
    assert other.issue_ticket("CASH").ticket.number == "A001"
    proxy.restore()
    assert synced(st), st.offline_reason
    assert in_doubt(st.local.store, "B1", "ST1") == []
    assert _own_seqs(store, "ST1") == [(1, "seq_void")]
    assert _numbers(store) == ["A001"]
    assert st.issue_ticket("CASH").ticket.number == "A002"
    assert [seq for seq, _t in _own_seqs(store, "ST1")] == [1, 2]


def test_answer_lost_but_link_back_within_the_deadline_answers_the_teller(tmp_path, branch, proxy, pg_url):
    store, config, clock = branch
    st = station_on(tmp_path, through(proxy, pg_url), config, clock, "ST1")

    def drop_then_heal() -> None:
        proxy.drop_answers()
        threading.Timer(0.5, proxy.restore).start()

    at_commit(st.upstream_store.engine, drop_then_heal)
    ticket = st.issue_ticket("CASH").ticket
    assert ticket.number == "A001"
    assert in_doubt(st.local.store, "B1", "ST1") == []
    assert _numbers(store) == ["A001"]
    assert st.call_next("C1").ticket.id == ticket.id


def test_call_with_lost_answer_is_never_called_twice(tmp_path, branch, proxy, pg_url):
    store, config, clock = branch
    st = station_on(tmp_path, through(proxy, pg_url), config, clock, "ST1")
    other = station_on(tmp_path, pg_url, config, clock, "ST2")
    first = other.issue_ticket("CASH").ticket
    assert synced(st)
    at_commit(st.upstream_store.engine, proxy.drop_answers)
    with pytest.raises(CommandOutcomeUnknown):
        st.call_next("C1")
    # Upstream has the call: the other counter gets nobody, not the same customer.
    second = other.issue_ticket("CASH").ticket
    called = other.call_next("C2").ticket
    assert called.id == second.id != first.id
    proxy.restore()
    assert synced(st), st.offline_reason
    assert st.ticket(first.id).counter_id == "C1"
    with store.read_session() as s:
        assert s.scalar(select(func.count()).select_from(TicketRow).where(TicketRow.conflict.is_(True))) == 0


def test_lease_whose_commit_answer_was_lost_is_not_held(tmp_path, branch, proxy, pg_url, monkeypatch):
    store, config, clock = branch
    proxy.cut()
    st = station_on(tmp_path, through(proxy, pg_url), config, clock, "ST1", online=False)
    assert st._leases == []
    proxy.restore()
    real = station_sync.lease_block

    def lease_then_lose_answer(*args, **kwargs):
        at_commit(st.upstream_store.engine, proxy.drop_answers)
        return real(*args, **kwargs)

    monkeypatch.setattr(station_sync, "lease_block", lease_then_lose_answer)
    assert not st.sync_now()
    assert st._leases == []  # upstream committed them, but the station never heard so: not used
    monkeypatch.setattr(station_sync, "lease_block", real)
    proxy.restore()
    other = station_on(tmp_path, pg_url, config, clock, "ST2")
    assert synced(st), st.offline_reason
    with store.read_session() as s:
        rows = s.scalars(select(NumberLeaseRow).where(NumberLeaseRow.category == "CASH")).all()
    blocks = [(r.first_seq, r.last_seq, r.station_id) for r in rows]
    for lease in st._leases + other._leases:
        assert (lease.first_seq, lease.last_seq, lease.station_id) in blocks
    held = [range(x.first_seq, x.last_seq + 1) for x in st._leases + other._leases if x.category == "CASH"]
    numbers = [n for block in held for n in block]
    assert len(numbers) == len(set(numbers))
    proxy.cut()
    a = st.issue_ticket("CASH").ticket.number
    b = other.issue_ticket("CASH").ticket.number
    assert a != b


def test_offline_step_on_a_ticket_in_doubt_waits_for_the_answer(tmp_path, branch, proxy, pg_url):
    store, config, clock = branch
    st = station_on(tmp_path, through(proxy, pg_url), config, clock, "ST1")
    ticket = st.issue_ticket("CASH").ticket
    st.call_next("C1")
    st.start("C1")
    at_commit(st.upstream_store.engine, proxy.drop_answers)
    with pytest.raises(CommandOutcomeUnknown):
        st.finish("C1", [TransactionLine("CASH_DEPOSIT", 1)])
    # Offline now; finishing again could finish it twice: the station waits for upstream's answer.
    with pytest.raises(CommandOutcomeUnknown, match="has not answered about this ticket"):
        st.finish("C1", [TransactionLine("CASH_DEPOSIT", 1)])
    proxy.restore()
    assert synced(st), st.offline_reason
    assert st.ticket(ticket.id).status == "done" and not st.ticket(ticket.id).conflict
    with store.read_session() as s:
        assert s.scalar(select(func.count()).select_from(TicketRow).where(TicketRow.conflict.is_(True))) == 0


@pytest.mark.parametrize("fault", ["drop_answers", "stall"])
def test_push_and_leases_whose_commit_failed_lose_nothing_double_nothing(
    tmp_path, branch, proxy, pg_url, monkeypatch, fault
):
    """The backlog's last batch and the lease top-up share one COMMIT: the link dies at it, then the push is retried."""
    store, config, clock = branch
    proxy.cut()
    st = station_on(tmp_path, through(proxy, pg_url), config, clock, "ST1", online=False)
    assert st._leases == []
    offline = [st.issue_ticket("CASH").ticket for _ in range(3)]
    own = _own_seqs(st.local.store, "ST1")
    proxy.restore()
    real = station_sync.lease_block

    def lease_then_fail_at_commit(*args, **kwargs):
        at_commit(st.upstream_store.engine, getattr(proxy, fault))
        return real(*args, **kwargs)

    def no_transaction_of_its_own(*args, **kwargs):
        raise AssertionError("the leases were to ride in the push's transaction")

    monkeypatch.setattr(station_sync, "lease_block", lease_then_fail_at_commit)
    monkeypatch.setattr(StationService, "_register_and_lease", no_transaction_of_its_own)
    assert not st.sync_now()
    assert st._leases == []  # whatever upstream did, the station never heard it committed
    monkeypatch.setattr(station_sync, "lease_block", real)
    proxy.restore()
    assert synced(st), st.offline_reason  # the whole backlog again: in it once, whatever the first COMMIT did
    assert _own_seqs(store, "ST1") == own
    assert {t.id for t in st.snapshot().waiting} >= {t.id for t in offline}
    monkeypatch.undo()  # a station without a backlog leases in a transaction of its own
    other = station_on(tmp_path, pg_url, config, clock, "ST2")
    with store.read_session() as s:
        rows = s.scalars(select(NumberLeaseRow).where(NumberLeaseRow.category == "CASH")).all()
    blocks = [(r.first_seq, r.last_seq, r.station_id) for r in rows]
    mine = [x for x in st._leases if x.category == "CASH"]
    assert mine and all((x.first_seq, x.last_seq, x.station_id) in blocks for x in mine)
    held = [range(x.first_seq, x.last_seq + 1) for x in st._leases + other._leases if x.category == "CASH"]
    numbers = [n for block in held for n in block]
    assert len(numbers) == len(set(numbers))
