"""Misplaced, read-only, locked and damaged store files: each gets its own one line, nothing is created or lost."""

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from missing_tool import needs

import models.store.sqlite_checks as checks
from main import main
from models.store.database import open_store
from models.store.errors import LockedStore, MissingFolder, StoreError

ROOT = Path(__file__).resolve().parents[3]


def _one_line(err: str) -> str:
    assert "Traceback" not in err and err.count("\n") == 1, err
    return err


def test_a_store_in_a_missing_folder_is_refused_and_nothing_is_created(tmp_path, capsys):
    mistyped = tmp_path / "brnach" / "store.db"
    with pytest.raises(MissingFolder, match="brnach does not exist"):
        open_store(str(mistyped))
    assert not mistyped.parent.exists()
    code = main(["--db", str(mistyped), "report", "service", "--from", "2026-11-01", "--to", "2026-11-30",
                 "--out", str(tmp_path / "r.csv")])  # fmt: skip
    assert code == 2 and "does not exist" in _one_line(capsys.readouterr().err)
    assert not mistyped.parent.exists() and not (tmp_path / "r.csv").exists()


def test_only_the_default_location_gets_its_folder(tmp_path, monkeypatch):
    default = tmp_path / "user data" / "Counterline" / "counterline.db"
    monkeypatch.delenv("COUNTERLINE_DB", raising=False)
    monkeypatch.setattr("models.store.location.default_path", lambda: default)
    monkeypatch.setattr("models.store.database.default_path", lambda: default)
    open_store().close()
    assert default.exists()


def test_an_unknown_url_scheme_is_one_line(capsys):
    assert main(["--db", "foo://bar", "db", "status"]) == 2
    err = _one_line(capsys.readouterr().err)
    assert "foo://bar: not a database Counterline can open" in err


@pytest.mark.parametrize("command", [["branch", "list"], ["db", "status"], ["db", "upgrade"], ["sync", "status"]])
def test_a_server_that_refuses_the_connection_is_one_line(capsys, command):
    """libpq's refusal runs over two lines ("... Connection refused" and a hint on the next, after a tab)."""
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]  # closed again: nobody listens there
    url = f"postgresql+psycopg://counterline@127.0.0.1:{port}/branch"
    assert main(["--db", url, *command]) == 2
    err = _one_line(capsys.readouterr().err)
    assert f"127.0.0.1:{port}/branch" in err and "Connection refused" in err and "Is the server running" in err


@pytest.mark.parametrize(
    "argv",
    [
        ["--db", "", "db", "status"],
        ["--db", "  ", "branch", "list"],
        ["simulate", "--hours", "1", "--db", ""],  # simulated without writing what it was asked to write
    ],
)
def test_an_empty_db_is_refused_not_taken_for_the_default_store(tmp_path, monkeypatch, capsys, argv):
    """`--db "$STORE"` with STORE unset opened the user's default store (the demo's, perhaps) without a word."""
    default = tmp_path / "Counterline" / "counterline.db"
    monkeypatch.delenv("COUNTERLINE_DB", raising=False)
    monkeypatch.setattr("models.store.location.default_path", lambda: default)
    monkeypatch.setattr("models.store.database.default_path", lambda: default)
    assert main(argv) == 2
    assert _one_line(capsys.readouterr().err) == (
        "counterline: --db is empty: give the store's path or URL, or leave --db out for the default store\n"
    )
    assert not default.parent.exists()
    with pytest.raises(StoreError, match="--db is empty"):
        open_store("")


