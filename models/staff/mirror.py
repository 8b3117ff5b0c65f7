"""The station's own copy of the branch's staff, so a teller can sign in while upstream is unreachable.

Only what sign-in needs is copied, and only for tellers: id, name, role, the argon2 PIN hash, whether
the account is active and the branch's signature over them (models/staff/signing.py). Counter
sessions are not copied: they are events in the journal and sync with it.
"""

from __future__ import annotations

from sqlalchemy import select, update

from models.store.database import Store
from models.store.tables import StaffRow
from models.store.upsert import upsert
from queueing.core.roles import Role

_STAFF_COLUMNS = (StaffRow.id, StaffRow.name, StaffRow.role, StaffRow.pin_hash, StaffRow.active, StaffRow.signature)
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
