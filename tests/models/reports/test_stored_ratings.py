"""service_record.rating (migration 0015_visit_rating): each visit's last rating, as replaying the journal gives it.

The report reads the column instead of the journal's rating events, so the column must follow the journal
whatever order the events reach the store in: a rating synced before its visit's record or after it, pressed
twice, stamped by a pad with a wrong clock, from another branch, or written by a version before the column.
"""

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from alembic import command
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import insert, inspect, select
from staff_sessions import add_accounts
from test_records_service import NOVEMBER, SUPERVISOR, reference_report
from test_report_equivalence import Branch

from models.branch.journal import append, events_after
from models.branch.service import BranchService
from models.reports.records_service import RecordsService
from models.store.database import alembic_config, head_revision, open_store
from models.store.tables import ServiceRecordRow, StaffRow
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.events import EventType, StationContext
from queueing.core.tickets import TransactionLine as Line
from queueing.core.transaction_types import load_catalogue
from queueing.records.quality import rate_visit
from queueing.reports.piece_rate import load_scheme

BEFORE = "0014_station_lookups"
SEOUL = replace(load_branch_config(), timezone="Asia/Seoul")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request, tmp_path):
    return str(tmp_path / "store.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")


def stored_ratings(store, branch_id: str = "B1") -> dict[str, int | None]:
    with store.read_session() as session:
        rows = session.execute(
            select(ServiceRecordRow.ticket_id, ServiceRecordRow.rating).where(ServiceRecordRow.branch_id == branch_id)
        )
        return dict(rows.all())


def replayed_ratings(store, branch_id: str = "B1") -> dict[str, int]:
    """The last rating of each ticket in the branch's journal, in store order (queueing.records.visits' rule)."""
    with store.read_session() as session:
        events = [event for _, event in events_after(session, branch_id, 0)]
    return {e.payload["ticket_id"]: int(e.payload["rating"]) for e in events if e.type is EventType.VISIT_RATED}


def assert_column_is_the_journal(store, records) -> None:
    stored, replayed = stored_ratings(store), replayed_ratings(store)
    assert stored == {ticket: replayed.get(ticket) for ticket in stored}
    period, scheme = records.period(*NOVEMBER), load_scheme()
    now = datetime(2026, 12, 5, tzinfo=UTC)
    assert records.report(SUPERVISOR, period, scheme, now) == reference_report(records, period, scheme, now)
    assert records.report_and_visits(SUPERVISOR, period, scheme, now)[0] == reference_report(
        records, period, scheme, now
    )


def _november_visits(branch: Branch) -> list[str]:
    branch.clock.set(datetime(2026, 11, 10, 1, 0, tzinfo=UTC))
    return [branch.serve(counter, [Line("CASH_DEP", 1, 35_000)], 240) for counter in ("C1", "C2", "C1")]


def _teller_station(tmp_path) -> tuple[Branch, list[str], list]:
    """A teller's station that served three visits offline: its store and its journal."""
    offline = Branch(open_store(str(tmp_path / "teller.db")), "Asia/Seoul")
    visits = _november_visits(offline)
    with offline.service.store.read_session() as session:
        journal = [event for _, event in events_after(session, "B1", 0)]
    offline.service.store.close()
    return offline, visits, journal


def _receiving(store, clock: ManualClock) -> RecordsService:
    """The store the events reach by sync (a head office's, or another station's)."""
    service = BranchService(store, SEOUL, "B1", "HQ", clock)
    service.ensure_branch("Test branch")
    add_accounts(store, SUPERVISOR)
    tellers = [
        {"branch_id": "B1", "id": t, "name": t, "role": "teller", "pin_hash": "-", "active": True} for t in ("T1", "T2")
    ]
    with store.write_session() as session:
        session.execute(insert(StaffRow), tellers)
    return RecordsService(service, load_catalogue())


