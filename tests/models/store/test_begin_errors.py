"""BEGIN runs on the driver's cursor, and a refused BEGIN is said as any other statement of the store is."""

import sqlite3

import pytest
from sqlalchemy import text

from models.store.errors import LockedStore, StoreUnavailable

pytestmark = pytest.mark.usefixtures("scratch")


def _quick(store):
    """A kept connection that waits 50 ms, not the store's 10 s, for a lock another program holds."""
    conn = store.engine.connect()
    conn.connection.driver_connection.execute("PRAGMA busy_timeout=50")
    return conn


def test_begin_immediate_takes_the_write_lock(store, store_path):
    outside = sqlite3.connect(store_path, isolation_level=None, timeout=0.05)
    try:
        with store.write_transaction() as conn:
            conn.execute(text("SELECT 1"))  # nothing written yet: the lock was taken at BEGIN
            with pytest.raises(sqlite3.OperationalError, match="locked"):
                outside.execute("BEGIN IMMEDIATE")
    finally:
        outside.close()


def test_a_store_locked_by_another_program_is_named(store, store_path):
    outside = sqlite3.connect(store_path, isolation_level=None)
    outside.execute("BEGIN IMMEDIATE")
    conn = _quick(store)
    try:
        with pytest.raises(LockedStore, match="locked by another program"):
            with store.write_transaction(kept=conn) as inside:
                inside.execute(text("INSERT INTO scratch VALUES (1)"))
    finally:
        conn.close()
        outside.execute("ROLLBACK")
        outside.close()
    with store.write_transaction() as conn:  # the lock gone, the store writes again
        conn.execute(text("INSERT INTO scratch VALUES (2)"))
    with store.read_session() as session:
        assert session.scalars(text("SELECT x FROM scratch")).all() == [2]


def test_any_other_refusal_comes_through_sqlalchemy(store):
    conn = store.engine.connect()
    try:
        conn.connection.driver_connection.execute("BEGIN")  # a transaction SQLAlchemy does not know of
        with pytest.raises(StoreUnavailable, match="within a transaction"):
            with store.write_transaction(kept=conn):
                pass
    finally:
        conn.connection.driver_connection.execute("ROLLBACK")
        conn.close()
