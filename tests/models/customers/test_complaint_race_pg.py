"""Two supervisors resolving one complaint at once on the branch's PostgreSQL server: it is resolved once.

Resolving reads the complaint, refuses one no longer open, then writes. On READ COMMITTED nothing made the
second PC's transaction wait for the first's: both read it open, both resolved it (the later time replacing
the earlier), and the audit log held two resolutions. The complaint is now read with a row lock, so the second
waits, then finds it resolved.
"""

from functools import partial

import pytest
from customer_fixtures import BRANCH, KEY, SUPERVISOR, TELLER, add_customer, make_clock, make_pg_store
from pg_race import audit_entries, competitor_after, one_stands
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from staff_sessions import add_accounts, session_of

from models.customers.service import CustomerService
from models.customers.tables import ComplaintRow
from queueing.core.errors import InvalidTransition
from queueing.core.roles import Role
from queueing.customers.audit_chain import AuditAction
from queueing.customers.profiles import Channel, ComplaintStatus

pytestmark = pytest.mark.postgres
SUPERVISOR2 = session_of(BRANCH, "S2", Role.SUPERVISOR, "SUP2")


def test_two_supervisors_resolving_one_complaint_at_once_resolve_it_once(pg_url):
    store, other_store = make_pg_store(pg_url), make_pg_store(pg_url, upgrade=False)
    try:
        add_accounts(store, SUPERVISOR2)
        here = CustomerService(store, BRANCH, KEY, clock=make_clock(), timezone="Asia/Shanghai")
        there_clock = make_clock()
        there_clock.advance(30)
        there = CustomerService(other_store, BRANCH, KEY, clock=there_clock, timezone="Asia/Shanghai")
        customer = add_customer(store, family="张", given="伟明", id_number="110105198006151234", phone="13912345678")
        complaint = here.add_complaint(TELLER, customer, "Charged twice for the transfer", Channel.COUNTER)
        race = competitor_after(
            store.engine, "FROM complaint",
            lambda: there.resolve_complaint(SUPERVISOR2, complaint.id, "Refunded the second charge"),
        )
        mine = partial(here.resolve_complaint, SUPERVISOR, complaint.id, "Explained the fee schedule")
        resolved = one_stands(race, mine, InvalidTransition)
        with store.read_session() as session:
            row = session.get(ComplaintRow, complaint.id)
        assert (row.status, row.resolved_at) == (ComplaintStatus.RESOLVED.value, resolved.resolved_at)
        assert audit_entries(store, AuditAction.COMPLAINT_RESOLVED.value) == 1
    finally:
        other_store.close()
        store.close()
