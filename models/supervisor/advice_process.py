"""The staffing advice's simulations, run in a process of their own.

``advise_day`` with its check simulates for seconds to tens of seconds of pure Python. On a thread of the
screen's process it held the interpreter lock for all that time, and the queue screen's refreshes in the
meantime took two to three times as long (bench/bench_supervisor.py, ``refresh_painted_during_advice``).
In a separate process, at a lower priority, it runs beside the screen; the thread that asked waits on the
pipe without the lock.

The worker is this module run with ``python -m``: it imports only what the advice needs, and never runs the
caller's own script again (as a multiprocessing "spawn" child does with an unguarded ``__main__``).
"""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from collections.abc import Mapping

from queueing.core.categories import BranchConfig
from queueing.supervisor.staffing import HourDemand, StaffingHour, StaffingSettings, advise_day

ADVICE_NICENESS = 10
WORKER = [sys.executable, "-m", __name__]


class AdviceWorkerLost(RuntimeError):
    """The worker process ended without an answer (killed, out of memory, not startable)."""


def advise_day_apart(
    demands: Mapping[int, HourDemand],
    config: BranchConfig,
    settings: StaffingSettings,
    weekday: int,
    check: bool = True,
) -> list[StaffingHour]:
    """``advise_day`` in a worker process; its exception, if any, raised here."""
    question = pickle.dumps((dict(demands), config, settings, weekday, check))
    # The worker finds this program's modules where this process found them (a source checkout, say).
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in sys.path if p))
    try:
        done = subprocess.run(WORKER, input=question, capture_output=True, env=env, check=False)
    except OSError as exc:
        raise AdviceWorkerLost(f"the staffing advice's process did not start: {exc}") from exc
    if done.returncode != 0 or not done.stdout:
        last = done.stderr.decode(errors="replace").strip().splitlines()[-1:] or [""]
        raise AdviceWorkerLost(
            f"the staffing advice's process ended without an answer (exit code {done.returncode}) {last[0]}".strip()
        )
    outcome = pickle.loads(done.stdout)  # our own worker's answer, over our own pipe
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome


def _serve() -> None:
    """The worker: one question on stdin, the rows (or the exception) pickled on stdout."""
    if hasattr(os, "nice"):
        # Background work: where the CPUs are busy, the live screen comes first (on 2 shared cores, at the
        # same priority the advice still doubled the refresh time, by taking the CPU instead of the lock).
        os.nice(ADVICE_NICENESS)
    demands, config, settings, weekday, check = pickle.loads(sys.stdin.buffer.read())  # from advise_day_apart
    try:
        outcome: object = advise_day(demands, config, settings, weekday, check)
    except Exception as exc:  # handed back to the caller, who raises it
        outcome = exc
    sys.stdout.buffer.write(pickle.dumps(outcome))
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    _serve()
