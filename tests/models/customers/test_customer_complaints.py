import pytest
from customer_fixtures import (
    ADMIN,
    BRANCH,
    KEY,
    SUPERVISOR,
    TELLER,
    add_customer,
    customer_clock_fixture,  # noqa: F401 - fixture
    customer_store_fixture,  # noqa: F401 - fixture
)
from sqlalchemy import insert, select
from staff_sessions import add_accounts, session_of
from visits import serve

from models.audit.log import AuditLogRow
from models.audit.service import verify_audit
from models.customers.service import CustomerService
from models.customers.tables import ComplaintRow
from models.store.tables import BranchRow
from queueing.core.errors import DomainError, InvalidTransition
from queueing.core.roles import PermissionDenied, Role
from queueing.customers.audit_chain import AuditAction
from queueing.customers.profiles import Channel, ComplaintStatus, UnknownComplaint, UnknownCustomer


@pytest.fixture
def customers(store, clock):
    return CustomerService(store, BRANCH, KEY, clock=clock, timezone="Asia/Shanghai")


@pytest.fixture
def zhang(store):
    return add_customer(store, family="张", given="伟明", id_number="110105198006151234", phone="13912345678")


def _audit_rows(store, action):
    with store.read_session() as session:
        return session.scalars(select(AuditLogRow).where(AuditLogRow.action == action)).all()


def test_a_teller_adds_a_complaint_and_the_profile_shows_it_open(store, customers, zhang, clock):
    complaint = customers.add_complaint(TELLER, zhang, "  Charged twice for the transfer ", Channel.COUNTER, "fees")
    assert complaint.status is ComplaintStatus.OPEN and complaint.customer_id == zhang
    assert complaint.text == "Charged twice for the transfer" and complaint.category == "fees"
    assert complaint.opened_at == clock.now()
    view = customers.open_profile(TELLER, zhang, serve(store, TELLER, zhang, clock))
    assert [c.id for c in view.open_complaints] == [complaint.id]
    (row,) = _audit_rows(store, AuditAction.COMPLAINT_ADDED)
    assert (row.staff_id, row.station_id, row.customer_id) == ("T1", "ST1", zhang)
    assert row.detail == {"complaint_id": complaint.id, "channel": "counter", "category": "fees"}


def test_a_teller_cannot_resolve_and_the_complaint_stays_open(store, customers, zhang, clock):
    complaint = customers.add_complaint(TELLER, zhang, "Waited an hour", Channel.VISIT)
    with pytest.raises(PermissionDenied):
        customers.resolve_complaint(TELLER, complaint.id, "Apologised and explained")
    visit = serve(store, TELLER, zhang, clock)
    assert [c.id for c in customers.open_profile(TELLER, zhang, visit).open_complaints] == [complaint.id]
    assert _audit_rows(store, AuditAction.COMPLAINT_RESOLVED) == []


@pytest.mark.parametrize("actor", [SUPERVISOR, ADMIN], ids=["supervisor", "administrator"])
def test_a_resolved_complaint_leaves_the_open_list(store, customers, zhang, clock, actor):
    kept = customers.add_complaint(TELLER, zhang, "Card swallowed by the machine", Channel.PHONE, "card")
    solved = customers.add_complaint(TELLER, zhang, "Waited an hour", Channel.COUNTER, "waiting_time")
    clock.advance(2 * 3600)
    resolved = customers.resolve_complaint(actor, solved.id, "  Apologised; lunch staffing changed ")
    assert resolved.status is ComplaintStatus.RESOLVED and resolved.resolved_at == clock.now()
    visit = serve(store, TELLER, zhang, clock)
    assert [c.id for c in customers.open_profile(TELLER, zhang, visit).open_complaints] == [kept.id]
    with store.read_session() as session:
        assert session.get(ComplaintRow, solved.id).status == "resolved"
    (row,) = _audit_rows(store, AuditAction.COMPLAINT_RESOLVED)
    assert (row.staff_id, row.role, row.customer_id) == (actor.staff_id, actor.role.value, zhang)
    assert row.detail == {"complaint_id": solved.id, "resolution": "Apologised; lunch staffing changed"}


def test_complaint_audit_rows_keep_every_chain_intact(store, customers, zhang):
    complaint = customers.add_complaint(TELLER, zhang, "Rude reply at window 3", Channel.MESSAGE, "staff")
    customers.resolve_complaint(SUPERVISOR, complaint.id, "Spoke with the teller, called the customer back")
    verdicts = verify_audit(store)
    assert sorted((v.station_id, v.broken) for v in verdicts) == [("ST1", None), ("SUP", None)]
    with store.read_session() as session:
        actions = session.scalars(select(AuditLogRow.action).order_by(AuditLogRow.at, AuditLogRow.seq)).all()
    assert actions == [AuditAction.COMPLAINT_ADDED.value, AuditAction.COMPLAINT_RESOLVED.value]


def test_resolving_twice_or_without_a_reason_is_refused(customers, zhang):
    complaint = customers.add_complaint(TELLER, zhang, "Fee not explained", Channel.COUNTER)
    with pytest.raises(DomainError, match="resolution"):
        customers.resolve_complaint(SUPERVISOR, complaint.id, " ok ")
    customers.resolve_complaint(SUPERVISOR, complaint.id, "Fee refunded")
    with pytest.raises(InvalidTransition):
        customers.resolve_complaint(SUPERVISOR, complaint.id, "Fee refunded again")


def test_empty_text_unknown_customer_and_unknown_complaint_are_refused(store, customers, zhang):
    with pytest.raises(DomainError, match="text"):
        customers.add_complaint(TELLER, zhang, "   ", Channel.COUNTER)
    with pytest.raises(UnknownCustomer):
        customers.add_complaint(TELLER, zhang + 99, "Lost card", Channel.COUNTER)
    with pytest.raises(UnknownComplaint):
        customers.resolve_complaint(SUPERVISOR, 12345, "Nothing to resolve")
    assert _audit_rows(store, AuditAction.COMPLAINT_ADDED) == []


def test_another_branchs_complaint_is_unknown_here(store, clock, zhang):
    other_branch = CustomerService(store, "B2", KEY, clock=clock)
    complaint = CustomerService(store, BRANCH, KEY, clock=clock).add_complaint(
        TELLER, zhang, "Statement never arrived", Channel.PHONE
    )
    with store.write_session() as session:
        session.execute(insert(BranchRow.__table__), [{"id": "B2", "name": "Other", "timezone": "UTC"}])
    b2_supervisor = session_of("B2", "S9", Role.SUPERVISOR, "SUP2")
    add_accounts(store, b2_supervisor)
    with pytest.raises(UnknownComplaint):
        other_branch.resolve_complaint(b2_supervisor, complaint.id, "Resent the statement")
    with pytest.raises(PermissionDenied, match="signed in at branch B1"):  # nor with a session of another branch
        other_branch.resolve_complaint(SUPERVISOR, complaint.id, "Resent the statement")
