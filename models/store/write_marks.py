"""Whether a SQLite file changed since a holder's last write through a pooled connection, without reading it.

A station catches up with the journal before every command. Most of the time nobody else wrote
since its own last command, and the catch-up query finds nothing. SQLite says so for free:
``PRAGMA data_version`` on a connection changes when any *other* connection (of this process or
another) commits, and the connection's ``total_changes`` counts every row this connection itself changed,
whoever used it (the pool hands the same connection to other services too). A holder notes both,
inside its write transaction, on the connection it wrote through; when its next write
transaction finds both unchanged on that connection, the file is as the holder left it.

Anything else (another connection, a connection the holder never wrote through, a rolled-back
write, PostgreSQL) reads as "changed": the caller then catches up as before.
"""

from __future__ import annotations

import itertools
import sqlite3
from dataclasses import dataclass

from sqlalchemy import Connection

# The marks live in the pooled DBAPI connection's own info dictionary, so they die with it.
_INFO_KEY = "counterline.write_marks"
_HOLDERS = itertools.count(1)  # never reused, unlike id()
_MOST_HOLDERS = 64  # a connection's marks are forgotten past this many holders (each is tiny)


@dataclass(frozen=True)
class Seen:
    """What a holder saw on a connection at the start of a write transaction."""

    marks: dict[int, tuple[int, int]] | None  # the connection's marks (None: not SQLite, nothing kept)
    data_version: int
    unchanged: bool


class WriteMarks:
    """One holder's marks (a station's BranchService): look at the start of a write, note before COMMIT."""

    def __init__(self) -> None:
        self._holder = next(_HOLDERS)

    def forget(self) -> None:
        """Make every mark kept so far read as changed (the holder's state was rebuilt)."""
        self._holder = next(_HOLDERS)

    def look(self, conn: Connection) -> Seen:
        """Inside a write transaction that holds the file's write lock (BEGIN IMMEDIATE)."""
        if conn.dialect.name != "sqlite":
            return Seen(None, 0, False)
        driver = _driver(conn)
        (data_version,) = driver.execute("PRAGMA data_version").fetchone()
        marks: dict[int, tuple[int, int]] = conn.info.setdefault(_INFO_KEY, {})
        return Seen(marks, data_version, marks.get(self._holder) == (data_version, driver.total_changes))

    def note(self, conn: Connection, seen: Seen) -> tuple[dict[int, tuple[int, int]], tuple[int, int]] | None:
        """The mark to keep once the transaction commits (read now, after this holder's own writes).

        data_version cannot have moved since ``look``: the write lock keeps every other connection out.
        """
        if seen.marks is None:
            return None
        return seen.marks, (seen.data_version, _driver(conn).total_changes)

    def keep(self, noted: tuple[dict[int, tuple[int, int]], tuple[int, int]] | None) -> None:
        """After COMMIT succeeded: the file is now as this holder left it, through that connection."""
        if noted is None:
            return
        marks, mark = noted
        if len(marks) >= _MOST_HOLDERS and self._holder not in marks:
            marks.clear()
        marks[self._holder] = mark


def _driver(conn: Connection) -> sqlite3.Connection:
    # Two counters read a few thousand times a day: through the driver they cost a microsecond, where a
    # statement through SQLAlchemy costs tens (this module is the SQLite adapter's, like the connect pragmas).
    return conn.connection.driver_connection  # type: ignore[return-value]
