"""Issue 12's target: trying all 10,000 four-digit PINs of one account online takes more than a year.

The attacker drives the real ``StaffService.verify`` on a store, as fast as the service lets it:
a wrong PIN, again, and when the account is locked the clock (a ManualClock) jumps to the end of
the lock. After the fourth run of wrong PINs the account stays locked until a supervisor or an
administrator unlocks it; the figure assumes the most generous case for the attacker, a
supervisor who unlocks it every morning without asking why. Without that help the attack stops
for good after 20 tries.

The lock logic does not depend on the hash's cost, so the 10,000 tries run with a cheap argon2 hash;
the real hash's time (production parameters, measured here) is added for every try. Baseline: the
same 10,000 tries with no lock at all, only the hash's time (what the issue measured: ~25 minutes).
"""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from argon2 import PasswordHasher

import models.staff.service as staff_service
from bench.customer_store import BRANCH_KEY
from models.audit.key import configure_audit
from models.branch.service import BranchService
from models.staff.pin_lockout import AccountLocked
from models.staff.service import SignInRefused, StaffService
from models.store.database import open_store
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock

TARGET = ">= 365 days"
PINS = 10_000
RIGHT_PIN = "9999"  # the last one tried: the attacker's worst case, the figure is for all PINs
UNLOCK_EVERY = timedelta(days=1)
REAL_HASH_TRIES = 5


def _real_verify_seconds() -> float:
    """Wall time of one argon2 verify with the production parameters."""
    hasher = PasswordHasher()
    stored = hasher.hash("4711")
    started = time.perf_counter()
    for _ in range(REAL_HASH_TRIES):
        try:
            hasher.verify(stored, "0000")
        except Exception:
            pass
    return (time.perf_counter() - started) / REAL_HASH_TRIES


def _attack(ctx, pins: int) -> tuple[timedelta, int]:
    """Simulated time for ``pins`` tries and how many unlocks the attacker needed."""
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    store = open_store(str(ctx.tmp_dir / "lockout.db"))
    # Staff changes are audited: with the bench's key and heads, not this PC's (a fresh machine has no branch key).
    configure_audit(BRANCH_KEY, Path(ctx.tmp_dir) / "audit-heads")
    saved = staff_service._hasher
    staff_service._hasher = PasswordHasher(time_cost=1, memory_cost=256, parallelism=1)
    try:
        BranchService(store, load_branch_config(), "B1", "BENCH", clock).ensure_branch("Bench")
        staff = StaffService(store, "B1", clock)
        staff.add_first_administrator("A1", "Admin", "135790")
        admin = staff.verify("A1", "135790", "BENCH")
        staff.add(admin, "T1", "Target", "teller", RIGHT_PIN)
        start, unlocks, tried = clock.now(), 0, 0
        while tried < pins:
            pin = f"{tried:04d}" if tried < pins - 1 else RIGHT_PIN
            try:
                staff.verify("T1", pin)
                tried += 1
            except SignInRefused:
                tried += 1
            except AccountLocked as locked:
                tried += bool(locked.details.get("wrong_pin"))  # the try that locked it was a real try
                if locked.seconds is not None:
                    clock.advance(locked.seconds)
                else:
                    clock.advance(UNLOCK_EVERY.total_seconds())
                    staff.unlock(staff.verify("A1", "135790", "BENCH"), "T1")
                    unlocks += 1
        return clock.now() - start, unlocks
    finally:
        staff_service._hasher = saved
        store.close()


def run(ctx) -> list[dict[str, Any]]:
    pins = 400 if ctx.quick else PINS
    verify_s = _real_verify_seconds()
    waited, unlocks = _attack(ctx, pins)
    total_days = (waited.total_seconds() + pins * verify_s) / 86400 * (PINS / pins)
    baseline_days = PINS * verify_s / 86400
    print(f"  argon2 verify {verify_s * 1000:.1f} ms; {unlocks} unlocks for {pins} PINs; {total_days:.0f} days")
    return [
        {
            "name": "staff.pin_lockout.all_4_digit_pins",
            "value": total_days,
            "unit": "days",
            "baseline": baseline_days,
            "target": TARGET,
            "note": (
                f"all {PINS} four-digit PINs of one account against StaffService.verify online, lock stages "
                f"1/5/30 min then locked, a supervisor unlocking once a day ({unlocks} unlocks"
                f"{'' if pins == PINS else f' for {pins} PINs, scaled'}); argon2 verify {verify_s * 1000:.1f} ms "
                "(production parameters) added per try. Baseline: no lock, hash time only. Without the daily "
                "unlock the attack stops after 20 tries."
            ),
        }
    ]
