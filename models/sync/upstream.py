"""The branch as the upstream store holds it, seen from one station.

Online commands run here as one upstream transaction each; offline events come
back here in pushes. Both take the branch lock (an advisory lock on PostgreSQL,
BEGIN IMMEDIATE on SQLite), so upstream applies every event of the branch in
journal order and its projections always equal a replay of the journal.
"""

from __future__ import annotations

import functools
import json
import time
from collections.abc import Callable, Sequence
from concurrent.futures import Future, wait
from datetime import datetime

from sqlalchemy import bindparam, func, select, text
from sqlalchemy.orm import Session

from models.branch.journal import append, event_to_row, row_to_event
from models.branch.state_loader import events_to_apply, load_from_projections
from models.store.database import Store
from models.store.tables import EventRow, TicketRow
from models.store.upsert import Executor, dialect_insert, dialect_name
from models.sync.link_errors import failure_line, is_link_failure
from models.sync.pg_copy import COPY_FROM, copy_insert, copy_new
from models.sync.projection import ProjectedRows, apply_and_project, apply_batch, write_projected
from models.sync.push_batch import EVENT_COLUMNS, PushBatch, copy_row, journal_key
from models.sync.refusal_codes import refusal_code
from models.sync.tables import QuarantinedEventRow
from queueing.core.categories import BranchConfig
from queueing.core.commands import Commands
from queueing.core.conflict_reasons import ConflictReason
from queueing.core.events import Event, EventType, StationContext
from queueing.core.reducer import apply
from queueing.core.state import BranchState

Positioned = list[tuple[int, Event]]
Decide = Callable[[Commands, Executor], list[Event]]
Keep = Callable[[Positioned, list[Event]], Future[None]]


class ClaimLost(Exception):
    """The ticket this station chose is no longer waiting upstream: its view was stale."""


_CLAIM = select(TicketRow.id).where(
    TicketRow.id == bindparam("ticket"), TicketRow.branch_id == bindparam("branch"), TicketRow.status == "waiting"
)
# Built once: a statement made afresh on every call cost more of the call's time than its round trip.
_CLAIM_SKIP_LOCKED = _CLAIM.with_for_update(skip_locked=True)


def claim(session: Executor, branch_id: str, ticket_id: str) -> None:
    """Lock the ticket row for this call; on PostgreSQL a row another transaction holds is skipped, not awaited."""
    query = _CLAIM_SKIP_LOCKED if dialect_name(session) == "postgresql" else _CLAIM
    if session.execute(query, {"ticket": ticket_id, "branch": branch_id}).scalar() is None:
        raise ClaimLost(f"ticket {ticket_id} is not waiting upstream")


def claim_calls(session: Executor, branch_id: str, events: Sequence[Event]) -> None:
    issued_here = {e.payload["ticket_id"] for e in events if e.type is EventType.TICKET_ISSUED}
    for event in events:
        if event.type is EventType.TICKET_CALLED and event.payload["ticket_id"] not in issued_here:
            claim(session, branch_id, event.payload["ticket_id"])


def contiguous_seq(session: Session, branch_id: str, station_id: str, after: int = 0) -> int:
    """The highest n such that this station's events 1..n are all upstream (in the journal or quarantined).

    ``after``: the acknowledgement this station was given before (its sync cursor's ``acked_seq``): only the
    sequence numbers above it are read, through the (branch, station, seq) index, so a push costs its own
    events, not the station's whole history, under the branch lock. It is taken only if upstream still holds
    that event (journal or quarantine): a branch store restored from a backup lost a suffix of the journal
    (``models.station.identity.branch_went_back``), so one that holds event ``after`` holds 1..after as well;
    one that does not is counted from the start, as before.
    """
    if after > 0 and not _holds(session, branch_id, station_id, after):
        after = 0
    where = (EventRow.branch_id == branch_id, EventRow.station_id == station_id, EventRow.seq > after)
    held = session.execute(
        select(QuarantinedEventRow.seq)
        .where(
            QuarantinedEventRow.branch_id == branch_id,
            QuarantinedEventRow.station_id == station_id,
            QuarantinedEventRow.seq > after,
        )
        .limit(1)
    ).first()
    if held is not None:
        return _contiguous_with_quarantine(session, branch_id, station_id, after)
    count, top = session.execute(select(func.count(), func.max(EventRow.seq)).where(*where)).one()
    if not count:
        return after
    if count == top - after:
        return int(top)
    # A gap: the first sequence whose successor is missing (rare: pushes go in order).
    gap = session.execute(
        text(
            "SELECT min(e.seq) FROM event e WHERE e.branch_id = :b AND e.station_id = :s AND e.seq >= :after "
            "AND NOT EXISTS (SELECT 1 FROM event f WHERE f.branch_id = e.branch_id AND f.station_id = e.station_id "
            "AND f.seq = e.seq + 1)"
        ),
        {"b": branch_id, "s": station_id, "after": after},
    ).scalar()
    first = session.scalar(select(func.min(EventRow.seq)).where(*where))
    if first != after + 1:
        return after
    return after if gap is None else int(gap)


