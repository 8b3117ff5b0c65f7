"""Who is asking: the session that signing in returns, and the check every service makes with it.

A service never takes a role from its caller. It takes a ``StaffSession``, which only the staff
service (after a PIN) or ``machine_session`` (the kiosk's fixed, minimal role) issues: each carries
a seal, an HMAC under a key this process draws at start and never hands out, so a session built
by hand, or an issued one with its role or station replaced, is refused. Services backed by a
store also re-read the account in their own transaction: a deactivated account, one whose
role was changed, or one given a new PIN since the session began (the old one may be known to
someone else) is refused at once.
"""

from __future__ import annotations

import hmac
import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from datetime import datetime
from enum import StrEnum
from hashlib import sha256
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.store.tables import StaffRow
from queueing.core.roles import Action, PermissionDenied, Role, allowed, require

if TYPE_CHECKING:
    from models.store.database import Store

_SEAL_KEY = secrets.token_bytes(32)
KIOSK_STAFF_ID = "KIOSK"


class SignInMode(StrEnum):
    ONLINE = "online"  # the PIN was checked by the branch's store
    OFFLINE = "offline"  # the PIN was checked against the station's signed copy of the staff
    MACHINE = "machine"  # the kiosk: no person, no PIN, the kiosk role only


@dataclass(frozen=True)
class StaffSession:
    """One signed-in person (or the kiosk machine) at one station. Frozen; sealed by the issuer."""

    branch_id: str
    staff_id: str
    name: str
    role: Role
    station_id: str
    signed_in_at: datetime
    how: SignInMode
    # Which PIN hash the session was opened with (``pin_mark``): a new PIN ends it. Empty for the kiosk machine.
    pin: str = field(default="", repr=False)
    seal: str = field(default="", repr=False, compare=False)

    @property
    def id(self) -> str:
        """The staff id, under the name the windows already use for a staff member."""
        return self.staff_id

    @property
    def active(self) -> bool:
        return True


def _mac(s: StaffSession) -> str:
    # A JSON list, not the fields joined by a separator: a field holding the separator (a station id is the
    # caller's) would let the same sealed text be cut into other fields, a role among them.
    text = json.dumps([str(getattr(s, f.name)) for f in fields(s) if f.name != "seal"], ensure_ascii=False)
    return hmac.new(_SEAL_KEY, text.encode("utf-8"), sha256).hexdigest()


def _sealed(session: StaffSession) -> StaffSession:
    return StaffSession(
        **{f.name: getattr(session, f.name) for f in fields(session) if f.name != "seal"}, seal=_mac(session)
    )


def pin_mark(pin_hash: str) -> str:
    """A short digest of an account's PIN hash: tells a new PIN from the old one without carrying the hash."""
    return sha256(pin_hash.encode("utf-8")).hexdigest()[:16] if pin_hash else ""


def issue_session(
    branch_id: str,
    staff_id: str,
    name: str,
    role: Role | str,
    station_id: str,
    at: datetime,
    how: SignInMode,
    pin: str = "",
) -> StaffSession:
    """A sealed session. Called by the staff service once it has checked a PIN (``pin``: its ``pin_mark``)."""
    return _sealed(StaffSession(branch_id, staff_id, name, Role(role), station_id, at, how, pin))


def machine_session(branch_id: str, station_id: str, at: datetime) -> StaffSession:
    """The kiosk's session: the kiosk role (look a customer up, check an appointment in), nothing more."""
    return _sealed(StaffSession(branch_id, KIOSK_STAFF_ID, "kiosk", Role.KIOSK, station_id, at, SignInMode.MACHINE))


def check_session(session: object, branch_id: str) -> StaffSession:
    """The session if this process issued it for ``branch_id``; PermissionDenied otherwise."""
    if not isinstance(session, StaffSession) or not hmac.compare_digest(session.seal, _mac(session)):
        raise PermissionDenied("not a signed-in session: sign in with a staff id and PIN")
    if session.branch_id != branch_id:
        raise PermissionDenied(f"signed in at branch {session.branch_id}, not {branch_id}", branch=session.branch_id)
    if session.how is SignInMode.MACHINE and session.role is not Role.KIOSK:
        raise PermissionDenied("a machine session holds the kiosk role only")
    return session


def authorize(session: object, branch_id: str, action: Action) -> StaffSession:
    """Check the seal and the branch, then that the session's role may ``action``."""
    checked = check_session(session, branch_id)
    require(checked.role, action)
    return checked


def may(session: StaffSession, action: Action) -> bool:
    return allowed(session.role, action)


class AccountEnded(PermissionDenied):
    """The session's account was deactivated, removed or given another role since it signed in."""

    code = "account_ended"


def check_account(db: Session, session: StaffSession, missing_ok: bool = False) -> None:
    """Inside the caller's transaction: the account still exists, is active and holds the session's role.

    ``missing_ok``: a station's copy of the accounts may not have the newest one yet (it is copied within a
    minute); only an account the copy holds as deactivated, or with another role, is refused there.
    """
    if session.how is SignInMode.MACHINE:
        return
    row = db.execute(
        select(StaffRow.role, StaffRow.active, StaffRow.pin_hash).where(
            StaffRow.branch_id == session.branch_id, StaffRow.id == session.staff_id
        )
    ).first()
    if row is None and missing_ok:
        return
    if row is None or not row.active:
        raise AccountEnded(f"account {session.staff_id} is not active", staff=session.staff_id)
    if row.role != session.role.value:
        raise AccountEnded(
            f"the role of {session.staff_id} changed to {row.role}: sign in again", staff=session.staff_id
        )
    # A row without a hash (a supervisor's on a station's copy) cannot tell; upstream's can.
    if session.pin and row.pin_hash and pin_mark(row.pin_hash) != session.pin:
        raise AccountEnded(f"the PIN of {session.staff_id} was changed: sign in again", staff=session.staff_id)


def authorize_reports(actor: object, branch_ids: Sequence[str], store: Store) -> StaffSession:
    """Reports are for supervisors of their own branch; only an administrator reports on other branches too."""
    checked = authorize(actor, actor.branch_id if isinstance(actor, StaffSession) else "", Action.VIEW_REPORTS)
    if any(b != checked.branch_id for b in branch_ids) and checked.role is not Role.ADMINISTRATOR:
        raise PermissionDenied(f"only an administrator reports on other branches than {checked.branch_id}")
    with store.read_session() as db:
        check_account(db, checked)
    return checked
