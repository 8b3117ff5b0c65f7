"""Writing simulated branch days into a store, as if a branch had lived them.

The simulator's event stream is replayed through the reducer here and written in
bulk: the journal rows, and the ticket, counter and service-record rows that
BranchService would have projected after each event (models/branch/projection.py's row
functions on the same reducer state). Rows go in with executemany inside a few
large transactions, so a year of a busy branch takes seconds, not hours.
"""

from __future__ import annotations

import secrets
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from models.branch.journal import event_to_row
from models.branch.service import BranchService
from models.staff.service import hash_pin
from models.store.database import Store
from models.store.tables import EventRow, StaffRow
from models.store.upsert import insert_ignore
from models.sync.projection import apply_batch, write_projected
from queueing.core.categories import BranchConfig
from queueing.core.events import Event, EventType
from queueing.core.state import BranchState
from queueing.simulation.simulator import STATION_ID, SimulationResult, simulate
from queueing.simulation.spec import SimulationSpec

# Events held in memory before they are written in one transaction.
DEFAULT_BATCH = 100_000


class BranchNotEmpty(Exception):
    """The store already holds events of the branch: simulated days would clash with them."""


@dataclass
class WriteCounts:
    events: int = 0
    ticket_rows: int = 0  # rows written: a ticket that spans two batches counts twice
    service_records: int = 0
    staff: int = 0


class SimStoreWriter:
    """A sink for the simulator's events that writes them, and their projections, into ``store``.

    ``until``: events after this moment are left out, so the last day can be a live
    day cut short (counters open, tickets waiting) rather than a closed one.
    """

    def __init__(
        self,
        store: Store,
        config: BranchConfig,
        branch_id: str,
        until: datetime | None = None,
        batch: int = DEFAULT_BATCH,
    ) -> None:
        self.store = store
        self.branch_id = branch_id
        self.until = until
        self.batch = batch
        self.state = BranchState(config)
        self.counts = WriteCounts()
        self.staff_ids: set[str] = set()
        self.last_at: datetime | None = None
        self._pending: list[Event] = []

    def __call__(self, event: Event) -> None:
        if self.until is not None and event.at > self.until:
            return
        self._pending.append(event)
        self.last_at = event.at
        if event.type is EventType.COUNTER_OPENED and event.payload.get("staff_id"):
            self.staff_ids.add(event.payload["staff_id"])
        if len(self._pending) >= self.batch:
            self.flush()

    def flush(self) -> None:
        """Apply and write what is held in one transaction, by the one projection path (models.sync.projection)."""
        if not self._pending:
            return
        rows = apply_batch(self.state, self._pending, self.branch_id)
        events = []
        for event in self._pending:
            row = event_to_row(event)
            row["branch_id"] = self.branch_id
            events.append(row)
        with self.store.write_session() as session:
            self._write_staff(session)
            session.execute(insert(EventRow.__table__), events)
            write_projected(session, rows)
        self.counts.events += len(events)
        self.counts.ticket_rows += len(rows.old_tickets) + len(rows.new_tickets)
        self.counts.service_records += len(rows.records)
        self._pending = []

    def _write_staff(self, session: Session) -> None:
        """Simulated tellers get accounts whose PIN nobody knows: their records name them, nobody signs in."""
        known = set(session.scalars(select(StaffRow.id).where(StaffRow.branch_id == self.branch_id)))
        rows = [
            {
                "branch_id": self.branch_id,
                "id": staff_id,
                "name": f"Simulated teller {staff_id}",
                "role": "teller",
                "pin_hash": hash_pin(f"{secrets.randbelow(10**12):012d}"),
                "active": True,
            }
            for staff_id in sorted(self.staff_ids - known)
        ]
        self.counts.staff += insert_ignore(session, StaffRow.__table__, rows, ["branch_id", "id"])


def prepare_branch(store: Store, config: BranchConfig, branch_id: str, name: str) -> None:
    """The branch and category rows, exactly as BranchService.ensure_branch writes them.

    Raises BranchNotEmpty when the branch already has events in the store.
    """
    with store.read_session() as session:
        used = session.scalar(select(EventRow.position).where(EventRow.branch_id == branch_id).limit(1))
    if used is not None:
        raise BranchNotEmpty(f"{store.label}: branch {branch_id} already has events; choose another branch id")
    BranchService(store, config, branch_id, STATION_ID).ensure_branch(name)


def write_simulation(
    store: Store,
    spec: SimulationSpec,
    branch_id: str,
    branch_name: str,
    seed: int = 1,
    until: datetime | None = None,
    estimates: bool = True,
    on_day: Callable[[int], None] | None = None,
) -> tuple[SimulationResult, SimStoreWriter]:
    """Simulate ``spec`` and write every day into ``store`` under ``branch_id``.

    ``estimates`` as in queueing.simulation.simulator.simulate (off makes long runs faster; the
    stored rows are the same). Returns the simulation's result and the writer (its counts).
    """
    prepare_branch(store, spec.config, branch_id, branch_name)
    writer = SimStoreWriter(store, spec.config, branch_id, until=until)
    sink: Callable[[Event], None] = writer
    if on_day is not None:
        sink = _day_reporter(writer, on_day)
    result = simulate(spec, seed, sink=sink, keep_events=False, estimates=estimates)
    writer.flush()
    return result, writer


def _day_reporter(writer: SimStoreWriter, on_day: Callable[[int], None]) -> Callable[[Event], None]:
    """Wraps the writer to call ``on_day(days done)`` when a new business day starts."""
    seen: list[str] = []

    def sink(event: Event) -> None:
        if event.type is EventType.TICKET_ISSUED:
            day = event.payload["business_date"]
            if not seen or seen[-1] != day:
                if seen:
                    on_day(len(seen))
                seen.append(day)
        writer(event)

    return sink