def _holds(session: Session, branch_id: str, station_id: str, seq: int) -> bool:
    """Whether upstream holds this station's event ``seq``, in its journal or quarantined: two index seeks."""
    journal = select(EventRow.seq).where(
        EventRow.branch_id == branch_id, EventRow.station_id == station_id, EventRow.seq == seq
    )
    kept = select(QuarantinedEventRow.seq).where(
        QuarantinedEventRow.branch_id == branch_id,
        QuarantinedEventRow.station_id == station_id,
        QuarantinedEventRow.seq == seq,
    )
    return session.execute(journal).first() is not None or session.execute(kept).first() is not None


def _contiguous_with_quarantine(session: Session, branch_id: str, station_id: str, after: int) -> int:
    # Rare (a station with a refused event): the sequence numbers of both tables above ``after``, walked in order.
    params = {"b": branch_id, "s": station_id, "after": after}
    seqs = session.execute(
        text(
            "SELECT seq FROM event WHERE branch_id = :b AND station_id = :s AND seq > :after UNION "
            "SELECT seq FROM sync_quarantine WHERE branch_id = :b AND station_id = :s AND seq > :after ORDER BY seq"
        ),
        params,
    ).scalars()
    reached = after
    for seq in seqs:
        if seq != reached + 1:
            break
        reached = seq
    return reached


def quarantine(session: Executor, event: Event, reason: str, now: datetime, code: str | None = None) -> None:
    """Keep a refused event aside with the reason (ASCII-escaped JSON: a NUL or a lone surrogate fits too), and
    the reason's code (models/sync/refusal_codes.py) that the supervisor's screen words."""
    row = {
        "id": event.id,
        "branch_id": event.branch_id,
        "station_id": event.station_id,
        "seq": event.seq,
        "type": str(event.type)[:40],
        "event": json.dumps(event.to_dict(), ensure_ascii=True),
        "reason": reason.replace("\x00", "")[:500],
        "reason_code": code,
        "received_at": now,
    }
    session.execute(insert_ignore_stmt(session), [row])


def insert_ignore_stmt(session: Executor):
    dialect = dialect_name(session)
    stmt = dialect_insert(dialect, QuarantinedEventRow.__table__)
    return stmt.on_conflict_do_nothing(index_elements=["id"])


def insert_new(
    session: Executor, events: Sequence[Event], payloads: Sequence[str] | None = None, plain_first: bool = True
) -> Positioned:
    """Insert the events not yet here (ON CONFLICT on the event id DO NOTHING); the inserted ones, by position.

    ``payloads``: the events' payloads as JSON text, if the caller has them so (a push from a journal).
    ``plain_first``: try one plain COPY of them all first (PostgreSQL, many events).
    """
    if not events:
        return []
    dialect = dialect_name(session)
    if dialect == "postgresql" and len(events) >= COPY_FROM:
        rows = _copy_insert(session, events, payloads, plain_first)
    else:
        # PostgreSQL numbers them in journal order, as the COPY paths do; SQLite in the order given (a pull's).
        given = _journal_order(events) if dialect == "postgresql" else events
        rows = list(session.execute(_insert_new_stmt(dialect), [event_to_row(e) for e in given]))
    by_id = {e.id: e for e in events}
    return sorted(((int(pos), by_id[event_id]) for event_id, pos in rows), key=lambda pair: pair[0])


