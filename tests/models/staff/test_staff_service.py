import pytest
from sqlalchemy import select

from models.branch.service import BranchService
from models.staff.service import SignInRefused, StaffService, seed_demo_staff
from models.staff.tables import CounterSessionRow
from models.station.counter_session import release_counter, sign_in_at_counter, sign_out_of_counter
from models.store.tables import EventRow, StaffRow, TicketRow
from queueing.core.errors import CounterTaken, DomainError
from queueing.core.events import EventType
from queueing.core.roles import PermissionDenied
from queueing.core.tickets import TransactionLine

ADMIN_PIN = "135790"


@pytest.fixture
def staff(service, store, clock):
    svc = StaffService(store, "B1", clock)
    svc.add_first_administrator("A1", "Admin", ADMIN_PIN)
    admin = svc.verify("A1", ADMIN_PIN, "ADM")
    svc.add(admin, "T1", "Li Na", "teller", "1111")
    svc.add(admin, "T2", "Kim Min-jun", "teller", "2222")
    return svc


@pytest.fixture
def admin(staff):
    return staff.verify("A1", ADMIN_PIN, "ADM")


def test_pin_is_stored_as_an_argon2_hash(staff, store):
    with store.read_session() as s:
        row = s.get(StaffRow, ("B1", "T1"))
    assert row.pin_hash.startswith("$argon2") and "1111" not in row.pin_hash
    assert staff.verify("T1", "1111").name == "Li Na"


@pytest.mark.parametrize(("staff_id", "pin"), [("T1", "9999"), ("NOPE", "1111"), ("T1", "")])
def test_wrong_pin_or_unknown_id_is_refused(staff, staff_id, pin):
    with pytest.raises(SignInRefused):
        staff.verify(staff_id, pin)


def test_bad_pin_or_role_is_refused_when_adding(staff, admin):
    with pytest.raises(DomainError):
        staff.add(admin, "T3", "X", "teller", "12")
    with pytest.raises(DomainError):
        staff.add(admin, "T3", "X", "janitor", "1234")
    with pytest.raises(DomainError, match="choose one of teller, supervisor, administrator"):
        staff.add(admin, "K1", "Hall kiosk", "kiosk", "1234")  # the kiosk's role is the machine's, not an account's
    with pytest.raises(DomainError, match="supervisor's PIN is 6 to 12 digits"):
        staff.add(admin, "S3", "X", "supervisor", "12345")
    assert staff.get("T3") is None and staff.get("S3") is None


def _sessions(store):
    with store.read_session() as s:
        return {(r.counter_id, r.staff_id, r.station_id) for r in s.scalars(select(CounterSessionRow))}


def _kinds(store):
    with store.read_session() as s:
        return [
            k for k in s.scalars(select(EventRow.type).order_by(EventRow.position)) if "signed" in k or "released" in k
        ]


def test_sign_in_is_an_event_and_counter_session_its_projection(service, staff, store, clock):
    with pytest.raises(SignInRefused):
        sign_in_at_counter(service, staff, "T1", "9999", "C1")
    assert _kinds(store) == []  # a wrong PIN writes nothing
    signed = sign_in_at_counter(service, staff, "T1", "1111", "C1")
    assert signed.staff.name == "Li Na" and signed.staff.station_id == "ST1"
    assert _sessions(store) == {("C1", "T1", "ST1")}
    other = BranchService(store, service.config, "B1", "ST2", clock)
    with pytest.raises(CounterTaken) as taken:
        sign_in_at_counter(other, staff, "T2", "2222", "C1")
    assert taken.value.details["holder"] == "T1"
    with pytest.raises(CounterTaken):
        sign_in_at_counter(other, staff, "T1", "1111", "C2")
    # The same teller at the same counter from another station (a restarted PC) takes the session over.
    sign_in_at_counter(other, staff, "T1", "1111", "C1")
    assert _sessions(store) == {("C1", "T1", "ST2")}
    # A station started afterwards reads who is where from the projection.
    later = BranchService(store, service.config, "B1", "ST3", clock)
    assert next(c for c in later.snapshot().counters if c.id == "C1").signed_in.staff_id == "T1"
    sign_out_of_counter(later, "T1", "C1")
    assert _sessions(store) == set()
    assert _kinds(store) == ["counter_signed_in", "counter_signed_in", "counter_signed_out"]


