"""An id with no active account answers wrong PINs as an account does: the same words, stages and work.

The fifth wrong PIN used to say "locked" for an account and "refused" for anything else, and an unknown id
was refused without hashing the PIN (tens of milliseconds quicker): someone at a station could list the ids.
"""

from datetime import timedelta

import pytest
from customer_fixtures import BRANCH, customer_clock_fixture, staffless_store_fixture  # noqa: F401 - fixtures
from sqlalchemy import func, select

import models.staff.service as staff_module
from models.audit.log import AuditLogRow
from models.audit.service import verify_audit
from models.staff.pin_lockout import AccountLocked
from models.staff.service import SignInRefused, StaffService
from models.staff.session import SignInMode
from models.staff.tables import PinGuessRow

ADMIN_PIN = "135790"


@pytest.fixture
def staff(store, clock):
    svc = StaffService(store, BRANCH, clock, station_id="ST1")
    svc.add_first_administrator("A9", "Admin", ADMIN_PIN)
    admin = svc.verify("A9", ADMIN_PIN)
    svc.add(admin, "T9", "Teller", "teller", "4711")
    svc.add(admin, "T8", "Leaver", "teller", "4712")
    svc.deactivate(admin, "T8")
    return svc


def _answers(staff, clock, staff_id):
    """What 25 wrong PINs, spread over the lock stages, are answered with: the words bar the id itself."""
    answers = []
    for step in range(25):
        try:
            staff.verify(staff_id, "0000")
            answers.append(("signed in",))
        except AccountLocked as exc:
            answers.append(("locked", exc.seconds, str(exc).replace(staff_id, "ID"), exc.details))
        except SignInRefused as exc:
            answers.append((exc.code, str(exc)))
        if step % 6 == 5:
            clock.advance(timedelta(minutes=31).total_seconds())
    return answers


def test_an_unknown_a_deactivated_and_a_teller_id_are_answered_alike(staff, clock):
    teller = _answers(staff, clock, "T9")
    first_lock = ("locked", 60, "too many wrong PINs for ID: try again in 1 min", {"seconds": 60, "wrong_pin": True})
    assert first_lock in teller
    assert any(a[0] == "locked" and a[1] is None for a in teller)  # the last stage, until a supervisor unlocks
    assert _answers(staff, clock, "T7") == teller  # no such account
    assert _answers(staff, clock, "T8") == teller  # deactivated


def test_an_unknown_id_costs_the_same_hashing_as_a_wrong_pin_for_an_account(staff, monkeypatch):
    checked = []
    real = staff_module._hasher

    class Counted:
        def hash(self, pin):
            return real.hash(pin)

        def verify(self, pin_hash, pin):
            checked.append(pin)
            return real.verify(pin_hash, pin)

    monkeypatch.setattr(staff_module, "_hasher", Counted())
    for staff_id in ("T9", "T7", "T8"):
        for pin in ("0000", "１２３４", "abc"):  # digits, full-width digits (tried twice), not a PIN
            with pytest.raises(SignInRefused):
                staff.verify(staff_id, pin)
    per_id = len(checked) // 3
    assert checked == checked[:per_id] * 3 and per_id == 3


def test_an_unknown_ids_count_outlives_a_restart_and_a_quiet_month_as_an_accounts_does(store, staff, clock):
    for staff_id in ("X1", "T9"):
        for _ in range(4):
            with pytest.raises(SignInRefused):
                StaffService(store, BRANCH, clock).verify(staff_id, "0000")  # a restarted program each time
    clock.advance(timedelta(days=45).total_seconds())  # a count that lapsed told them apart (found by review)
    with pytest.raises(SignInRefused):
        staff.verify("X2", "0000")  # others' tries meanwhile
    answers = []
    for staff_id in ("X1", "T9"):
        with pytest.raises(AccountLocked) as locked:
            StaffService(store, BRANCH, clock, how=SignInMode.OFFLINE).verify(staff_id, "0000")
        answers.append((locked.value.seconds, locked.value.details))
    assert answers[0] == answers[1]