@functools.cache
def _insert_new_stmt(dialect: str):
    stmt = dialect_insert(dialect, EventRow.__table__)
    return stmt.on_conflict_do_nothing(index_elements=["id"]).returning(EventRow.id, EventRow.position)


def _journal_order(events: Sequence[Event]) -> list[Event]:
    return sorted(events, key=journal_key)


def _copy_rows(events: Sequence[Event], payloads: Sequence[str] | None) -> tuple[list[Event], list[tuple]]:
    """The events in journal order, and their rows for COPY (payloads as JSON text)."""
    texts = payloads if payloads is not None else [json.dumps(e.payload) for e in events]
    if len(texts) != len(events):
        raise ValueError(f"{len(texts)} payloads for {len(events)} events: one JSON text per event is needed")
    # Journal order within the batch: a station's events by sequence, as the ON CONFLICT path orders them.
    # (A push comes in that order already; sorting sorted keys is one pass.)
    keys = list(map(journal_key, events))
    order = sorted(range(len(events)), key=keys.__getitem__)
    ordered = [events[i] for i in order]
    rows = [copy_row(e, texts[i]) for i, e in zip(order, ordered, strict=True)]
    return ordered, rows


def _copy_insert(
    session: Executor, events: Sequence[Event], payloads: Sequence[str] | None, plain_first: bool
) -> list[tuple[str, int]]:
    """PostgreSQL: the events by one COPY if none is here yet, else ON CONFLICT (id) DO NOTHING by way of COPY.

    The second path (COPY into a temporary table, then INSERT ... SELECT ... RETURNING)
    is the one a re-sent batch takes, after the database refused the first (or at once,
    without ``plain_first``).
    """
    ordered, rows = _copy_rows(events, payloads)
    table = EventRow.__table__
    if plain_first and copy_new(session, table, EVENT_COLUMNS, rows, encoded=True):
        return _positions(session, ordered)
    result = copy_insert(
        session,
        table,
        [dict(zip(EVENT_COLUMNS, row, strict=True)) for row in rows],
        ["id"],
        update=False,
        returning="id, position",
        order_by="branch_id, station_id, seq",
        encoded=True,
    )
    return [(row[0], row[1]) for row in result]


_FROM_FIRST = "FROM event WHERE branch_id = :b AND position >= (SELECT position FROM event WHERE id = :first)"
_SPAN = text(f"SELECT min(position), max(position) {_FROM_FIRST}")
_AFTER_FIRST = text(f"SELECT position {_FROM_FIRST} ORDER BY position")
_BY_ID = text("SELECT id, position FROM event WHERE id = ANY(:ids)")


def _positions(session: Executor, copied: list[Event]) -> list[tuple[str, int]]:
    """The positions the journal gave to ``copied``, all of one branch, just written by one COPY in this order."""
    # The branch lock keeps other writers of the branch out, so the branch's rows from the first one
    # on are these, numbered in COPY order. Usually the numbers run without a gap: when the span from
    # the first to the last holds exactly as many numbers as rows, it holds these rows and no other.
    # Two index look-ups then, instead of reading ten thousand positions or looking up every id.
    first = {"b": copied[0].branch_id, "first": copied[0].id}
    low, high = session.execute(_SPAN, first).one()
    if high - low + 1 == len(copied):
        return [(event.id, low + i) for i, event in enumerate(copied)]
    after = session.execute(_AFTER_FIRST, first).scalars().all()
    if len(after) == len(copied):
        return [(event.id, int(pos)) for event, pos in zip(copied, after, strict=True)]
    return [(row[0], row[1]) for row in session.execute(_BY_ID, {"ids": [e.id for e in copied]})]


def record_new(
    session: Executor,
    state: BranchState,
    events: Sequence[Event],
    payloads: Sequence[str] | None = None,
    plain_first: bool = True,
) -> Positioned:
    """Insert the new ones of ``events``, apply and project only those; returns them with their positions."""
    inserted = insert_new(session, events, payloads, plain_first)
    if inserted:
        apply_and_project(session, state, [event for _pos, event in inserted])
    return inserted