def test_ratings_synced_before_and_after_the_record_and_pressed_twice(url, tmp_path):
    offline, (v1, v2, v3), journal = _teller_station(tmp_path)
    pad = StationContext("B1", "PAD1", offline.clock)
    store = open_store(url)
    try:
        records = _receiving(store, offline.clock)
        received = records.branch.record_many
        received(pad.build(1, [rate_visit(v2, 1)]))  # the pad's rating arrives before the teller's visit
        received(journal)
        assert stored_ratings(store) == {v1: None, v2: 1, v3: None}
        received(pad.build(2, [rate_visit(v1, 2), rate_visit(v1, 5)]))  # pressed twice, synced together
        received(pad.build(4, [rate_visit(v3, 3)]))
        received(pad.build(5, [rate_visit(v3, 4)]))  # pressed again, synced later
        assert stored_ratings(store) == {v1: 5, v2: 1, v3: 4}
        # A pad whose clock is a year behind: its press is still the last one the store received.
        wrong_clock = StationContext("B1", "PAD2", ManualClock(datetime(2025, 11, 10, tzinfo=UTC)))
        received(wrong_clock.build(1, [rate_visit(v1, 3)]))
        assert stored_ratings(store) == {v1: 3, v2: 1, v3: 4}
        assert_column_is_the_journal(store, records)
    finally:
        store.close()


def test_a_rating_in_the_same_batch_as_its_record(url, tmp_path):
    offline, (v1, v2, v3), journal = _teller_station(tmp_path)
    pad = StationContext("B1", "PAD1", offline.clock)
    store = open_store(url)
    try:
        records = _receiving(store, offline.clock)
        # One push: the pad's two presses before the record's events, then one after them.
        records.branch.record_many([*pad.build(1, [rate_visit(v3, 2), rate_visit(v3, 1)]), *journal])
        records.branch.record_many(pad.build(3, [rate_visit(v2, 5)]))
        assert stored_ratings(store) == {v1: None, v2: 5, v3: 1}
        assert_column_is_the_journal(store, records)
    finally:
        store.close()


def test_a_rating_from_another_branch_leaves_the_visit_alone(url):
    store = open_store(url)
    try:
        branch = Branch(store, "Asia/Seoul")
        add_accounts(store, SUPERVISOR)
        v1, v2, _ = _november_visits(branch)
        branch.records.rate(v1, 4)
        other = BranchService(store, SEOUL, "B2", "ST9", branch.clock)
        other.ensure_branch("Other branch")
        # B2's pad names B1's tickets (a mistyped number, a hostile station): B1's records keep their own ratings.
        other.record_many(StationContext("B2", "PAD9", branch.clock).build(1, [rate_visit(v1, 1), rate_visit(v2, 1)]))
        assert stored_ratings(store)[v1] == 4 and stored_ratings(store)[v2] is None
        assert stored_ratings(store, "B2") == {}
        assert_column_is_the_journal(store, branch.records)
    finally:
        store.close()


def test_an_older_store_is_backfilled_from_its_journal(url, tmp_path):
    """A store restored from before the column: its ratings come from the journal when it is upgraded."""
    offline, (v1, v2, v3), journal = _teller_station(tmp_path)
    pad = StationContext("B1", "PAD1", offline.clock)
    store = open_store(url)
    try:
        records = _receiving(store, offline.clock)
        records.branch.record_many(pad.build(1, [rate_visit(v2, 2)]))  # before its record
        records.branch.record_many(journal)
        records.branch.record_many(pad.build(2, [rate_visit(v1, 2), rate_visit(v1, 4)]))
        other = BranchService(store, SEOUL, "B2", "ST9", offline.clock)
        other.ensure_branch("Other branch")
        other.record_many(StationContext("B2", "PAD9", offline.clock).build(1, [rate_visit(v3, 1)]))
        with store.engine.begin() as conn:
            cfg = alembic_config(store.url)
            cfg.attributes["connection"] = conn
            command.downgrade(cfg, BEFORE)
        assert "rating" not in {c["name"] for c in inspect(store.engine).get_columns("service_record")}
        # What the older version wrote after the backup: a rating the column never saw, and a second press.
        with store.write_session() as session:
            for event in pad.build(4, [rate_visit(v3, 5), rate_visit(v2, 3)]):
                append(session, event)
        store.upgrade()
        assert store.current_revision() == head_revision()
        assert stored_ratings(store) == {v1: 4, v2: 3, v3: 5}
        assert_column_is_the_journal(store, records)
    finally:
        store.close()


