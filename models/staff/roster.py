"""The branch's staff accounts as the Administration screen lists them: with whether each is locked now.

Only an administrator reads the roster (the account's lock comes from its wrong-PIN count, which the
plain ``StaffService.list`` does not show).
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from models.staff.pin_lockout import LockState
from models.staff.service import StaffService
from models.staff.session import StaffSession, authorize, check_account
from models.store.tables import StaffRow
from queueing.core.roles import Action


@dataclass(frozen=True)
class StaffAccount:
    id: str
    name: str
    role: str
    active: bool
    locked: bool  # refused without a PIN check right now: a timed lock still running, or until unlocked


def staff_roster(service: StaffService, actor: StaffSession) -> tuple[StaffAccount, ...]:
    """Every account of the service's branch, by id; PermissionDenied unless ``actor`` administers staff."""
    actor = authorize(actor, service.branch_id, Action.MANAGE_STAFF)
    now = service.clock.now()
    with service.store.read_session() as session:
        check_account(session, actor)
        rows = session.scalars(select(StaffRow).where(StaffRow.branch_id == service.branch_id).order_by(StaffRow.id))
        return tuple(
            StaffAccount(
                r.id,
                r.name,
                r.role,
                r.active,
                LockState.of(r).refusal(r.id, now) is not None,
            )
            for r in rows
        )
