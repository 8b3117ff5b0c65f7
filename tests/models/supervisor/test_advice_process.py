"""The staffing advice's simulations run in a worker process: the same rows as in this process, its errors raised
here, and a worker that dies is reported instead of waited for."""

import subprocess
import sys

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


def test_a_worker_killed_midway_is_reported_not_waited_for(monkeypatch):
    killed = [sys.executable, "-c", "import os, signal, sys; sys.stdin.read(); os.kill(os.getpid(), signal.SIGKILL)"]
    monkeypatch.setattr(advice_process, "WORKER", killed)
    with pytest.raises(AdviceWorkerLost, match="exit code -9"):
        advise_day_apart(_demands(), load_branch_config(), SETTINGS, 0, True)


def test_a_worker_that_cannot_start_is_reported(monkeypatch):
    monkeypatch.setattr(advice_process, "WORKER", ["/nonexistent/python"])
    with pytest.raises(AdviceWorkerLost, match="did not start"):
        advise_day_apart(_demands(), load_branch_config(), SETTINGS, 0, True)


def test_the_worker_does_not_run_the_callers_script_again(tmp_path):
    """A script without a ``__main__`` guard that asks for advice is not run a second time by the worker."""
    marker = tmp_path / "runs.txt"
    script = tmp_path / "unguarded.py"
    script.write_text(
        "import sys\n"
        f"sys.path[:0] = {sys.path!r}\n"
        f"open({str(marker)!r}, 'a').write('run\\n')\n"
        "from models.supervisor.advice_process import advise_day_apart\n"
        "from queueing.core.categories import load_branch_config\n"
        "from queueing.supervisor.staffing import StaffingSettings\n"
        "advise_day_apart({}, load_branch_config(), StaffingSettings(opening_hour=9, closing_hour=10), 0, True)\n"
    )
    subprocess.run([sys.executable, str(script)], check=True, timeout=120)
    assert marker.read_text() == "run\n"
