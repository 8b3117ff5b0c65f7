"""Two administrators changing accounts at once on the branch's PostgreSQL server keep the branch an administrator.

A change to an account locks that account's row, then checks that an active administrator is left. The check
reads the other accounts, which nothing locked: on READ COMMITTED, two administrators deactivating each other
at once each saw the other still active, both changes committed and the branch had no administrator left
(nobody could fix it). The changes to a branch's accounts now take one advisory lock, so the second waits and
then sees the first's change.
"""

from datetime import UTC, datetime

import pytest
from pg_race import competitor_after, one_stands
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import insert, select
from staff_sessions import add_accounts, session_of

from models.staff.service import StaffService
from models.store.database import open_store
from models.store.tables import BranchRow, StaffRow
from queueing.core.clock import ManualClock
from queueing.core.errors import DomainError
from queueing.core.roles import Role

pytestmark = pytest.mark.postgres
ADMIN1 = session_of("B1", "A1", Role.ADMINISTRATOR, "ADM1")
ADMIN2 = session_of("B1", "A2", Role.ADMINISTRATOR, "ADM2")


def test_two_administrators_deactivating_each_other_at_once_leave_one(pg_url):
    store, other_store = open_store(pg_url), open_store(pg_url, upgrade=False)
    try:
        with store.write_session() as session:
            session.execute(insert(BranchRow.__table__), [{"id": "B1", "name": "Test", "timezone": "UTC"}])
        add_accounts(store, ADMIN1, ADMIN2)
        clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
        here, there = StaffService(store, "B1", clock), StaffService(other_store, "B1", clock)
        # Just after this transaction found an administrator left (A1 itself), the other deactivates A1.
        race = competitor_after(store.engine, "staff.active IS true", lambda: there.deactivate(ADMIN2, "A1"))
        one_stands(race, lambda: here.deactivate(ADMIN1, "A2"), DomainError)
        with store.read_session() as session:
            admins = session.scalars(
                select(StaffRow.id).where(StaffRow.role == Role.ADMINISTRATOR.value, StaffRow.active.is_(True))
            ).all()
        assert len(admins) == 1
    finally:
        other_store.close()
        store.close()
