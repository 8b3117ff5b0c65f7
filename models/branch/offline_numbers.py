"""Ticket numbers that never collide, online or offline.

Online, numbers come from the branch series upstream (A001, A002 ...), which
skips every block leased to a station. Leased blocks start at LEASE_BASE (A501),
so the series a customer sees has no gap unless a category passes 500 a day.
Offline, a station issues from its own leased blocks of today, then from its
own series ``<category prefix><station tag><n>`` (``AK001``). Tags are unique in
the branch (a database constraint), and a branch number has a digit where a tag
has a letter, so no two stations can make the same number.
"""

from __future__ import annotations

import dataclasses
import string
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.store.upsert import Executor
from models.sync.tables import NumberLeaseRow, SyncStationRow
from queueing.core.commands import Commands, business_date, format_number
from queueing.core.events import Event
from queueing.core.state import BranchState

LEASE_BASE = 501  # the first number of the first leased block of a category and day
LEASE_SIZE = 10  # numbers per category in one block
LEASE_LOW = 5  # lease another block when fewer than this are left unused
TAGS = list(string.ascii_uppercase)  # one letter per station: AK001 reads like a ticket number


@dataclass(frozen=True)
class Lease:
    business_date: date
    category: str
    first_seq: int
    last_seq: int
    station_id: str


def leases_of_day(session: Executor, branch_id: str, day: date, station_id: str | None = None) -> list[Lease]:
    # The table's plain rows: an online command reads them on its Core connection (no ORM objects needed).
    table = NumberLeaseRow.__table__
    query = select(table.c.business_date, table.c.category, table.c.first_seq, table.c.last_seq, table.c.station_id)
    query = query.where(table.c.branch_id == branch_id, table.c.business_date == day)
    if station_id is not None:
        query = query.where(table.c.station_id == station_id)
    return [Lease(*row) for row in session.execute(query.order_by(table.c.category, table.c.first_seq))]


def register_station(session: Session, branch_id: str, station_id: str, now: datetime) -> str:
    """The station's series tag: the one it has, or the first free letter (the unique constraint has the last word)."""
    rows = session.execute(
        select(SyncStationRow.station_id, SyncStationRow.series_tag).where(SyncStationRow.branch_id == branch_id)
    ).all()
    for station, tag in rows:
        if station == station_id:
            return tag
    used = {tag for _station, tag in rows}
    free = next((t for t in TAGS if t not in used), None)
    if free is None:
        raise RuntimeError(f"branch {branch_id} has no free offline series tag left for station {station_id}")
    session.add(SyncStationRow(branch_id=branch_id, station_id=station_id, series_tag=free, registered_at=now))
    session.flush()
    return free


def _today(state: BranchState, now: datetime) -> date:
    return business_date(state, now)


def next_branch_seq(state: BranchState, category: str, day: date, leases: list[Lease]) -> int:
    """The next number of the branch series, stepping over every leased block."""
    seq = (state.sequences.get(category, 0) if state.business_date == day else 0) + 1
    for lease in sorted((x for x in leases if x.category == category), key=lambda x: x.first_seq):
        if lease.first_seq <= seq <= lease.last_seq:
            seq = lease.last_seq + 1
    return seq


def lease_block(
    session: Session, state: BranchState, branch_id: str, station_id: str, category: str, now: datetime
) -> Lease:
    """Lease the next LEASE_SIZE numbers above the branch series and every other block (under the branch lock)."""
    day = _today(state, now)
    top = session.scalar(
        select(func.max(NumberLeaseRow.last_seq)).where(
            NumberLeaseRow.branch_id == branch_id,
            NumberLeaseRow.business_date == day,
            NumberLeaseRow.category == category,
        )
    )
    current = state.sequences.get(category, 0) if state.business_date == day else 0
    first = max(current, top or 0, LEASE_BASE - 1) + 1
    lease = Lease(day, category, first, first + LEASE_SIZE - 1, station_id)
    session.add(NumberLeaseRow(branch_id=branch_id, leased_at=now, **dataclasses.asdict(lease)))
    session.flush()
    return lease


def unused(state: BranchState, prefix: str, lease: Lease) -> list[int]:
    if state.business_date is not None and state.business_date > lease.business_date:
        return []
    return [s for s in range(lease.first_seq, lease.last_seq + 1) if format_number(prefix, s) not in state.by_number]


def _renumber(event: Event, seq: int, number: str) -> Event:
    return dataclasses.replace(event, payload={**event.payload, "seq": seq, "number": number})


def issue_online(c: Commands, leases: list[Lease], seen: BranchState | None = None, **ticket) -> list[Event]:
    """A ticket numbered from the branch series, skipping leased blocks, and above the series ``seen`` (a station's
    own file): a branch store restored from a backup has lost numbers the file holds and customers have on slips."""
    events = c.issue_ticket(**ticket)
    if not events:  # issued before (Commands.issue_ticket)
        return events
    cat = c.state.config.category(ticket["category"])
    day = date.fromisoformat(events[0].payload["business_date"])
    seq = next_branch_seq(c.state, cat.code, day, leases)
    if seen is not None:
        seq = max(seq, next_branch_seq(seen, cat.code, day, leases))
    return [_renumber(events[0], seq, format_number(cat.prefix, seq))]


def issue_offline(c: Commands, my_leases: list[Lease], tag: str, **ticket) -> list[Event]:
    """A ticket numbered from this station's leased block of today, or else its own tagged series."""
    events = c.issue_ticket(**ticket)
    if not events:  # issued before (Commands.issue_ticket)
        return events
    cat = c.state.config.category(ticket["category"])
    day = date.fromisoformat(events[0].payload["business_date"])
    for lease in my_leases:
        if lease.category == cat.code and lease.business_date == day:
            free = unused(c.state, cat.prefix, lease)
            if free:
                # Sequence 0: an offline number does not move the branch series (which skips the block anyway).
                return [_renumber(events[0], 0, format_number(cat.prefix, free[0]))]
    n = 1
    while f"{cat.prefix}{tag}{n:03d}" in c.state.by_number:
        n += 1
    return [_renumber(events[0], 0, f"{cat.prefix}{tag}{n:03d}")]
