"""Sessions for tests of the services that take one.

A test is trusted code: it builds sealed sessions directly with ``issue_session`` (what StaffService
does after a PIN), and ``add_accounts`` gives the store the active accounts the services re-read.
The sign-in itself (PINs, locks, the seal) is tested in tests/models/staff/test_staff_session.py.
"""

from __future__ import annotations

from datetime import UTC, datetime

from models.staff.session import SignInMode, StaffSession, issue_session
from models.store.database import Store
from models.store.tables import StaffRow
from models.store.upsert import insert_ignore
from queueing.core.roles import Role

SIGNED_IN_AT = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
CLI_PIN = "246810"  # of the accounts credentials_file makes


def session_of(branch_id: str, staff_id: str, role: Role | str, station_id: str) -> StaffSession:
    if Role(role) is Role.KIOSK:
        from models.staff.session import machine_session

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


def credentials_file(
    store: Store, branch_id: str, directory, staff_id: str = "CLI1", role: Role | str = Role.SUPERVISOR
) -> str:
    """An account with a PIN for a command to sign in as (``--as FILE``), and that owner-only file."""
    from pathlib import Path

    from models.staff.service import StaffService

    admin = session_of(branch_id, "SETUP-ADMIN", Role.ADMINISTRATOR, "setup")
    add_accounts(store, admin)
    StaffService(store, branch_id).add(admin, staff_id, staff_id, role, CLI_PIN)
    path = Path(directory) / f"{staff_id}.toml"
    path.write_text(f'id = "{staff_id}"\npin = "{CLI_PIN}"\n')
    path.chmod(0o600)
    return str(path)
