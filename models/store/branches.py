"""Which branches a store holds, and choosing among them by id.

Apart from the reports (models/reports/head_office.py, which offers the same names): a station finds its
branch with these at start-up, and need not import the report builders for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select

from models.store.database import Store
from models.store.tables import BranchRow


@dataclass(frozen=True)
class StoreBranch:
    id: str
    name: str
    timezone: str


def store_branches(store: Store) -> list[StoreBranch]:
    """Every branch of the store, by id."""
    with store.read_session() as session:
        rows = session.execute(select(BranchRow.id, BranchRow.name, BranchRow.timezone).order_by(BranchRow.id))
        return [StoreBranch(*row) for row in rows]


def choose_branches(
    store: Store, wanted: Sequence[str] = (), all_branches: bool = False, ask: str = "say --branch or --all-branches"
) -> list[StoreBranch]:
    """The branches named (in the order named, each once), every branch, or the store's only branch.

    Raises ValueError naming an unknown id, or listing the branches (after ``ask``, what the
    command's user should say) when the store holds several and none was named.
    """
    known = store_branches(store)
    if not known:  # a new or wrong store: nothing to choose from, whatever was asked (README: say so)
        raise ValueError(f"{store.label} holds no branch: set one up with 'branch init'")
    listing = ", ".join(b.id for b in known)
    if all_branches:
        return known
    if not wanted:
        if len(known) != 1:
            raise ValueError(f"{ask} (branches in {store.label}: {listing})")
        return known
    by_id = {b.id: b for b in known}
    unknown = [branch_id for branch_id in wanted if branch_id not in by_id]
    if unknown:
        names = ", ".join(repr(b) for b in unknown)
        raise ValueError(f"{store.label} has no branch {names} (branches: {listing})")
    return [by_id[branch_id] for branch_id in dict.fromkeys(wanted)]
