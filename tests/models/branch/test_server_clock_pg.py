"""A screen on the branch's PostgreSQL (kiosk, hall display, supervisor) whose PC clock is wrong: its times are the
server's. The kiosk's PC a day ahead closed the whole branch's day at its first poll and issued A001 again."""

from datetime import UTC, datetime, timedelta

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures

from models.branch.prepare import prepare_station
from models.branch.service import BranchService
from models.demo.branch_setup import set_up_counter
from models.sync.pg_upstream import open_upstream
from queueing.core.categories import load_branch_config
from queueing.core.clock import SystemClock

pytestmark = pytest.mark.postgres


def test_a_kiosk_pc_a_day_ahead_keeps_the_branchs_day_open(pg_url, monkeypatch):
    store = open_upstream(pg_url)
    try:
        setup = BranchService(store, load_branch_config(), "B1", "SETUP")  # a teller's PC, its clock right
        setup.ensure_branch("Test branch")
        set_up_counter(setup, "C1", "1", {"CASH": 1})
        setup.open_counter("C1", "T1")
        waiting = setup.issue_ticket("CASH").ticket
        # The kiosk's PC: a flat CMOS battery, its clock a day ahead.
        monkeypatch.setattr(SystemClock, "now", lambda _self: datetime.now(UTC) + timedelta(days=1))
        kiosk = prepare_station(store, "KIOSK").branch
        assert [t.id for t in kiosk.snapshot().waiting] == [waiting.id]  # not closed as yesterday's
        issued = kiosk.issue_ticket("CASH").ticket
        assert issued.number == "A002"
        assert abs(issued.issued_at - datetime.now(UTC)) < timedelta(seconds=5)  # the server's time, not the PC's
    finally:
        store.close()
