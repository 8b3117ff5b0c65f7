"""Reports, exports and settings are written whole or not at all."""

import csv
import os
import stat

import pytest
from sqlalchemy import insert
from staff_sessions import add_accounts, session_of

from models.audit.service import AuditService
from models.store.atomic_file import replaced_on_success
from models.store.tables import BranchRow
from queueing.core.roles import Role


def test_the_file_appears_only_when_the_writer_is_done(tmp_path):
    out = tmp_path / "report.csv"
    with replaced_on_success(out) as part:
        part.write_text("half", encoding="utf-8")
        assert not out.exists()  # a reader sees nothing yet, not half a report
    assert out.read_text(encoding="utf-8") == "half"
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o644
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]


def test_a_failed_writer_leaves_the_old_file_and_no_trace(tmp_path):
    out = tmp_path / "report.csv"
    out.write_text("last month's", encoding="utf-8")
    os.chmod(out, 0o600)
    with pytest.raises(OSError, match="disk full"), replaced_on_success(out) as part:
        part.write_text("this mon", encoding="utf-8")
        raise OSError("disk full")
    assert out.read_text(encoding="utf-8") == "last month's"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]
    with replaced_on_success(out) as part:
        part.write_text("this month's", encoding="utf-8")
    assert stat.S_IMODE(os.stat(out).st_mode) == 0o600  # the old file's mode is kept


def test_an_audit_export_that_fails_writes_no_file_and_no_log_entry(tmp_path, store, monkeypatch):
    from sqlalchemy import func, select

    from models.audit.log import AuditLogRow

    audit = AuditService(store, "B1")
    supervisor = session_of("B1", "S1", Role.SUPERVISOR, "ST1")
    with store.write_session() as session:
        session.execute(insert(BranchRow.__table__), [{"id": "B1", "name": "Test", "timezone": "UTC"}])
    add_accounts(store, supervisor)
    out = tmp_path / "audit.csv"
    assert audit.export_csv(supervisor, out) == 0 and out.exists()
    out.unlink()

    def broken_writer(handle):
        raise OSError("disk full")

    monkeypatch.setattr(csv, "writer", broken_writer)
    with pytest.raises(OSError, match="disk full"):
        audit.export_csv(supervisor, out)
    assert not out.exists() and list(tmp_path.glob(".audit.csv.*")) == []
    with store.read_session() as session:
        assert session.scalar(select(func.count()).select_from(AuditLogRow)) == 1  # only the first export


def test_a_folder_that_is_not_there_is_named_by_the_file_asked_for(tmp_path):
    out = tmp_path / "no such folder" / "report.csv"
    with pytest.raises(OSError, match="No such file or directory: '.*no such folder/report.csv'"):
        with replaced_on_success(out):
            pass


def test_the_file_and_its_folder_reach_the_disk_before_the_writer_returns(tmp_path, monkeypatch):
    synced = []
    real_fsync = os.fsync
    real_replace = os.replace

    def fsync(fd):
        synced.append(os.path.realpath(f"/proc/self/fd/{fd}"))
        real_fsync(fd)

    def replace(src, dst):
        synced.append(("replace", os.fspath(dst)))
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    out = tmp_path / "settings.toml"
    with replaced_on_success(out) as part:
        part.write_text("x = 1\n", encoding="utf-8")
        temporary = str(part)
    # Order matters: the data, then the rename, then the folder that holds the new name.
    assert synced == [temporary, ("replace", str(out)), str(tmp_path)]
    assert out.read_text(encoding="utf-8") == "x = 1\n"


def test_a_failed_fsync_leaves_the_old_file(tmp_path, monkeypatch):
    out = tmp_path / "report.csv"
    out.write_text("old", encoding="utf-8")

    def failing(fd):
        raise OSError(5, "Input/output error")

    monkeypatch.setattr(os, "fsync", failing)
    with pytest.raises(OSError, match="Input/output"), replaced_on_success(out) as part:
        part.write_text("new", encoding="utf-8")
    assert out.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.csv"]
