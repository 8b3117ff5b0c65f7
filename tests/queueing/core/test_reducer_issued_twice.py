"""One ticket issued twice under two numbers (an appointment's check-in at two stations apart) is flagged."""

import copy
from datetime import UTC, datetime

from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.commands import Commands
from queueing.core.events import StationContext
from queueing.core.reducer import apply
from queueing.core.state import BranchState
from queueing.core.tickets import PriorityClass

START = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
TICKET = "appointment-7-ticket"
BOOKED = datetime(2026, 11, 23, 1, 15, tzinfo=UTC)


def _issue(state, station, clock):
    events = Commands(state, StationContext("B1", station, clock)).issue_ticket(
        "CASH", PriorityClass.APPOINTMENT, "7", BOOKED, TICKET
    )
    for e in events:
        apply(state, e)
    return events


def test_a_second_number_for_one_ticket_is_a_conflict_and_the_first_number_stands():
    clock = ManualClock(START)
    upstream = BranchState(load_branch_config())
    _issue(upstream, "ST1", clock)
    other = _other_number(clock)
    first = upstream.tickets[TICKET].number
    assert other[0].payload["number"] != first
    apply(upstream, other[0])
    ticket = upstream.tickets[TICKET]
    assert ticket.number == first and ticket.conflict
    assert [c.detail for c in upstream.conflicts] == [f"issued again as {other[0].payload['number']}"]


def test_the_same_issue_applied_twice_is_no_conflict():
    clock = ManualClock(START)
    state = BranchState(load_branch_config())
    events = _issue(state, "ST1", clock)
    apply(state, copy.deepcopy(events[0]))
    assert not state.tickets[TICKET].conflict and not state.conflicts


def _other_number(clock):
    """An issue of the same ticket id at a station whose own queue already holds two tickets: number A003."""
    state = BranchState(load_branch_config())
    commands = Commands(state, StationContext("B1", "ST9", clock))
    for _ in range(2):
        for e in commands.issue_ticket("CASH", PriorityClass.REGULAR):
            apply(state, e)
    return commands.issue_ticket("CASH", PriorityClass.APPOINTMENT, "7", BOOKED, TICKET)
