"""The supervisor's Follow-ups tab reads a page of the open follow-ups, the most overdue first, through the partial
index of the open ones, and says how many are due: a branch of a million customers had 50,000 due within a month
(6 s to list). Query plans and row counts, no timing."""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime, timedelta

import pytest
from query_plans import captured, plans
from sqlalchemy import insert
from staff_sessions import add_accounts, session_of

from queueing.core.roles import Role
from queueing.customers.profiles import Channel

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


def test_the_due_follow_ups_page_reads_the_open_ones_by_due_date(store, customers, clock):
    from models.customers.tables import FollowUpRow
    from models.marketing.follow_ups import FollowUpService

    notes = FollowUpService(customers, BRANCH, clock=clock, timezone="Asia/Shanghai")
    with store.write_session() as session:
        session.execute(insert(FollowUpRow.__table__), [
            {"branch_id": BRANCH, "customer_id": 1 + i % 6, "staff_id": "S1", "at": datetime(2026, 1, 1, tzinfo=UTC),
             "channel": Channel.PHONE.value, "text": "call back", "next_action_on": TODAY - timedelta(days=i),
             "done_at": datetime(2026, 1, 2, tzinfo=UTC) if i % 2 else None}
            for i in range(40)
        ])
    with captured(store) as seen:
        page = notes.due_page(SUPERVISOR, 0, limit=5)
    assert [d.overdue_days for d in page.follow_ups] == [38, 36, 34, 32, 30] and page.total == 20
    assert len(notes.due(SUPERVISOR, 0)) == 20
    for _stmt, plan in plans(store, seen, "FROM follow_up"):
        if "count(" not in _stmt:
            assert "ix_follow_up_branch_open" in plan and "TEMP B-TREE" not in plan, plan
