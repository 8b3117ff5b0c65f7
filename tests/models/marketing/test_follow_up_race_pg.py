"""Two PCs marking one follow-up done at once on the branch's PostgreSQL server: it is done once.

Marking done reads the follow-up, refuses one already done, then writes the result. On READ COMMITTED nothing
made the second PC's transaction wait for the first's: both read it open, both wrote, and the later result
replaced the earlier one, with two FOLLOW_UP_DONE entries in the audit log. The follow-up is now read with a
row lock, so the second waits, then finds it done.
"""

from datetime import date, timedelta

import pytest
from customer_fixtures import BRANCH, TELLER, TELLER2, add_customer, make_clock, make_pg_store
from pg_race import audit_entries, competitor_after, one_stands
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures

from models.customers.tables import FollowUpRow
from models.marketing.follow_ups import FollowUpService
from queueing.core.errors import InvalidTransition
from queueing.customers.audit_chain import AuditAction
from queueing.customers.profiles import Channel

pytestmark = pytest.mark.postgres
TODAY = date(2026, 11, 23)


def test_two_pcs_marking_one_follow_up_done_at_once_mark_it_once(pg_url):
    store, other_store = make_pg_store(pg_url), make_pg_store(pg_url, upgrade=False)
    try:
        clock = make_clock()
        here = FollowUpService(store, BRANCH, clock=clock, timezone="Asia/Shanghai")
        there = FollowUpService(other_store, BRANCH, clock=clock, timezone="Asia/Shanghai")
        customer = add_customer(store, family="张", given="小三", id_number="110105198006151234", phone="13912345678")
        planned = here.add_follow_up(TELLER, customer, Channel.PHONE, "Call about renewal", TODAY + timedelta(days=1))
        race = competitor_after(
            store.engine, "FROM follow_up", lambda: there.mark_done(TELLER2, planned.id, "Renewed for a year")
        )
        done = one_stands(race, lambda: here.mark_done(TELLER, planned.id, "Not interested now"), InvalidTransition)
        with store.read_session() as session:
            row = session.get(FollowUpRow, planned.id)
        assert (row.result, row.done_by) == (done.result, done.done_by)
        assert audit_entries(store, AuditAction.FOLLOW_UP_DONE.value) == 1
    finally:
        other_store.close()
        store.close()
