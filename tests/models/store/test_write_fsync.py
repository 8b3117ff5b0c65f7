"""A SQLite write may skip its fsync (synchronous=NORMAL) only when asked, and only for that transaction."""

from sqlalchemy import text

from models.store.database import open_store


def _synchronous(conn) -> int:
    return conn.execute(text("PRAGMA synchronous")).scalar_one()


def test_only_the_transaction_that_asks_skips_the_fsync(tmp_path):
    store = open_store(str(tmp_path / "fsync.db"))
    try:
        with store.write_transaction() as conn:
            conn.execute(text("CREATE TABLE scratch (x INTEGER)"))
            assert _synchronous(conn) == 2  # FULL
        with store.write_transaction(fsync=False) as conn:
            conn.execute(text("INSERT INTO scratch VALUES (1)"))
            assert _synchronous(conn) == 1  # NORMAL
        # The same pooled connection (LIFO) goes back to FULL for every other transaction.
        with store.write_transaction() as conn:
            assert _synchronous(conn) == 2
            conn.execute(text("INSERT INTO scratch VALUES (2)"))
        with store.write_session(fsync=False) as session:
            assert _synchronous(session.connection()) == 1
            session.execute(text("INSERT INTO scratch VALUES (3)"))
        with store.read_session() as session:
            assert _synchronous(session.connection()) == 2
    finally:
        store.close()
    reopened = open_store(str(tmp_path / "fsync.db"))
    try:
        with reopened.read_session() as session:
            assert session.scalars(text("SELECT x FROM scratch ORDER BY x")).all() == [1, 2, 3]
    finally:
        reopened.close()


def test_a_failed_transaction_without_fsync_leaves_the_next_synced(tmp_path):
    store = open_store(str(tmp_path / "fsync.db"))
    try:
        try:
            with store.write_transaction(fsync=False) as conn:
                assert _synchronous(conn) == 1
                raise RuntimeError("refused")
        except RuntimeError:
            pass
        with store.write_transaction() as conn:
            assert _synchronous(conn) == 2
    finally:
        store.close()
