"""The service report counts a transferred ticket under the category it was issued for, and judges its wait (issue
to first call, spent in that queue) against that category's target (models/reports/service_queries.py)."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from projection_checks import assert_projections_match_journal
from staff_sessions import add_accounts, session_of

from models.branch.service import BranchService
from models.reports.head_office import service_report, store_branches
from models.store.database import open_store
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.tickets import TransactionLine as Line

SUP = session_of("B1", "S1", "supervisor", "ST1")
DAY = date(2026, 11, 23)
# Targets of the default configuration: CASH 10 min, TRANSFER 12 min.
CASH_TARGET, TRANSFER_TARGET = 600, 720


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def floor(request, tmp_path):
    url = str(tmp_path / "s.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    store = open_store(url)
    clock = ManualClock(datetime(2026, 11, 23, 16, 0, tzinfo=UTC))  # 10:00 Mexico City
    config = replace(load_branch_config(), timezone="America/Mexico_City")
    assert (config.categories["CASH"].target_wait_s, config.categories["TRANSFER"].target_wait_s) == (
        CASH_TARGET,
        TRANSFER_TARGET,
    )
    branch = BranchService(store, config, "B1", "ST1", clock)
    branch.ensure_branch("Test")
    add_accounts(store, SUP)
    for counter in ("C1", "C2"):
        branch.run(lambda cmd, c=counter: cmd.configure_counter(c, c, {"CASH": 1, "TRANSFER": 2, "LOANS": 3}))
    branch.open_counter("C1", "T1")
    branch.open_counter("C2", "T2")
    try:
        yield branch, clock
    finally:
        store.close()


def _lines(branch):
    report = service_report(SUP, branch.store, store_branches(branch.store), DAY, DAY)
    (section,) = report.branches
    return {line.category: line for line in section.lines}, section.total


def _called_and_transferred(branch, clock, ticket, counter, to_category):
    branch.call_ticket(counter, ticket, "next")
    branch.start(counter)
    clock.advance(60)
    branch.transfer(counter, to_category=to_category)


def _served(branch, clock, ticket, counter):
    branch.call_ticket(counter, ticket, "transferred")
    branch.start(counter)
    clock.advance(300)
    branch.finish(counter, [Line("TRF_DOM", 1, 5_000)])


def test_a_transferred_cash_ticket_stays_a_cash_ticket(floor):
    """The reviewer's case: 11 minutes in the cash queue (target 10), then transferred and served."""
    branch, clock = floor
    ticket = branch.issue_ticket("CASH").tickets[0].id
    clock.advance(11 * 60)
    _called_and_transferred(branch, clock, ticket, "C1", "TRANSFER")
    _served(branch, clock, ticket, "C2")
    lines, total = _lines(branch)
    assert (lines["CASH"].counts.issued, lines["TRANSFER"].counts.issued) == (1, 0)  # was (0, 1)
    assert (lines["CASH"].counts.served, lines["CASH"].mean_wait_s) == (1, 11 * 60)
    assert lines["CASH"].service_level == 0.0 and total.service_level == 0.0  # was 1.0, judged by TRANSFER's 12 min
    assert lines["TRANSFER"].service_level is None
    # The calling policy and the estimates still see the queue it was sent to; the projections keep both.
    assert branch.state.tickets[ticket].category == "TRANSFER"
    assert branch.state.tickets[ticket].issued_category == "CASH"
    assert_projections_match_journal(branch.store, branch.config, "B1")


def test_a_ticket_within_its_own_target_is_not_judged_by_the_target_it_was_sent_to(floor):
    """11 minutes is within TRANSFER's 12 and beyond CASH's 10: a transfer ticket sent to cash is on time."""
    branch, clock = floor
    ticket = branch.issue_ticket("TRANSFER").tickets[0].id
    clock.advance(11 * 60)
    _called_and_transferred(branch, clock, ticket, "C1", "CASH")
    _served(branch, clock, ticket, "C2")
    lines, _ = _lines(branch)
    assert (lines["TRANSFER"].counts.issued, lines["TRANSFER"].service_level) == (1, 1.0)
    assert lines["CASH"].counts.issued == 0


def test_transferred_twice_and_back_counts_once_under_the_first_category(floor):
    branch, clock = floor
    twice = branch.issue_ticket("CASH").tickets[0].id
    back = branch.issue_ticket("CASH").tickets[0].id
    clock.advance(5 * 60)
    _called_and_transferred(branch, clock, twice, "C1", "TRANSFER")
    _called_and_transferred(branch, clock, back, "C2", "TRANSFER")
    clock.advance(20 * 60)  # a long second wait: not the report's, the first call ended the wait it judges
    _called_and_transferred(branch, clock, twice, "C1", "LOANS")
    _called_and_transferred(branch, clock, back, "C2", "CASH")
    _served(branch, clock, twice, "C1")
    _served(branch, clock, back, "C2")
    lines, total = _lines(branch)
    assert lines["CASH"].counts.issued == 2 and sum(line.counts.issued for line in lines.values()) == 2
    assert lines["CASH"].counts.served == 2 and lines["CASH"].mean_wait_s == pytest.approx((5 * 60 + 6 * 60) / 2)
    assert lines["CASH"].service_level == 1.0 and total.counts.issued == 2
    assert {branch.state.tickets[t].issued_category for t in (twice, back)} == {"CASH"}
    assert_projections_match_journal(branch.store, branch.config, "B1")


def test_a_transferred_ticket_left_waiting_counts_as_issued_where_it_was_issued(floor):
    branch, clock = floor
    ticket = branch.issue_ticket("CASH").tickets[0].id
    clock.advance(60)
    _called_and_transferred(branch, clock, ticket, "C1", "TRANSFER")
    lines, _ = _lines(branch)
    assert (lines["CASH"].counts.issued, lines["CASH"].counts.served, lines["TRANSFER"].counts.issued) == (1, 0, 0)
