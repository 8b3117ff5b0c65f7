"""The one type the screens and the CLI depend on for a branch's commands and queries.

``BranchService`` (a station writing straight to the branch's store) and ``StationService``
(a station with its own file, synced upstream) both provide it, so no caller needs to ask
which one it holds.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Protocol, runtime_checkable

from models.branch.records import CommandResult, QueueSnapshot, TicketView
from models.staff.session import StaffSession
from models.store.database import Store
from models.sync.status import SyncStatus
from queueing.core.categories import BranchConfig
from queueing.core.clock import Clock
from queueing.core.commands import Commands
from queueing.core.events import Event
from queueing.core.state import BranchState
from queueing.core.tickets import PriorityClass, TransactionLine


@runtime_checkable
class BranchFacade(Protocol):
    branch_id: str
    station_id: str
    config: BranchConfig

    @property
    def clock(self) -> Clock:
        """The station's clock (corrected against upstream's on a synced station)."""
        ...

    # -- where it lives and how it is connected ---------------------------------
    @property
    def store(self) -> Store:
        """The branch's shared store (customer, staff and record tables are read there)."""
        ...

    @property
    def state(self) -> BranchState: ...

    @property
    def online(self) -> bool: ...

    def sync_status(self) -> SyncStatus: ...

    def status(self) -> SyncStatus: ...

    def close(self) -> None: ...

    # -- set-up ------------------------------------------------------------------
    def ensure_branch(self, name: str) -> None: ...

    def branch_name(self) -> str: ...

    # -- commands ----------------------------------------------------------------
    def run(self, decide: Callable[[Commands], list[Event]]) -> CommandResult: ...

    def configure_counter(
        self, session: StaffSession, counter_id: str, name: str, profile: dict[str, int]
    ) -> CommandResult: ...

    def tickets_in_doubt(self) -> frozenset[str]: ...

    def open_counter(self, counter_id: str, staff_id: str | None = None) -> CommandResult: ...

    def close_counter(self, counter_id: str) -> CommandResult: ...

    def sign_in(self, counter_id: str, staff_id: str) -> CommandResult: ...

    def sign_out(self, counter_id: str, staff_id: str, keep_open: bool = False) -> CommandResult: ...

    def release_counter(self, counter_id: str, by: str) -> CommandResult: ...

    def pause(self, counter_id: str, reason: str) -> CommandResult: ...

    def resume(self, counter_id: str) -> CommandResult: ...

    def issue_ticket(
        self,
        category: str,
        priority: PriorityClass | str = PriorityClass.REGULAR,
        customer_id: str | None = None,
        appointment_at: datetime | None = None,
        ticket_id: str | None = None,
    ) -> CommandResult:
        """A new ticket; with a ``ticket_id`` already issued, no new one (the result names no ticket)."""
        ...

    def issue_and_call(
        self,
        counter_id: str,
        category: str,
        priority: PriorityClass | str = PriorityClass.REGULAR,
        customer_id: str | None = None,
        staff_id: str | None = None,
    ) -> CommandResult: ...

    def call_next(self, counter_id: str, staff_id: str | None = None) -> CommandResult: ...

    def call_ticket(
        self, counter_id: str, ticket_id: str, reason: str, staff_id: str | None = None
    ) -> CommandResult: ...

    def recall(self, counter_id: str) -> CommandResult: ...

    def no_show(self, counter_id: str) -> CommandResult: ...

    def start(self, counter_id: str) -> CommandResult: ...

    def finish(
        self, counter_id: str, transactions: Sequence[TransactionLine], outcome: str = "completed"
    ) -> CommandResult: ...

    def transfer(
        self, counter_id: str, to_category: str | None = None, to_counter: str | None = None, keep_place: bool = True
    ) -> CommandResult: ...

    def link_customer(self, counter_id: str, customer_id: str) -> CommandResult: ...

    def park(self, counter_id: str) -> CommandResult: ...

    def return_parked(self, counter_id: str, ticket_id: str) -> CommandResult: ...

    def move_ticket(
        self,
        ticket_id: str,
        to_category: str | None = None,
        to_counter: str | None = None,
        seen_transfers: int | None = None,
    ) -> CommandResult: ...

    def resolve_conflict(self, ticket_id: str, staff_id: str, note: str) -> CommandResult: ...

    def resolve_clash(self, event_id: str, staff_id: str, note: str) -> CommandResult: ...

    # -- queries -----------------------------------------------------------------
    def refresh(self) -> int: ...

    def snapshot(self, counter_id: str | None = None, ahead: bool = False) -> QueueSnapshot: ...

    def ticket(self, ticket_id: str) -> TicketView: ...
