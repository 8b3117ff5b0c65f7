"""Telling a dead or silent link to upstream from a refusal by the database."""

from __future__ import annotations

import sys

from sqlalchemy.exc import DBAPIError

from models.store.deadline import DeadlineExceeded
from models.store.errors import StoreUnavailable


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
        return isinstance(exc.orig, _link_errors()) or _stream_broken(exc.orig)
    return isinstance(exc, OSError)


def _stream_broken(orig: BaseException | None) -> bool:
    """A driver error the client raised itself, with no SQLSTATE from the server: the protocol stream broke (a link
    that dropped or garbled bytes: psycopg's "lost synchronization with server"), so the connection is unusable.
    A refusal by the database always carries its SQLSTATE."""
    psycopg = sys.modules.get("psycopg")
    return psycopg is not None and type(orig) is psycopg.DatabaseError and getattr(orig, "sqlstate", None) is None


def failure_line(exc: BaseException) -> str:
    """Why something failed, in one line (a driver's message runs over several)."""
    return f"{type(exc).__name__}: {exc}".splitlines()[0]


# SQLSTATEs (besides class 08, connection exceptions) of a server that went away or ended the session itself.
_SERVER_GONE = frozenset({"57P01", "57P02", "57P03", "25P03"})


def lost_link_line(exc: BaseException) -> str | None:
    """The one line for a command whose database server went away under a query (None for any other error).

    A server that cannot be reached at the start is a StoreUnavailable; one that dies or whose link drops once
    the command runs reaches the caller as the driver's error, which is no fault of Counterline's either.
    """
    if not isinstance(exc, DBAPIError) or not is_link_failure(exc):
        return None
    from models.store.database import driver_line

    state = getattr(exc.orig, "sqlstate", None)
    if state and not state.startswith("08") and state not in _SERVER_GONE:
        # psycopg files the server's own refusals (a full disk, a deadlock, a statement timeout) under
        # OperationalError as it does a dropped link: the server answered, so the network is not to blame.
        return (
            f"the database server refused the command ({driver_line(exc.orig)}); what it had not committed is not "
            "in the store: see to the server (its log says more), then run it again"
        )
    return (
        f"the link to the database server dropped during the command ({driver_line(exc.orig)}); "
        "what it had not committed is not in the store (a cut at its very end may have saved it): "
        "check, then run it again"
    )
