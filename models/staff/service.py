"""Staff: accounts with argon2-hashed PINs, checking a PIN, and what a teller does most.

Who is signed in at which counter is not kept here: sign-in is an event in the journal
(queueing/core/counter_sessions.py, models/station/counter_session.py).
"""

from __future__ import annotations

import logging
import unicodedata
from collections import Counter as Tally
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import Row, select
from sqlalchemy.orm import Session

from models.audit.log import Author, append_audit, append_audit_by
from models.staff.pin_guesses import forget_guesses, guess_key, guess_row, note_guess
from models.staff.pin_lockout import CLEAR, LockState
from models.staff.seen import SeenVersions
from models.staff.session import SignInMode, StaffSession, authorize, check_account, issue_session, pin_mark
from models.staff.signing import account_signed, sign_account
from models.store.database import Store
from models.store.tables import ServiceRecordRow, StaffRow
from models.store.upsert import upsert
from queueing.core.clock import Clock, SystemClock
from queueing.core.errors import ConfigError, DomainError
from queueing.core.roles import Action, Role, require_outranks
from queueing.core.text_rules import STAFF_ID, STAFF_NAME, clean_text
from queueing.customers.audit_chain import AuditAction

# Finished visits of a teller that count for the "most used first" order.
RECENT_VISITS = 500
# Roles a person can hold; the kiosk's role is the machine's, never an account's.
STAFF_ROLES = (Role.TELLER.value, Role.SUPERVISOR.value, Role.ADMINISTRATOR.value)
# Accounts that may reveal, unlock and administer need longer PINs than a teller's.
MIN_PIN_DIGITS = {Role.TELLER: 4, Role.SUPERVISOR: 6, Role.ADMINISTRATOR: 6}
MAX_PIN_DIGITS = 12
_hasher = PasswordHasher()
log = logging.getLogger(__name__)
# The role an audit entry names for an id no active account has (a lock that wrong PINs put on it).
NO_ACCOUNT = ""


class SignInRefused(DomainError):
    """Unknown staff id, wrong PIN or an inactive account (deliberately not told apart)."""

    code = "sign_in_refused"


class StaffCopyAltered(SignInRefused):
    """The station's copy of an account does not carry the branch's signature: edited, or never signed."""

    code = "staff_copy_altered"


class StaffCopyUnverifiable(SignInRefused):
    """The station was given no public key (``staff-signing.pub``): its copy of the staff cannot be checked."""

    code = "staff_copy_unverifiable"


class WeakPin(DomainError):
    """A new PIN that is not all digits or not as long as the role needs."""

    code = "weak_pin"


class PinTooShortForRole(DomainError):
    """A role that needs a longer PIN than the account has: the PIN must be reset with the role."""

    code = "pin_too_short_for_role"


class UnknownStaff(DomainError):
    code = "unknown_staff"


class StaffExists(DomainError):
    """A new account's id is taken (another administrator created it meanwhile): nothing is replaced."""

    code = "staff_exists"


class LastAdministrator(DomainError):
    """A change that would leave the branch without an active administrator."""

    code = "last_administrator"
class StaffCopyReplayed(StaffCopyAltered):
    """An older signed copy of an account than the station already saw (a row or a file restored).

    Its code stays ``staff_copy_altered``: the teller is told the same, sign in when upstream answers.
    """


class CounterTaken(DomainError):
    """Another teller is signed in at the counter, or this teller is at another counter."""

    code = "counter_taken"


@dataclass(frozen=True)
class StaffView:
    id: str
    name: str
    role: str
    active: bool


def staff_role(role: Role | str) -> Role:
    """The role of a person's account; DomainError naming the choices otherwise."""
    if str(role) not in STAFF_ROLES:
        raise DomainError(f"unknown role {str(role)!r}; choose one of {', '.join(STAFF_ROLES)}", role=str(role))
    return Role(role)


def pin_digits(pin: object) -> str | None:
    """``pin`` in the digits 0 to 9, or None if it is not text of decimal digits alone.

    A PIN is a number: typed in full-width digits (a Chinese input method left in full-width mode) or
    Arabic-Indic ones it is the same PIN. ``str.isdigit`` also took superscripts and circled digits, which no
    keypad types and which made PINs that looked the same and were not.
    """
    if not isinstance(pin, str) or not pin or not all(unicodedata.category(c) == "Nd" for c in pin):
        return None
    return "".join(str(unicodedata.decimal(c)) for c in pin)


