"""Upstream projections equal a replay of the upstream journal (the check itself: tests/models/projection_checks.py)."""

import pytest
from pg_server import open_test_upstream, pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from projection_checks import assert_projections_match_journal
from sqlalchemy import func, select
from sync_branch import synced

from models.branch.journal import append, events_after
from models.store.database import open_store
from models.store.tables import BranchRow, EventRow, ServiceRecordRow
from models.sync.projection import apply_and_project
from queueing.core.categories import load_branch_config
from queueing.core.state import BranchState
from queueing.core.tickets import TransactionLine


def test_batch_projection_equals_event_by_event(service, store, tmp_path):
    """apply_and_project (used by pushes) writes what project() after every event writes."""
    service.sign_in("C1", "T1")
    service.sign_in("C2", "T2")
    service.issue_ticket("CASH")
    service.issue_ticket("TRANSFER")
    service.call_next("C1")
    service.start("C1")
    service.finish("C1", [TransactionLine("CASH_DEPOSIT", 1)])
    service.call_next("C2")
    service.park("C2")
    service.sign_out("C1", "T1")
    service.release_counter("C2", "S1")
    service.sign_in("C2", "T1")
    assert_projections_match_journal(store, service.config, "B1")
    with store.read_session() as session:
        events = [e for _p, e in events_after(session, "B1", 0)]
    # The same journal projected in one batch, in a second store.
    other = open_store(str(tmp_path / "copy.db"))
    try:
        with other.write_session() as session:
            session.add(BranchRow(id="B1", name="copy", timezone=service.config.timezone))
            for event in events:
                append(session, event)
            apply_and_project(session, BranchState(service.config), events)
        assert_projections_match_journal(other, service.config, "B1")
    finally:
        other.close()


@pytest.mark.postgres
def test_a_large_push_goes_by_copy_and_projects_like_a_replay(pg_url, tmp_path):
    """250 offline visits (1,000 events, 250 tickets and records): the COPY path of the push."""
    from bench.bench_sync import offline_day  # the benchmark's offline day, smaller
    from models.branch.service import BranchService
    from models.station.service import StationService

    config = load_branch_config()
    upstream = open_test_upstream(pg_url)
    BranchService(upstream, config, "B1", "SETUP").ensure_branch("Copy branch")
    local = open_store(str(tmp_path / "st1.db"))
    offline = BranchService(local, config, "B1", "ST1")
    offline.ensure_branch("Copy branch")
    events = offline_day(250)
    offline.record_many(events)
    station = StationService(local, upstream, config, "B1", "ST1")
    assert synced(station) and station.sync_status().backlog == 0
    assert synced(station)  # a second push sends nothing new and changes nothing
    with upstream.read_session() as session:
        assert session.scalar(select(func.count()).select_from(EventRow)) == len(events)
        assert session.scalar(select(func.count()).select_from(ServiceRecordRow)) == 250
    assert_projections_match_journal(upstream, config, "B1")
    upstream.close()
