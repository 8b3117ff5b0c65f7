"""The Administration screen's list of accounts: administrators only, with each account's lock as of now."""

import pytest

from models.staff.pin_lockout import AccountLocked
from models.staff.roster import StaffAccount, staff_roster
from models.staff.service import (
    LastAdministrator,
    PinTooShortForRole,
    SignInRefused,
    StaffService,
    UnknownStaff,
    WeakPin,
)
from queueing.core.roles import PermissionDenied

ADMIN_PIN = "135790"


@pytest.fixture
def staff(service, store, clock):
    svc = StaffService(store, "B1", clock)
    svc.add_first_administrator("A1", "Admin", ADMIN_PIN)
    admin = svc.verify("A1", ADMIN_PIN, "ADM")
    svc.add(admin, "T1", "Li Na", "teller", "1111")
    svc.add(admin, "S1", "Wang Fang", "supervisor", "999999")
    return svc


def wrong_pins(staff, staff_id, times):
    for _ in range(times):
        with pytest.raises((AccountLocked, SignInRefused)):
            staff.verify(staff_id, "0000")


def test_the_roster_shows_active_and_locked_accounts_as_of_now(staff, clock):
    admin = staff.verify("A1", ADMIN_PIN)
    staff.deactivate(admin, "S1")
    wrong_pins(staff, "T1", 5)
    assert staff_roster(staff, admin) == (
        StaffAccount("A1", "Admin", "administrator", True, False),
        StaffAccount("S1", "Wang Fang", "supervisor", False, False),
        StaffAccount("T1", "Li Na", "teller", True, True),
    )
    clock.advance(61)  # the first lock lasts a minute
    assert not staff_roster(staff, admin)[2].locked
    for lock_s in (5 * 60, 30 * 60):  # the next runs of five lock for 5, then 30 minutes
        wrong_pins(staff, "T1", 5)
        assert staff_roster(staff, admin)[2].locked
        clock.advance(lock_s + 1)
    wrong_pins(staff, "T1", 5)  # the fourth run: locked until someone unlocks it
    clock.advance(24 * 3600)
    assert staff_roster(staff, admin)[2].locked
    staff.unlock(admin, "T1")
    assert not staff_roster(staff, admin)[2].locked


def test_only_an_administrator_reads_the_roster(staff):
    staff.reactivate(staff.verify("A1", ADMIN_PIN), "S1")
    with pytest.raises(PermissionDenied):
        staff_roster(staff, staff.verify("S1", "999999"))
    with pytest.raises(PermissionDenied):
        staff_roster(staff, staff.verify("T1", "1111"))
    admin = staff.verify("A1", ADMIN_PIN)
    staff.add(admin, "A2", "Second", "administrator", "246802")
    staff.deactivate(staff.verify("A2", "246802"), "A1")
    with pytest.raises(PermissionDenied):  # deactivated since signing in
        staff_roster(staff, admin)


def test_refusals_say_which_rule_with_what_the_screen_needs(staff):
    admin = staff.verify("A1", ADMIN_PIN)
    with pytest.raises(WeakPin) as weak:
        staff.reset_pin(admin, "S1", "1234")
    assert weak.value.details["least"] == 6 and weak.value.details["most"] == 12
    with pytest.raises(PinTooShortForRole) as short:
        staff.set_role(admin, "T1", "administrator")
    assert short.value.details["least"] == 6
    with pytest.raises(LastAdministrator):
        staff.deactivate(admin, "A1")
    with pytest.raises(UnknownStaff):
        staff.unlock(admin, "NOBODY")
    assert staff.get("T1").role == "teller" and staff.get("A1").active


def test_adding_over_the_last_administrator_does_not_leave_the_branch_without_one(staff):
    """``add`` replaces an existing account's role too: it keeps the last administrator as the others do."""
    admin = staff.verify("A1", ADMIN_PIN)
    with pytest.raises(LastAdministrator):
        staff.add(admin, "A1", "Admin", "teller", "1111")
    assert staff.get("A1").role == "administrator"
    staff.add(admin, "A2", "Second", "administrator", "246802")
    staff.add(admin, "A1", "Admin", "teller", "1111")  # another administrator is left: allowed
    assert staff.get("A1").role == "teller"


