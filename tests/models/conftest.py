from datetime import UTC, datetime

import pytest

from models.branch.service import BranchService
from models.store.database import open_store
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock


@pytest.fixture
def clock():
    return ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))


@pytest.fixture
def store_path(tmp_path):
    return tmp_path / "store.db"


@pytest.fixture
def store(store_path):
    s = open_store(str(store_path))
    yield s
    s.close()


@pytest.fixture
def service(store, clock):
    svc = BranchService(store, load_branch_config(), "B1", "ST1", clock)
    svc.ensure_branch("Test branch")
    svc.run(lambda c: c.configure_counter("C1", "1", {"CASH": 1, "TRANSFER": 2}))
    svc.run(lambda c: c.configure_counter("C2", "2", {"TRANSFER": 1}))
    svc.open_counter("C1", "T1")
    svc.open_counter("C2", "T2")
    return svc
