"""The queue commands a teller gives at their own counter, each checked against the session that gives it.

The station's command path goes through here: the session's seal and branch are checked, the account
must still be active with the session's role (a teller deactivated while signed in is stopped at their
next command, not at their next sign-in), and inside the command's own transaction the counter must be
open under the session's staff member (models/station/counter_guard.py), so a teller cannot call, serve
or finish at a colleague's counter.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from models.branch.facade import BranchFacade
from models.branch.records import CommandResult
from models.staff.facade import StaffFacade
from models.staff.session import StaffSession
from models.station.commands import own_tickets_only
from models.station.counter_guard import check_holder, held, teller_session
from queueing.core.commands import Commands
from queueing.core.events import Event
from queueing.core.tickets import PriorityClass, TransactionLine


class CounterDesk:
    """One branch's counter commands for signed-in tellers (BranchService or StationService underneath)."""

    def __init__(self, branch: BranchFacade, staff: StaffFacade) -> None:
        self.branch = branch
        self.staff = staff

    def _actor(self, session: object) -> StaffSession:
        actor = teller_session(session, self.branch.branch_id)
        self.staff.still_serving(actor)
        return actor

    def _run(self, session: object, counter_id: str, decide: Callable[[Commands, str], list[Event]]) -> CommandResult:
        actor = self._actor(session)
        return self.branch.run(held(actor, counter_id, lambda c: decide(c, actor.staff_id)))

    def call_next(self, session: object, counter_id: str) -> CommandResult:
        def decide(c: Commands, staff_id: str) -> list[Event]:
            if not self.branch.online:  # offline a station calls only its own tickets (models/station/commands.py)
                c = own_tickets_only(c, self.branch.tickets_in_doubt())
            return c.call_next(counter_id, staff_id)

        return self._run(session, counter_id, decide)

    def call_ticket(self, session: object, counter_id: str, ticket_id: str, reason: str) -> CommandResult:
        return self._run(session, counter_id, lambda c, s: c.call_ticket(counter_id, ticket_id, reason, s))

    def recall(self, session: object, counter_id: str) -> CommandResult:
        return self._run(session, counter_id, lambda c, s: c.recall(counter_id))

    def no_show(self, session: object, counter_id: str) -> CommandResult:
        return self._run(session, counter_id, lambda c, s: c.no_show(counter_id))

    def start(self, session: object, counter_id: str) -> CommandResult:
        return self._run(session, counter_id, lambda c, s: c.start(counter_id))

    def finish(
        self, session: object, counter_id: str, transactions: Sequence[TransactionLine], outcome: str = "completed"
    ) -> CommandResult:
        return self._run(session, counter_id, lambda c, s: c.finish(counter_id, list(transactions), outcome))

    def transfer(
        self,
        session: object,
        counter_id: str,
        to_category: str | None = None,
        to_counter: str | None = None,
        keep_place: bool = True,
    ) -> CommandResult:
        return self._run(
            session, counter_id, lambda c, s: c.transfer(counter_id, to_category, to_counter, keep_place)
        )

    def park(self, session: object, counter_id: str) -> CommandResult:
        return self._run(session, counter_id, lambda c, s: c.park(counter_id))

    def return_parked(self, session: object, counter_id: str, ticket_id: str) -> CommandResult:
        return self._run(session, counter_id, lambda c, s: c.return_parked(counter_id, ticket_id))

    def pause(self, session: object, counter_id: str, reason: str) -> CommandResult:
        return self._run(session, counter_id, lambda c, s: c.pause(counter_id, reason))

    def resume(self, session: object, counter_id: str) -> CommandResult:
        return self._run(session, counter_id, lambda c, s: c.resume(counter_id))

    def link_customer(self, session: object, counter_id: str, customer_id: str) -> CommandResult:
        return self._run(session, counter_id, lambda c, s: c.link_customer(counter_id, customer_id))

    def issue_and_call(
        self,
        session: object,
        counter_id: str,
        category: str,
        priority: PriorityClass | str = PriorityClass.REGULAR,
        customer_id: str | None = None,
    ) -> CommandResult:
        """Issue and call at once. The holder is checked on the state just before, not inside the command:
        numbering the ticket is the facade's own (upstream, or leases offline)."""
        actor = self._actor(session)
        check_holder(self.branch.state, actor, counter_id)
        return self.branch.issue_and_call(counter_id, category, priority, customer_id, actor.staff_id)
