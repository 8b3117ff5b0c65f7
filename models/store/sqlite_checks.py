"""Checks on an existing SQLite file before Counterline touches it.

They open the file read-only, so a file that fails them is left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from models.store.errors import (
    CorruptStore,
    DiskFault,
    LockedStore,
    MissingFolder,
    NewerSchema,
    NotAStore,
    ReadOnlyStore,
    StoreError,
)

SQLITE_MAGIC = b"SQLite format 3\x00"


def check_existing_file(path: Path, known_revisions: set[str], full: bool | None = None) -> None:
    """Raise a StoreError naming ``path`` unless it is an empty file or a usable Counterline store."""
    if not path.exists() or path.stat().st_size == 0:
        return
    if path.is_dir():
        raise NotAStore(f"{path}: is a folder, not a database file")
    with path.open("rb") as handle:
        header = handle.read(len(SQLITE_MAGIC))
    if header != SQLITE_MAGIC:
        raise NotAStore(f"{path}: not a SQLite database (the file does not start with the SQLite header)")
    try:
        # A short wait: a lock held this long is another program's, and is named as such.
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=LOCK_WAIT_S)
    except sqlite3.Error as exc:
        raise sqlite_problem(path, exc) from None
    try:
        if full is None:
            full = path.stat().st_size < FULL_CHECK_BELOW_BYTES
        _check(conn, path, known_revisions, full)
    except sqlite3.DatabaseError as exc:
        raise sqlite_problem(path, exc) from None
    finally:
        conn.close()


LOCK_WAIT_S = 2.0


def check_location(path: Path, may_create_folder: bool) -> None:
    """Refuse a store in a missing folder (a mistyped --db) or where SQLite cannot write its journal."""
    folder = path.parent
    if not folder.exists():
        if not may_create_folder:
            raise MissingFolder(
                f"{path}: the folder {folder} does not exist (mistyped?); create it first if it is meant"
            )
        folder.mkdir(parents=True, exist_ok=True)
    elif not folder.is_dir():
        raise MissingFolder(f"{path}: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ReadOnlyStore(
            f"{path}: the folder {folder} is read-only; the store needs to write its journal beside it"
        )
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        raise ReadOnlyStore(f"{path}: the file cannot be written by this user (read-only or another owner)")


def sqlite_problem(path: Path | str, exc: BaseException) -> StoreError:
    """The one-line StoreError for an error SQLite raised on ``path``: locked, read-only or damaged."""
    text = str(exc).strip() or type(exc).__name__
    lowered = text.lower()
    if "locked" in lowered or "busy" in lowered:
        return LockedStore(
            f"{path}: locked by another program (another Counterline, a backup, a database browser); "
            "close it and try again"
        )
    if "readonly" in lowered or "read-only" in lowered or "unable to open" in lowered or "permission" in lowered:
        return ReadOnlyStore(f"{path}: cannot be written here ({text}); check the file's and its folder's permissions")
    if "disk i/o" in lowered or "disk is full" in lowered:
        # SQLite's I/O errors are the disk's (on a full disk the -shm file cannot grow); a transaction it
        # failed is rolled back. Called damage, the file would be replaced with an older backup.
        return DiskFault(
            f"{path}: the disk could not read or write the store ({text}): it may be full or failing; "
            "the store was left as it was: free some space or check the disk, and try again"
        )
    return CorruptStore(f"{path}: the database is damaged: {text}; `counterline db check` reads it all")


# quick_check reads every page: cheap for a station's file, seconds for a year of
# history. Above this size the open checks the header and the schema only, and
# `counterline db check` runs the full check.
FULL_CHECK_BELOW_BYTES = 64 * 1024 * 1024


def check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    problems = [row[0] for row in conn.execute("PRAGMA quick_check(5)")]
    if problems != ["ok"]:
        raise CorruptStore(f"{path}: the database is damaged: {'; '.join(problems)}")


def _check(conn: sqlite3.Connection, path: Path, known_revisions: set[str], full: bool) -> None:
    if full:
        check_integrity(conn, path)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if not tables:
        return
    if "counterline_meta" not in tables:
        raise NotAStore(
            f"{path}: a SQLite database, but not a Counterline store (tables: {', '.join(sorted(tables)[:5])})"
        )
    if "alembic_version" in tables:
        versions = {row[0] for row in conn.execute("SELECT version_num FROM alembic_version")}
        unknown = versions - known_revisions
        if unknown:
            raise NewerSchema(
                f"{path}: written by a newer Counterline (schema {', '.join(sorted(unknown))}); "
                "update Counterline to open it"
            )
