"""The staffing advice's simulations run in a worker process: the same rows as in this process, its errors raised
here, and a worker that dies is reported instead of waited for."""

import os
import signal

import pytest

from models.supervisor import advice_process
from models.supervisor.advice_process import AdviceWorkerLost, advise_day_apart
from queueing.core.categories import load_branch_config
from queueing.supervisor.staffing import HourDemand, StaffingSettings, advise_day

SETTINGS = StaffingSettings(opening_hour=9, closing_hour=11, sim_days=2)


def _demands() -> dict[int, HourDemand]:
    return {
        9: HourDemand(9, {"CASH": 40, "TRANSFER": 8}, 4, {"CASH": 240.0, "TRANSFER": 420.0}),
        10: HourDemand(10, {"CASH": 70}, 4, {"CASH": 260.0}),
    }


def test_the_worker_gives_the_same_rows_as_this_process():
    config = load_branch_config()
    here = advise_day(_demands(), config, SETTINGS, 0, True)
    apart = advise_day_apart(_demands(), config, SETTINGS, 0, True)
    assert apart == here
    assert all(row.simulated_level is not None for row in apart)  # the check did simulate


def test_an_error_in_the_worker_is_raised_to_the_caller():
    config = load_branch_config()
    broken = StaffingSettings(opening_hour=9, closing_hour=10, target_level=0.8, sim_days=-1)
    with pytest.raises(ValueError, match="days >= 1"):  # the simulator's own refusal, as in this process
        advise_day_apart({9: HourDemand(9, {"CASH": 40}, 1, {"CASH": 240.0})}, config, broken, 0, True)


def _die(send, *args):
    os.kill(os.getpid(), signal.SIGKILL)


def test_a_worker_killed_midway_is_reported_not_waited_for(monkeypatch):
    monkeypatch.setattr(advice_process, "_advise_into", _die)
    with pytest.raises(AdviceWorkerLost, match="exit code -9"):
        advise_day_apart(_demands(), load_branch_config(), SETTINGS, 0, True)
