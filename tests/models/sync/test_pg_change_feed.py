"""The supervisor's change feed: LISTEN/NOTIFY wakes at once on PostgreSQL; polling works on SQLite."""

import threading
import time

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures

from models.branch.service import BranchService
from models.sync.change_feed import ChangeFeedThread, PgNotifyFeed, PollingFeed, open_feed
from models.sync.pg_upstream import open_upstream
from queueing.core.categories import load_branch_config
from queueing.core.errors import UnknownCategory


@pytest.mark.postgres
def test_notify_wakes_the_listener_of_that_branch_only(pg_url):
    store = open_upstream(pg_url)
    config = load_branch_config()
    b1 = BranchService(store, config, "B1", "ST1")
    b1.ensure_branch("One")
    b2 = BranchService(store, config, "B2", "ST1")
    b2.ensure_branch("Two")
    feed = open_feed(store, "B1")
    assert isinstance(feed, PgNotifyFeed)
    try:
        assert not feed.wait_for_change(0.2)
        b2.issue_ticket("CASH")
        assert not feed.wait_for_change(0.3)  # another branch's command
        started = time.monotonic()
        threading.Timer(0.2, lambda: b1.issue_ticket("CASH")).start()
        assert feed.wait_for_change(5.0)
        assert time.monotonic() - started < 2.0
        assert not feed.wait_for_change(0.2)  # drained
    finally:
        feed.close()
        store.close()


@pytest.mark.postgres
def test_a_failed_command_sends_no_notification(pg_url):
    store = open_upstream(pg_url)
    b1 = BranchService(store, load_branch_config(), "B1", "ST1")
    b1.ensure_branch("One")
    feed = open_feed(store, "B1")
    try:
        with pytest.raises(UnknownCategory):
            b1.issue_ticket("NO_SUCH_CATEGORY")
        assert not feed.wait_for_change(0.3)
    finally:
        feed.close()
        store.close()


def test_polling_feed_and_callback_thread_on_sqlite(store, service):
    feed = open_feed(store, "B1")
    assert isinstance(feed, PollingFeed)
    woke = threading.Event()
    thread = ChangeFeedThread(feed, woke.set, timeout=0.2).start()
    try:
        assert not woke.wait(0.5)
        service.issue_ticket("CASH")
        assert woke.wait(3.0)
    finally:
        thread.stop()
