"""The station's commands, with BranchService's names and arguments, each run as one plan.

A plan gets the Commands of the state it runs on (upstream online, the station's
own offline) and a Numbering for tickets it issues; StationService decides where.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Sequence
from datetime import datetime

from models.branch.records import CommandResult
from models.staff.session import StaffSession
from models.station.counter_guard import authorize_configure
from models.store.database import Store
from queueing.core.commands import Commands
from queueing.core.events import Event
from queueing.core.reducer import apply
from queueing.core.tickets import PriorityClass, TransactionLine


class Numbering:
    """How an issue command numbers its ticket: upstream (online) or from leases and the station series (offline)."""

    def __init__(self, issue: Callable[..., list[Event]]) -> None:
        self.issue = issue


Plan = Callable[[Commands, Numbering], list[Event]]


class StationCommands:
    """The command methods; a subclass provides ``_execute(plan)`` and ``online``."""

    @property
    def online(self) -> bool:
        raise NotImplementedError

    branch_id: str

    @property
    def store(self) -> Store:
        raise NotImplementedError

    def _execute(self, plan: Plan) -> CommandResult:
        raise NotImplementedError

    def tickets_in_doubt(self) -> frozenset[str]:
        """Tickets named by commands whose upstream outcome is not known yet: not called again offline."""
        return frozenset()

    def run(self, decide: Callable[[Commands], list[Event]]) -> CommandResult:
        """Any command as one transaction, like BranchService.run (upstream online, locally offline)."""
        return self._execute(lambda c, n: decide(c))

    def configure_counter(
        self, session: StaffSession, counter_id: str, name: str, profile: dict[str, int]
    ) -> CommandResult:
        """An administrator's change (the account re-read upstream, where administrators sign in)."""
        authorize_configure(session, self.branch_id, self.store)
        return self._execute(lambda c, n: c.configure_counter(counter_id, name, profile))

    def open_counter(self, counter_id: str, staff_id: str | None = None) -> CommandResult:
        return self._execute(lambda c, n: c.open_counter(counter_id, staff_id))

    def close_counter(self, counter_id: str) -> CommandResult:
        return self._execute(lambda c, n: c.close_counter(counter_id))

    def sign_in(self, counter_id: str, staff_id: str) -> CommandResult:
        def plan(c: Commands, n: Numbering) -> list[Event]:
            if self.online:
                return c.sign_in(counter_id, staff_id)
            return own_sessions_only(c).sign_in(counter_id, staff_id)

        return self._execute(plan)

    def sign_out(self, counter_id: str, staff_id: str, keep_open: bool = False) -> CommandResult:
        return self._execute(lambda c, n: c.sign_out(counter_id, staff_id, keep_open))

    def release_counter(self, counter_id: str, by: str) -> CommandResult:
        return self._execute(lambda c, n: c.release_counter(counter_id, by))

    def pause(self, counter_id: str, reason: str) -> CommandResult:
        return self._execute(lambda c, n: c.pause(counter_id, reason))

    def resume(self, counter_id: str) -> CommandResult:
        return self._execute(lambda c, n: c.resume(counter_id))

    def issue_ticket(
        self,
        category: str,
        priority: PriorityClass | str = PriorityClass.REGULAR,
        customer_id: str | None = None,
        appointment_at: datetime | None = None,
        ticket_id: str | None = None,
    ) -> CommandResult:
        return self._execute(
            lambda c, n: n.issue(
                category=category,
                priority=priority,
                customer_id=customer_id,
                appointment_at=appointment_at,
                ticket_id=ticket_id,
            )
        )

    def issue_and_call(
        self,
        counter_id: str,
        category: str,
        priority: PriorityClass | str = PriorityClass.REGULAR,
        customer_id: str | None = None,
        staff_id: str | None = None,
    ) -> CommandResult:
        def plan(c: Commands, n: Numbering) -> list[Event]:
            issued = n.issue(category=category, priority=priority, customer_id=customer_id)
            for event in issued:
                apply(c.state, event)  # the call must see the new ticket; the runner applies it again (a no-op)
            return issued + c.call_ticket(counter_id, issued[0].payload["ticket_id"], "served at once", staff_id)

        return self._execute(plan)

    def call_next(self, counter_id: str, staff_id: str | None = None) -> CommandResult:
        def plan(c: Commands, n: Numbering) -> list[Event]:
            if self.online:
                return c.call_next(counter_id, staff_id)
            return own_tickets_only(c, self.tickets_in_doubt()).call_next(counter_id, staff_id)

        return self._execute(plan)

    def call_ticket(self, counter_id: str, ticket_id: str, reason: str, staff_id: str | None = None) -> CommandResult:
        return self._execute(lambda c, n: c.call_ticket(counter_id, ticket_id, reason, staff_id))

    def recall(self, counter_id: str) -> CommandResult:
        return self._execute(lambda c, n: c.recall(counter_id))

    def no_show(self, counter_id: str) -> CommandResult:
        return self._execute(lambda c, n: c.no_show(counter_id))

    def start(self, counter_id: str) -> CommandResult:
        return self._execute(lambda c, n: c.start(counter_id))

    def finish(
        self, counter_id: str, transactions: Sequence[TransactionLine], outcome: str = "completed"
    ) -> CommandResult:
        return self._execute(lambda c, n: c.finish(counter_id, list(transactions), outcome))

    def transfer(
        self, counter_id: str, to_category: str | None = None, to_counter: str | None = None, keep_place: bool = True
    ) -> CommandResult:
        return self._execute(lambda c, n: c.transfer(counter_id, to_category, to_counter, keep_place))

    def park(self, counter_id: str) -> CommandResult:
        return self._execute(lambda c, n: c.park(counter_id))

    def return_parked(self, counter_id: str, ticket_id: str) -> CommandResult:
        return self._execute(lambda c, n: c.return_parked(counter_id, ticket_id))

    def link_customer(self, counter_id: str, customer_id: str) -> CommandResult:
        return self._execute(lambda c, n: c.link_customer(counter_id, customer_id))

    def move_ticket(
        self,
        ticket_id: str,
        to_category: str | None = None,
        to_counter: str | None = None,
        seen_transfers: int | None = None,
    ) -> CommandResult:
        return self._execute(lambda c, n: c.move_ticket(ticket_id, to_category, to_counter, seen_transfers))

    def resolve_conflict(self, ticket_id: str, staff_id: str, note: str) -> CommandResult:
        return self._execute(lambda c, n: c.resolve_conflict(ticket_id, staff_id, note))

    def resolve_clash(self, event_id: str, staff_id: str, note: str) -> CommandResult:
        return self._execute(lambda c, n: c.resolve_clash(event_id, staff_id, note))


def own_sessions_only(c: Commands) -> Commands:
    """Commands over a view of the state holding only this station's own sessions (offline sign-in).

    Offline, another station's session may have ended upstream since it was pulled, and nothing may
    keep a teller from working while the link is down. If it still holds the counter upstream, the
    sign-in is a clash the supervisor sees once this station has synced.
    """
    view = copy.copy(c.state)
    view.sessions = {k: s for k, s in c.state.sessions.items() if s.station_id == c.ctx.station_id}
    return Commands(view, c.ctx)


def own_tickets_only(c: Commands, in_doubt: frozenset[str] = frozenset()) -> Commands:
    """Commands over a view of the state in which only this station's own tickets wait (offline calling).

    A ticket an in-doubt command may have called upstream is left out too.
    """
    view = copy.copy(c.state)
    view.waiting = {k: t for k, t in c.state.waiting.items() if t.issued_by == c.ctx.station_id and k not in in_doubt}
    return Commands(view, c.ctx)
