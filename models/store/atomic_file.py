"""Files written whole or not at all: a report, an export or a settings file never shows up half-written."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

NEW_FILE_MODE = 0o644


@contextmanager
def replaced_on_success(path: Path | str) -> Iterator[Path]:
    """A temporary file beside ``path`` to write; it becomes ``path`` in one step when the block ends without error.

    On an error (a full disk, a crash of the writer) the old file, if any, is left as it was and the
    temporary one is removed.
    """
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:  # named by the file the user asked for, not by the temporary one
        raise OSError(exc.errno, exc.strerror, str(target)) from None
    os.close(fd)
    # mkstemp's file is private (0600); the finished one keeps the old file's mode, else an ordinary one's.
    os.chmod(tmp, target.stat().st_mode & 0o777 if target.exists() else NEW_FILE_MODE)
    try:
        yield Path(tmp)
        # The data reaches the disk before the name does, and the new name before we say done:
        # without both, a power cut can leave an empty file where the old one was.
        _fsync_file(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        if exc.errno is None or exc.filename not in (None, tmp, Path(tmp)):
            raise
        # A full disk said only "No space left on device", or named the hidden temporary file: the user
        # asked for ``path`` and looks for it in the line.
        raise OSError(exc.errno, exc.strerror, str(target)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    fsync_folder(target.parent)


def _fsync_file(path: str) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_folder(folder: Path) -> None:
    """Make a rename or a new file in ``folder`` durable (POSIX; Windows cannot open a folder and needs no call)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
