"""A visit's service time when the PC's wall clock is stepped during it, or the program started again.

The piece rate pays by these seconds, so a clock set back or forward while a customer is served must not
change them; a start read before a restart (the monotonic clock may have restarted with the PC) is believed
only while it agrees with the wall clock.
"""

from datetime import timedelta

import pytest
from pc_clock import PcClock

from queueing.core.engine import Engine
from queueing.core.tickets import TransactionLine

CASH = [TransactionLine("CASH_DEP", 1)]
VISIT_S = 300.0


def _called(config) -> tuple[Engine, PcClock, str]:
    """Counter C1 open with a ticket called to it, on a PC's clocks."""
    clock = PcClock()
    engine = Engine(config, clock)
    engine.execute(lambda c: c.configure_counter("C1", "Counter 1", {"CASH": 1}))
    engine.execute(lambda c: c.open_counter("C1", "T1"))
    ticket = engine.execute(lambda c: c.issue_ticket("CASH"))[0].payload["ticket_id"]
    engine.execute(lambda c: c.call_next("C1"))
    return engine, clock, ticket


@pytest.fixture
def serving(config):
    engine, clock, ticket = _called(config)
    (started,) = engine.execute(lambda c: c.start("C1"))
    assert started.payload["mono_run"] == "run-1"
    return engine, clock, ticket


def _finish(engine: Engine, ticket: str) -> float:
    engine.execute(lambda c: c.finish("C1", CASH))
    return engine.state.tickets[ticket].service_seconds


@pytest.mark.parametrize("step_s", [-3600.0, -120.0, 0.0, 120.0, 3600.0], ids=lambda s: f"wall {s:+.0f} s")
def test_a_wall_clock_stepped_during_the_visit_changes_nothing(serving, step_s):
    engine, clock, ticket = serving
    clock.elapse(VISIT_S, wall_step_s=step_s)
    assert _finish(engine, ticket) == VISIT_S


def test_after_a_restart_a_start_that_agrees_with_the_wall_clock_is_still_timed_by_the_monotonic_one(serving):
    engine, clock, ticket = serving
    clock.run_id = "run-2"  # the program started again; the PC did not reboot
    clock.elapse(VISIT_S, wall_step_s=30.0)
    assert _finish(engine, ticket) == VISIT_S


@pytest.mark.parametrize("mono_after_reboot", [40.0, 5_000.0 + VISIT_S], ids=["below the start", "above the start"])
def test_after_a_reboot_the_visit_is_timed_by_the_wall_clock(serving, mono_after_reboot):
    engine, clock, ticket = serving
    clock.run_id, clock.mono = "run-2", mono_after_reboot  # the monotonic clock restarted with the PC
    clock.wall += timedelta(hours=1)
    assert _finish(engine, ticket) == 3600.0


@pytest.mark.parametrize("run", [7, "r" * 33, None], ids=["a number", "33 characters", "none"])
def test_a_start_naming_no_run_this_store_can_hold_is_judged_by_the_wall_clock(config, run):
    engine, clock, ticket = _called(config)
    (started,) = engine.commands.start("C1")
    started.payload["mono_run"] = run  # as a damaged or hostile event would carry it
    engine.commit([started])
    assert engine.state.tickets[ticket].started_run is None
    clock.elapse(VISIT_S, wall_step_s=-600.0)
    assert _finish(engine, ticket) == 0.0


def test_a_start_from_before_this_revision_knows_no_run_and_is_judged_as_before(serving):
    engine, clock, ticket = serving
    engine.state.tickets[ticket].started_run = None  # a start event or ticket row written without one
    clock.elapse(VISIT_S, wall_step_s=-600.0)
    assert _finish(engine, ticket) == 0.0  # the wall clock's, floored: no run says the monotonic one holds
