"""A station knows its own identity: a restored backup, a replacement PC or a twin PC is told apart.

Each station file gets an incarnation id (a UUID) the first time it runs as a station.
Upstream remembers, per station id, the incarnation that syncs as that station. At every
sync the station compares:

- same incarnation, but upstream holds own events the file lacks: the file was restored
  from a backup. Those events are pulled back into it, with their own ids and sequence
  numbers, before anything is pushed. If the restored file worked offline before it could
  tell (its anchor restored with it, or behind a command whose answer was lost), its new
  events sit on sequence numbers upstream already holds: they move up past upstream's last
  one (``take_back_plan``), since they reached nobody yet, while upstream's may have.
- another incarnation, and this file holds no event of its own that upstream lacks: a
  replacement PC (or a fresh file) takes the station over; it pulls the station's events back
  and upstream records the new incarnation.
- another incarnation, and this file holds its own events upstream lacks: two files claim
  one station id. This file stops syncing (its events stay in it, nothing is lost) and says
  so; it needs a station id of its own.

Beside the file, an anchor (``<file>.anchor``) records the highest own sequence number
upstream acknowledged. A file found below its anchor at start was restored from a backup:
it may not work offline until a sync has given it back what it lost, since its next
offline events would reuse sequence numbers upstream already holds.
"""

from __future__ import annotations

import json
import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import bindparam, func, select, update
from sqlalchemy.orm import Session

from models.branch.journal import row_to_event
from models.store.atomic_file import replaced_on_success
from models.store.database import Store
from models.store.errors import StoreUnavailable
from models.store.location import sqlite_file
from models.store.tables import EventRow
from models.sync.tables import SyncStationRow
from queueing.core.errors import DomainError
from queueing.core.events import Event


class StationRestored(DomainError):
    """The station file is older than what upstream acknowledged: it must sync before it works offline."""

    code = "station_restored"


class StationIdTaken(DomainError):
    """Another station file syncs under this station id."""

    code = "station_id_taken"


def new_incarnation() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Anchor:
    incarnation: str
    high_seq: int


def anchor_path(local: Store) -> Path | None:
    path = sqlite_file(local.url)
    return None if path is None else path.with_name(path.name + ".anchor")


