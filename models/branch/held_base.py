"""The base a station folds again from (BranchService.hold_base), kept in its own file across a restart.

A station restarted between its offline work and its next sync has lost the copy it kept in memory; when the
branch's order then moves its offline events behind others' they met, it folded its whole journal from the
start (half a minute on a year's file, with the station's lock held). The copy is written to ``held_base``
when it is taken, before the command that needed it: a crash between the two leaves a base of the journal as
it still stands, which is all a base needs to be.

A saved base is folded from only while it still describes this file: the event at its position is the one it
was taken at (a file restored from a backup, or one whose journal went back, holds another there or none),
and the program that reads it is the one that wrote it (``written_by``: the version, the source of the rules
that made the state, the text's format), running on the configuration it ran on (a category added, or a typical
service time changed, makes another state from the same events: a base of the old one had no smoothed service
times for the new category, and every wait estimate for its customers failed). Anything else is dropped with a
warning, and the fold from the journal's start stays the way back. The text is JSON read against the state's type hints
(models.branch.state_codec): a hostile or damaged row is refused, it never runs code.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import logging
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, select

import queueing.core
from models.branch.journal import event_id_at
from models.branch.state_codec import FORMAT, BadSnapshot, decode_state, encode_state
from models.store.upsert import Executor, upsert
from models.sync.tables import HeldBaseRow
from queueing.core.categories import BranchConfig
from queueing.core.state import BranchState

log = logging.getLogger(__name__)

_TABLE = HeldBaseRow.__table__


@functools.cache
def written_by() -> str | None:
    """This program's stamp on a saved base, None when it cannot tell its own rules apart (no sources to read):
    a base is then kept in memory only. The reducer and the state it builds live in queueing.core; a state
    another version of them built may not be what this one would have."""
    try:
        version = importlib.metadata.version("counterline")
    except importlib.metadata.PackageNotFoundError:
        version = "source"
    digest = hashlib.sha256()
    try:
        for source in sorted(Path(queueing.core.__file__).parent.glob("*.py")):
            digest.update(source.name.encode())
            digest.update(source.read_bytes())
    except OSError as exc:
        log.warning("the rules' sources cannot be read (%s): a station keeps its base in memory only", exc)
        return None
    return f"counterline {version} core {digest.hexdigest()[:16]} format {FORMAT}"


def _stamp(config: BranchConfig) -> str | None:
    """``written_by`` and the configuration the state was folded on: what a saved base is read back under."""
    own = written_by()
    if own is None:
        return None
    return f"{own} config {hashlib.sha256(repr(config).encode()).hexdigest()[:12]}"


@dataclass(frozen=True)
class Saved:
    """What the file holds for a station: whether a row is there, and the base it gives (None: none usable)."""

    found: bool
    base: tuple[int, BranchState] | None = None


def save_base(
    session: Executor, branch_id: str, station_id: str, position: int, event_id: str, state: BranchState, at: datetime
) -> None:
    """Keep ``state`` (the journal's up to ``position``, where ``event_id`` stands) as the station's base,
    instead of any kept before. Raises state_codec.Unstorable, or LookupError when this program cannot stamp it."""
    stamp = _stamp(state.config)
    if stamp is None:
        raise LookupError("this program cannot tell its own rules apart")
    row = {
        "branch_id": branch_id,
        "station_id": station_id,
        "position": position,
        "event_id": event_id,
        "written_by": stamp,
        "taken_at": at,
        "state": encode_state(state),
    }
    upsert(session, _TABLE, [row], ["branch_id", "station_id"])


def drop_saved(session: Executor, branch_id: str, station_id: str) -> None:
    session.execute(delete(_TABLE).where(_TABLE.c.branch_id == branch_id, _TABLE.c.station_id == station_id))


def read_saved(session: Executor, config: BranchConfig, branch_id: str, station_id: str) -> Saved:
    """The station's saved base, if it may be folded from (see the module's docstring); logs why not."""
    c = _TABLE.c
    mine = (c.branch_id == branch_id) & (c.station_id == station_id)
    row = session.execute(select(c.position, c.event_id, c.written_by, c.state).where(mine)).first()
    if row is None:
        return Saved(False)
    position, event_id, stamp, text = row
    if stamp != _stamp(config):
        why = f"written by {str(stamp)[:100]!r}, not by this program on this configuration"
    elif event_id_at(session, branch_id, int(position)) != event_id:
        why = f"the journal holds another event at position {position}, or none (restored from a backup?)"
    else:
        try:
            return Saved(True, (int(position), decode_state(str(text), config)))
        except BadSnapshot as exc:
            why = f"unreadable ({str(exc)[:200]})"
    log.warning("station %s: the base kept in its file is not folded from: %s", station_id, why)
    return Saved(True)
