"""A day roll in one run meets every ticket of the day before in the other (queueing.core.commuting)."""

from __future__ import annotations

import copy
from datetime import timedelta

from test_commuting import _branch, _fold, _issued, _run

from queueing.core.commuting import meet
from queueing.core.reducer import replay
from queueing.core.tickets import TransactionLine


def test_an_own_issue_that_rolls_the_day_meets_a_pulled_finish_of_yesterdays_ticket():
    """ST A, offline, issues the first ticket of the next business day (a day roll); ST B, online, finished
    yesterday's customer at C2 first in the branch's journal. Said to meet nowhere (the issue's day is the state's
    day once the own run is applied), yet the day roll drops the finished ticket in the branch's order only."""
    base, a, b, clock = _branch()
    _mine, theirs = _issued(base, a, b)
    served = _run(b, lambda c: c.call_ticket("C2", theirs, "next", "TC2"), lambda c: c.start("C2"))
    replay(base, served)
    replay(a.state, served)
    clock.advance(timedelta(days=1).total_seconds())
    own = _run(a, lambda c: c.issue_ticket("CASH"))
    pulled = _run(b, lambda c: c.finish("C2", [TransactionLine("CASH_DEPOSIT", 1)]))
    replay(after := copy.deepcopy(base), own)
    said = meet(after, own, pulled)
    file_order, branch_order = _fold(base, own, pulled), _fold(base, pulled, own)
    assert said or file_order == branch_order, (
        f"meet said {said}; ticket {theirs} in the file's order: {theirs in file_order[0]}, "
        f"in the branch's: {theirs in branch_order[0]}"
    )
