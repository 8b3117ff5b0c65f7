"""A station's write connection to its SQLite store, kept from one command to the next.

Taking a connection from the pool and handing it back (SQLAlchemy's checkout, reset and
connection object) cost a command a tenth of its time, for a connection the pool would
hand the same station next time anyway (it is LIFO). The station's lock already lets one
command at a time use it, from whichever thread.

Kept on SQLite only: a server's connection is checked by the pool's ping at each checkout,
and a kept one would meet a restarted server only at the next command. A command that fails
drops the connection, whatever state the failure left it in; the next one takes a new one.
"""

from __future__ import annotations

import contextlib

from sqlalchemy import Connection

from models.store.database import Store


class CommandConnection:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._conn: Connection | None = None

    def get(self) -> Connection | None:
        """The kept connection (None: take one from the pool, as on a server)."""
        if self.store.dialect != "sqlite":
            return None
        if self._conn is None or self._conn.closed or self._conn.invalidated:
            self._conn = self.store.kept_connection()
        return self._conn

    def drop(self) -> None:
        """Close it (after a failure, or when the station closes); the next command takes a new one."""
        conn, self._conn = self._conn, None
        if conn is not None:
            # A connection that cannot even be closed is dead already: the pool forgets it either way.
            with contextlib.suppress(Exception):
                conn.close()