def test_a_supervisor_lifts_a_tellers_lock_only(staff):
    """A supervisor who could lift an administrator's (or another supervisor's) lock could guess that PIN twenty
    tries at a time for ever: 60 guesses at the administrator's PIN in three rounds, before this check."""
    admin = staff.verify("A1", ADMIN_PIN)
    staff.add(admin, "S2", "Kim Min-jun", "supervisor", "888888")
    supervisor = staff.verify("S1", "999999")
    for account in ("A1", "S2", "S1"):
        with pytest.raises(PermissionDenied, match="an administrator may"):
            staff.unlock(supervisor, account)
    wrong_pins(staff, "T1", 5)
    assert staff.unlock(supervisor, "T1").id == "T1"
    assert staff.verify("T1", "1111").staff_id == "T1"
    wrong_pins(staff, "S2", 5)
    staff.unlock(admin, "S2")  # an administrator answers for every account
    assert staff.verify("S2", "888888").staff_id == "S2"


def test_a_pin_is_its_digits_in_any_script_and_nothing_else(staff):
    """Full-width digits (a Chinese input method in full-width mode) are the same PIN; superscripts, which
    ``str.isdigit`` took, are no PIN at all."""
    admin = staff.verify("A1", ADMIN_PIN)
    assert staff.verify("T1", "\uff11\uff11\uff11\uff11").id == "T1"  # １１１１ is 1111
    assert staff.verify("T1", "\u0661\u0661\u0661\u0661").id == "T1"  # Arabic-Indic ١١١١ too
    for pin in ("\u00b9\u00b2\u00b3\u2074", "\u2460\u2461\u2462\u2463", "12\u00b34"):
        with pytest.raises(WeakPin):
            staff.add(admin, "T8", "Chen Jie", "teller", pin)
    with pytest.raises(SignInRefused):
        staff.verify("T1", "\u00b9\u00b9\u00b9\u00b9")


def test_an_id_with_an_invisible_character_is_not_another_account(staff):
    from queueing.core.text_rules import TextRefused

    admin = staff.verify("A1", ADMIN_PIN)
    with pytest.raises(TextRefused, match="invisible character"):
        staff.add(admin, "A1\u200b", "Admin", "administrator", "246810")


def test_adding_over_a_deactivated_account_is_refused_and_a_new_pin_lifts_a_lock(staff):
    """``add --id " T1"`` over a deactivated T1 made it active again, and the audit row showed a plain save."""
    from queueing.core.errors import DomainError

    admin = staff.verify("A1", ADMIN_PIN)
    staff.deactivate(admin, "T1")
    for typed in ("T1", " T1"):
        with pytest.raises(DomainError, match="deactivated: reactivate it first"):
            staff.add(admin, typed, "Li Na", "teller", "2222")
    assert staff.get("T1").active is False
    staff.reactivate(admin, "T1")
    wrong_pins(staff, "T1", 5)
    staff.add(admin, " T1", "Li Na", "teller", "2222")  # replaced, as an administrator means it
    assert staff.verify("T1", "2222").name == "Li Na"


def test_a_locked_supervisor_is_told_an_administrator_unlocks_it(staff, clock, qapp):
    """Since a supervisor lifts a teller's lock only, "a supervisor must unlock it" was wrong for their own."""
    from models.staff.pin_lockout import FINAL_STAGE
    from ui.station.errors import locked_text

    for _ in range(FINAL_STAGE):
        wrong_pins(staff, "S1", 5)
        clock.advance(3600)
    with pytest.raises(AccountLocked, match="an administrator must unlock it") as locked:
        staff.verify("S1", "999999")
    assert locked_text(locked.value) == "Too many wrong PINs: the account is locked until an administrator unlocks it."
    for _ in range(FINAL_STAGE):
        wrong_pins(staff, "T1", 5)
        clock.advance(3600)
    with pytest.raises(AccountLocked, match="a supervisor must unlock it"):
        staff.verify("T1", "1111")
