"""The marks that let a command skip its catch-up query: they must never say "unchanged" after another write."""

import sqlite3

import pytest
from sqlalchemy import text

from models.store.database import open_store
from models.store.write_marks import WriteMarks

pytestmark = pytest.mark.usefixtures("scratch")


def _write(store, marks, value=1):
    """One write transaction of ``marks``' holder; returns whether it found the file unchanged."""
    with store.write_transaction() as conn:
        seen = marks.look(conn)
        conn.execute(text("INSERT INTO scratch VALUES (:x)"), {"x": value})
        noted = marks.note(conn, seen)
    marks.keep(noted)
    return seen.unchanged


def test_unchanged_only_after_the_holders_own_commit(store):
    marks = WriteMarks()
    assert not _write(store, marks)  # nothing noted yet
    assert _write(store, marks)
    assert _write(store, marks)


def test_another_store_on_the_same_file_is_seen(store, store_path):
    marks = WriteMarks()
    _write(store, marks)
    other = open_store(str(store_path))  # its own engine and connections, as another station's process has
    try:
        _write(other, WriteMarks())
    finally:
        other.close()
    assert not _write(store, marks)
    assert _write(store, marks)


def test_a_plain_connection_from_outside_is_seen(store, store_path):
    marks = WriteMarks()
    _write(store, marks)
    outside = sqlite3.connect(store_path, isolation_level=None)
    outside.execute("INSERT INTO scratch VALUES (2)")
    outside.close()
    assert not _write(store, marks)


def test_another_holder_on_the_same_pooled_connection_is_seen(store):
    # Same store, same pool: the connection's data_version does not move for its own writes, its
    # total_changes does.
    mine, theirs = WriteMarks(), WriteMarks()
    _write(store, mine)
    _write(store, theirs)
    assert not _write(store, mine)


def test_a_plain_session_write_on_the_pooled_connection_is_seen(store):
    marks = WriteMarks()
    _write(store, marks)
    with store.write_session() as session:  # another service of this process, through the ORM session
        session.execute(text("INSERT INTO scratch VALUES (3)"))
    assert not _write(store, marks)


def test_a_rolled_back_write_keeps_no_mark(store):
    marks = WriteMarks()
    _write(store, marks)
    with pytest.raises(RuntimeError), store.write_transaction() as conn:
        seen = marks.look(conn)
        assert seen.unchanged
        conn.execute(text("INSERT INTO scratch VALUES (4)"))
        marks.note(conn, seen)
        raise RuntimeError("pulled out before COMMIT")
    assert not _write(store, marks)


def test_forget_drops_every_mark(store):
    marks = WriteMarks()
    _write(store, marks)
    marks.forget()
    assert not _write(store, marks)
    assert _write(store, marks)


def test_reads_do_not_count_as_changes(store):
    marks = WriteMarks()
    _write(store, marks)
    with store.read_session() as session:
        session.execute(text("SELECT count(*) FROM scratch")).scalar()
    assert _write(store, marks)
