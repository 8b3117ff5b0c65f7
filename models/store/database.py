"""The store: an engine on SQLite (WAL, synchronous=FULL, foreign keys) or PostgreSQL, migrated by alembic."""

from __future__ import annotations

import functools
import re
import sqlite3
import weakref
from collections.abc import Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext, suppress
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError, OperationalError
from sqlalchemy.orm import Session

from models.store.after_commit import drop_after_commit, run_after_commit
from models.store.deadline import ConnectionWatch
from models.store.errors import NewerSchema, StoreError, StoreUnavailable
from models.store.location import default_path, resolve_url, sqlite_file
from models.store.schema import import_all_tables
from models.store.sqlite_checks import check_existing_file, check_location, sqlite_problem
from queueing.core.errors import ConfigError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parents[1] / "migrations"


def alembic_config(url: URL) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


# alembic (with its dialect modules) takes most of a second to import. A station opening a store that is
# already at the head needs none of it: the revisions are read from the migration files' own lines, and
# alembic is loaded only to migrate.
_REVISION_LINE = re.compile(r"""^(down_revision|revision)\s*=\s*(?:['"]([^'"]+)['"]|None)\s*$""", re.MULTILINE)


@functools.cache
def _revisions() -> dict[str, str | None]:
    """Every migration's revision and the one before it, from the files in migrations/versions."""
    found: dict[str, str | None] = {}
    for script in sorted((MIGRATIONS / "versions").glob("*.py")):
        lines = {key: value for key, value in _REVISION_LINE.findall(script.read_text(encoding="utf-8"))}
        if "revision" in lines:
            found[lines["revision"]] = lines.get("down_revision") or None
    return found


def known_revisions() -> set[str]:
    return set(_revisions())


def head_revision() -> str:
    """The schema revision this version of Counterline migrates to."""
    revisions = _revisions()
    (head,) = set(revisions) - {down for down in revisions.values() if down}
    return head


_SYNCHRONOUS = "counterline.synchronous"  # the pooled connection's current PRAGMA synchronous


# The PostgreSQL advisory lock a schema upgrade holds ("cl", 1).
MIGRATION_LOCK = (0x636C, 1)


def _check_references(conn: Connection, label: str) -> None:
    """Refuse to commit an upgrade that would leave a row pointing at one that does not exist (SQLite checks
    foreign keys only at this request while a migration runs with them off)."""
    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
    if broken:
        tables = sorted({f"{row[0]} -> {row[2]}" for row in broken})
        raise StoreError(
            f"{label}: upgrading the schema would leave {len(broken)} row(s) pointing at rows that do not exist "
            f"({', '.join(tables)}); the store was left as it was"
        )


def _sqlite_pragmas(engine: Engine, path: Path) -> None:
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
        options = conn.get_execution_options()
        # synchronous is the connection's, read at COMMIT: set before every transaction that differs from the last.
        wanted = "NORMAL" if options.get("sqlite_no_fsync") else "FULL"
        pooled = conn.connection
        if pooled.info.get(_SYNCHRONOUS, "FULL") != wanted:
            pooled.driver_connection.execute(f"PRAGMA synchronous={wanted}")
            pooled.info[_SYNCHRONOUS] = wanted
        begin = f"BEGIN {options.get('sqlite_begin', 'DEFERRED')}"
        try:
            # On the driver's cursor: through exec_driver_sql this one statement cost a command more than
            # SQLite's own work for it. A refusal is said as any other statement's is (the store's file errors).
            pooled.driver_connection.execute(begin)
        except sqlite3.Error as exc:
            raise (_file_trouble(path, exc) or DBAPIError.instance(begin, (), exc, sqlite3.Error)) from exc


# What SQLite says about the file itself (not about a query): turned into the store's one-line errors.
_FILE_TROUBLE = ("malformed", "not a database", "disk i/o", "locked", "readonly", "unable to open")


def _file_trouble(path: Path, error: BaseException) -> StoreError | None:
    if isinstance(error, sqlite3.DatabaseError) and any(t in str(error).lower() for t in _FILE_TROUBLE):
        return sqlite_problem(path, error)
    return None


def _sqlite_file_errors(engine: Engine, path: Path) -> None:
    # A large file is checked in full only by `db check`: damage met later by any query is said the same way.
    @event.listens_for(engine, "handle_error")
    def on_error(context) -> StoreError | None:
        return _file_trouble(path, context.original_exception)


