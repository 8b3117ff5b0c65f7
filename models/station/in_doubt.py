"""Commands whose upstream COMMIT has an unknown outcome: kept aside, then settled one way or the other.

A link can die after the COMMIT left the station and before its answer came
back. The station cannot know whether upstream committed; so it never records
such events as done. They wait in ``in_doubt_event`` (their sequence numbers
reserved) until upstream is asked, under the branch lock, whether their ids
are in its journal:

- they are: the events are recorded in the station's journal, as facts;
- they are not: the command never happened; voids fill their sequence numbers,
  so the station's sequence stays gapless and nothing is renumbered.

The branch lock matters: the lost transaction holds it until the server has
finished it (committed, or rolled back when its client went silent), so once
the lock is had, the answer cannot change any more.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, delete, insert, select
from uuid6 import uuid7

from models.store.database import Store
from models.store.tables import EventRow
from models.store.upsert import Executor
from models.sync.tables import InDoubtEventRow
from queueing.core.errors import DomainError
from queueing.core.events import Event, EventType, StationContext


class CommandOutcomeUnknown(DomainError):
    """The link died at the COMMIT and upstream could not be asked in time: the command may or may not stand."""

    code = "outcome_unknown"


class CommitUncertain(Exception):
    """Raised inside the station service: ``events`` were sent for COMMIT and no answer came back."""

    def __init__(self, events: Sequence[Event]) -> None:
        super().__init__(f"no answer to the COMMIT of {len(events)} event(s)")
        self.events = list(events)


def keep_aside(session: Executor, events: Sequence[Event], now: datetime) -> None:
    """Write ``events`` to the station's in-doubt table (inside the caller's local transaction)."""
    rows = [
        {
            "id": e.id,
            "branch_id": e.branch_id,
            "station_id": e.station_id,
            "seq": e.seq,
            "event": json.dumps(e.to_dict()),
            "written_at": now,
        }
        for e in events
    ]
    if rows:
        session.execute(insert(InDoubtEventRow.__table__), rows)


def in_doubt(store: Store, branch_id: str, station_id: str) -> list[Event]:
    """The station's in-doubt events, in sequence order."""
    with store.read_session() as session:
        texts = session.scalars(
            select(InDoubtEventRow.event)
            .where(InDoubtEventRow.branch_id == branch_id, InDoubtEventRow.station_id == station_id)
            .order_by(InDoubtEventRow.seq)
        ).all()
    return [Event.from_dict(json.loads(text)) for text in texts]


# Built once: every online command settles its events through it.
_FORGET = delete(InDoubtEventRow.__table__).where(InDoubtEventRow.__table__.c.id.in_(bindparam("ids", expanding=True)))


def forget(session: Executor, events: Sequence[Event]) -> None:
    """Remove settled events from the in-doubt table (in the transaction that records their outcome)."""
    ids = [e.id for e in events]
    if ids:
        session.execute(_FORGET, {"ids": ids})


def committed_upstream(upstream: Store, branch_id: str, events: Sequence[Event]) -> bool:
    """Whether upstream's journal holds ``events`` (one command's: all or none), asked under the branch lock."""
    ids = [e.id for e in events]
    with upstream.write_session(lock_key=branch_id) as session:
        found = set(session.scalars(select(EventRow.id).where(EventRow.id.in_(ids))).all())
    if found and len(found) != len(ids):
        # One transaction wrote them: a part of them cannot be there. Say so rather than guess.
        raise RuntimeError(f"upstream holds {len(found)} of the {len(ids)} events of one command")
    return bool(found)


def voids_for(ctx: StationContext, events: Sequence[Event]) -> list[Event]:
    """One void per rolled-back event, at its sequence number, naming what it stands in for."""
    return [
        Event(
            id=str(uuid7()),
            branch_id=e.branch_id,
            station_id=e.station_id,
            seq=e.seq,
            hlc=ctx.hlc.tick().encode(),
            type=EventType.SEQ_VOID,
            at=ctx.clock.now(),
            payload={"voided_event": e.id, "voided_type": str(e.type)},
        )
        for e in events
    ]
