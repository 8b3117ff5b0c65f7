"""The reducer's conflicts on tickets kept as rows (``ticket_conflict``), so the Sync tab words the reducer's own
reason and figures: a replay of one ticket's events alone cannot see the rest of the branch (a counter busy with
another customer)."""

from __future__ import annotations

import dataclasses
import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.store.id_lists import id_chunks
from models.sync.tables import TicketConflictRow
from queueing.core.conflict_reasons import ConflictFigures, ConflictReason
from queueing.core.state import Conflict

_MOMENTS = frozenset(("at", "since"))  # the figures that are times (ISO text in the row)


def conflict_row(branch_id: str, conflict: Conflict) -> dict[str, Any]:
    figures = {
        k: (v.isoformat() if isinstance(v, datetime) else v)
        for k, v in dataclasses.asdict(conflict.figures).items()
        if v not in ("", None)
    }
    return {
        "branch_id": branch_id,
        "event_id": conflict.event_id,
        "ticket_id": conflict.ticket_id,
        "reason": str(conflict.reason),
        "figures": json.dumps(figures, sort_keys=True),
    }


def _conflict_of(row: TicketConflictRow) -> Conflict | None:
    try:
        reason = ConflictReason(row.reason)
        named: dict[str, Any] = json.loads(row.figures)
        for key in _MOMENTS.intersection(named):
            named[key] = datetime.fromisoformat(named[key])
        figures = ConflictFigures(**named)
    except (ValueError, TypeError):
        return None  # a code or figure a later version wrote: the caller falls back to its own account
    return Conflict(row.event_id, row.ticket_id, figures.event_type, reason, figures)


def recorded_conflicts(session: Session, branch_id: str, ticket_ids: Sequence[str]) -> dict[str, list[Conflict]]:
    """The conflicts recorded on ``ticket_ids``, per ticket, by event id (UUIDv7: the order they happened); one
    seek on the table's key (branch, ticket, event) per chunk of ids."""
    found: dict[str, list[Conflict]] = defaultdict(list)
    for chunk in id_chunks(ticket_ids):
        query = select(TicketConflictRow).where(
            TicketConflictRow.branch_id == branch_id, TicketConflictRow.ticket_id.in_(chunk)
        )
        for row in session.scalars(query.order_by(TicketConflictRow.event_id)):
            conflict = _conflict_of(row)
            if conflict is not None:
                found[row.ticket_id].append(conflict)
    return dict(found)


def open_session_clashes(session: Session, branch_id: str) -> dict[str, Conflict]:
    """The sign-in clashes no supervisor has resolved yet, by their event id (``BranchState.session_clashes``): kept
    under an empty ticket id, found by the key's first two columns."""
    query = select(TicketConflictRow).where(TicketConflictRow.branch_id == branch_id, TicketConflictRow.ticket_id == "")
    found = {}
    for row in session.scalars(query.order_by(TicketConflictRow.event_id)):
        conflict = _conflict_of(row)
        if conflict is not None:
            found[row.event_id] = conflict
    return found