class Store:
    """One database: engine, migrations and sessions. Services open one session per command."""

    def __init__(self, url: URL, engine: Engine) -> None:
        self.url = url
        self.engine = engine
        self.dialect = engine.dialect.name
        self._kept: weakref.WeakSet[Connection] = weakref.WeakSet()  # see kept_connection
        # A read sees one moment however many statements it takes: the state is loaded as projections plus the
        # journal position they reflect, and under READ COMMITTED a command committed between those statements
        # was in one and not the other (then applied twice by the catch-up). SQLite's read transaction (our
        # BEGIN DEFERRED) is a snapshot already; a read-only REPEATABLE READ one never fails to serialise.
        self._reader = (
            engine.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
            if self.dialect == "postgresql"
            else engine
        )
        # Which connection each thread holds, so that ``deadline`` can cut a silent one (SQLite has no link to lose).
        self.watch: ConnectionWatch | None = ConnectionWatch(engine) if self.dialect == "postgresql" else None

    def deadline(self, seconds: float) -> AbstractContextManager[object]:
        """Run the block; on a database server, cut it with ``DeadlineExceeded`` if it has not answered after
        ``seconds``. A silent link otherwise waits for the kernel's TCP retransmissions, about 15 minutes."""
        return self.watch.deadline(seconds) if self.watch is not None else nullcontext()

    @property
    def label(self) -> str:
        path = sqlite_file(self.url)
        return str(path) if path else self.url.render_as_string(hide_password=True)

    @contextmanager
    def read_session(self) -> Iterator[Session]:
        """A session for reads only, on one snapshot of the store (see ``_reader``)."""
        with Session(self._reader, expire_on_commit=False) as session:
            yield session

    @contextmanager
    def write_session(self, lock_key: str | None = None, fsync: bool = True) -> Iterator[Session]:
        """One write transaction, committed on success, rolled back on any error.

        SQLite takes the write lock at BEGIN (IMMEDIATE), so two stations never
        both read the queue and then both claim from it. On PostgreSQL a
        ``lock_key`` (the branch id) serialises the commands of that branch with a
        transaction-scoped advisory lock. ``fsync``: see ``write_transaction``.
        """
        # The session joins write_transaction's transaction: one place takes the lock and names a dead store.
        with (
            self.write_transaction(lock_key, fsync) as conn,
            Session(bind=conn, expire_on_commit=False) as session,
            session.begin(),
        ):
            yield session

    @contextmanager
    def write_transaction(
        self, lock_key: str | None = None, fsync: bool = True, kept: Connection | None = None
    ) -> Iterator[Connection]:
        """``write_session`` on a Core connection: a command's few cached statements need none of the ORM
        session's bookkeeping, which cost it more than its SQL.

        ``fsync=False`` (SQLite): the COMMIT does not wait for the disk (synchronous=NORMAL). Only for a
        write whose loss at a power cut is recovered from what an earlier, synced write kept: it still
        survives a crash of the program, it is all or nothing, and the next synced COMMIT makes it
        durable with its own.

        ``kept``: a connection its caller keeps between its transactions (a station's commands), used
        instead of one from the pool and left open; after a failure the caller closes it.
        """
        with self.engine.connect() if kept is None else nullcontext(kept) as conn:
            if self.dialect == "sqlite":
                options = conn.get_execution_options()
                # Set on the connection only when they differ: a kept one keeps what its last command set.
                if options.get("sqlite_begin") != "IMMEDIATE" or options.get("sqlite_no_fsync", False) == fsync:
                    conn = conn.execution_options(sqlite_begin="IMMEDIATE", sqlite_no_fsync=not fsync)
            drop_after_commit(conn)  # left by a transaction on this pooled connection that did not come here
            try:
                with conn.begin():
                    if lock_key is not None and self.dialect == "postgresql":
                        conn.execute(text("SELECT pg_advisory_xact_lock(hashtext(:k))"), {"k": lock_key})
                    yield conn
            except OperationalError as exc:
                drop_after_commit(conn)
                raise _unavailable(self, exc) from exc
            except BaseException:
                drop_after_commit(conn)
                raise
            run_after_commit(conn)  # the COMMIT has returned (models/store/after_commit.py)

    def upgrade(self) -> None:
        if self.current_revision() == head_revision():
            # Nothing to migrate: every table module is still registered, as the migration environment would.
            import_all_tables()
            return
        with self.engine.connect() as conn:
            if self.dialect != "sqlite":
                self._migrate(conn)
                return
            # A migration that rebuilds a table (batch_alter_table: copy, DROP, rename) must not have SQLite
            # enforce foreign keys meanwhile: the DROP of a parent deletes its rows first, and a child row that
            # points at one failed the upgrade for good (0013 on a branch whose customers hold anything). The
            # PRAGMA is a no-op inside a transaction, so it is set on the driver's connection before BEGIN, and
            # the references are checked before the COMMIT instead (_migrate).
            driver: sqlite3.Connection = conn.connection.driver_connection  # type: ignore[assignment]
            driver.execute("PRAGMA foreign_keys=OFF")
            try:
                # IMMEDIATE: a second program upgrading the same file waits for this one, then finds it done.
                self._migrate(conn.execution_options(sqlite_begin="IMMEDIATE"))
            finally:
                driver.execute("PRAGMA foreign_keys=ON")

    def _migrate(self, conn: Connection) -> None:
        from alembic import command

        cfg = alembic_config(self.url)
        with conn.begin():
            if self.dialect == "postgresql":
                # Two stations started after an update both found the store behind; the second then failed on
                # the first's columns. Under this lock the second reads the revision again once the first is
                # done, and finds nothing to do. Two keys: apart from the branches' one-key locks.
                first, second = MIGRATION_LOCK
                conn.execute(text("SELECT pg_advisory_xact_lock(:a, :b)"), {"a": first, "b": second})
                # A station's connections carry short timeouts (to notice a dead link); a migration is an
                # administrator's step on a live server and may pause between statements on a busy machine.
                conn.execute(text("SET LOCAL idle_in_transaction_session_timeout = 0"))
                conn.execute(text("SET LOCAL statement_timeout = 0"))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            if self.dialect == "sqlite":
                _check_references(conn, self.label)

    def current_revision(self) -> str | None:
        with self.engine.connect() as conn:
            if not inspect(conn).has_table("alembic_version"):
                return None
            versions = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
        if len(versions) > 1:
            raise StoreError(f"{self.label}: the schema is on several revisions at once ({', '.join(versions)})")
        return versions[0] if versions else None

    def kept_connection(self) -> Connection:
        """A connection its caller keeps between transactions (``write_transaction(kept=...)``), which ``close``
        closes as it closes the pool's: a file closed by its last connection has its journal written back into it
        (a copy of it taken then is whole)."""
        conn = self.engine.connect()
        self._kept.add(conn)
        return conn

    def close(self) -> None:
        for conn in list(self._kept):
            with suppress(Exception):  # one already dead is closed as far as it can be
                conn.close()
        self.engine.dispose()


