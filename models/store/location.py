"""Where the store lives: --db, COUNTERLINE_DB, or the user data folder."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_dir
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from models.store.errors import StoreError

ENV_VAR = "COUNTERLINE_DB"
EMPTY_DB = "--db is empty: give the store's path or URL, or leave --db out for the default store"


def default_path() -> Path:
    return Path(user_data_dir("Counterline", "Counterline")) / "counterline.db"


def resolve_url(db: str | None = None) -> URL:
    """A SQLAlchemy URL from a URL or a plain path; the user data folder by default."""
    if db is not None and not db.strip():
        # `--db ""` (an unset shell variable) opened the user's default store, maybe the demo's, without a word.
        raise StoreError(EMPTY_DB)
    raw = db or os.environ.get(ENV_VAR) or str(default_path())
    try:
        if "://" in raw:
            return make_url(raw)
        return make_url("sqlite:///" + str(Path(raw).expanduser().resolve()))
    except (ArgumentError, ValueError, OSError) as exc:  # ValueError: a NUL in the path
        raise StoreError(f"{raw!r}: not a store path or database URL ({exc})") from None


def sqlite_file(url: URL) -> Path | None:
    if url.get_backend_name() != "sqlite" or not url.database or url.database == ":memory:":
        return None
    return Path(url.database)
