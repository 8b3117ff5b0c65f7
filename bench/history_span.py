"""Stores of other ages for the start-up benchmark: a month, and three years.

The month is simulated like the year (bench/history.py, 31 days). Three years would
take most of an hour to simulate on a busy machine, so the three-year store is the
cached year with two earlier years in front of it: every finished day of the year
copied 364 and 728 days back (whole weeks, so weekdays stay weekdays), by SQL, with
fresh ids and the journal rows of each copy under a station id of their own
(``SIM-Y1``, ``SIM-Y2``: the station a branch ran in earlier years) and positions
below the year's. The live day (cut at 11:00) is not copied, so the newest day is
the same live day in all three stores.

What the copies are for: the rows the station reads at start-up (tickets, service
records, the journal's stations and positions) and their indexes, at three years'
size. The copied events keep the original payloads, so replaying the three-year
journal is not meaningful; nothing the benchmark measures does that.

    .venv/bin/python -m bench.history_span     # build (or find) the month and three-year stores
"""

from __future__ import annotations

import shutil
import sqlite3
import sys
import time
from pathlib import Path

from bench.history import BRANCH_ID, CACHE_DIR, _cache_lock, cached_history, schema_tag, upgrade_older_build
from models.store.database import open_store

COPIES = 2
SHIFT_DAYS = 364
# Positions of the k-th copy: the year's positions minus k times this (below every real position).
POSITION_STEP = 10_000_000

_DATETIMES = {
    "ticket": ("appointment_at", "issued_at", "queued_at", "called_at", "first_called_at", "started_at", "finished_at"),
    "service_record": ("issued_at", "called_at", "started_at", "finished_at"),
    "event": ("at",),
}
_DATES = {"ticket": ("business_date",), "service_record": ("business_date",), "event": ()}


def month_history() -> Path:
    """A store of the benchmark branch's last 31 days (simulated, cached like the year)."""
    return cached_history(days=31)


def three_year_history(cache_dir: Path | None = None) -> Path:
    """The year store with two copied years in front (cached)."""
    year = cached_history()
    directory = cache_dir or CACHE_DIR
    path = directory / year.name.replace("history-", "history-3y-")
    with _cache_lock(directory):
        if not path.exists() and not upgrade_older_build(path, path.name.rsplit(schema_tag(), 1)[0]):
            started = time.perf_counter()
            print(f"building the three-year store in {path} ...", file=sys.stderr, flush=True)
            partial = path.with_name(path.name + ".building")
            shutil.copyfile(year, partial)
            prepend_years(partial, COPIES)
            partial.rename(path)
            print(f"  built in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
        else:
            open_store(str(path)).close()  # applies migrations added since it was built
    return path


def _shift(column: str, table: str, days: int) -> str:
    if column in _DATETIMES[table]:
        # Stored as 'YYYY-MM-DD HH:MM:SS[.ffffff]': shift the whole seconds, keep the fraction (NULL stays NULL).
        return f"datetime({column}, '-{days} days') || substr({column}, 20)"
    if column in _DATES[table]:
        return f"date({column}, '-{days} days')"
    return column


def _copy(conn: sqlite3.Connection, table: str, k: int, where: str, renames: dict[str, str]) -> int:
    columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    exprs = [renames.get(c) or _shift(c, table, k * SHIFT_DAYS) for c in columns]
    sql = f"INSERT INTO {table} ({', '.join(columns)}) SELECT {', '.join(exprs)} FROM {table} WHERE {where}"
    return conn.execute(sql).rowcount


def prepend_years(path: Path, copies: int = COPIES) -> None:
    """Copy every finished day of the store's branch ``copies`` times, each a year (52 weeks) further back."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        live_day = conn.execute("SELECT max(business_date) FROM ticket WHERE branch_id = ?", (BRANCH_ID,)).fetchone()[0]
        first_live = conn.execute(
            "SELECT min(position) FROM event WHERE branch_id = ? AND at >= ?", (BRANCH_ID, live_day)
        ).fetchone()[0]
        conn.execute("BEGIN IMMEDIATE")
        for k in range(1, copies + 1):
            new_id = f"'y{k}' || substr({{}}, 3)"
            past = f"branch_id = '{BRANCH_ID}' AND business_date < '{live_day}'"
            # Ids of the original rows only (k-th copy from the year, not from an earlier copy).
            _copy(conn, "ticket", k, past + " AND substr(id, 1, 1) <> 'y'", {"id": new_id.format("id")})
            _copy(
                conn,
                "service_record",
                k,
                past + " AND substr(ticket_id, 1, 1) <> 'y'",
                {"ticket_id": new_id.format("ticket_id")},
            )
            _copy(
                conn,
                "event",
                k,
                f"branch_id = '{BRANCH_ID}' AND position > 0 AND position < {first_live}",
                {
                    "position": f"position - {k * POSITION_STEP}",
                    "id": new_id.format("id"),
                    "station_id": f"station_id || '-Y{k}'",
                },
            )
        conn.execute("COMMIT")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()


if __name__ == "__main__":
    from bench.history import describe

    for store in (month_history(), three_year_history()):
        for key, value in describe(store).items():
            print(f"{key:16} {value}")