def checked_pin(pin: str, role: Role | str = Role.TELLER) -> str:
    """The digits of ``pin`` when it suits ``role``; WeakPin naming the rule otherwise."""
    least = MIN_PIN_DIGITS[staff_role(role)]
    digits = pin_digits(pin)
    if digits is None or not least <= len(digits) <= MAX_PIN_DIGITS:
        whose = Role(role).value
        raise WeakPin(
            f"{'an' if whose[0] in 'aeiou' else 'a'} {whose}'s PIN is {least} to {MAX_PIN_DIGITS} digits",
            role=str(role),
            least=least,
            most=MAX_PIN_DIGITS,
        )
    return digits


def hash_pin(pin: str, role: Role | str = Role.TELLER) -> str:
    return _hasher.hash(checked_pin(pin, role))


def check_new_account(staff_id: str, name: str, role: Role | str, pin: str) -> None:
    """What saving this account would refuse (its id, name or PIN), refused before anything else is written."""
    clean_text(STAFF_ID, staff_id)
    clean_text(STAFF_NAME, name)
    checked_pin(pin, role)


def _pin_matches(pin_hash: str, pin: str) -> bool:
    digits = pin_digits(pin)
    if digits is None:
        return False
    # A PIN saved before the digits were read in any script was hashed as typed (full-width ones too): it is
    # tried as typed when the digits do not match, so that nobody saved that way is locked out by an update.
    for candidate in (digits, pin) if pin != digits and pin.isdigit() else (digits,):
        try:
            if _hasher.verify(pin_hash, candidate):
                return True
        except (VerificationError, InvalidHashError):
            continue
    return False


def audit_pin_lock(session: Session, branch_id: str, who: Author, stage: int, now: datetime, **detail: object) -> None:
    """A lock that wrong PINs put on ``who`` (an account, or an id with none), in the audit log where it can be.

    The audit chain is keyed by the branch key; a PC without it (a station where customer look-up is off)
    still counts and locks: the lock must hold whether or not it can be written down.
    """
    entry = {"stage": stage, "account": who.role != NO_ACCOUNT, **detail}
    try:
        append_audit_by(session, branch_id, who, AuditAction.PIN_LOCKED, now, None, entry)
    except ConfigError as exc:
        log.warning("a PIN lock on %s is not in the audit log: %s", who.staff_id, exc)


@cache
def _decoy_hash() -> str:
    """A hash no PIN matches, made as an account's is: an unknown id's PIN is checked against it."""
    return _hasher.hash("decoy: no account has this PIN")


def _saved(session: Session, branch_id: str, staff_id: object) -> Row | None:
    """The account of the branch that ``staff_id`` names as saved (spaces around it aside), or None: its id, role,
    whether it is active, its signed version and its lock resets."""
    if not isinstance(staff_id, str) or not staff_id.strip():
        return None
    columns = (StaffRow.id, StaffRow.role, StaffRow.active, StaffRow.signed_version, StaffRow.lock_resets)
    return session.execute(
        select(*columns).where(StaffRow.branch_id == branch_id, StaffRow.id == staff_id.strip())
    ).first()


def _has_accounts(session: Session, branch_id: str) -> bool:
    return session.scalar(select(StaffRow.id).where(StaffRow.branch_id == branch_id).limit(1)) is not None


def staffed_already(branch_id: str) -> DomainError:
    """Why a branch's first administrator is refused: it has accounts, and an administrator adds the others."""
    return DomainError(f"branch {branch_id} has staff already: an administrator adds the others", branch=branch_id)


def accounts_lock(branch_id: str) -> str:
    """The lock key of the changes to a branch's accounts (``Store.write_session``), on PostgreSQL.

    A change locks the row it changes, but its checks read the others: that an active administrator is left,
    that the branch has no account yet, the version an account is signed at. Two administrators deactivating
    each other at once each saw the other still active and left the branch none; under this one lock the
    second waits and sees the first's change. Not the branch id, the queue's commands' key: they need not wait.
    """
    return f"staff-accounts|{branch_id}"


