"""Opening the upstream store: a SQLite file on this PC, or PostgreSQL through psycopg 3 with deadlines."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import create_engine
from sqlalchemy.engine import URL
from sqlalchemy.exc import DBAPIError

from models.store.database import SESSION_OPTIONS, Store, check_server_revision, driver_line, open_store
from models.store.errors import StoreUnavailable
from models.store.location import resolve_url, sqlite_file


@dataclass(frozen=True)
class Deadlines:
    """How long upstream may take before the station works offline (detection within 3 s)."""

    connect_s: int = 2  # libpq's connect_timeout (whole seconds, at least 2)
    statement_ms: int = 2000  # the server cancels a statement (a lock wait included) after this
    idle_in_transaction_ms: int = 2000  # the server ends a transaction whose client went silent, freeing its locks
    # Our own deadline on one upstream call, for a silent connection: it leaves 0.8 s of the 3 s for the
    # offline write on a busy disk (2.5 s left 0.5 s, and a loaded test run needed 0.6 s).
    call_s: float = 2.2


def is_postgres(url: URL) -> bool:
    return url.get_backend_name() == "postgresql"


def _pg_connect_args(deadlines: Deadlines) -> dict[str, object]:
    options = (
        f"-c statement_timeout={deadlines.statement_ms} "
        f"-c idle_in_transaction_session_timeout={deadlines.idle_in_transaction_ms} {SESSION_OPTIONS}"
    )
    return {
        "connect_timeout": deadlines.connect_s,
        "options": options,
        # Where the platform supports them these help too; the deadline above does not depend on them.
        "keepalives": 1,
        "keepalives_idle": 2,
        "keepalives_interval": 1,
        "keepalives_count": 2,
        "tcp_user_timeout": int(deadlines.call_s * 1000),
        "application_name": "counterline",
    }


def make_upstream(db: str | URL | None, deadlines: Deadlines = Deadlines()) -> Store:
    """The upstream store object, without touching the server yet (a station may start offline)."""
    url = db if isinstance(db, URL) else resolve_url(db)
    if not is_postgres(url) or sqlite_file(url) is not None:
        return open_store(url, upgrade=False)
    engine = create_engine(url, connect_args=_pg_connect_args(deadlines), pool_size=2, max_overflow=4)
    return Store(url, engine)  # on PostgreSQL its calls can be cut by a deadline (Store.deadline)


def prepare_upstream(store: Store, upgrade: bool = True) -> None:
    """Refuse a newer schema, then migrate to this version's (raises StoreUnavailable when unreachable)."""
    check_server_revision(store)
    if upgrade:
        try:
            store.upgrade()
        except DBAPIError as exc:
            raise StoreUnavailable(f"{store.label}: {driver_line(exc.orig)}") from exc


def open_upstream(db: str | URL | None, deadlines: Deadlines = Deadlines(), upgrade: bool = True) -> Store:
    """The store that stations share. PostgreSQL gets deadlines; a SQLite file opens as usual."""
    store = make_upstream(db, deadlines)
    try:
        prepare_upstream(store, upgrade)
    except Exception:
        store.close()
        raise
    return store
