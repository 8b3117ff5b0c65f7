"""Telling a dead or silent link to upstream from a refusal by the database."""

from __future__ import annotations

import sys

from sqlalchemy.exc import DBAPIError

from models.store.errors import StoreUnavailable
from models.sync.pg_deadline import DeadlineExceeded


def _link_errors() -> tuple[type[BaseException], ...]:
    """Driver errors that mean the link or the session is gone (the server ends a silent client's transaction too).

    Looked up in the driver only once it is loaded: an error of it cannot exist before, and a station on its own
    SQLite file is spared importing it (a seventh of a second at start-up).
    """
    psycopg = sys.modules.get("psycopg")
    if psycopg is None:
        return ()
    return (
        psycopg.OperationalError,
        psycopg.InterfaceError,
        psycopg.errors.IdleInTransactionSessionTimeout,
        psycopg.errors.AdminShutdown,
    )


def is_link_failure(exc: BaseException) -> bool:
    """Whether ``exc`` says the link to upstream is down or silent (not a refusal by the database)."""
    if isinstance(exc, (DeadlineExceeded, StoreUnavailable)):
        return True
    if isinstance(exc, DBAPIError):
        return isinstance(exc.orig, _link_errors())
    return isinstance(exc, OSError)


def failure_line(exc: BaseException) -> str:
    """Why something failed, in one line (a driver's message runs over several)."""
    return f"{type(exc).__name__}: {exc}".splitlines()[0]
