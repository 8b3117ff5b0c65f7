"""A station's own events read back from its SQLite journal for a push."""

import pytest
from sqlalchemy import text

from bench.bench_sync import offline_day
from models.branch.service import BranchService
from models.store.database import open_store
from models.sync.push_read import own_events_after
from queueing.core.categories import load_branch_config


@pytest.fixture
def journal(tmp_path):
    store = open_store(str(tmp_path / "st1.db"))
    service = BranchService(store, load_branch_config(), "B1", "ST1")
    service.ensure_branch("Push branch")
    events = offline_day(20)
    service.record_many(events)
    yield store, events
    store.close()


def test_the_batch_holds_the_events_and_their_payloads_as_stored(journal):
    store, events = journal
    with store.read_session() as session:
        batch = own_events_after(session, "B1", "ST1", 0, 1000)
        stored = session.execute(text("SELECT payload FROM event ORDER BY seq")).scalars().all()
    assert batch.events() == events  # times come back aware, in UTC
    assert batch.payloads() == stored


def test_the_batch_starts_after_the_sequence_and_stops_at_the_limit(journal):
    store, events = journal
    with store.read_session() as session:
        batch = own_events_after(session, "B1", "ST1", 10, 5)
    assert [e.seq for e in batch.events()] == [11, 12, 13, 14, 15]
    assert batch.events() == events[10:15]


def test_a_payload_with_text_after_its_json_is_refused_by_name(journal):
    store, _events = journal
    with store.write_session() as session:
        session.execute(text("UPDATE event SET payload = payload || ' trailing' WHERE seq = 3"))
    with store.read_session() as session:
        batch = own_events_after(session, "B1", "ST1", 0, 1000)
    with pytest.raises(ValueError, match="text after its JSON: ' trailing'"):
        batch.events()


def test_a_short_tail_rides_with_the_batch_and_a_longer_one_waits(journal):
    store, events = journal  # 82 events
    with store.read_session() as session:
        joined = own_events_after(session, "B1", "ST1", 0, 70, tail=13)  # 12 left beyond 70: fewer than 13
        split = own_events_after(session, "B1", "ST1", 0, 70, tail=12)  # 12 left: a batch of their own
        rest = own_events_after(session, "B1", "ST1", 70, 70, tail=12)
    assert len(events) == 82
    assert joined.events() == events
    assert split.events() == events[:70]
    assert rest.events() == events[70:]
