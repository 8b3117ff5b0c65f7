"""The store: an engine on SQLite (WAL, synchronous=FULL, foreign keys) or PostgreSQL, migrated by alembic."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session

from models.location import resolve_url, sqlite_file
from models.sqlite_checks import check_existing_file
from models.store_errors import NewerSchema, StoreError, StoreUnavailable

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def alembic_config(url: URL) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config(make_url("sqlite://")))
    return {rev.revision for rev in script.walk_revisions()}


def _sqlite_pragmas(engine: Engine) -> None:
    @event.listens_for(engine, "connect")
    def on_connect(dbapi_conn, _record) -> None:
        # The driver's own transaction handling is off so that BEGIN is ours to choose.
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA busy_timeout=10000")
        cur.close()

    @event.listens_for(engine, "begin")
    def on_begin(conn) -> None:
        mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


class Store:
    """One database: engine, migrations and sessions. Services open one session per command."""

    def __init__(self, url: URL, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self.dialect = engine.dialect.name

    @property
    def label(self) -> str:
        path = sqlite_file(self.url)
        return str(path) if path else self.url.render_as_string(hide_password=True)

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        with Session(self.engine, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write_session(self, lock_key: str | None = None) -> Iterator[Session]:
        """One write transaction, committed on success, rolled back on any error.

        SQLite takes the write lock at BEGIN (IMMEDIATE), so two stations never
        both read the queue and then both claim from it. On PostgreSQL a
        ``lock_key`` (the branch id) serialises the commands of that branch with a
        transaction-scoped advisory lock, and a NOTIFY on the channel
        ``counterline`` (payload: the key) tells listeners when the transaction commits.
        """
        with self.engine.connect() as conn:
            if self.dialect == "sqlite":
                conn = conn.execution_options(sqlite_begin="IMMEDIATE")
            with Session(bind=conn, expire_on_commit=False) as session:
                try:
                    with session.begin():
                        if lock_key is not None and self.dialect == "postgresql":
                            session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": lock_key})
                        yield session
                        if lock_key is not None and self.dialect == "postgresql":
                            session.execute(text("SELECT pg_notify('counterline', :k)"), {"k": lock_key})
                except OperationalError as exc:
                    raise _unavailable(self, exc) from exc

    def upgrade(self) -> None:
        cfg = alembic_config(self.url)
        with self.engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")

    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            return MigrationContext.configure(conn).get_current_revision()

    def close(self) -> None:
        self.engine.dispose()


def _unavailable(store: Store, exc: DBAPIError) -> StoreError:
    return StoreUnavailable(f"{store.label}: {str(exc.orig).strip() or type(exc.orig).__name__}")


def check_server_revision(store: Store) -> None:
    """Refuse a server database written by a newer Counterline, as the SQLite checks refuse a newer file."""
    try:
        revision = store.current_revision()
    except OperationalError as exc:
        store.close()
        raise _unavailable(store, exc) from exc
    if revision is not None and revision not in known_revisions():
        store.close()
        raise NewerSchema(
            f"{store.label}: written by a newer Counterline (schema {revision}); update Counterline to open it"
        )


def open_store(db: str | URL | None = None, upgrade: bool = True) -> Store:
    """Open (and by default create or migrate) the store at ``db``.

    A file that is not a Counterline store, is damaged, or comes from a newer
    schema raises a StoreError naming it, and is not modified.
    """
    url = db if isinstance(db, URL) else resolve_url(db)
    path = sqlite_file(url)
    if path is not None:
        check_existing_file(path, known_revisions())
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10})
        _sqlite_pragmas(engine)
    else:
        engine = create_engine(url, pool_pre_ping=True)
    store = Store(url, engine)
    if path is None:
        check_server_revision(store)
    if upgrade:
        try:
            store.upgrade()
        except OperationalError as exc:
            store.close()
            raise _unavailable(store, exc) from exc
    return store
