"""The station's own copy of the branch's staff, so a teller can sign in while upstream is unreachable.

Only what sign-in needs is copied, and only for tellers: id, name, role, the argon2 PIN hash, whether
the account is active, its signed version and the branch's signature over them (models/staff/signing.py). Counter
sessions are not copied: they are events in the journal and sync with it.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, CursorResult, Row, Update, or_, select, update
from sqlalchemy.orm import Session

from models.audit.log import AuditLogRow, Author
from models.staff.pin_lockout import FINAL_STAGE, STAGE_DELAYS
from models.staff.seen import SeenVersions
from models.staff.service import audit_pin_lock
from models.store.database import Store
from models.store.tables import StaffRow
from models.store.upsert import upsert
from models.store.utc import as_utc_or_none
from queueing.core.roles import Role
from queueing.customers.audit_chain import AuditAction

_STAFF_COLUMNS = (
    StaffRow.id,
    StaffRow.name,
    StaffRow.role,
    StaffRow.pin_hash,
    StaffRow.active,
    StaffRow.signature,
    StaffRow.signed_version,
    StaffRow.lock_resets,
    StaffRow.lock_stage,  # upstream's lock, which the copy's own is held against (_copy_lock)
    StaffRow.locked_until,
)
# Who may sign in at a teller station offline; supervisors and administrators sign in where upstream answers.
STATION_ROLES = (Role.TELLER.value,)


def mirror_staff(upstream: Store, local: Store, branch_id: str) -> int:
    """Copy the branch's tellers, with the branch's signatures, to the station's file.

    The PIN hashes of supervisors and administrators never reach a station: their rows there keep
    only id, name and role (screens name them), inactive and without a hash. Accounts gone
    upstream become inactive here.
    """
    with upstream.read_session() as session:
        found = session.execute(select(*_STAFF_COLUMNS).where(StaffRow.branch_id == branch_id)).all()
    rows = [_station_copy(branch_id, account) for account in found]
    with local.write_session() as session:
        copied = select(
            StaffRow.id, StaffRow.lock_resets, StaffRow.lock_stage, StaffRow.locked_until, StaffRow.typed_stage
        ).where(StaffRow.branch_id == branch_id)
        had = {r.id: r for r in session.execute(copied)}
        upsert(session, StaffRow.__table__, rows, ["branch_id", "id"])
        for account in found:
            if account.role in STATION_ROLES:
                _copy_lock(session, branch_id, account, had.get(account.id))
        session.execute(
            update(StaffRow)
            .where(StaffRow.branch_id == branch_id, StaffRow.id.not_in([row["id"] for row in rows]))
            .values(active=False)
        )
    # Outside the file: a signed row restored over a newer one is refused offline (models/staff/seen.py).
    # Upstream's version of every account, not the copy's: a supervisor's copy is unsigned at version 0, and
    # a teller's signed row from before a promotion must not pass once the account moved on.
    SeenVersions.beside(local).raise_to({account.id: account.signed_version or 0 for account in found})
    return len(rows)


def push_station_locks(upstream: Store, local: Store, branch_id: str, station_id: str, now: datetime) -> int:
    """Raise upstream's PIN lock of each teller to the one wrong PINs typed here put on it; returns how many.

    Without it a teller's account locked for good at a station offline signed in there once the cable was back
    (online, upstream decides) and at every other station, each allowing its own twenty tries. Only a lock typed
    here goes up (``typed_stage``; wrong PINs short of one stay here, and a lock this copy took from upstream
    never goes back: a right PIN there cleared it), only over upstream's lock as this station last copied it (an
    unlock or a new PIN since, which moved ``lock_resets``, wins), with its end held to what the stage allows
    from ``now`` (the station's clock, set by the server's): a station whose clock ran ahead locks nobody for
    longer. Each lock raised is in upstream's audit log, under this station, named by when it was typed: one
    already there never goes up again (a file restored from a backup, a reply lost after upstream's COMMIT).
    """
    with local.read_session() as session:
        typed = session.execute(
            select(
                StaffRow.id, StaffRow.role, StaffRow.lock_resets, StaffRow.typed_stage, StaffRow.typed_at,
                StaffRow.locked_until,
            ).where(StaffRow.branch_id == branch_id, StaffRow.typed_stage > 0)
        ).all()
    if not typed:
        return 0
    raised = 0
    with upstream.write_session() as session:
        for account in typed:
            typed_at = as_utc_or_none(account.typed_at)
            mark = typed_at.isoformat() if typed_at is not None else None
            if mark is not None and _pushed_before(session, branch_id, station_id, account.id, mark):
                continue
            if _raise_lock(session, branch_id, account, now):
                raised += 1
                author = Author(account.id, account.role, station_id)
                audit_pin_lock(session, branch_id, author, account.typed_stage, now, typed_offline=True, typed_at=mark)
    # Gone up (or overtaken by an unlock): nothing waits. Only the lock read above is cleared: a newer one typed
    # meanwhile (another moment) waits for the next sync.
    with local.write_session() as session:
        for account in typed:
            session.execute(
                update(StaffRow)
                .where(StaffRow.branch_id == branch_id, StaffRow.id == account.id)
                .where(StaffRow.typed_stage == account.typed_stage, _same_moment(account.typed_at))
                .values(typed_stage=0, typed_at=None)
            )
    return raised


def _same_moment(typed_at: datetime | None) -> ColumnElement[bool]:
    return StaffRow.typed_at.is_(None) if typed_at is None else StaffRow.typed_at == typed_at


def _pushed_before(session: Session, branch_id: str, station_id: str, staff_id: str, mark: str) -> bool:
    """Whether upstream's audit log already has this station's push of the lock typed at ``mark``."""
    found = session.scalars(
        select(AuditLogRow.detail).where(
            AuditLogRow.branch_id == branch_id,
            AuditLogRow.station_id == station_id,
            AuditLogRow.staff_id == staff_id,
            AuditLogRow.action == AuditAction.PIN_LOCKED.value,
        )
    )
    return any(isinstance(detail, dict) and detail.get("typed_at") == mark for detail in found)


def _raise_lock(session: Session, branch_id: str, here: Row, now: datetime) -> bool:
    same = (StaffRow.branch_id == branch_id, StaffRow.id == here.id, StaffRow.lock_resets == (here.lock_resets or 0))
    stage = min(int(here.typed_stage), FINAL_STAGE)
    higher = update(StaffRow).where(*same, StaffRow.lock_stage < stage)
    changed = _changed(session, higher, lock_stage=stage, failed_pins=0)
    until = as_utc_or_none(here.locked_until)
    if stage < FINAL_STAGE and until is not None and until > now:
        until = min(until, now + STAGE_DELAYS[stage - 1])
        later = or_(StaffRow.locked_until.is_(None), StaffRow.locked_until < until)
        changed += _changed(session, update(StaffRow).where(*same, later), locked_until=until)
    return changed > 0


def _changed(session: Session, statement: Update, **values: object) -> int:
    result: CursorResult[Any] = session.execute(statement.values(**values))  # type: ignore[assignment]  # an UPDATE's
    return result.rowcount or 0


def _copy_lock(session: Session, branch_id: str, upstream: Row, here: Row | None) -> None:
    """Upstream's lock, or the stricter of the two while a lock typed here has not gone up yet.

    A sync takes the locks typed here upstream first (``push_station_locks``), so upstream's lock is the whole
    story after it: a right PIN there clears the stage here too. Wrong PINs short of a lock stay counted here.
    An unlock or a new PIN given upstream since the last sync (its ``lock_resets`` moved) lifts the lock here
    and that count. A lock upstream holds this file too: an account locked for good upstream signed in here
    once the cable was pulled.
    """
    # In UTC: PostgreSQL answers in its session's zone, and the station's column keeps no offset.
    up_stage, up_until = upstream.lock_stage or 0, as_utc_or_none(upstream.locked_until)
    if here is None or (upstream.lock_resets or 0) != (here.lock_resets or 0):
        values: dict[str, object] = {"failed_pins": 0, "lock_stage": up_stage, "locked_until": up_until}
        values.update(typed_stage=0, typed_at=None)
    elif not here.typed_stage:
        if (up_stage, up_until) == (here.lock_stage or 0, as_utc_or_none(here.locked_until)):
            return
        values = {"lock_stage": up_stage, "locked_until": up_until}
    else:
        # The higher stage and, apart, the later end: an expired lock of a higher stage upstream must not end a
        # lock still running here.
        here_stage, here_until = here.lock_stage or 0, as_utc_or_none(here.locked_until)
        stage = max(up_stage, here_stage)
        until = max((u for u in (up_until, here_until) if u is not None), default=None)
        if (stage, until) == (here_stage, here_until):
            return
        values = {"lock_stage": stage, "locked_until": until}
    session.execute(
        update(StaffRow).where(StaffRow.branch_id == branch_id, StaffRow.id == upstream.id).values(**values)
    )


def _station_copy(branch_id: str, account: Row) -> dict:
    """The station's row of ``account`` (upstream's ``_STAFF_COLUMNS``): a teller's whole, anyone else's named only."""
    if account.role in STATION_ROLES:
        return {
            "branch_id": branch_id,
            "id": account.id,
            "name": account.name,
            "role": account.role,
            "pin_hash": account.pin_hash,
            "active": bool(account.active),
            "signature": account.signature,
            "signed_version": account.signed_version or 0,
            "lock_resets": account.lock_resets or 0,
        }
    return {
        "branch_id": branch_id,
        "id": account.id,
        "name": account.name,
        "role": account.role,
        "pin_hash": "",
        "active": False,
        "signature": None,
        "signed_version": 0,
        "lock_resets": 0,
    }
