import pytest
from sqlalchemy import select

from models.staff.service import CounterTaken, SignInRefused, StaffService, seed_demo_staff
from models.staff.tables import CounterSessionRow
from models.store.tables import StaffRow, TicketRow
from queueing.core.errors import DomainError
from queueing.core.events import EventType
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


def test_one_teller_per_counter_and_one_counter_per_teller(staff):
    staff.sign_in("T1", "1111", "C1", "ST1")
    with pytest.raises(CounterTaken):
        staff.sign_in("T2", "2222", "C1", "ST2")
    with pytest.raises(CounterTaken):
        staff.sign_in("T1", "1111", "C2", "ST1")
    # The same teller at the same counter (a restarted station) takes the session over.
    staff.sign_in("T1", "1111", "C1", "ST1b")
    assert staff.session_at("C1").station_id == "ST1b"
    staff.sign_out("T1", "C1")
    staff.sign_in("T2", "2222", "C1", "ST2")
    assert staff.session_at("C1").staff_id == "T2"


def test_the_database_refuses_a_second_teller_at_a_counter(staff, store, clock):
    from sqlalchemy.exc import IntegrityError

    staff.sign_in("T1", "1111", "C1", "ST1")
    with pytest.raises(IntegrityError), store.write_session() as s:
        s.add(
            CounterSessionRow(branch_id="B1", counter_id="C1", staff_id="T2", station_id="X", signed_in_at=clock.now())
        )
    with store.read_session() as s:
        assert s.scalars(select(CounterSessionRow.staff_id)).all() == ["T1"]


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