def _damage_staff_table(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'staff'").fetchone()
    data = bytearray(path.read_bytes())
    start = (root - 1) * page_size
    data[start : start + page_size] = b"\x07" * page_size
    path.write_bytes(bytes(data))


def test_a_damaged_large_store_is_one_line_and_status_and_check_agree(tmp_path, monkeypatch, capsys):
    path = tmp_path / "branch.db"
    _store_with_staff(path)
    _damage_staff_table(path)
    # Pretend the file is over 64 MB: the open reads the header and the schema only.
    monkeypatch.setattr(checks, "FULL_CHECK_BELOW_BYTES", 0)
    before = path.read_bytes()
    assert main(["--db", str(path), "staff", "list"]) == 2
    assert "the database is damaged" in _one_line(capsys.readouterr().err)
    assert main(["--db", str(path), "db", "status"]) == 2
    status = _one_line(capsys.readouterr().err)
    assert main(["--db", str(path), "db", "check"]) == 2
    check = _one_line(capsys.readouterr().err)
    assert "damaged" in status and "damaged" in check
    assert main(["--db", str(path), "db", "upgrade"]) == 2
    assert "damaged" in _one_line(capsys.readouterr().err)
    assert path.read_bytes() == before


def test_a_disk_that_fails_under_a_store_is_not_called_damage(tmp_path, monkeypatch, capsys):
    """A full or failing disk makes SQLite say "disk I/O error" (on a full disk, the -shm file cannot grow): the
    file itself is sound, and told it is damaged an administrator restores last night's backup over it."""
    path = tmp_path / "branch.db"
    _store_with_staff(path)
    before = path.read_bytes()
    real_connect = sqlite3.connect

    def failing_disk(database, *args, **kwargs):
        if str(path) in str(database):
            raise sqlite3.OperationalError("disk I/O error")
        return real_connect(database, *args, **kwargs)

    monkeypatch.setattr(sqlite3, "connect", failing_disk)
    for command in (["staff", "list"], ["db", "status"], ["db", "check"], ["db", "upgrade"]):
        assert main(["--db", str(path), *command]) == 2, command
        line = _one_line(capsys.readouterr().err)
        assert "damaged" not in line and "db check" not in line, line
        assert str(path) in line and "disk I/O error" in line and "full" in line, line
    monkeypatch.undo()
    assert path.read_bytes() == before
    assert main(["--db", str(path), "db", "check"]) == 0


def test_a_locked_store_is_named_as_locked(tmp_path, monkeypatch):
    path = tmp_path / "branch.db"
    open_store(str(path)).close()
    monkeypatch.setattr(checks, "LOCK_WAIT_S", 0.1)
    holder = sqlite3.connect(path, isolation_level=None)
    holder.execute("PRAGMA locking_mode=EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(LockedStore, match="locked by another program"):
            open_store(str(path))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    open_store(str(path)).close()  # and once the other program lets go, it opens


def _read_only_run(folder: Path, *argv: str) -> subprocess.CompletedProcess:
    """``main.py argv`` with ``folder`` read-only: by its mode, or for root (who may write anywhere) by a mount."""
    command = [sys.executable, str(ROOT / "main.py"), *argv]
    if os.geteuid() != 0:
        os.chmod(folder, 0o555)
        try:
            return subprocess.run(command, capture_output=True, text=True, timeout=120)
        finally:
            os.chmod(folder, 0o755)
    if shutil.which("unshare") is None:
        needs("running as root without unshare: no way to make a folder read-only for this test")
    quoted = " ".join(f"'{part}'" for part in command)
    script = f"mount --bind -o ro '{folder}' '{folder}' && exec {quoted}"
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True, timeout=120)
    if "mount:" in done.stderr or "unshare:" in done.stderr:
        needs(f"cannot make a read-only folder here: {done.stderr.strip()}")
    return done


def test_a_healthy_store_in_a_read_only_folder_is_not_called_damaged(tmp_path):
    path = tmp_path / "data" / "branch.db"
    path.parent.mkdir()
    open_store(str(path)).close()
    done = _read_only_run(path.parent, "--db", str(path), "staff", "list")
    assert done.returncode == 2, done.stderr
    err = _one_line(done.stderr)
    assert "is read-only" in err and "damaged" not in err
    open_store(str(path)).close()  # still a healthy store once the folder may be written again


def test_staff_add_without_a_pin_and_no_terminal_is_one_line(tmp_path):
    _store_with_staff(tmp_path / "s.db", staff=False)
    done = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "--db", str(tmp_path / "s.db"), "staff", "first-admin", "--id", "T9",
         "--name", "Li Na"],
        capture_output=True, text=True, timeout=120, stdin=subprocess.DEVNULL,
    )  # fmt: skip
    assert done.returncode == 2 and "no new PIN" in _one_line(done.stderr)


def _store_with_staff(path, staff=True):
    """A branch's store (a branch, and an administrator when ``staff``), made as ``branch init`` would."""
    from models.branch.service import BranchService
    from models.staff.service import StaffService
    from queueing.core.categories import load_branch_config

    store = open_store(str(path))
    BranchService(store, load_branch_config(), "B1", "setup").ensure_branch("Branch")
    if staff:
        StaffService(store, "B1").add_first_administrator("T1", "Li Na", "111111")
    store.close()


def test_an_unexpected_error_leaves_a_crash_log_and_one_line(tmp_path, monkeypatch, capsys):
    import models.cli.db as cli_db

    def broken(args):
        raise RuntimeError("a bug")

    monkeypatch.setattr(cli_db, "_status", broken)
    monkeypatch.setenv("COUNTERLINE_LOG_DIR", str(tmp_path / "logs"))
    assert main(["--db", str(tmp_path / "s.db"), "db", "status"]) == 3
    err = _one_line(capsys.readouterr().err)
    (log,) = (tmp_path / "logs").iterdir()
    assert f"internal error (RuntimeError); the details are in {log}" in err
    text = log.read_text(encoding="utf-8")
    assert "Traceback" in text and "RuntimeError: a bug" in text and text.startswith("counterline db\n")
