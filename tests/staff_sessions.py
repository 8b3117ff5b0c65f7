"""Sessions for tests of the services that take one.

A test is trusted code: it builds sealed sessions directly with ``issue_session`` (what StaffService
does after a PIN), and ``add_accounts`` gives the store the active accounts the services re-read.
The sign-in itself (PINs, locks, the seal) is tested in tests/models/test_staff_session.py.
"""

from __future__ import annotations

from datetime import UTC, datetime

from models.staff_session import SignInMode, StaffSession, issue_session
from models.store import Store
from models.tables import StaffRow
from models.upsert import insert_ignore
from queueing.roles import Role

SIGNED_IN_AT = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def session_of(branch_id: str, staff_id: str, role: Role | str, station_id: str) -> StaffSession:
    if Role(role) is Role.KIOSK:
        from models.staff_session import machine_session

        return machine_session(branch_id, station_id, SIGNED_IN_AT)
    return issue_session(branch_id, staff_id, staff_id, role, station_id, SIGNED_IN_AT, SignInMode.ONLINE)


def add_accounts(store: Store, *sessions: StaffSession) -> None:
    """Active accounts (no usable PIN) for the people behind ``sessions`` the store lacks; the branches must exist."""
    rows = [
        {
            "branch_id": s.branch_id,
            "id": s.staff_id,
            "name": s.name,
            "role": s.role.value,
            "pin_hash": "-",
            "active": True,
        }
        for s in sessions
        if s.role is not Role.KIOSK
    ]
    with store.write_session() as session:
        insert_ignore(session, StaffRow.__table__, rows, ["branch_id", "id"])
