"""Signing a teller in at a counter (and out): the staff session and the counter's state move together."""

from __future__ import annotations

from dataclasses import dataclass

from models.branch.service import BranchService
from models.staff.service import StaffService, StaffView
from queueing.core.errors import UnknownCounter


@dataclass(frozen=True)
class SignedIn:
    staff: StaffView
    counter_id: str
    # Transaction codes this teller uses most, most used first.
    habits: tuple[str, ...]


def sign_in_at_counter(
    branch: BranchService, staff: StaffService, staff_id: str, pin: str, counter_id: str
) -> SignedIn:
    """Check the PIN, take the counter (refused if another teller holds it) and open it for this teller.

    A counter left open by a teller who has no session any more (a station that crashed) is
    closed and opened again under the new teller when nobody is at its window.
    """
    member = staff.sign_in(staff_id, pin, counter_id, branch.station_id)
    try:
        counter = next((c for c in branch.snapshot().counters if c.id == counter_id), None)
        if counter is None:
            raise UnknownCounter(f"unknown counter {counter_id!r}", counter=counter_id)
        if counter.status == "closed":
            branch.open_counter(counter_id, member.id)
        elif counter.staff_id != member.id and counter.current is None:
            branch.close_counter(counter_id)
            branch.open_counter(counter_id, member.id)
    except BaseException:
        staff.sign_out(member.id, counter_id)
        raise
    return SignedIn(member, counter_id, tuple(staff.most_used_transactions(member.id)))


def sign_out_of_counter(branch: BranchService, staff: StaffService, staff_id: str, counter_id: str) -> None:
    """Close the counter (it must have no current ticket) and end the teller's session."""
    counter = next((c for c in branch.snapshot().counters if c.id == counter_id), None)
    if counter is not None and counter.status != "closed":
        branch.close_counter(counter_id)
    staff.sign_out(staff_id, counter_id)
