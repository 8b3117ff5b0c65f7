"""At a real branch the wait estimate counts on a counter paused for lunch or a break coming back."""

import pytest

from models.branch.service import BranchService
from models.demo.branch_setup import set_up_counter
from queueing.core.categories import load_branch_config


@pytest.fixture
def branch(store, clock):
    svc = BranchService(store, load_branch_config(), "B1", "ST1", clock)
    svc.ensure_branch("Test branch")
    set_up_counter(svc, "C1", "1", {"CASH": 1})
    set_up_counter(svc, "C2", "2", {"CASH": 1})
    svc.open_counter("C1", "T1")
    svc.open_counter("C2", "T2")
    return svc


def _issue(branch: BranchService, waiting: int):
    """``waiting`` tickets; the last one as the kiosk got it."""
    for _ in range(waiting):
        result = branch.issue_ticket("CASH")
    return result.ticket


def test_a_counter_at_lunch_is_expected_back_when_its_lunch_is_over(branch, clock):
    branch.pause("C2", "lunch")
    clock.advance(50 * 60)  # ten minutes of lunch left
    branch.issue_ticket("CASH")
    branch.call_next("C1")
    last = _issue(branch, 12)
    assert branch._outlook(clock.now()).plans["C2"].back_in_s == pytest.approx(600.0)
    with_plan = last.estimate_mean_s  # what the ticket says
    assert with_plan == pytest.approx(branch._estimate(last.id, clock.now()).mean_s)
    branch.pause_lengths_s = {}  # the branch knows nothing of its pauses: C2 never comes back
    without = branch._estimate(last.id, clock.now()).mean_s
    # Twelve waiting at one counter, against the second from ten minutes on: much less than one counter's time.
    assert with_plan < 0.75 * without


def test_a_pause_past_its_length_or_of_no_known_length_is_not_counted_on(branch, clock):
    branch.pause("C2", "break")
    clock.advance(20 * 60)  # a break is 15 minutes: over
    assert branch._outlook(clock.now()).plans == {}
    branch.resume("C2")
    branch.pause("C2", "back_office")
    clock.advance(60)
    assert branch._outlook(clock.now()).plans["C2"].back_in_s == pytest.approx(29 * 60.0)
    branch.close_counter("C1")
    assert "C1" not in branch._outlook(clock.now()).plans  # closed: not expected back
