"""Work that must follow a write transaction's COMMIT and never precede it.

``Store.write_session`` joins its ORM session to ``write_transaction``'s Core transaction, so the
session's own ``after_commit`` fires when the session is done, before the connection's COMMIT has
been sent: a COMMIT that then fails (the link dies, the disk refuses) would leave behind whatever
that hook did for rows that were never stored. Such work is queued on the connection here instead,
and ``write_transaction`` runs it once the COMMIT has returned, or drops it when the transaction
ends any other way.

The queue lives in the connection's ``info``, which follows the DBAPI connection back into the
pool: ``write_transaction`` empties it when a transaction begins as well as when one ends.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any

from sqlalchemy import Connection

_KEY = "counterline_after_commit"


def pending_after_commit(conn: Connection, key: Hashable, run: Callable[[dict[Any, Any]], None]) -> dict[Any, Any]:
    """A dict that lives as long as ``conn``'s write transaction; ``run(it)`` once that transaction committed."""
    jobs = conn.info.setdefault(_KEY, {})
    return jobs.setdefault(key, (run, {}))[1]


def drop_after_commit(conn: Connection) -> None:
    # An invalidated connection (a dead link) leaves with its DBAPI connection and its info; asking for
    # its info would reconnect first, and wait out the connect timeout on a silent link.
    if not conn.invalidated and not conn.closed:
        conn.info.pop(_KEY, None)


def run_after_commit(conn: Connection) -> None:
    for run, data in conn.info.pop(_KEY, {}).values():
        run(data)
