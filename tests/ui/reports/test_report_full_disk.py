"""`counterline report ...` on a disk that fills up while the file is written: one line naming the file, exit 2.

The report is written to a temporary file beside the one asked for; a full disk must leave the old report as
it was, no temporary file behind, and nothing on screen but the one line (README, "Exit codes").
"""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from two_branches import head_office_store

ROOT = Path(__file__).resolve().parents[3]

# Every file opened for writing in the folder of sys.argv[1] takes no byte: the disk is full. Files are still
# created (a full disk has inodes left), as the temporary file's os.open is.
FULL_DISK = """
import builtins, errno, io, sys
sys.path.insert(0, sys.argv[2])
folder = sys.argv[1]
real_open = io.open

class Full:
    def __init__(self, handle):
        self._handle = handle
    def write(self, data):
        raise OSError(errno.ENOSPC, "No space left on device")
    def __getattr__(self, name):
        return getattr(self._handle, name)
    def __enter__(self):
        return self
    def __exit__(self, *exc):
        self._handle.close()

def full_open(file, mode="r", *args, **kwargs):
    handle = real_open(file, mode, *args, **kwargs)
    named = isinstance(file, (str, bytes, os.PathLike))
    if named and str(os.fspath(file)).startswith(folder) and set(mode) & set("wax+"):
        return Full(handle)
    return handle

import os
io.open = builtins.open = full_open
from main import main
sys.exit(main(sys.argv[3:]))
"""


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "branch.db"
    head_office_store(path, ("SH",))
    return path


def _report_on_full_disk(db: Path, out: Path) -> subprocess.CompletedProcess:
    argv = ["--db", str(db), "report", "service", "--branch", "SH", "--from", "2026-11-02", "--to", "2026-11-08",
            "--out", str(out), "--as", str(db.parent / "hq.toml")]  # fmt: skip
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COUNTERLINE_LOG_DIR=str(db.parent / "logs"))
    return subprocess.run(
        [sys.executable, "-c", FULL_DISK, str(out.parent), str(ROOT), *argv],
        capture_output=True, text=True, env=env, timeout=120,
    )  # fmt: skip


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_full_disk_names_the_report_file_and_keeps_the_old_one(db, tmp_path, suffix):
    folder = tmp_path / "reports"
    folder.mkdir()
    out = folder / f"week.{suffix}"
    out.write_bytes(b"last week's report")
    done = _report_on_full_disk(db, out)
    assert done.returncode == 2, done.stderr
    assert done.stderr.count("\n") == 1, done.stderr
    assert str(out) in done.stderr and "No space left on device" in done.stderr
    assert out.read_bytes() == b"last week's report"
    assert sorted(p.name for p in folder.iterdir()) == [out.name]
