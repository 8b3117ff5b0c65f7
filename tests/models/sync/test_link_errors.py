"""Telling a dead link from a refusal, now that the PostgreSQL driver is looked up only once it is loaded."""

import sqlite3
import subprocess
import sys

import psycopg
from sqlalchemy.exc import DBAPIError, IntegrityError

from models.store.errors import StoreUnavailable
from models.sync.link_errors import is_link_failure


def _wrapped(orig: BaseException) -> DBAPIError:
    return DBAPIError("SELECT 1", None, orig)


def test_the_drivers_link_errors_are_link_failures():
    assert is_link_failure(_wrapped(psycopg.OperationalError("server closed the connection unexpectedly")))
    assert is_link_failure(_wrapped(psycopg.InterfaceError("the connection is closed")))
    assert is_link_failure(_wrapped(psycopg.errors.AdminShutdown("terminating connection")))
    assert is_link_failure(StoreUnavailable("upstream: gone")) and is_link_failure(ConnectionResetError())


def test_a_broken_protocol_stream_is_a_link_failure():
    """A link that dropped or garbled bytes desynchronises the driver: psycopg raises its bare DatabaseError, with no
    SQLSTATE. It killed a station process in the chaos test at the engine's first connect (the version query)."""
    assert is_link_failure(_wrapped(psycopg.DatabaseError('lost synchronization with server: got message type "c"')))


def test_a_refusal_by_the_database_is_not():
    assert not is_link_failure(IntegrityError("INSERT", None, psycopg.errors.UniqueViolation("duplicate key")))
    assert not is_link_failure(_wrapped(psycopg.errors.UndefinedTable('relation "ticket" does not exist')))
    assert not is_link_failure(_wrapped(psycopg.errors.RaiseException("counterline: not your visit")))
    assert not is_link_failure(_wrapped(sqlite3.OperationalError("database is locked")))
    assert not is_link_failure(ValueError("not a link at all"))


def test_a_station_without_upstream_does_not_load_the_driver():
    code = (
        "import sys, sqlite3\n"
        "from sqlalchemy.exc import DBAPIError\n"
        "from models.sync.link_errors import is_link_failure\n"
        "import models.sync.upstream, models.station.service\n"
        "assert not is_link_failure(DBAPIError('SELECT 1', None, sqlite3.OperationalError('disk I/O error')))\n"
        "pg = ('psycopg', 'sqlalchemy.dialects.postgresql')\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'psycopg' or m in pg))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
