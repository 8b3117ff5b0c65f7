"""Issue 12: look-up by phone over 100,000 customers, with names and phones sealed, and a sealed phone's reveal.

The phone is found through its keyed hash (the blind index), so sealing should cost the look-up
nothing: the figure to compare with a run on the code before the seal (same store size, same
probes). The reveal opens the sealed phone (AES-GCM) and writes its audit entry. Baseline of the
look-up: the bare indexed SELECT of the hash (bench/bench_customers.py).
"""

from __future__ import annotations

import random
import shutil
import statistics
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.bench_customers import WARM_UP, Probe, percentile, time_bare_select, time_service
from bench.customer_store import BRANCH_ID, BRANCH_KEY, TODAY, cached_store
from models.audit.key import configure_audit
from models.staff.session import SignInMode, issue_session
from models.store.database import open_store
from models.store.tables import StaffRow
from models.store.upsert import insert_ignore
from queueing.core.clock import ManualClock
from queueing.core.roles import Role
from queueing.customers.identity_keys import LookupKind

CUSTOMERS = 100_000
QUICK_CUSTOMERS = 20_000
LOOKUPS = 1_000
REVEALS = 300
SEED = 12


def run(ctx) -> list[dict[str, Any]]:
    count = QUICK_CUSTOMERS if ctx.quick else CUSTOMERS
    # The audit chain's key from the bench's branch key, its heads in the run's own folder (not this PC's).
    configure_audit(BRANCH_KEY, Path(ctx.tmp_dir) / "audit-heads")
    cached = cached_store(count)
    path = Path(ctx.tmp_dir) / "phones.db"
    shutil.copyfile(cached.path, path)
    rng = random.Random(SEED)
    probes = [
        Probe(LookupKind.PHONE, s.phone, s.customer_no)
        for s in (rng.choice(cached.samples) for _ in range(WARM_UP + LOOKUPS))
    ]
    service, bare = time_service(path, probes), time_bare_select(path, probes)
    p95 = percentile(service.wall_ms, 95)
    rows = [
        {
            "name": f"phone_lookup.{count // 1000}k.p95",
            "value": p95,
            "unit": "ms",
            "baseline": percentile(bare.wall_ms, 95),
            "target": None,
            "note": f"CustomerService.lookup by phone, {LOOKUPS} look-ups, median "
            f"{statistics.median(service.wall_ms):.2f} ms; baseline: the bare indexed SELECT of the hash",
        }
    ]
    reveal = time_reveals(path, cached.samples[:REVEALS])
    if reveal:
        rows.append(
            {
                "name": f"phone_reveal.{count // 1000}k.p95",
                "value": percentile(reveal, 95),
                "unit": "ms",
                "baseline": None,
                "target": None,
                "note": "CustomerService.reveal of a phone: opens the seal and writes the audit entry",
            }
        )
    for row in rows:
        print(f"  {row['name']}: {row['value']:.2f} {row['unit']}")
    return rows


def time_reveals(path: Path, samples) -> list[float]:
    """Reveal times in ms; empty on code from before the seal (no reveal to compare)."""
    from models.customers.service import CustomerService, RevealField

    store = open_store(str(path))
    try:
        clock = ManualClock(datetime(TODAY.year, TODAY.month, TODAY.day, 2, 0, tzinfo=UTC))
        service = CustomerService(store, BRANCH_ID, BRANCH_KEY, clock=clock, timezone="UTC")
        row = {"branch_id": BRANCH_ID, "id": "BENCH-S1", "name": "Bench", "role": "supervisor", "pin_hash": "-",
               "active": True}  # fmt: skip
        with store.write_session() as session:
            insert_ignore(session, StaffRow.__table__, [row], ["branch_id", "id"])
        supervisor = issue_session(BRANCH_ID, "BENCH-S1", "Bench", Role.SUPERVISOR, "BENCH-ST1", clock.now(),
                                   SignInMode.ONLINE)  # fmt: skip
        found = [service.lookup(supervisor, LookupKind.PHONE, s.phone).customer_id for s in samples]
        times = []
        for customer_id, sample in zip(found, samples, strict=True):
            started = time.perf_counter()
            phone = service.reveal(supervisor, customer_id, RevealField.PHONE, "Benchmark reveal")
            times.append((time.perf_counter() - started) * 1000)
            if phone != sample.phone:
                raise AssertionError(f"revealed {phone!r}, not {sample.phone!r}")
        return times
    finally:
        store.close()