@pytest.mark.postgres
def test_a_bulk_push_and_the_pads_pushes_in_either_order_on_postgres(pg_url):
    """Upstream: the pad pushes before and after the teller's offline day, which goes in by one COPY."""
    from bench.bench_sync import offline_day
    from models.sync.push_batch import PushBatch
    from models.sync.upstream import UpstreamBranch

    config = load_branch_config()
    # Over COPY_FROM records (the push's COPY path) and over 500 tickets: a rating past the first
    # 500 ids is found too (PostgreSQL looks them all up in one array).
    day = offline_day(600)
    finished = [e.payload["ticket_id"] for e in day if e.type is EventType.SERVICE_FINISHED]
    clock = ManualClock(max(e.at for e in day))
    pad = StationContext("B1", "PAD1", clock)
    store = open_store(pg_url)
    try:
        BranchService(store, config, "B1", "SETUP").ensure_branch("Copy branch")
        up = UpstreamBranch(store, config, StationContext("B1", "ST1", clock))
        up.receive(PushBatch.of_events(pad.build(1, [rate_visit(finished[0], 2), rate_visit(finished[1], 3)])), "PAD1")
        assert up.receive(PushBatch.of_events(day), "ST1") == len(day)
        later = pad.build(3, [rate_visit(finished[1], 5), rate_visit(finished[550], 1)])
        up.receive(PushBatch.of_events(later), "PAD1")
        stored = stored_ratings(store)
        assert len(stored) == 600
        rated = {finished[0]: 2, finished[1]: 5, finished[550]: 1}
        assert {t: r for t, r in stored.items() if r is not None} == rated
        replayed = replayed_ratings(store)
        assert stored == {ticket: replayed.get(ticket) for ticket in stored}
    finally:
        store.close()


def test_visits_finished_at_the_same_instant_add_up_in_journal_order(tmp_path):
    """Two visits finished at one instant, one moved to the other's teller: the sums take them in store order.

    Float sums depend on their order: 65.2 + 78.9 + 9.4 is 153.50000000000003, 65.2 + 9.4 + 78.9 is 153.5. The
    journal replay adds A (finished first) before B, and so must the store, though B's ticket id is the smaller.
    """
    store = open_store(str(tmp_path / "store.db"))
    try:
        b = Branch(store, "Asia/Seoul")
        add_accounts(store, SUPERVISOR)
        b.clock.set(datetime(2026, 11, 10, 1, 0, tzinfo=UTC))
        b.serve("C1", [Line("CASH_DEP", 1, 5_000)], 65.2)
        second = b.service.issue_ticket("CASH").tickets[0].id  # issued first: the smaller ticket id
        first = b.service.issue_ticket("CASH").tickets[0].id
        assert second < first
        b.service.call_ticket("C1", first, "test")
        b.service.call_ticket("C2", second, "test")
        b.service.start("C1")
        b.clock.advance(69.5)
        b.service.start("C2")
        b.clock.advance(9.4)
        b.service.finish("C1", [Line("CASH_DEP", 1, 5_000)])
        b.service.finish("C2", [Line("CASH_DEP", 1, 5_000)])
        b.records.correct(SUPERVISOR, second, "served by T1", teller="T1")
        visits = {v.ticket_id: v for v in b.records.visits(b.records.period(*NOVEMBER))}
        assert visits[first].finished_at == visits[second].finished_at
        period, scheme, now = b.records.period(*NOVEMBER), load_scheme(), b.clock.now()
        reference = reference_report(b.records, period, scheme, now)
        assert b.records.report(SUPERVISOR, period, scheme, now) == reference
        assert b.records.report_and_visits(SUPERVISOR, period, scheme, now)[0] == reference
    finally:
        store.close()
