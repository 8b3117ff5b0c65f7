"""The staffing advice's simulations, run in a process of their own.

``advise_day`` with its check simulates for seconds to tens of seconds of pure Python. On a thread of the
screen's process it held the interpreter lock for all that time, and the queue screen's refreshes in the
meantime took twice as long (measured on the year store at a busy moment: median 151 ms quiet, 303 ms
during the advice). In a separate process it runs beside the screen; the thread that asked waits on a pipe
without the lock.
"""

from __future__ import annotations

import multiprocessing
import os
from collections.abc import Mapping
from multiprocessing.connection import Connection

from queueing.core.categories import BranchConfig
from queueing.supervisor.staffing import HourDemand, StaffingHour, StaffingSettings, advise_day

ADVICE_NICENESS = 10


class AdviceWorkerLost(RuntimeError):
    """The worker process ended without an answer (killed, out of memory)."""


def advise_day_apart(
    demands: Mapping[int, HourDemand],
    config: BranchConfig,
    settings: StaffingSettings,
    weekday: int,
    check: bool = True,
) -> list[StaffingHour]:
    """``advise_day`` in a fresh worker process; its exception, if any, raised here."""
    # spawn, not fork: a fork of a process that runs Qt and database threads can inherit a held lock.
    context = multiprocessing.get_context("spawn")
    receive, send = context.Pipe(duplex=False)
    # daemon: a screen that quits while the advice computes does not wait for it.
    worker = context.Process(
        target=_advise_into, args=(send, dict(demands), config, settings, weekday, check), daemon=True
    )
    worker.start()
    send.close()  # ours: so that a worker that dies leaves the pipe with no writer, and recv() ends
    try:
        outcome = receive.recv()
    except EOFError:
        worker.join()
        raise AdviceWorkerLost(
            f"the staffing advice's process ended without an answer (exit code {worker.exitcode})"
        ) from None
    finally:
        receive.close()
        worker.join()
    if isinstance(outcome, BaseException):
        raise outcome
    return outcome


def _advise_into(
    send: Connection,
    demands: dict[int, HourDemand],
    config: BranchConfig,
    settings: StaffingSettings,
    weekday: int,
    check: bool,
) -> None:
    if hasattr(os, "nice"):
        # Background work: where the CPUs are busy, the live screen comes first (measured on 2 shared cores:
        # at the same priority the advice still doubled the refresh time, by taking the CPU instead of the lock).
        os.nice(ADVICE_NICENESS)
    try:
        outcome: object = advise_day(demands, config, settings, weekday, check)
    except Exception as exc:  # handed back to the caller, who raises it
        outcome = exc
    send.send(outcome)
    send.close()
