"""The station's own copy of the branch's staff, so a teller can sign in while upstream is unreachable.

Only what sign-in needs is copied, and only for tellers: id, name, role, the argon2 PIN hash, whether
the account is active and the branch's signature over them (models/staff/signing.py). Counter
sessions are the other way round: the station's file holds the sessions of this station, and at each
sync upstream is made to agree with it, so a sign-in or sign-out made offline reaches the branch afterwards.
"""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import delete, or_, select, update

from models.staff.service import CounterTaken, StaffService
from models.staff.tables import CounterSessionRow
from models.store.database import Store
from models.store.tables import StaffRow
from models.store.upsert import upsert
from queueing.core.roles import Role

log = logging.getLogger(__name__)

_STAFF_COLUMNS = (StaffRow.id, StaffRow.name, StaffRow.role, StaffRow.pin_hash, StaffRow.active, StaffRow.signature)
# Who may sign in at a teller station offline; supervisors and administrators sign in where upstream answers.
STATION_ROLES = (Role.TELLER.value,)


def mirror_staff(upstream: Store, local: Store, branch_id: str) -> int:
    """Copy the branch's tellers, with the branch's signatures, to the station's file.

    The PIN hashes of supervisors and administrators never reach a station: their rows there keep
    only id, name and role (counter sessions name them), inactive and without a hash. Accounts gone
    upstream become inactive here.
    """
    with upstream.read_session() as session:
        found = session.execute(select(*_STAFF_COLUMNS).where(StaffRow.branch_id == branch_id)).all()
    rows = [
        {"branch_id": branch_id, "id": i, "name": n, "role": r, "pin_hash": h, "active": bool(a), "signature": sig}
        if r in STATION_ROLES
        else {"branch_id": branch_id, "id": i, "name": n, "role": r, "pin_hash": "", "active": False, "signature": None}
        for i, n, r, h, a, sig in found
    ]
    with local.write_session() as session:
        upsert(session, StaffRow.__table__, rows, ["branch_id", "id"])
        session.execute(
            update(StaffRow)
            .where(StaffRow.branch_id == branch_id, StaffRow.id.not_in([row["id"] for row in rows]))
            .values(active=False)
        )
    return len(rows)


def hold_locally(local: Store, branch_id: str, staff_id: str, counter_id: str, station_id: str, at: datetime) -> None:
    """Record the station's session in its own file, replacing whatever it held for that counter or teller."""
    with local.write_session() as session:
        session.execute(
            delete(CounterSessionRow).where(
                CounterSessionRow.branch_id == branch_id,
                or_(CounterSessionRow.counter_id == counter_id, CounterSessionRow.staff_id == staff_id),
            )
        )
        session.add(
            CounterSessionRow(
                branch_id=branch_id, counter_id=counter_id, staff_id=staff_id, station_id=station_id, signed_in_at=at
            )
        )


def _sessions(store: Store, branch_id: str, station_id: str) -> dict[tuple[str, str], datetime]:
    with store.read_session() as session:
        rows = session.execute(
            select(CounterSessionRow.counter_id, CounterSessionRow.staff_id, CounterSessionRow.signed_in_at).where(
                CounterSessionRow.branch_id == branch_id, CounterSessionRow.station_id == station_id
            )
        ).all()
    return {(counter, staff): at for counter, staff, at in rows}


def replay_sessions(upstream: Store, local: Store, branch_id: str, station_id: str) -> list[str]:
    """Make upstream's sessions of this station those of the station's file; returns counters taken meanwhile.

    A counter another teller took upstream while this station was offline stays theirs upstream
    (the database refuses two); the teller here keeps working and the clash is logged for the supervisor.
    """
    mine = _sessions(local, branch_id, station_id)
    theirs = _sessions(upstream, branch_id, station_id)
    service = StaffService(upstream, branch_id)
    for counter_id, staff_id in theirs.keys() - mine.keys():
        service.sign_out(staff_id, counter_id)
    clashes = []
    for (counter_id, staff_id), at in mine.items():
        if (counter_id, staff_id) in theirs:
            continue
        try:
            service.take_counter(staff_id, counter_id, station_id, at)
        except CounterTaken as exc:
            log.warning(
                "station %s: %s signed in at %s offline, but upstream: %s", station_id, staff_id, counter_id, exc
            )
            clashes.append(counter_id)
    return clashes