def read_anchor(local: Store) -> Anchor | None:
    path = anchor_path(local)
    if path is None or not path.exists():
        return None
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        return Anchor(str(raw["incarnation"]), int(raw["high_seq"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # an unreadable anchor proves nothing; upstream still checks at the next sync


def write_anchor(local: Store, anchor: Anchor) -> None:
    path = anchor_path(local)
    if path is None:
        return
    with replaced_on_success(path) as tmp:
        tmp.write_text(json.dumps({"incarnation": anchor.incarnation, "high_seq": anchor.high_seq}), "utf-8")
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())


def restored_from_backup(local: Store, incarnation: str, own_top: int) -> bool:
    """Whether the file holds fewer own events than upstream had acknowledged from it (its anchor says)."""
    anchor = read_anchor(local)
    return anchor is not None and anchor.incarnation == incarnation and anchor.high_seq > own_top


@dataclass(frozen=True)
class UpstreamView:
    """What upstream knows of this station id."""

    incarnation: str | None
    top_seq: int  # the highest sequence number of this station id in upstream's journal
    top_position: int = 0  # the branch's last position in upstream's journal
    own_position: int = 0  # the position of this station's event top_seq there (0: none)


def upstream_view(session: Session, branch_id: str, station_id: str) -> UpstreamView:
    incarnation = session.scalar(
        select(SyncStationRow.incarnation).where(
            SyncStationRow.branch_id == branch_id, SyncStationRow.station_id == station_id
        )
    )
    # This station's last event (its sequence number and where the journal holds it): one look-up of the index
    # on (branch, station, seq).
    top, own = session.execute(
        select(EventRow.seq, EventRow.position)
        .where(EventRow.branch_id == branch_id, EventRow.station_id == station_id)
        .order_by(EventRow.seq.desc())
        .limit(1)
    ).first() or (0, 0)
    last = session.scalar(select(func.max(EventRow.position)).where(EventRow.branch_id == branch_id))
    return UpstreamView(incarnation, int(top), int(last or 0), int(own))


def branch_went_back(view: UpstreamView, acked_seq: int, pulled_position: int) -> bool:
    """Whether upstream's journal is behind what this station saw of it: the branch store was restored from a
    backup (it lost events it had acknowledged to this station, or its journal ends before where this station
    had pulled to)."""
    return view.top_seq < acked_seq or view.top_position < pulled_position


class BranchStoreWentBack(StoreUnavailable):
    """Upstream holds fewer of this station's events than it acknowledged: a command decided on its state would
    number this station's events (and the branch's tickets) again. The command runs offline; the next sync
    sends the lost events again first."""


def claim_incarnation(session: Session, branch_id: str, station_id: str, incarnation: str) -> None:
    """Upstream records ``incarnation`` as the file that syncs as this station (if the station is registered)."""
    session.execute(
        update(SyncStationRow)
        .where(SyncStationRow.branch_id == branch_id, SyncStationRow.station_id == station_id)
        .values(incarnation=incarnation)
    )


def record_clock(session: Session, branch_id: str, station_id: str, offset_s: float, now: datetime) -> None:
    """Upstream keeps each station's last measured clock offset, for the supervisor."""
    session.execute(
        update(SyncStationRow)
        .where(SyncStationRow.branch_id == branch_id, SyncStationRow.station_id == station_id)
        .values(clock_offset_ms=round(offset_s * 1000), clock_measured_at=now)
    )


def own_events_upstream(session: Session, branch_id: str, station_id: str, after_seq: int) -> list[Event]:
    """This station id's events upstream with a sequence number above ``after_seq``, in order."""
    rows = session.scalars(
        select(EventRow)
        .where(EventRow.branch_id == branch_id, EventRow.station_id == station_id, EventRow.seq > after_seq)
        .order_by(EventRow.seq)
    ).all()
    return [row_to_event(row) for row in rows]


@dataclass(frozen=True)
class TakeBack:
    """What a sync does to a file that lacks some of its own events upstream holds."""

    lost: list[Event]  # own events upstream holds that this file lacks, in sequence order
    moves: list[tuple[int, int]]  # (old, new) sequence numbers of this file's unpushed events in their way


def take_back_plan(upstream_own: Sequence[Event], local_own: Sequence[tuple[int, str]]) -> TakeBack:
    """Both sides' own events above the acknowledged sequence: upstream's, and this file's as (seq, id) in order.

    An event of this file that upstream lacks but that sits at or below upstream's last sequence number was
    made offline on a restored file: it moves, in order, past upstream's last one. Upstream's are not moved:
    other stations may have acted on them.
    """
    upstream_ids = {e.id for e in upstream_own}
    local_ids = {event_id for _seq, event_id in local_own}
    lost = [e for e in upstream_own if e.id not in local_ids]
    mine = [seq for seq, event_id in local_own if event_id not in upstream_ids]
    top = max((e.seq for e in upstream_own), default=0)
    if not lost or not mine or mine[0] > top:
        return TakeBack(lost, [])
    return TakeBack(lost, [(seq, top + n) for n, seq in enumerate(mine, 1)])


def own_events_local(session: Session, branch_id: str, station_id: str, after_seq: int) -> list[tuple[int, str]]:
    """This file's own events above ``after_seq``, as (seq, id) in order."""
    rows = session.execute(
        select(EventRow.seq, EventRow.id)
        .where(EventRow.branch_id == branch_id, EventRow.station_id == station_id, EventRow.seq > after_seq)
        .order_by(EventRow.seq)
    ).all()
    return [(int(seq), str(event_id)) for seq, event_id in rows]


def move_own_events(session: Session, branch_id: str, station_id: str, moves: Sequence[tuple[int, int]]) -> None:
    """Give this file's events new sequence numbers (in the caller's transaction).

    Through negative numbers first: the (branch, station, seq) key stays unique after every single row.
    """
    table = EventRow.__table__
    step = (
        update(table)
        .where(table.c.branch_id == branch_id, table.c.station_id == station_id, table.c.seq == bindparam("old"))
        .values(seq=bindparam("new"))
    )
    session.execute(step, [{"old": old, "new": -old} for old, _new in moves])
    session.execute(step, [{"old": -old, "new": new} for old, new in moves])
