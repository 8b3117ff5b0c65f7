from datetime import UTC, datetime

import pytest

from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.engine import Engine


@pytest.fixture
def config():
    return load_branch_config()


@pytest.fixture
def clock():
    # 09:00 in Shanghai, a Monday.
    return ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))


@pytest.fixture
def engine(config, clock):
    eng = Engine(config, clock)
    eng.execute(lambda c: c.configure_counter("C1", "Counter 1", {"CASH": 1, "TRANSFER": 2}))
    eng.execute(lambda c: c.configure_counter("C2", "Counter 2", {"VIP": 1, "CASH": 3}))
    return eng