class StaffService:
    """Staff accounts of one branch and their PINs. Safe to call from worker threads."""

    def __init__(
        self,
        store: Store,
        branch_id: str,
        clock: Clock | None = None,
        how: SignInMode = SignInMode.ONLINE,
        station_id: str = "",
        signing_key: Ed25519PrivateKey | None = None,
        verify_key: Ed25519PublicKey | None = None,
        seen: SeenVersions | None = None,
    ) -> None:
        """``signing_key``: the administrator's, to sign the accounts written here; ``verify_key``: a
        station's, to accept only accounts whose signature holds (models/staff/signing.py)."""
        self.store = store
        self.branch_id = branch_id
        self.clock = clock or SystemClock()
        self.how = how  # what a session issued here says: the branch's store, or a station's own copy
        self.station_id = station_id  # where sessions issued here are, unless a call says otherwise
        self.signing_key = signing_key
        self.verify_key = verify_key
        self.seen = seen  # a station's record of the newest signed version of each account it saw

    # -- accounts ------------------------------------------------------------
    def add(
        self, actor: StaffSession, staff_id: str, name: str, role: Role | str, pin: str, replace: bool = True
    ) -> StaffView:
        """Create the account or replace its name, role and PIN (administrators only).

        ``replace=False`` (the Administration screen's "Add"): StaffExists when the id has an account. Decided
        here, under the accounts' lock: the screen's list is an earlier look, and another administrator may
        have created the id since."""
        actor = authorize(actor, self.branch_id, Action.MANAGE_STAFF)
        with self.store.write_session(lock_key=accounts_lock(self.branch_id)) as session:
            check_account(session, actor)
            # " T1" is T1: the account it replaces is looked up as saved. One an older version saved with an
            # invisible character in its id keeps it; only a new id is held to today's rule.
            earlier = _saved(session, self.branch_id, staff_id)
            if earlier is not None and not replace:
                raise StaffExists(f"staff id {earlier.id} has an account already", staff=earlier.id)
            staff_id = earlier.id if earlier is not None else clean_text(STAFF_ID, staff_id)
            if earlier is not None and not earlier.active:
                # Saving over it would bring a deactivated account back with no reactivation in the audit log.
                raise DomainError(
                    f"account {staff_id} is deactivated: reactivate it first (staff reactivate {staff_id})",
                    staff=staff_id,
                )
            had = earlier.role if earlier is not None else None
            view = self._put(session, staff_id, name, role, pin, earlier)
            _keep_an_administrator(session, self.branch_id)  # it may have replaced an administrator's role
            detail = {"staff": view.id, "role": view.role} | ({"replaced_role": had} if had is not None else {})
            append_audit(session, self.branch_id, actor, AuditAction.STAFF_SAVED, self.clock.now(), None, detail)
            return view

    def add_first_administrator(self, staff_id: str, name: str, pin: str) -> StaffView:
        """The branch's first account, the only one ever made without signing in: refused once any exists."""
        with self.store.write_session(lock_key=accounts_lock(self.branch_id)) as session:
            if _has_accounts(session, self.branch_id):
                raise staffed_already(self.branch_id)
            view = self._put(session, clean_text(STAFF_ID, staff_id), name, Role.ADMINISTRATOR, pin, None)
            # Nobody signed in made it: the entry names the account itself, at the station (or CLI) it was made at.
            author = Author(view.id, view.role, self.station_id)
            append_audit_by(session, self.branch_id, author, AuditAction.FIRST_ADMINISTRATOR, self.clock.now(), None)
            return view

    def _put(
        self, session: Session, staff_id: str, name: str, role: Role | str, pin: str, earlier: Row | None
    ) -> StaffView:
        """Save the account ``staff_id`` (an id as saved, or a new one already checked) over ``earlier``
        (``_saved``'s row of it, or None)."""
        role = staff_role(role)
        row: dict[str, Any] = {
            "branch_id": self.branch_id,
            "id": staff_id,
            "name": clean_text(STAFF_NAME, name),
            "role": role.value,
            "pin_hash": hash_pin(pin, role),
            "active": True,
            **_UNLOCKED,  # a new PIN given by an administrator lifts a lock, as reset_pin does
        }
        row["signed_version"] = ((earlier.signed_version or 0) if earlier else 0) + 1
        # The lock lifted with the new PIN: stations lift theirs at the next sync (models/staff/mirror.py).
        row["lock_resets"] = ((earlier.lock_resets or 0) + 1) if earlier else 0
        row["signature"] = self._signature(*(row[c] for c in SIGNED_COLUMNS))
        upsert(session, StaffRow.__table__, [row], ["branch_id", "id"])
        if earlier is None:
            forget_guesses(session, self.branch_id, staff_id)
        return StaffView(row["id"], row["name"], row["role"], True)

    def has_accounts(self) -> bool:
        """Whether the branch has any account (a first administrator is made only while it has none)."""
        with self.store.read_session() as session:
            return _has_accounts(session, self.branch_id)

    def accounts(self) -> list[StaffView]:
        with self.store.read_session() as session:
            rows = session.scalars(select(StaffRow).where(StaffRow.branch_id == self.branch_id).order_by(StaffRow.id))
            return [StaffView(r.id, r.name, r.role, r.active) for r in rows]

    def get(self, staff_id: str) -> StaffView | None:
        with self.store.read_session() as session:
            row = session.get(StaffRow, (self.branch_id, staff_id))
            return StaffView(row.id, row.name, row.role, row.active) if row else None

    def still_serving(self, session: StaffSession) -> None:
        """AccountEnded if ``session``'s account was deactivated or given another role since it signed in.

        On a station's copy (offline mode) an account the copy does not hold yet passes: it is copied down
        within a minute of its creation, and the station cannot tell it from a removed one before that.
        """
        with self.store.read_session() as db:
            check_account(db, session, missing_ok=self.how is SignInMode.OFFLINE)

    def verify(self, staff_id: str, pin: str, station_id: str = "") -> StaffSession:
        """A session if the PIN is right (also to unlock a station); SignInRefused or AccountLocked otherwise.

        Wrong PINs are counted in the account's row under a row lock, so parallel tries are counted too. An id
        with no active account gets the same answers, at the same pace (models/staff/pin_guesses.py).
        """
        now, station = self.clock.now(), station_id or self.station_id
        with self.store.write_session() as session:
            row = self._account_to_check(session, staff_id)
            if row is None:
                who, role, after = self._wrong_for_unknown(session, staff_id, pin, now, station)
                right = False
            else:
                right, after = self._check_pin(session, row, pin, now, station)
                copy_refused = self._copy_refusal(row) if right else None
                if copy_refused is not None:
                    # Told only to someone who knows the PIN: before it, an unsigned copy named its account at once.
                    raise copy_refused
                who, role = row.id, row.role
                found, mark = (row.id, row.name, row.role), pin_mark(row.pin_hash)
        if not right:
            raise after.refusal(who, now, wrong_pin=True, role=role) or SignInRefused("unknown staff id or wrong PIN")
        return issue_session(self.branch_id, *found, station, now, self.how, mark)

    def _account_to_check(self, session: Session, staff_id: str) -> StaffRow | None:
        """The active account ``staff_id`` names, its row locked."""
        if "\x00" in staff_id or len(staff_id.strip()) > STAFF_ID.max_chars:
            return None  # no account has such an id (and PostgreSQL refuses a NUL in a query)
        row = session.scalars(
            select(StaffRow)
            .where(StaffRow.branch_id == self.branch_id, StaffRow.id == staff_id.strip())
            .with_for_update()
        ).first()
        return row if row is not None and row.active else None

    def _copy_refusal(self, row: StaffRow) -> SignInRefused | None:
        """Why this store's copy of the account signs nobody in: not as the branch signed it, or older than one
        the station already had (a row or a file restored). None for a copy that holds, or where nothing is
        checked (upstream)."""
        if self.verify_key is not None and not account_signed(self.verify_key, row.signature, *_signed_fields(row)):
            return StaffCopyAltered(f"the station's copy of account {row.id} is not as the branch signed it")
        if self.seen is not None and (row.signed_version or 0) < self.seen.newest(row.id):
            return StaffCopyReplayed(
                f"the station's copy of account {row.id} is older than one it already had: restored from a backup?"
            )
        return None

    def _check_pin(
        self, session: Session, row: StaffRow, pin: str, now: datetime, station: str
    ) -> tuple[bool, LockState]:
        """Whether ``pin`` is the account's, and its count after it (AccountLocked while it is locked)."""
        state = LockState.of(row)
        refusal = state.refusal(row.id, now, role=row.role)
        if refusal is not None:
            raise refusal
        right = _pin_matches(row.pin_hash, pin)
        after = CLEAR if right else state.after_wrong_pin(now)
        if after != state:
            after.keep_in(row)
        if self.how is SignInMode.OFFLINE and after.lock_stage > state.lock_stage:
            # A lock typed at this station: its next sync takes it upstream.
            row.typed_stage, row.typed_at = after.lock_stage, now
        elif self.how is SignInMode.OFFLINE and right and row.typed_stage:
            row.typed_stage, row.typed_at = 0, None  # the right PIN clears it here as upstream it would
        self._audit_lock(session, state, after, Author(row.id, row.role, station), now)
        return right, after

    def _wrong_for_unknown(
        self, session: Session, staff_id: str, pin: str, now: datetime, station: str
    ) -> tuple[str, str, LockState]:
        """The id as counted, the role its words are chosen for, and its count after this wrong PIN."""
        key = guess_key(staff_id)
        row = guess_row(session, self.branch_id, key, now)
        state = LockState.of(row)
        refusal = state.refusal(key, now)
        if refusal is not None:
            raise refusal
        _pin_matches(_decoy_hash(), pin)  # an account's check, to the same depth: its time tells nothing
        after = state.after_wrong_pin(now)
        note_guess(row, after, now)
        self._audit_lock(session, state, after, Author(key, NO_ACCOUNT, station), now)
        return key, Role.TELLER.value, after

    def _audit_lock(self, session: Session, before: LockState, after: LockState, who: Author, now: datetime) -> None:
        if after.lock_stage > before.lock_stage:
            audit_pin_lock(session, self.branch_id, who, after.lock_stage, now)

    def _signature(self, *fields: object) -> str | None:
        # Written without the administrator's key, an account is unsigned: a station with the public key refuses it.
        return sign_account(self.signing_key, *fields) if self.signing_key is not None else None

    # -- administration ----------------------------------------------------------
    def deactivate(self, actor: StaffSession, staff_id: str) -> StaffView:
        """A leaver: refused at once online (services re-read the account) and offline from the next sync."""
        return self._change(actor, Action.MANAGE_STAFF, AuditAction.STAFF_DEACTIVATED, staff_id, active=False)

    def reactivate(self, actor: StaffSession, staff_id: str) -> StaffView:
        return self._change(actor, Action.MANAGE_STAFF, AuditAction.STAFF_REACTIVATED, staff_id, active=True)

    def reset_pin(self, actor: StaffSession, staff_id: str, pin: str) -> StaffView:
        """A new PIN; it also lifts any lock, as the person at the desk has been seen by an administrator."""
        return self._change(actor, Action.MANAGE_STAFF, AuditAction.STAFF_PIN_RESET, staff_id, pin=pin, **_UNLOCKED)

    def set_role(self, actor: StaffSession, staff_id: str, role: Role | str, pin: str | None = None) -> StaffView:
        """A new role; a new PIN with it when the new role needs a longer one."""
        values: dict[str, object] = {"role": staff_role(role).value}
        if pin is not None:
            values.update(pin=pin, **_UNLOCKED)
        return self._change(actor, Action.MANAGE_STAFF, AuditAction.STAFF_ROLE_CHANGED, staff_id, **values)

    def unlock(self, actor: StaffSession, staff_id: str) -> StaffView:
        """Lift a wrong-PIN lock: an administrator any account's, a supervisor a teller's."""
        return self._change(actor, Action.UNLOCK_STAFF, AuditAction.STAFF_UNLOCKED, staff_id, **_UNLOCKED)

    def _change(
        self, actor: StaffSession, action: Action, audited: AuditAction, staff_id: str, **values: object
    ) -> StaffView:
        """One change to an account, in the same transaction as its audit entry (never the PIN in it)."""
        actor = authorize(actor, self.branch_id, action)
        with self.store.write_session(lock_key=accounts_lock(self.branch_id)) as session:
            check_account(session, actor)
            row = session.scalars(
                select(StaffRow).where(StaffRow.branch_id == self.branch_id, StaffRow.id == staff_id).with_for_update()
            ).first()
            if row is None:
                raise UnknownStaff(f"no staff member {staff_id!r} in branch {self.branch_id}", staff=staff_id)
            if action is Action.UNLOCK_STAFF:
                require_outranks(actor.role, row.role, action)
            if "pin" in values:
                values["pin_hash"] = hash_pin(str(values.pop("pin")), str(values.get("role", row.role)))
            elif "role" in values:
                _check_pin_for_new_role(row, str(values["role"]))
            signed_before, was = _signed_fields(row), row.role
            for column, value in values.items():
                setattr(row, column, value)
            if "lock_stage" in values:  # the lock lifted: stations lift theirs at the next sync
                row.lock_resets = (row.lock_resets or 0) + 1
            if values.get("active") is True:  # counted as an unknown id while deactivated: back to its own count
                forget_guesses(session, self.branch_id, row.id)
            if _signed_fields(row) != signed_before:
                # Only a change to what is signed is signed again: an unlock where the key is not (a
                # supervisor's PC) would otherwise leave the account unsigned, refused at every station offline.
                row.signed_version = (row.signed_version or 0) + 1
                row.signature = self._signature(*_signed_fields(row))
            session.flush()
            _keep_an_administrator(session, self.branch_id)
            detail = {"staff": row.id} | ({"role": row.role, "was": was} if "role" in values else {})
            append_audit(session, self.branch_id, actor, audited, self.clock.now(), None, detail)
            return StaffView(row.id, row.name, row.role, row.active)

    # -- habits ----------------------------------------------------------------
    def most_used_transactions(self, staff_id: str, limit: int = RECENT_VISITS) -> list[str]:
        """Transaction codes of the teller's recent finished visits, most used first."""
        with self.store.read_session() as session:
            lines: Sequence[list] = session.scalars(
                select(ServiceRecordRow.transactions)
                .where(ServiceRecordRow.branch_id == self.branch_id, ServiceRecordRow.staff_id == staff_id)
                .order_by(ServiceRecordRow.finished_at.desc())
                .limit(limit)
            ).all()
        tally: Tally[str] = Tally()
        for visit in lines:
            for line in visit or ():
                tally[line["code"]] += 1
        return [code for code, _ in tally.most_common()]


