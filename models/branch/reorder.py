"""Putting the tail of a store's journal in another order (a station's file taking the branch's), and folding the
state again from where the order changed.

A station's file records its own offline events when they happen, the others' events when it pulls them; the
branch's journal may hold some of the others' first. Where the two orders meet (queueing.core.commuting), the
reducer's verdict differs: "the first counter that called the ticket keeps it" names another counter. The
branch's journal is the authority, so the file moves its own events after the others' that came first there,
and where that changes the state, folds it again from the first event that moved.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import bindparam, delete, insert, select, update

from models.branch.journal import event_to_row, events_after
from models.branch.projection import counter_row, session_row
from models.branch.state_loader import load_expired
from models.staff.tables import CounterSessionRow
from models.store.id_lists import id_chunks
from models.store.tables import CounterRow, EventRow, ServiceRecordRow
from models.store.upsert import Executor, upsert
from models.sync.projection import apply_and_project
from models.sync.tables import TicketConflictRow
from queueing.core.categories import BranchConfig
from queueing.core.commuting import meet
from queueing.core.events import Event, EventType
from queueing.core.reducer import apply
from queueing.core.state import BranchState


@dataclass(frozen=True)
class Placement:
    """Where the events of a wanted order go in a journal that holds some of them already."""

    keep: int  # the order's first ``keep`` events are held, in that order: they stay where they are
    moved: tuple[str, ...]  # ids of the held events after them: they go again to the end, in the wanted order
    first: int | None  # the lowest position the moved events leave (None: none moves)


def placement(order: Sequence[str], held: Mapping[str, int]) -> Placement:
    """The least moving that gives the journal ``order`` (event ids) at its end; ``held``: id -> position now.

    Events not held are appended at the end. The longest run of held events at the start of ``order``, in
    increasing positions, stays; every held event after it moves behind the appended ones where ``order`` says.
    """
    keep, last = 0, 0
    for event_id in order:
        position = held.get(event_id)
        if position is None or position < last:
            break
        keep, last = keep + 1, position
    moved = tuple(event_id for event_id in order[keep:] if event_id in held)
    return Placement(keep, moved, min((held[i] for i in moved), default=None))


@dataclass(frozen=True)
class Recorded:
    """What ``record_in_order`` did."""

    fresh: list[tuple[int, Event]]  # the events the journal did not hold, with their positions
    top: int  # the journal's last position now, and the id of the event there (None: nothing written)
    last_id: str | None
    first: int | None  # the lowest position a moved event left (None: none moved)
    folded: BranchState | None  # the state folded again from there (None: the given state was added to)


def record_in_order(
    session: Executor,
    state: BranchState,
    branch_id: str,
    order: Sequence[Event],
    before: Callable[[int], BranchState],
) -> Recorded:
    """Make the journal end with ``order`` (placement), and bring ``state`` and the rows to what that order gives.

    Usually nothing held moves: the new events are appended and applied, as any record does. When held events
    move behind new ones they met (queueing.core.commuting), the state is folded again from the first position
    they left: ``before(position)`` gives the state before it, and every event from there is applied and
    projected anew: that state is returned (``folded``), and ``state`` is stale.
    """
    held = held_positions(session, branch_id, [e.id for e in order])
    plan = placement([e.id for e in order], held)
    tail = order[plan.keep :]
    if not tail:
        return Recorded([], 0, None, None, None)
    top = top_position(session)
    fresh = write_in_order(session, branch_id, tail, held, top)
    done = Recorded(fresh, top + len(tail), tail[-1].id, plan.first, None)
    new = [e for _p, e in fresh]
    if plan.first is None:
        apply_and_project(session, state, new)
        return done
    last_moved = max(n for n, e in enumerate(tail) if e.id in held)
    passed = [e for e in tail[:last_moved] if e.id not in held]  # new events that now come before moved ones
    if not meet(state, [e for e in tail if e.id in held], passed):
        apply_and_project(session, state, new)
        return done
    folded = before(plan.first)
    project_again_from(session, folded, branch_id, plan.first)
    return Recorded(fresh, done.top, done.last_id, plan.first, folded)


def held_positions(session: Executor, branch_id: str, ids: Sequence[str]) -> dict[str, int]:
    """Position of each of ``ids`` this journal holds for the branch.

    Looked up by id alone (its unique index), the branch checked here: with the branch in the query SQLite walks
    the (branch, position) index instead, every event of the branch (3 s on a year's store for 2,000 ids).
    """
    found: dict[str, int] = {}
    table = EventRow.__table__.c
    for chunk in id_chunks(list(ids)):
        rows = session.execute(select(table.id, table.position, table.branch_id).where(table.id.in_(chunk)))
        found.update((str(event_id), int(position)) for event_id, position, branch in rows if branch == branch_id)
    return found


def top_position(session: Executor) -> int:
    """The journal's last position, whichever branch's event it holds (positions are the table's key)."""
    table = EventRow.__table__.c
    return int(session.execute(select(table.position).order_by(table.position.desc()).limit(1)).scalar() or 0)


def write_in_order(
    session: Executor, branch_id: str, tail: Sequence[Event], held: Mapping[str, int], top: int
) -> list[tuple[int, Event]]:
    """Give ``tail``'s events the positions after the journal's last, in that order: a held event moves there
    (same row, new position), a new one is inserted there. Positions only grow, as a journal's do; returns the
    new events with their positions. ``top``: the journal's last position."""
    table = EventRow.__table__
    moves = [{"event": e.id, "to": top + n} for n, e in enumerate(tail, 1) if e.id in held]
    fresh = [(top + n, e) for n, e in enumerate(tail, 1) if e.id not in held]
    if moves:
        # Moved one by one in order: each goes beyond every position there is, so none collides.
        move = update(table).where(table.c.id == bindparam("event")).values(position=bindparam("to"))
        session.execute(move, moves)
    if fresh:
        session.execute(insert(table), [{**event_to_row(e), "position": p} for p, e in fresh])
    return fresh


def state_before(
    session: Executor, config: BranchConfig, branch_id: str, first: int, base: tuple[int, BranchState] | None
) -> BranchState:
    """The state the journal's events before position ``first`` give: ``base`` (a state as of its position, taken
    while the journal before it already stood in this order) with the events after it, or failing that a fold of
    the journal from its start (slow on a large store: every event of the branch, kept there)."""
    if base is not None and base[0] < first:
        start, state = base
    else:
        start, state = 0, BranchState(config)
    run: list[Event] = []
    for position, event in events_after(session, branch_id, start):
        if position >= first:
            break
        run.append(event)
        if len(run) >= 5000:
            _fold(session, state, run)
    _fold(session, state, run)
    return state


def _fold(session: Executor, state: BranchState, run: list[Event]) -> None:
    if run:
        load_expired(session, state, run)  # a base loaded from the projections holds only the live tickets
        for event in run:
            apply(state, event)
        run.clear()


def project_again_from(session: Executor, state: BranchState, branch_id: str, first: int) -> None:
    """Apply to ``state`` (the state before position ``first``) every event from there on, in journal order, and
    write their rows again. Dropped first, as the new order may not make them again: the conflicts those events
    raised, and the visit records of the tickets they finished (a ticket closed before them keeps its own)."""
    events = [event for _position, event in events_after(session, branch_id, first - 1)]
    issued = {e.payload["ticket_id"] for e in events if e.type is EventType.TICKET_ISSUED}
    finished = {str(e.payload["ticket_id"]) for e in events if e.type is EventType.SERVICE_FINISHED}
    open_before = {t for t in finished if t in issued or (t in state.tickets and state.tickets[t].is_open)}
    conflicts = TicketConflictRow.__table__.c
    for chunk in id_chunks([e.id for e in events]):
        session.execute(
            delete(TicketConflictRow.__table__).where(conflicts.branch_id == branch_id, conflicts.event_id.in_(chunk))
        )
    records = ServiceRecordRow.__table__.c
    for chunk in id_chunks(sorted(open_before)):
        session.execute(
            delete(ServiceRecordRow.__table__).where(records.branch_id == branch_id, records.ticket_id.in_(chunk))
        )
    apply_and_project(session, state, events)
    # Every counter's row and sign-in: a handful, and the earlier order may have touched one these events leave.
    counters = [counter_row(branch_id, c) for c in state.counters.values()]
    upsert(session, CounterRow.__table__, counters, ["branch_id", "id"])
    session.execute(delete(CounterSessionRow.__table__).where(CounterSessionRow.__table__.c.branch_id == branch_id))
    held = [session_row(branch_id, c, s) for c, s in sorted(state.sessions.items())]
    if held:
        session.execute(insert(CounterSessionRow.__table__), held)
