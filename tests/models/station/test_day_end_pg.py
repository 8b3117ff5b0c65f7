"""The day end against a real PostgreSQL: stations ending the same day at once, and a day end whose COMMIT
answer is lost. Each ticket is closed once, and a station never calls a ticket whose day end is in doubt."""

import threading
from datetime import timedelta

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from projection_checks import assert_projections_match_journal
from sqlalchemy import func, select
from sync_branch import station_on, synced, upstream_branch
from tcp_proxy import at_commit, proxy_fixture, through  # noqa: F401 - fixture

from models.branch.service import BranchService
from models.station.in_doubt import in_doubt
from models.store.tables import EventRow, ServiceRecordRow, TicketRow
from models.sync.conflicts import conflicts
from models.sync.pg_copy import COPY_FROM
from queueing.core.errors import NothingWaiting
from queueing.core.tickets import TransactionLine

pytestmark = pytest.mark.postgres

DAY_S = timedelta(days=1).total_seconds()


@pytest.fixture
def branch(pg_url):
    with upstream_branch(pg_url, ("C1", "C2")) as made:
        yield made


def _expired(store) -> tuple[list[str], list[str]]:
    """(the ids of the expired ticket rows, the ticket ids the journal's expiry events name)."""
    with store.read_session() as s:
        rows = s.scalars(select(TicketRow.id).where(TicketRow.status == "expired")).all()
        named = [p["ticket_id"] for p in s.scalars(select(EventRow.payload).where(EventRow.type == "ticket_expired"))]
    return sorted(rows), sorted(named)


def test_two_stations_calling_next_at_once_next_morning_close_each_ticket_once(tmp_path, branch, pg_url):
    store, config, clock = branch
    st1 = station_on(tmp_path, pg_url, config, clock, "ST1")
    st2 = station_on(tmp_path, pg_url, config, clock, "ST2")
    left = sorted(st.issue_ticket("CASH").ticket.id for st in (st1, st2, st1))
    assert synced(st1) and synced(st2)
    clock.advance(DAY_S)
    start = threading.Barrier(2)
    outcomes: dict[str, BaseException | None] = {}

    def morning(st, counter):
        start.wait()
        try:
            st.call_next(counter)
            outcomes[counter] = None
        except BaseException as exc:  # checked below
            outcomes[counter] = exc

    threads = [threading.Thread(target=morning, args=a) for a in ((st1, "C1"), (st2, "C2"))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert all(isinstance(exc, NothingWaiting) for exc in outcomes.values()), outcomes
    assert _expired(store) == (left, left)
    assert_projections_match_journal(store, config, "B1")
    assert synced(st1) and synced(st2)
    assert st1.snapshot().waiting == st2.snapshot().waiting == ()


def test_a_day_end_whose_answer_is_lost_is_settled_once_and_its_ticket_never_called(tmp_path, branch, proxy, pg_url):
    store, config, clock = branch
    st = station_on(tmp_path, through(proxy, pg_url), config, clock, "ST1")
    yesterday = st.issue_ticket("CASH").ticket
    clock.advance(DAY_S)
    at_commit(st.upstream_store.engine, proxy.drop_answers)
    with pytest.raises(NothingWaiting):
        st.call_next("C1")  # the day end went up, its answer did not come back: offline, not calling A001
    assert not st.online and [e.type for e in in_doubt(st.local.store, "B1", "ST1")] == ["ticket_expired"]
    proxy.restore()
    assert synced(st), st.offline_reason
    assert in_doubt(st.local.store, "B1", "ST1") == []
    assert _expired(store) == ([yesterday.id], [yesterday.id])
    assert _expired(st.local.store) == ([yesterday.id], [yesterday.id])
    assert st.snapshot().waiting == ()
    assert_projections_match_journal(store, config, "B1")


def test_a_day_end_found_only_upstream_whose_answer_is_lost_is_settled_once(tmp_path, branch, proxy, pg_url):
    """ST1 had not pulled ST2's last ticket of yesterday: its call next morning finds it upstream, pulls, ends the
    day there, and that COMMIT's answer is lost. Nothing is called; settled once; both journals replay to their
    rows."""
    store, config, clock = branch
    st = station_on(tmp_path, through(proxy, pg_url), config, clock, "ST1")
    other = station_on(tmp_path, pg_url, config, clock, "ST2")
    late = other.issue_ticket("CASH").ticket  # ST1 has not pulled it
    clock.advance(DAY_S)
    at_commit(st.upstream_store.engine, proxy.drop_answers)
    with pytest.raises(NothingWaiting):
        st.call_next("C1")
    assert not st.online and [e.type for e in in_doubt(st.local.store, "B1", "ST1")] == ["ticket_expired"]
    proxy.restore()
    assert synced(st), st.offline_reason
    assert in_doubt(st.local.store, "B1", "ST1") == []
    assert _expired(store) == ([late.id], [late.id])
    assert _expired(st.local.store) == ([late.id], [late.id])
    assert st.snapshot().waiting == ()
    assert_projections_match_journal(store, config, "B1")
    assert_projections_match_journal(st.local.store, config, "B1")


def test_a_big_offline_push_holding_a_visit_begun_before_the_day_end_reopens_its_ticket(tmp_path, branch, pg_url):
    """Pushed by COPY (a batch of hundreds), the events cannot look the closed ticket up first: the batch is
    applied again with it at hand, and the visit stands, served and recorded, beside the night's others."""
    store, config, clock = branch
    st = station_on(tmp_path, pg_url, config, clock, "ST1")
    ticket = st.issue_ticket("CASH").ticket
    st._go_offline(RuntimeError("test: link down"))
    clock.advance(14 * 3600)
    line = [TransactionLine("CASH_DEP", 1)]
    st.call_next("C1")
    st.start("C1")
    st.finish("C1", line)
    for _ in range(60):  # the night's offline traffic: the push is one batch of over COPY_FROM events
        st.issue_ticket("CASH")
        st.call_next("C1")
        st.start("C1")
        clock.advance(30)
        st.finish("C1", line)
    assert st.sync_status().backlog > COPY_FROM
    clock.advance(9 * 3600)
    upstream_service = BranchService(store, config, "B1", "KIOSK", clock)
    upstream_service.issue_ticket("CASH")  # the day end closes the ticket upstream; today's first leaves memory
    with store.read_session() as s:
        assert s.scalar(select(TicketRow.status).where(TicketRow.id == ticket.id)) == "expired"
    assert synced(st)
    with store.read_session() as s:
        assert s.scalar(select(TicketRow.status).where(TicketRow.id == ticket.id)) == "done"
        assert s.scalar(select(ServiceRecordRow.staff_id).where(ServiceRecordRow.ticket_id == ticket.id)) == "TC1"
        assert s.scalar(select(func.count()).select_from(ServiceRecordRow)) == 61
    assert conflicts(store, config, "B1") == ()
    assert_projections_match_journal(store, config, "B1")