SIGNED_COLUMNS = ("branch_id", "id", "name", "role", "pin_hash", "active", "signed_version")


def _signed_fields(row: StaffRow) -> tuple:
    return tuple(getattr(row, c) for c in SIGNED_COLUMNS)


_UNLOCKED = {"failed_pins": 0, "lock_stage": 0, "locked_until": None}


def _check_pin_for_new_role(row: StaffRow, role: str) -> None:
    # The PIN is only known as a hash: its length was the old role's minimum at best.
    if MIN_PIN_DIGITS[Role(role)] > MIN_PIN_DIGITS[Role(row.role)]:
        raise PinTooShortForRole(
            f"a {role}'s PIN is at least {MIN_PIN_DIGITS[Role(role)]} digits: reset the PIN with the new role",
            staff=row.id,
            least=MIN_PIN_DIGITS[Role(role)],
        )


def _keep_an_administrator(session: Session, branch_id: str) -> None:
    """Refuse a change that leaves the branch without an active administrator (nobody could fix it after)."""
    left = session.scalar(
        select(StaffRow.id).where(
            StaffRow.branch_id == branch_id, StaffRow.role == Role.ADMINISTRATOR.value, StaffRow.active.is_(True)
        ).limit(1)
    )
    if left is None:
        raise LastAdministrator(f"branch {branch_id} would have no active administrator left", branch=branch_id)


def seed_demo_staff(service: StaffService, entries: Sequence[dict]) -> list[str]:
    """Add the demo staff (id, name, role, pin) the store lacks; for a store made by ``main.py demo`` only."""
    with service.store.write_session(lock_key=accounts_lock(service.branch_id)) as session:
        known = set(session.scalars(select(StaffRow.id).where(StaffRow.branch_id == service.branch_id)))
        added = []
        for entry in entries:
            if entry["id"] not in known:
                staff_id, role = clean_text(STAFF_ID, entry["id"]), entry.get("role", "teller")
                service._put(session, staff_id, entry["name"], role, str(entry["pin"]), None)
                added.append(entry["id"])
    return added
