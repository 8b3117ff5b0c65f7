"""The branch upstream that the sync tests start from: open counters, a clock at 09:00 in Shanghai."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime

from models.branch.service import BranchService
from models.store.database import Store
from models.sync.pg_upstream import open_upstream
from queueing.core.categories import BranchConfig, load_branch_config
from queueing.core.clock import ManualClock


@contextmanager
def upstream_branch(
    url: str, counters: tuple[str, ...] = ("C1", "C2"), profile: dict[str, int] | None = None
) -> Iterator[tuple[Store, BranchConfig, ManualClock]]:
    """Yields (store, config, clock) with ``counters`` configured and open, each with teller T<counter>."""
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    config = load_branch_config()
    store = open_upstream(url)
    setup = BranchService(store, config, "B1", "SETUP", clock)
    setup.ensure_branch("Test branch")
    for cid in counters:
        setup.configure_counter(cid, cid, profile or {"CASH": 1})
        setup.open_counter(cid, f"T{cid}")
    try:
        yield store, config, clock
    finally:
        store.close()