def _unavailable(store: Store, exc: DBAPIError) -> StoreError:
    return StoreUnavailable(f"{store.label}: {driver_line(exc.orig)}")


def driver_line(error: BaseException | None) -> str:
    """A driver's message in one line: libpq puts its hint on a line of its own ("\n\tIs the server running ...")."""
    text = " ".join(line.strip() for line in str(error).splitlines() if line.strip())
    return text or type(error).__name__


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


def open_store(db: str | URL | None = None, upgrade: bool = True, full_check: bool | None = None) -> Store:
    """Open (and by default create or migrate) the store at ``db``.

    A file that is not a Counterline store, is damaged, locked, read-only or comes from a newer
    schema raises a StoreError naming it, and is not modified. Only the default location's folder
    is created; a path into a missing folder is refused. ``full_check`` reads every page of a
    SQLite file (by default only files below 64 MB are read in full at open).
    """
    url = db if isinstance(db, URL) else resolve_url(db)
    path = sqlite_file(url)
    if path is not None:
        check_location(path, may_create_folder=path == default_path())
        check_existing_file(path, known_revisions(), full=full_check)
        # LIFO: a station's commands take back the connection its last command used, where its marks are
        # (models.store.write_marks), instead of going round every connection the pool ever opened.
        engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 10}, pool_use_lifo=True)
        _sqlite_pragmas(engine, path)
        _sqlite_file_errors(engine, path)
    else:
        engine = server_engine(url)
    store = Store(url, engine)
    if path is None:
        check_server_revision(store)
    if upgrade:
        try:
            store.upgrade()
        except OperationalError as exc:
            store.close()
            raise (sqlite_problem(path, exc.orig or exc) if path else _unavailable(store, exc)) from exc
        except ConfigError:  # a migration that needs a key this PC lacks (0013 seals the customers)
            store.close()
            raise
    return store


# libpq's own checks of the link, for every role that opens the server's store (the station's upstream has
# tighter ones, models.sync.pg_upstream): a pulled cable fails a call in seconds instead of after the kernel's
# TCP retransmissions (about 15 minutes). Keepalives are answered by the server's kernel, so a long report query
# is not cut; tcp_user_timeout only counts data sent and not acknowledged.
_LINK_CHECKS: dict[str, object] = {
    "connect_timeout": 5,
    "keepalives": 1,
    "keepalives_idle": 5,
    "keepalives_interval": 2,
    "keepalives_count": 3,
    "tcp_user_timeout": 10_000,
}


# Moments come back from timestamptz columns in the session's time zone, which is the server's own unless set:
# a server in Pago Pago handed the program moments in Pago Pago time. They are the same instants, but a moment
# kept as it came (a station's saved base, models.branch.state_codec) is refused outside UTC. UTC, as the store
# writes them (models.store.utc_datetime), on every server session; the SQL functions name their zones.
SESSION_OPTIONS = "-c TimeZone=UTC"


def _link_checks(url: URL) -> dict[str, object]:
    """The checks above and the session's time zone, where the URL does not set its own."""
    if url.get_backend_name() != "postgresql":
        return {}
    wanted = {**_LINK_CHECKS, "options": SESSION_OPTIONS}
    return {name: value for name, value in wanted.items() if name not in url.query}


def server_engine(url: URL) -> Engine:
    """An engine for a database server URL; a URL no installed driver serves is refused in one line."""
    try:
        return create_engine(url, pool_pre_ping=True, connect_args=_link_checks(url))
    except (NoSuchModuleError, ArgumentError, ImportError) as exc:
        shown = url.render_as_string(hide_password=True)
        raise StoreError(
            f"{shown}: not a database Counterline can open ({exc}); "
            "give a file path, sqlite:///PATH or postgresql+psycopg://USER@HOST/DB"
        ) from None
