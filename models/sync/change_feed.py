"""Waking the supervisor and the display when the branch changes upstream.

On PostgreSQL every command transaction sends ``NOTIFY counterline, '<branch>'``
(see Store.write_session), and a listener connection wakes at once; elsewhere
the feed polls the branch's last journal position. Either way the interface is
``wait_for_change(timeout) -> bool``, or a ``ChangeFeedThread`` calling back;
no Qt here (the UI wraps it in a signal).
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Protocol

import psycopg
from sqlalchemy import func, select

from models.store.database import Store
from models.store.tables import EventRow

CHANNEL = "counterline"


class ChangeFeed(Protocol):
    def wait_for_change(self, timeout: float) -> bool:
        """Block up to ``timeout`` seconds; True if the branch changed since the last call."""
        ...

    def close(self) -> None: ...


class PollingFeed:
    """Compares the branch's last journal position every ``interval_s``."""

    def __init__(self, store: Store, branch_id: str, interval_s: float = 0.5) -> None:
        self.store = store
        self.branch_id = branch_id
        self.interval_s = interval_s
        self._closed = threading.Event()
        self._seen = self._position()

    def _position(self) -> int:
        with self.store.read_session() as session:
            query = select(func.max(EventRow.position)).where(EventRow.branch_id == self.branch_id)
            return int(session.scalar(query) or 0)

    def wait_for_change(self, timeout: float) -> bool:
        waited = 0.0
        while True:
            position = self._position()
            if position != self._seen:
                self._seen = position
                return True
            if waited >= timeout or self._closed.wait(min(self.interval_s, timeout - waited)):
                return False
            waited += self.interval_s

    def close(self) -> None:
        self._closed.set()


class PgNotifyFeed:
    """LISTEN on its own autocommit psycopg connection; a NOTIFY for the branch wakes the waiter."""

    def __init__(self, store: Store, branch_id: str, connect_timeout: int = 2) -> None:
        self.branch_id = branch_id
        self._dsn = store.url.set(drivername="postgresql").render_as_string(hide_password=False)
        self._connect_timeout = connect_timeout
        self._conn: psycopg.Connection | None = None
        self._connect()

    def _connect(self) -> psycopg.Connection:
        if self._conn is None or self._conn.closed:
            self._conn = psycopg.connect(self._dsn, autocommit=True, connect_timeout=self._connect_timeout)
            self._conn.execute(f"LISTEN {CHANNEL}")
        return self._conn

    def wait_for_change(self, timeout: float) -> bool:
        conn = self._connect()
        try:
            # Drain what is already queued, then wait for one more if nothing for this branch was there.
            if any(note.payload == self.branch_id for note in conn.notifies(timeout=0)):
                return True
            return any(note.payload == self.branch_id for note in conn.notifies(timeout=timeout, stop_after=1))
        except psycopg.OperationalError:
            # Notifications may have been lost with the connection: report a change so the reader refreshes.
            conn.close()
            return True

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()


def open_feed(store: Store, branch_id: str) -> ChangeFeed:
    """LISTEN/NOTIFY on PostgreSQL, polling otherwise."""
    if store.dialect == "postgresql":
        return PgNotifyFeed(store, branch_id)
    return PollingFeed(store, branch_id)


class ChangeFeedThread:
    """Calls ``on_change()`` (on this daemon thread) whenever the feed reports a change."""

    def __init__(self, feed: ChangeFeed, on_change: Callable[[], None], timeout: float = 1.0) -> None:
        self.feed = feed
        self.on_change = on_change
        self.timeout = timeout
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._loop, name="change-feed", daemon=True)

    def start(self) -> ChangeFeedThread:
        self._thread.start()
        return self

    def _loop(self) -> None:
        while not self._stop.is_set():
            try:
                changed = self.feed.wait_for_change(self.timeout)
            except (psycopg.Error, OSError):
                # The server went away: the caller's next refresh shows it; try again shortly.
                self._stop.wait(self.timeout)
                continue
            if changed and not self._stop.is_set():
                self.on_change()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        self.feed.close()
