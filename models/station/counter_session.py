"""Signing a teller in at a counter (and out), and a supervisor's release: events in the journal.

The PIN is checked by the staff service (upstream's accounts online, the station's signed copy
offline); who holds the counter is decided by the sign-in command against the state it runs on
(queueing/core/counter_sessions.py), and the events sync like every other event.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.branch.facade import BranchFacade
from models.branch.records import SessionView
from models.staff.facade import StaffFacade
from models.staff.session import StaffSession
from queueing.core.roles import PermissionDenied, Role


@dataclass(frozen=True)
class SignedIn:
    staff: StaffSession
    counter_id: str
    # Transaction codes this teller uses most, most used first.
    habits: tuple[str, ...]


def sign_in_at_counter(branch: BranchFacade, staff: StaffFacade, staff_id: str, pin: str, counter_id: str) -> SignedIn:
    """Check the PIN, then take the counter and open it for this teller (CounterTaken if another holds it)."""
    member = staff.verify(staff_id, pin, branch.station_id)
    branch.sign_in(counter_id, member.id)
    return SignedIn(member, counter_id, tuple(staff.most_used_transactions(member.id)))


def sign_out_of_counter(branch: BranchFacade, staff_id: str, counter_id: str, keep_open: bool = False) -> None:
    """Close the counter (it must have no current ticket, unless ``keep_open``) and end the teller's session."""
    branch.sign_out(counter_id, staff_id, keep_open)


def release_counter(
    branch: BranchFacade, staff: StaffFacade, supervisor_id: str, pin: str, counter_id: str
) -> SessionView | None:
    """End whoever's session holds ``counter_id`` (a station that crashed, a teller who left unsigned).

    The caller proves with their own PIN that they are a supervisor or administrator; returns the
    session ended, None when the counter was free.
    """
    member = staff.verify(supervisor_id, pin, branch.station_id)
    if member.role not in (Role.SUPERVISOR.value, Role.ADMINISTRATOR.value):
        raise PermissionDenied(f"{member.id} is a {member.role}: only a supervisor releases a counter")
    held = next((c.signed_in for c in branch.snapshot().counters if c.id == counter_id), None)
    branch.release_counter(counter_id, member.id)
    return held