def record_all_new(
    session: Session, state: BranchState, batch: PushBatch, reload: Callable[[], BranchState]
) -> Positioned | None:
    """PostgreSQL, a push of many events none of which should be upstream yet: one plain COPY of them all.

    While the server takes the rows in, the batch's events are decoded and the reducer
    applies them; then their projections are written. None if the database refused the
    COPY (one of them is here already): nothing is stored then, but ``state`` has them
    all applied, so the caller must load it again.

    The connection is busy while the rows go in, so the expired tickets the batch may name
    (``load_expired``) cannot be looked up first. If an event named a ticket the state did not
    hold, ``reload()`` reads the state again from the projections, which this transaction has
    not touched, and the batch is applied again with them at hand: a call made before a day
    end then reopens the ticket it closed, as on every other path.
    """
    applied: list[ProjectedRows] = []
    conflicts_before = len(state.conflicts)
    if not copy_new(
        session,
        EventRow.__table__,
        EVENT_COLUMNS,
        batch.rows,
        encoded=True,
        meanwhile=lambda: applied.append(apply_batch(state, batch.events())),
    ):
        return None
    ordered = batch.events()
    unknown = ConflictReason.UNKNOWN_TICKET
    if any(c.reason is unknown for c in state.conflicts[conflicts_before:]):
        apply_and_project(session, reload(), ordered)
    else:
        write_projected(session, applied[0])
    positions = dict(_positions(session, ordered))
    return [(positions[event.id], event) for event in ordered]  # COPY order is position order


