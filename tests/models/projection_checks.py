"""The check every sync test ends with: the projections say what replaying the journal says."""

import dataclasses

from sqlalchemy import func, select

from models.branch.state_loader import load_from_journal, load_from_projections
from models.store.database import Store
from models.store.tables import EventRow, ServiceRecordRow, TicketRow
from queueing.core.categories import BranchConfig
from queueing.core.events import EventType
from queueing.core.state import BranchState

# Not kept in the ticket projection (the service record holds the lines).
NOT_PROJECTED = {"transactions"}


def tickets_of(state: BranchState) -> dict[str, dict]:
    """The tickets a state holds that a start loads: its day's and the open ones. A closed ticket of an earlier
    day (served across midnight, or reopened by a visit begun before a day end) leaves a replayed state only at
    its next day roll."""
    return {
        t.id: {k: v for k, v in dataclasses.asdict(t).items() if k not in NOT_PROJECTED}
        for t in state.tickets.values()
        if t.is_open or t.business_date == state.business_date
    }


def counters_of(state: BranchState) -> dict[str, dict]:
    return {c.id: dataclasses.asdict(c) for c in state.counters.values()}


def _differences(projected: dict[str, dict], replayed: dict[str, dict]) -> str:
    """Where the projections part from the journal: per id, each field as (projected, replayed)."""
    lines = []
    for key in sorted(projected.keys() | replayed.keys()):
        mine, theirs = projected.get(key), replayed.get(key)
        if mine is None or theirs is None:
            lines.append(f"{key}: only in the {'journal' if mine is None else 'projections'}")
        elif mine != theirs:
            names = mine.keys() | theirs.keys()
            fields = {f: (mine.get(f), theirs.get(f)) for f in names if mine.get(f) != theirs.get(f)}
            lines.append(f"{key}: {fields}")
    return "projections (left) and journal (right) differ:\n" + "\n".join(lines)


def assert_projections_match_journal(store: Store, config: BranchConfig, branch_id: str) -> None:
    with store.read_session() as session:
        replayed, journal_pos = load_from_journal(session, config, branch_id)
        projected, projection_pos = load_from_projections(session, config, branch_id)
        ids = session.scalar(select(func.count(EventRow.id.distinct())).where(EventRow.branch_id == branch_id))
        rows = session.scalar(select(func.count()).select_from(EventRow).where(EventRow.branch_id == branch_id))
        # The loader falls back on the category for a row with none: the projections must have written every one.
        unfilled = session.scalar(
            select(func.count()).where(TicketRow.branch_id == branch_id, TicketRow.issued_category.is_(None))
        )
    assert ids == rows, "an event is in the upstream journal twice"
    assert unfilled == 0, "a ticket row holds no issued category"
    assert projection_pos == journal_pos
    assert tickets_of(projected) == tickets_of(replayed), _differences(tickets_of(projected), tickets_of(replayed))
    assert counters_of(projected) == counters_of(replayed), _differences(counters_of(projected), counters_of(replayed))
    assert set(projected.waiting) == set(replayed.waiting)
    assert projected.station_seq == replayed.station_seq
    assert projected.by_number == replayed.by_number
    assert projected.sessions == replayed.sessions
    assert_ratings_match_journal(store, branch_id)


def assert_ratings_match_journal(store: Store, branch_id: str) -> None:
    """Each service record's rating is the last rating of its ticket in the branch's journal (store order)."""
    with store.read_session() as session:
        rated = session.execute(
            select(EventRow.payload)
            .where(EventRow.branch_id == branch_id, EventRow.type == str(EventType.VISIT_RATED))
            .order_by(EventRow.position)
        )
        last = {payload["ticket_id"]: int(payload["rating"]) for (payload,) in rated}
        stored = dict(
            session.execute(
                select(ServiceRecordRow.ticket_id, ServiceRecordRow.rating).where(
                    ServiceRecordRow.branch_id == branch_id
                )
            ).all()
        )
    assert stored == {ticket: last.get(ticket) for ticket in stored}
