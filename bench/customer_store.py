"""A million customers in a store, built once with the bulk generator and cached for the look-up benchmark.

bench.bulk_customers writes the customers (a million with about 3.6 million holdings and 1.3
million cards); the secondary indexes are dropped while it writes and built afterwards, which sorts
once instead of inserting a million random hashes into B-trees. Beside the store, a JSON file keeps
the build figures and a few thousand customers' plain ID, card and phone numbers (the store holds
only their hashes), so the benchmark has something to look up.

    .venv/bin/python -m bench.customer_store      # build (or find) the cached store and print its figures
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import sqlite3
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import closing, contextmanager
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path

from bench.bulk_customers import BUILD_CACHE_KIB, generate_bulk_customers
from bench.history import schema_tag
from models.demo.customers import DemoSample
from models.store.database import MIGRATIONS, open_store

# Bump when the store's content changes in a way the hashed sources below do not show.
STORE_VERSION = "1"
CUSTOMERS = 1_000_000
SAMPLES = 5_000
SEED = 11
BRANCH_ID = "BENCH"
BRANCH_KEY = hashlib.sha256(b"counterline benchmark branch key").digest()
TODAY = date(2026, 11, 23)  # the data's 'today': ages, maturities and notes are relative to it
CACHE_DIR = Path(os.environ.get("COUNTERLINE_BENCH_CACHE", "/tmp/counterline-bench"))
_ROOT = Path(__file__).resolve().parent.parent
SOURCES = (
    MIGRATIONS / "versions" / "0001_core.py",
    MIGRATIONS / "versions" / "0002_customers.py",
    _ROOT / "bench" / "bulk_customers.py",
    _ROOT / "bench" / "bulk_numbers.py",
    _ROOT / "bench" / "bulk_holdings.py",
)
DEFERRED_INDEXES = (
    "ix_customer_id_hash",
    "ix_customer_phone_hash",
    "ix_customer_card_card_hash",
    "ix_customer_card_customer",
    "ix_holding_customer",
    "ix_holding_kind_matures",
)


@dataclass(frozen=True)
class CustomerStore:
    path: Path
    customers: int
    holdings: int
    cards: int
    build_s: float  # generating and writing the rows, then building the indexes
    build_cpu_s: float  # the CPU time of that, its drawing process's too (the wall time counts waiting for a CPU)
    built_now: bool  # False: found in the cache
    samples: tuple[DemoSample, ...]


def cache_key(count: int, seed: int) -> str:
    digest = hashlib.sha256()
    for source in SOURCES:
        digest.update(source.read_bytes())
    return f"v{STORE_VERSION}-{count}c-s{seed}-{digest.hexdigest()[:12]}"


@contextmanager
def deferred_indexes(path: Path, names: Sequence[str]) -> Iterator[None]:
    """Drop the indexes ``names`` of the SQLite file at ``path``; create them again (sorting once) after the block.

    If the block raises, the indexes stay dropped: the caller is building a file it throws away then.
    """
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        ddl = []
        for name in names:
            row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?", (name,)).fetchone()
            if row is None:
                raise ValueError(f"{path}: no index {name}")
            ddl.append(row[0])
        for name in names:
            conn.execute(f"DROP INDEX {name}")
        yield
        conn.execute(f"PRAGMA cache_size=-{BUILD_CACHE_KIB}")
        conn.execute("BEGIN IMMEDIATE")
        for statement in ddl:
            conn.execute(statement)
        conn.execute("COMMIT")
    finally:
        conn.close()


def _cpu_s() -> float:
    """CPU seconds of every thread of this process and of its children that have ended (the process that draws
    the customers: bench.bulk_customers)."""
    times = os.times()
    return times.user + times.system + times.children_user + times.children_system


def build_store(path: Path, count: int, seed: int, verbose: bool = False) -> dict[str, object]:
    """Write ``count`` customers into a new store at ``path`` (replacing any file there); returns the figures."""
    started, started_cpu = time.perf_counter(), _cpu_s()
    for leftover in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        leftover.unlink(missing_ok=True)
    store = open_store(str(path))  # the schema, by the migrations
    try:
        with deferred_indexes(path, DEFERRED_INDEXES):
            result = generate_bulk_customers(
                store,
                BRANCH_ID,
                BRANCH_KEY,
                count,
                today=TODAY,
                seed=seed,
                branch_name="Benchmark branch",
                samples=SAMPLES,
                on_batch=_progress(count) if verbose else None,
            )
    finally:
        store.close()
    with closing(sqlite3.connect(path)) as conn:  # the file alone, without a write-ahead log to copy along
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return {
        "customers": result.customers,
        "holdings": result.holdings,
        "cards": result.cards,
        "build_s": round(time.perf_counter() - started, 2),
        "build_cpu_s": round(_cpu_s() - started_cpu, 2),
        "samples": [asdict(sample) for sample in result.samples],
    }


def _progress(count: int):
    started = time.perf_counter()

    def report(done: int) -> None:
        if done % 200_000 == 0 or done == count:
            print(f"  {done}/{count} customers written ({time.perf_counter() - started:.0f} s)", file=sys.stderr)

    return report


@contextmanager
def _cache_lock(directory: Path) -> Iterator[None]:
    """Two benchmark runs at once build the store once."""
    directory.mkdir(parents=True, exist_ok=True)
    with (directory / "customers.lock").open("w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def cached_store(count: int = CUSTOMERS, seed: int = SEED, cache_dir: Path | None = None) -> CustomerStore:
    """The cached store of ``count`` customers, built first if it is not there yet. Never write to it: copy it."""
    directory = cache_dir or CACHE_DIR
    # One file per schema: a store another version of Counterline built (newer, or older) is never reused.
    path = directory / f"customers-{cache_key(count, seed)}-{schema_tag()}.db"
    figures_path = path.with_suffix(".json")
    built_now = False
    with _cache_lock(directory):
        if not path.exists():
            print(f"building the benchmark customer store ({count} customers) in {path} ...", file=sys.stderr)
            partial = path.with_name(path.name + ".building")
            figures = build_store(partial, count, seed, verbose=True)
            figures_path.write_text(json.dumps(figures, ensure_ascii=False), encoding="utf-8")
            partial.rename(path)  # last: the store exists only once its figures do
            print(f"  built in {figures['build_s']} s", file=sys.stderr)
            built_now = True
        else:
            figures = json.loads(figures_path.read_text(encoding="utf-8"))
    return CustomerStore(
        path=path,
        customers=figures["customers"],
        holdings=figures["holdings"],
        cards=figures["cards"],
        build_s=figures["build_s"],
        build_cpu_s=figures["build_cpu_s"],
        built_now=built_now,
        samples=tuple(DemoSample(**sample) for sample in figures["samples"]),
    )


if __name__ == "__main__":
    found = cached_store()
    size_mb = found.path.stat().st_size / 1e6
    print(
        f"{found.path}: {found.customers} customers, {found.holdings} holdings, {found.cards} cards, {size_mb:.0f} MB"
    )
    print(f"built in {found.build_s} s ({found.build_cpu_s} s CPU), {len(found.samples)} samples of plain numbers")