class UpstreamBranch:
    """Upstream state of one branch for one station; discard it after any failure (its state may be ahead)."""

    def __init__(self, store: Store, config: BranchConfig, ctx: StationContext) -> None:
        self.store = store
        self.branch_id = ctx.branch_id
        self.config = config
        self.ctx = ctx
        self.commit_sent = False
        with store.read_session() as session:
            self._load(session)

    def _load(self, session: Session) -> None:
        self.state, self.position = load_from_projections(session, self.config, self.branch_id)
        self.commands = Commands(self.state, self.ctx)

    def _reloaded(self, session: Session) -> BranchState:
        self._load(session)
        return self.state

    def _catch_up(self, session: Executor) -> Positioned:
        caught = events_to_apply(session, self.state, self.branch_id, self.position)
        for position, event in caught:
            apply(self.state, event)
            self.position = position
        return caught

    def run(self, decide: Decide, keep: Keep) -> list[Event]:
        """One command as one upstream transaction, kept locally before its COMMIT is sent.

        ``keep(caught, events)`` starts the local write as soon as the events are decided and returns
        it as a future: the station's disk and upstream's statements work at the same time, and the
        COMMIT waits for both. ``commit_sent`` says afterwards whether a failure came before the
        COMMIT left (then the transaction cannot have committed) or at it (then nobody knows yet).
        """
        self.commit_sent = False
        # A Core transaction: a command's few cached statements need none of the ORM session's bookkeeping.
        with self.store.write_transaction(lock_key=self.branch_id) as session:
            caught = self._catch_up(session)
            events = decide(self.commands, session)
            kept = keep(caught, events)
            try:
                claim_calls(session, self.branch_id, events)
                for event in events:
                    self.position = append(session, event)
                apply_and_project(session, self.state, events)
            except BaseException:
                wait([kept])  # the local write's end is known before the caller decides what to undo
                raise
            kept.result()
            self.commit_sent = True
        return events

    def receive(
        self, batch: PushBatch, station_id: str, then: Callable[[Session], object] | None = None, acked: int = 0
    ) -> int:
        """Take a push: insert what is new, project only that, and acknowledge the highest contiguous sequence.

        ``then(session)`` runs last in the same transaction (the station's leases with its last batch).
        ``acked``: the station's previous acknowledgement, from which the new one is counted (contiguous_seq).
        """
        with self.store.write_session(lock_key=self.branch_id) as session:
            if dialect_name(session) == "postgresql":
                # A push of a day's backlog may take longer than one command; the caller's deadline still holds.
                session.execute(text("SET LOCAL statement_timeout = '30s'"))
            self._catch_up(session)
            inserted = self._record(session, batch)
            if inserted:
                self.position = inserted[-1][0]
            acknowledged = contiguous_seq(session, self.branch_id, station_id, acked)
            if then is not None:
                then(session)
            return acknowledged

    def receive_one_by_one(
        self, batch: PushBatch, station_id: str, now: datetime, budget_s: float | None = None, acked: int = 0
    ) -> int:
        """Take a push the database refused as a whole: each event in a savepoint of its own.

        An event the database (or the reducer) refuses is quarantined with the reason and the
        push goes on past it, so one bad event never stops a station's sync. A dead link is
        raised as it is.

        ``budget_s``: stop taking events once this long has gone by (after one at least) and commit
        what was taken. Event by event a long backlog can outlast the caller's deadline, and a push
        that never commits would be tried again from the same place at every sync, for ever; the
        caller pushes the rest afterwards.
        """
        stop_at = time.monotonic() + budget_s if budget_s is not None else None
        with self.store.write_session(lock_key=self.branch_id) as session:
            self._catch_up(session)
            for taken, event in enumerate(batch.events()):
                if stop_at is not None and taken and time.monotonic() >= stop_at:
                    break
                try:
                    with session.begin_nested():
                        inserted = record_new(session, self.state, [event])
                except Exception as exc:
                    if is_link_failure(exc):
                        raise
                    self._load(session)  # the refused event may have reached the state
                    with session.begin_nested():
                        quarantine(session, event, failure_line(exc), now, refusal_code(event, exc))
                    continue
                if inserted:
                    self.position = inserted[-1][0]
            return contiguous_seq(session, self.branch_id, station_id, acked)

    def _record(self, session: Session, batch: PushBatch) -> Positioned:
        if dialect_name(session) != "postgresql" or len(batch) < COPY_FROM:
            return record_new(session, self.state, batch.events(), batch.payloads())
        inserted = record_all_new(session, self.state, batch, lambda: self._reloaded(session))
        if inserted is not None:
            return inserted
        # Some were here already (an acknowledgement lost on its way back): the state has had the
        # whole batch applied, so it is read again from the projections, which this transaction has
        # not touched, before only the new events are inserted, applied and projected.
        self._load(session)
        return record_new(session, self.state, batch.events(), batch.payloads(), plain_first=False)

    def pull(self, after: int, station_id: str, limit: int = 5000) -> tuple[Positioned, int]:
        """Other stations' events after upstream position ``after``, in journal order, and the position reached.

        The station's own events are left out: its own journal has them already.
        """
        with self.store.read_session() as session:
            # The end first: an event committed between the two reads is left for the next pull, never skipped.
            top = session.scalar(select(func.max(EventRow.position)).where(EventRow.branch_id == self.branch_id))
            top = max(after, int(top or 0))
            rows = session.scalars(
                select(EventRow)
                .where(EventRow.branch_id == self.branch_id, EventRow.position > after, EventRow.position <= top)
                .where(EventRow.station_id != station_id)
                .order_by(EventRow.position)
                .limit(limit)
            ).all()
            events = [(row.position, row_to_event(row)) for row in rows]
            return events, int(rows[-1].position) if len(rows) == limit else top

    def own_after(self, after: int, station_id: str) -> list[tuple[int, int]]:
        """The station's own events after upstream position ``after``, as (position, seq) in journal order.

        A pull leaves them out, but where they sit among the others' events is the branch's order, which the
        station's file must take (models.station.journal_order). Usually none, and never more than the station
        pushed since its last pull.
        """
        with self.store.read_session() as session:
            rows = session.execute(
                select(EventRow.position, EventRow.seq)
                .where(EventRow.branch_id == self.branch_id, EventRow.station_id == station_id)
                .where(EventRow.position > after)
                .order_by(EventRow.position)
            ).all()
            return [(int(position), int(seq)) for position, seq in rows]