def test_only_a_supervisor_releases_a_held_counter(service, staff, admin, store):
    staff.add(admin, "S1", "Ana Ruiz", "supervisor", "555555")
    sign_in_at_counter(service, staff, "T1", "1111", "C1")
    with pytest.raises(PermissionDenied):
        release_counter(service, staff, "T2", "2222", "C1")
    with pytest.raises(SignInRefused):
        release_counter(service, staff, "S1", "000000", "C1")
    assert _sessions(store) == {("C1", "T1", "ST1")}
    ended = release_counter(service, staff, "S1", "555555", "C1")
    assert (ended.staff_id, ended.counter_id) == ("T1", "C1")
    assert _sessions(store) == set()
    assert release_counter(service, staff, "S1", "555555", "C1") is None
    sign_in_at_counter(service, staff, "T2", "2222", "C1")
    assert _sessions(store) == {("C1", "T2", "ST1")}


def test_most_used_transactions_come_first(service, staff, clock):
    for lines in (["FX", "CASH_DEP"], ["CASH_DEP"], ["CASH_DEP", "PASSBOOK"], ["PASSBOOK"]):
        service.issue_ticket("CASH")
        service.call_next("C1")
        service.start("C1")
        clock.advance(60)
        service.finish("C1", [TransactionLine(code) for code in lines])
    assert staff.most_used_transactions("T1") == ["CASH_DEP", "PASSBOOK", "FX"]
    assert staff.most_used_transactions("T2") == []


def test_seed_demo_staff_adds_only_the_missing(staff):
    added = seed_demo_staff(
        staff, [{"id": "T1", "name": "Other", "pin": "5555"}, {"id": "T9", "name": "New", "pin": 9999}]
    )
    assert added == ["T9"]
    assert staff.get("T1").name == "Li Na"
    assert staff.verify("T9", "9999").id == "T9"


def test_link_customer_is_an_event_on_the_current_ticket(service, store):
    ticket = service.issue_ticket("CASH").ticket
    service.call_next("C1")
    result = service.link_customer("C1", "42")
    assert result.event_types == (str(EventType.TICKET_CUSTOMER_LINKED),)
    assert result.ticket.customer_id == "42"
    with store.read_session() as s:
        assert s.get(TicketRow, ticket.id).customer_id == "42"
    with pytest.raises(DomainError):
        service.link_customer("C2", "42")


def test_every_staff_change_is_in_the_audit_log_with_who_did_it_and_never_the_pin(staff, admin, store):
    """Before, an administrator could give a friend an account, a role or a new PIN and leave no trace."""
    from models.audit.log import AuditLogRow
    from models.audit.service import verify_audit

    staff.add(admin, "S9", "Park Ji-won", "supervisor", "24681357")
    staff.set_role(admin, "T2", "supervisor", pin="13572468")
    staff.reset_pin(admin, "T1", "4321")
    staff.deactivate(admin, "T1")
    staff.reactivate(admin, "T1")
    staff.unlock(admin, "T1")
    with pytest.raises(DomainError):  # refused: nothing done, nothing audited
        staff.deactivate(admin, "A1")
    with store.read_session() as s:
        rows = s.scalars(select(AuditLogRow).where(AuditLogRow.action.like("staff_%")).order_by(AuditLogRow.seq))
        entries = [(r.staff_id, r.station_id, r.action, r.detail) for r in rows]
    assert entries[-6:] == [
        ("A1", "ADM", "staff_saved", {"staff": "S9", "role": "supervisor"}),
        ("A1", "ADM", "staff_role_changed", {"staff": "T2", "role": "supervisor", "was": "teller"}),
        ("A1", "ADM", "staff_pin_reset", {"staff": "T1"}),
        ("A1", "ADM", "staff_deactivated", {"staff": "T1"}),
        ("A1", "ADM", "staff_reactivated", {"staff": "T1"}),
        ("A1", "ADM", "staff_unlocked", {"staff": "T1"}),
    ]
    assert entries[0] == ("A1", "ADM", "staff_saved", {"staff": "T1", "role": "teller"})  # the fixture's
    assert not any(pin in repr(entries) for pin in ("4321", "24681357", "13572468", "1111"))
    assert all(not verdict.broken for verdict in verify_audit(store))
    staff.add(admin, "T2", "Kim Min-jun", "teller", "2222")  # replaced: the role it had is named
    with store.read_session() as s:
        last = s.scalars(select(AuditLogRow).order_by(AuditLogRow.seq.desc()).limit(1)).one()
    assert last.detail == {"staff": "T2", "role": "teller", "replaced_role": "supervisor"}
