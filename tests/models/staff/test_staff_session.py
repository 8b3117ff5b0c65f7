"""Who is asking is the service's to know: the bypasses of issue 12, each refused inside the service now."""

from dataclasses import replace
from datetime import timedelta

import pytest
from customer_fixtures import (  # noqa: F401 - fixtures
    BRANCH,
    KEY,
    add_customer,
    customer_clock_fixture,
    staffless_store_fixture,
)
from visits import serve

from models.customers.service import CustomerService, RevealField
from models.staff.pin_lockout import AccountLocked
from models.staff.service import SignInRefused, StaffService
from models.staff.session import SignInMode, StaffSession
from models.store.tables import StaffRow
from queueing.core.errors import DomainError
from queueing.core.roles import PermissionDenied, Role

ADMIN_PIN = "135790"


@pytest.fixture
def staff(store, clock):
    svc = StaffService(store, BRANCH, clock, station_id="ST1")
    svc.add_first_administrator("A9", "Admin", ADMIN_PIN)
    admin = svc.verify("A9", ADMIN_PIN)
    svc.add(admin, "T9", "Teller", "teller", "4711")
    svc.add(admin, "S9", "Supervisor", "supervisor", "471100")
    return svc


@pytest.fixture
def customer(store):
    return add_customer(store, family="张", given="伟", id_number="110101199003070011", phone="13800138000")


def test_sign_in_returns_a_frozen_session_saying_who_where_when_and_how(staff, clock):
    session = staff.verify("T9", "4711")
    assert (session.staff_id, session.role, session.station_id, session.signed_in_at, session.how) == (
        "T9", Role.TELLER, "ST1", clock.now(), SignInMode.ONLINE
    )  # fmt: skip
    with pytest.raises(AttributeError):
        session.role = Role.SUPERVISOR  # type: ignore[misc]


def test_a_teller_session_dressed_as_a_supervisor_reveals_nothing(staff, store, clock, customer):
    customers = CustomerService(store, BRANCH, KEY, clock=clock)
    teller = staff.verify("T9", "4711")
    for forged in (
        replace(teller, role=Role.SUPERVISOR),  # the role swapped on an issued session
        StaffSession(BRANCH, "T9", "T", Role.SUPERVISOR, "ST1", clock.now(), SignInMode.ONLINE, seal=teller.seal),
        StaffSession(BRANCH, "S9", "S", Role.SUPERVISOR, "ST1", clock.now(), SignInMode.ONLINE),  # built by hand
    ):
        with pytest.raises(PermissionDenied, match="not a signed-in session"):
            customers.reveal(forged, customer, RevealField.PHONE, "customer asked")
    with pytest.raises(PermissionDenied):
        customers.reveal(teller, customer, RevealField.PHONE, "customer asked")
    supervisor = staff.verify("S9", "471100")
    assert customers.reveal(supervisor, customer, RevealField.PHONE, "customer asked") == "13800138000"


def test_a_role_edited_in_the_store_after_sign_in_is_refused(staff, store, clock, customer):
    """Offline the role came from the station's copy; upstream re-reads the account and finds a teller."""
    customers = CustomerService(store, BRANCH, KEY, clock=clock)
    supervisor = staff.verify("S9", "471100")
    with store.write_session() as session:
        session.get(StaffRow, (BRANCH, "S9")).role = "teller"
    with pytest.raises(PermissionDenied, match="role of S9 changed"):
        customers.reveal(supervisor, customer, RevealField.PHONE, "customer asked")


def test_a_deactivated_account_is_refused_at_once(staff, store, clock, customer):
    customers = CustomerService(store, BRANCH, KEY, clock=clock)
    teller = staff.verify("T9", "4711")
    visit = serve(store, teller, customer, clock)
    customers.open_profile(teller, customer, visit)
    staff.deactivate(staff.verify("A9", ADMIN_PIN), "T9")
    with pytest.raises(PermissionDenied, match="not active"):
        customers.open_profile(teller, customer, visit)
    with pytest.raises(SignInRefused):
        staff.verify("T9", "4711")


def test_only_an_administrator_adds_staff_and_the_last_one_stays(staff):
    supervisor = staff.verify("S9", "471100")
    with pytest.raises(PermissionDenied):
        staff.add(supervisor, "A8", "Me too", "administrator", "999999")
    assert staff.get("A8") is None
    with pytest.raises(DomainError, match="has staff already"):
        staff.add_first_administrator("A8", "Me too", "999999")
    admin = staff.verify("A9", ADMIN_PIN)
    with pytest.raises(DomainError, match="no active administrator"):
        staff.deactivate(admin, "A9")
    with pytest.raises(DomainError, match="reset the PIN with the new role"):
        staff.set_role(admin, "T9", "supervisor")  # a 4-digit PIN cannot become a supervisor's
    assert staff.set_role(admin, "T9", "supervisor", pin="246800").role == "supervisor"


def test_five_wrong_pins_lock_for_1_then_5_then_30_minutes_then_until_unlocked(staff, clock):
    for minutes in (1, 5, 30):
        for _ in range(4):
            with pytest.raises(SignInRefused):
                staff.verify("T9", "0000")
        with pytest.raises(AccountLocked) as locked:
            staff.verify("T9", "0000")
        assert locked.value.seconds == minutes * 60 and f"try again in {minutes} min" in str(locked.value)
        with pytest.raises(AccountLocked):  # even the right PIN, while locked
            staff.verify("T9", "4711")
        clock.advance(minutes * 60 - 1)
        with pytest.raises(AccountLocked, match="in 1 min"):
            staff.verify("T9", "4711")
        clock.advance(1)
    for _ in range(5):
        with pytest.raises((SignInRefused, AccountLocked)):
            staff.verify("T9", "0000")
    clock.advance(timedelta(days=30).total_seconds())
    with pytest.raises(AccountLocked, match="a supervisor must unlock it") as final:
        staff.verify("T9", "4711")
    assert final.value.seconds is None
    staff.unlock(staff.verify("S9", "471100"), "T9")
    assert staff.verify("T9", "4711").staff_id == "T9"


def test_the_lock_is_counted_in_the_store_not_in_the_service(store, staff, clock):
    for _ in range(5):
        with pytest.raises((SignInRefused, AccountLocked)):
            StaffService(store, BRANCH, clock).verify("T9", "0000")  # a new service (a restarted program) each time
    with pytest.raises(AccountLocked):
        StaffService(store, BRANCH, clock, how=SignInMode.OFFLINE).verify("T9", "4711")


def test_a_role_moved_across_the_seals_field_boundaries_is_refused(staff, tmp_path):
    # The seal once covered the fields joined by U+001F: a station id the caller passes to sign-in that holds
    # one lets the same sealed text be cut another way, with the supervisor role in the role's place.
    from models.staff.session import check_session
    from models.supervisor.settings_files import SettingsEditor, default_settings_files

    issued = staff.verify("T9", "4711", station_id="supervisor\x1fST1")
    dressed = replace(issued, name=f"{issued.name}\x1fteller", role=Role.SUPERVISOR, station_id="ST1")
    with pytest.raises(PermissionDenied, match="not a signed-in session"):
        check_session(dressed, BRANCH)
    editor = SettingsEditor(default_settings_files(tmp_path), actor=dressed)  # saves with no account re-read
    with pytest.raises(PermissionDenied):
        editor.save("alerts", editor.read("alerts"))
