"""Application-level deadlines on calls to a database server.

libpq's connect_timeout and the server's statement_timeout do not notice a
connection that has gone silent (a stalled router, a half-open socket): the
client waits for an answer that never comes, however the TCP options are set on
each platform. So a call that must answer in seconds (a station's upstream call, a
kiosk's ticket) runs under our own deadline: a timer that, when it fires, shuts the
socket of the connection the calling thread holds, which makes the blocked driver
call fail at once.
"""

from __future__ import annotations

import os
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Engine, event


class DeadlineExceeded(Exception):
    """An upstream call took longer than its deadline and was cut."""


def _shut(dbapi_conn: Any) -> None:
    pgconn = getattr(dbapi_conn, "pgconn", None)
    if pgconn is None:
        return
    try:
        fd = pgconn.socket
    except Exception:  # the connection is already closed: nothing to cut
        return
    if os.name == "nt":
        sock = socket.socket(fileno=fd)
        try:
            sock.shutdown(socket.SHUT_RDWR)
        finally:
            sock.detach()
        return
    # A duplicate descriptor refers to the same socket: shutting it down wakes the blocked reader.
    sock = socket.fromfd(fd, socket.AF_INET, socket.SOCK_STREAM)
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass
    finally:
        sock.close()


class ConnectionWatch:
    """Knows which raw connection each thread has checked out of an engine, to cut it on a deadline."""

    def __init__(self, engine: Engine) -> None:
        self._held: dict[int, list[Any]] = {}
        self._guard = threading.Lock()
        event.listen(engine, "checkout", self._on_checkout)
        event.listen(engine, "checkin", self._on_checkin)
        # A connection cut by a deadline (or lost with its link) is invalidated, and its check-in then names no
        # connection: it is let go here, or each of the hundreds of drops of a day stays held for good.
        event.listen(engine, "invalidate", self._on_gone)
        event.listen(engine, "close", self._on_gone)
        # The pool's pre-ping (pool_pre_ping) runs before its "checkout" event, and hangs on a silent link like any
        # call; the pool has no event before it, so this engine's own dialect pings with the connection held here.
        ping = engine.dialect.do_ping

        def watched_ping(dbapi_conn: Any) -> bool:
            self._hold(dbapi_conn)
            try:
                return ping(dbapi_conn)
            finally:
                self._release(dbapi_conn)

        engine.dialect.do_ping = watched_ping  # type: ignore[method-assign,assignment]

    def _on_checkout(self, dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        self._hold(dbapi_conn)

    def _hold(self, dbapi_conn: Any) -> None:
        with self._guard:
            self._held.setdefault(threading.get_ident(), []).append(dbapi_conn)

    def _release(self, dbapi_conn: Any) -> None:
        with self._guard:
            held = self._held.get(threading.get_ident(), [])
            if dbapi_conn in held:
                held.remove(dbapi_conn)

    def _on_checkin(self, dbapi_conn: Any, _record: Any) -> None:
        if dbapi_conn is None:  # invalidated: _on_gone let it go
            return
        with self._guard:
            for thread_id, held in list(self._held.items()):
                if dbapi_conn in held:
                    held.remove(dbapi_conn)
                if not held:  # a pool's thread that ended (they expire when idle) leaves no entry behind
                    del self._held[thread_id]

    def _on_gone(self, dbapi_conn: Any, _record: Any, *_exception: Any) -> None:
        self._on_checkin(dbapi_conn, _record)

    def cut(self, thread_id: int) -> None:
        with self._guard:
            held = list(self._held.get(thread_id, ()))
        for conn in held:
            _shut(conn)

    @contextmanager
    def deadline(self, seconds: float) -> Iterator[None]:
        """Run the block; if it is still running after ``seconds``, cut its connections and raise DeadlineExceeded."""
        thread_id = threading.get_ident()
        fired = threading.Event()

        def fire() -> None:
            fired.set()
            self.cut(thread_id)

        timer = threading.Timer(seconds, fire)
        timer.daemon = True
        timer.start()
        try:
            yield
        except Exception as exc:
            if fired.is_set():
                raise DeadlineExceeded(f"no answer from the database server within {seconds:g} s") from exc
            raise
        finally:
            timer.cancel()
