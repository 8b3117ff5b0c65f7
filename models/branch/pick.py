"""Which branch of a store a command works on: the one named with ``--branch``, or the store's only one.

Never creates a branch: a store without one is told to run ``branch init`` (or ``demo``).
"""

from __future__ import annotations

from models.store.branches import choose_branches, store_branches
from models.store.database import Store
from queueing.core.errors import ConfigError


def pick_branch(store: Store, wanted: str | None) -> str:
    """The id of ``wanted`` if the store has it, or of the store's only branch; ConfigError listing them otherwise."""
    if not store_branches(store):
        raise ConfigError(f"{store.label} holds no branch: set one up with 'branch init' (or try 'demo')")
    try:
        return choose_branches(store, [wanted] if wanted else (), ask="say which with --branch ID")[0].id
    except ValueError as exc:
        raise ConfigError(str(exc)) from None
