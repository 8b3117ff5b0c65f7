"""Who may act on a counter: its configuration is the administrator's, its queue commands its teller's.

Both checks run inside the services, on the session signing in returned (models/staff/session.py):
a caller cannot name a role or a staff id of its own. The holder check runs inside the command's
own transaction, on the state the command runs on, so a counter handed over meanwhile is refused too.
"""

from __future__ import annotations

from collections.abc import Callable

from models.staff.session import StaffSession, authorize, check_account, check_session
from models.store.database import Store
from queueing.core.commands import Commands
from queueing.core.events import Event
from queueing.core.roles import Action, PermissionDenied, Role
from queueing.core.state import BranchState


class CounterNotHeld(PermissionDenied):
    """The session's staff member is not the one signed in at the counter."""

    code = "counter_taken"  # the station says it as it says a counter taken at sign-in (ui/station/errors.py)


def authorize_configure(session: object, branch_id: str, store: Store | None) -> StaffSession:
    """An administrator of ``branch_id`` whose account is still active with that role (re-read in ``store``)."""
    actor = authorize(session, branch_id, Action.CONFIGURE_COUNTERS)
    if store is not None:
        with store.read_session() as db:
            check_account(db, actor)
    return actor


def teller_session(session: object, branch_id: str) -> StaffSession:
    """A sealed session of a person (the kiosk machine serves no counter)."""
    checked = check_session(session, branch_id)
    if checked.role is Role.KIOSK:
        raise PermissionDenied("the kiosk serves no counter")
    return checked


def check_holder(state: BranchState, session: StaffSession, counter_id: str) -> None:
    """The counter is open under the session's staff member; CounterNotHeld naming who holds it otherwise."""
    counter = state.counters.get(counter_id)
    holder = counter.staff if counter is not None and str(counter.status) != "closed" else None
    if holder != session.staff_id:
        raise CounterNotHeld(
            f"{session.staff_id} is not signed in at counter {counter_id}"
            + (f" ({holder} is)" if holder else " (it is closed)"),
            counter=counter_id,
            staff=session.staff_id,
        )


def held(session: StaffSession, counter_id: str, decide: Callable[[Commands], list[Event]]):
    """``decide`` preceded, in the same command, by the holder check."""

    def guarded(c: Commands) -> list[Event]:
        check_holder(c.state, session, counter_id)
        return decide(c)

    return guarded
