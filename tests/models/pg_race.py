"""Two PCs at one moment on PostgreSQL: another PC's whole call run at a chosen point of this one's transaction.

``competitor_after(engine, part, action)`` runs ``action`` (the other PC's call, on its own store) in a thread
just after this engine's first statement naming ``part`` has run, and lets this transaction go on once the
other call has finished or is waiting for a lock this transaction holds (a row lock, an advisory lock). So the
interleaving is chosen, not hoped for: without a lock the other call commits between this one's read and its
write; with one it waits, and finishes after this transaction ends. ``race.join()`` then gives its outcome.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, create_engine, event, func, select, text
from sqlalchemy.pool import NullPool

LOCK_WAITS = (
    "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'"
)


@dataclass
class Race:
    fired: bool = False
    blocked: bool = False  # the other call waited for this transaction's lock
    result: Any = None
    error: BaseException | None = None
    thread: threading.Thread | None = field(default=None, repr=False)

    def join(self, timeout: float = 60) -> Race:
        assert self.fired, "the statement the other call waits for never ran"
        assert self.thread is not None
        self.thread.join(timeout)
        assert not self.thread.is_alive(), "the other call never finished"
        return self


def competitor_after(engine: Engine, statement_part: str, action: Callable[[], Any], timeout: float = 60) -> Race:
    race = Race()
    probe = create_engine(engine.url, poolclass=NullPool)

    def run() -> None:
        try:
            race.result = action()
        except BaseException as exc:  # handed to the test
            race.error = exc

    def after(_conn, _cursor, statement, *_rest) -> None:
        if race.fired or statement_part not in statement:
            return
        race.fired = True
        race.thread = threading.Thread(target=run, daemon=True)
        race.thread.start()
        deadline = time.monotonic() + timeout
        with probe.connect() as conn:
            while race.thread.is_alive() and time.monotonic() < deadline:
                if conn.execute(text(LOCK_WAITS)).scalar_one():
                    race.blocked = True
                    return
                conn.rollback()
                time.sleep(0.01)

    event.listen(engine, "after_cursor_execute", after)
    return race


def one_stands(race: Race, mine: Callable[[], Any], refusal: type[BaseException]) -> Any:
    """Run this PC's call (the race's other call starts inside it), then wait for the other: exactly one of the
    two is refused with ``refusal``, and the result of the one that stood is returned."""
    outcomes: list[Any] = []
    try:
        outcomes.append(mine())
    except refusal as exc:
        outcomes.append(exc)
    race.join()
    outcomes.append(race.error or race.result)
    assert sum(isinstance(o, refusal) for o in outcomes) == 1, outcomes
    (stood,) = (o for o in outcomes if not isinstance(o, BaseException))
    return stood


def audit_entries(store, action: str) -> int:
    """How many entries of ``action`` the store's audit log holds."""
    from models.audit.log import AuditLogRow

    with store.read_session() as session:
        return int(session.scalar(select(func.count()).select_from(AuditLogRow).where(AuditLogRow.action == action)))