def test_an_account_made_or_brought_back_for_a_locked_id_starts_with_its_own_count(staff, clock):
    for staff_id in ("N1", "T8"):
        for _ in range(5):
            with pytest.raises((SignInRefused, AccountLocked)):
                staff.verify(staff_id, "0000")
        with pytest.raises(AccountLocked):
            staff.verify(staff_id, "0000")
    admin = staff.verify("A9", ADMIN_PIN)
    staff.add(admin, "N1", "New", "teller", "5555")
    staff.reactivate(admin, "T8")
    assert staff.verify("N1", "5555").staff_id == "N1"
    assert staff.verify("T8", "4712").staff_id == "T8"


@pytest.mark.parametrize(
    "typed",
    ["T9\x00", "\x00", "X" * 500, "=HYPERLINK(\"x\")", "\u202eT9", " ", "T9" + "\u200b" * 40],
    ids=["nul", "only-nul", "500-chars", "formula", "bidi", "blank", "zero-width"],
)
def test_hostile_ids_are_refused_and_counted_like_any_other(staff, store, typed):
    for _ in range(4):
        with pytest.raises(SignInRefused, match="unknown staff id or wrong PIN"):
            staff.verify(typed, "0000")
    with pytest.raises(AccountLocked):
        staff.verify(typed, "0000")
    with store.read_session() as session:
        (key,) = session.scalars(select(PinGuessRow.staff_id)).all()
    assert len(key) <= 32 and "\x00" not in key
    assert staff.verify("T9", "4711").staff_id == "T9"  # the account T9 is not touched by "T9\x00"'s count


def test_locks_and_the_first_administrator_are_in_the_audit_log(staff, store, clock):
    for staff_id in ("T9", "X1"):
        for _ in range(5):
            with pytest.raises((SignInRefused, AccountLocked)):
                staff.verify(staff_id, "0000", "ST2")
    with store.read_session() as session:
        rows = session.execute(
            select(AuditLogRow.staff_id, AuditLogRow.role, AuditLogRow.station_id)
            .add_columns(AuditLogRow.action, AuditLogRow.detail)
            .where(AuditLogRow.action.in_(("pin_locked", "first_administrator")))
            .order_by(AuditLogRow.at, AuditLogRow.station_id, AuditLogRow.seq)
        ).all()
        four_wrong = session.scalar(select(func.count()).where(AuditLogRow.action == "pin_locked"))
    assert [tuple(r) for r in rows] == [
        ("A9", "administrator", "ST1", "first_administrator", {}),
        ("T9", "teller", "ST2", "pin_locked", {"stage": 1, "account": True}),
        ("X1", "", "ST2", "pin_locked", {"stage": 1, "account": False}),
    ]
    assert four_wrong == 2  # a lock, not each wrong PIN: typing slips are not an auditor's business
    assert all(not verdict.broken for verdict in verify_audit(store))


def _answer(service, staff_id, pin="0000"):
    try:
        service.verify(staff_id, pin)
        return ("signed in",)
    except AccountLocked as exc:
        return ("locked", exc.seconds, str(exc).replace(staff_id, "ID"), exc.details)
    except SignInRefused as exc:
        return (exc.code, str(exc))


def test_a_final_lock_outlives_a_quiet_month_for_an_unknown_id_as_for_an_account(staff, clock):
    for staff_id in ("T9", "T7"):
        for _ in range(4):
            for _ in range(5):
                _answer(staff, staff_id)
            clock.advance(3600)
    assert _answer(staff, "T7") == _answer(staff, "T9")  # both locked for good
    clock.advance(timedelta(days=45).total_seconds())
    _answer(staff, "ZZ")
    assert _answer(staff, "T7") == _answer(staff, "T9")


def test_without_the_branch_key_wrong_pins_still_lock(staff, clock, monkeypatch, tmp_path):
    """A station may run without branch.key (customer look-up off): the lock's audit entry cannot be written
    there, and the lock must hold all the same (the entry's failure once rolled the count back: found by review)."""
    from models.audit.key import reset_audit

    monkeypatch.setenv("COUNTERLINE_BRANCH_KEY_FILE", str(tmp_path / "absent" / "branch.key"))
    reset_audit()
    try:
        station = StaffService(staff.store, BRANCH, clock, station_id="ST2")
        for staff_id in ("T9", "T7"):
            answers = [_answer(station, staff_id)[0] for _ in range(6)]
            assert answers == ["sign_in_refused"] * 4 + ["locked"] * 2
    finally:
        monkeypatch.undo()
        reset_audit()
