"""The supervisor's Call list reads a page of the deposits it shows, and each one's last call through an index made
for it, and says how many there are: a branch of a million customers had 94,000 deposits maturing in a month (10 s
to list). Query plans and row counts, no timing."""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime, timedelta

import pytest
from query_plans import captured, plans
from sqlalchemy import insert
from staff_sessions import add_accounts, session_of

from queueing.core.roles import Role

BRANCH = "B1"
TODAY = date(2026, 11, 23)
KEY = secrets.token_bytes(32)
SUPERVISOR = session_of(BRANCH, "S1", Role.SUPERVISOR, "ST1")


@pytest.fixture
def customers(store, service):
    from models.demo.customers import generate_customers

    generate_customers(store, BRANCH, KEY, 6, today=TODAY, seed=1)
    add_accounts(store, SUPERVISOR)
    return store


@pytest.fixture
def calls(customers, clock):
    from models.customers.tables import HoldingRow
    from models.marketing.call_list import CallListService

    with customers.write_session() as session:
        session.execute(HoldingRow.__table__.delete())  # only the deposits below
        session.execute(insert(HoldingRow.__table__), [
            {"customer_id": cid, "kind": "time_deposit", "product_code": "td_12m", "balance_cents": cents,
             "opened_on": date(2025, 12, 1), "matures_on": TODAY + timedelta(days=days), "risk_level": None}
            for cid, cents, days in ((1, 5_000_000, 3), (2, 90_000_000, 9), (3, 1_000_000, 1))
        ])
    return CallListService(customers, BRANCH, clock=clock, timezone="Asia/Shanghai")


def test_call_list_last_calls_are_sought_by_holding_not_over_every_call_ever_made(store, calls):
    """The last call about each deposit, with holding_id IN (...): (branch, customer, at) read every call result."""
    from models.customers.tables import CallResultRow

    with store.write_session() as session:  # one earlier call, so that the statement runs
        session.execute(insert(CallResultRow.__table__), [
            {"branch_id": BRANCH, "customer_id": 1, "holding_id": 1, "staff_id": "S1",
             "at": datetime(2026, 1, 1, tzinfo=UTC), "result": "no_answer", "note": ""}
        ])
    with captured(store) as seen:
        page = calls.maturity_page(SUPERVISOR, 30)
    assert [c.holding_id for c in page.calls if c.last_call] == [1]
    for _stmt, plan in plans(store, seen, "FROM call_result"):
        assert "ix_call_result_holding_at" in plan and "holding_id=?" in plan, plan


def test_the_call_list_page_holds_the_largest_deposits_and_counts_them_all(calls):
    page = calls.maturity_page(SUPERVISOR, 30, limit=2)
    assert [c.balance for c in page.calls] == [900_000, 50_000] and page.total == 3
    whole = calls.maturity_page(SUPERVISOR, 30, limit=5)
    assert len(whole.calls) == 3 and whole.total == 3
    assert calls.maturities(SUPERVISOR, 30) == whole.calls  # the command line's export: all of them
