import sqlite3

import pytest

from models.store.database import open_store
from models.store.errors import CorruptStore, NewerSchema, NotAStore


def test_new_store_uses_wal_and_full_sync(tmp_path):
    store = open_store(str(tmp_path / "s.db"))
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert store.current_revision() is not None
    store.close()


def test_not_a_database_is_refused_and_untouched(tmp_path):
    path = tmp_path / "notes.db"
    path.write_bytes(b"hello, these are my notes" * 100)
    before = path.read_bytes()
    with pytest.raises(NotAStore, match="notes.db.*not a SQLite database"):
        open_store(str(path))
    assert path.read_bytes() == before


def test_foreign_sqlite_database_is_refused(tmp_path):
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE invoices (id INTEGER)")
    before = path.read_bytes()
    with pytest.raises(NotAStore, match="not a Counterline store"):
        open_store(str(path))
    assert path.read_bytes() == before


def test_corrupt_file_is_refused_and_untouched(tmp_path):
    path = tmp_path / "s.db"
    open_store(str(path)).close()
    data = bytearray(path.read_bytes())
    # Keep the header, overwrite the schema page.
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    for suffix in ("-wal", "-shm"):
        (tmp_path / f"s.db{suffix}").unlink(missing_ok=True)
    before = path.read_bytes()
    with pytest.raises(CorruptStore, match="s.db.*damaged"):
        open_store(str(path))
    assert path.read_bytes() == before


def test_newer_schema_is_refused(tmp_path):
    path = tmp_path / "s.db"
    open_store(str(path)).close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_future'")
    before = path.read_bytes()
    with pytest.raises(NewerSchema, match="newer Counterline"):
        open_store(str(path))
    assert path.read_bytes() == before


def test_db_url_from_environment(tmp_path, monkeypatch):
    from models.store.location import resolve_url

    monkeypatch.setenv("COUNTERLINE_DB", str(tmp_path / "env.db"))
    assert resolve_url(None).database == str(tmp_path / "env.db")
    assert resolve_url("postgresql+psycopg://u@h/db").get_backend_name() == "postgresql"


def test_db_check_reads_every_page_of_a_large_file(tmp_path, monkeypatch, capsys):
    import models.store.sqlite_checks as checks
    from main import main

    path = tmp_path / "s.db"
    open_store(str(path)).close()
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    # Pretend the file is large: the open skips the page scan, `db check` does not.
    monkeypatch.setattr(checks, "FULL_CHECK_BELOW_BYTES", 0)
    assert main(["--db", str(path), "db", "check"]) == 2
    assert "damaged" in capsys.readouterr().err
