"""A BranchState as JSON text and back, for the base a station keeps in its own file (models.branch.held_base).

Not pickle: the text is read back from a file anyone with the station's login can write (or a restored backup
brings), and reading it must never run code. msgspec writes the state's fields from their type hints (a field
added to a ticket is written and read without a change here) and checks every value against its hint when it
reads them: anything else is ``BadSnapshot``, never a half-built state.

What msgspec does not do by itself is done here:
- ``config`` is left out: the reader brings its own.
- A waiting ticket is the same object in ``tickets`` and ``waiting``: the waiting ids are written, in order,
  and ``waiting`` is built again from ``tickets`` (a WaitingTickets, whose policy index is made on first use).
  No other mutable object is held twice (tickets, expired tickets, counters and stats are checked distinct; a
  conflict in ``session_clashes`` is also in ``conflicts``, but a Conflict is frozen and compared by value).
- ``handed_out``'s keys are pairs, which JSON cannot hold as keys: written as a list of (day, category, number).
- A moment in a named zone other than UTC would read back at the fixed offset it had then, and arithmetic
  across its summer time would change: such a state is ``Unstorable``. UTC under any name reads back as UTC.
- A state is written only if it reads back equal (a value not of its hint, a NaN, a class whose
  ``__post_init__`` would change it when read): otherwise ``Unstorable``, and the caller keeps its base in
  memory only.
"""

from __future__ import annotations

import functools
import typing
from collections.abc import Iterator
from datetime import date, datetime, timezone
from itertools import chain
from typing import Any

import msgspec

from queueing.core.categories import BranchConfig
from queueing.core.counters import Counter, SignIn
from queueing.core.service_stats import ServiceStats
from queueing.core.state import BranchState, CallRecord, Conflict
from queueing.core.tickets import Ticket
from queueing.core.waiting_index import WaitingTickets

# The layout of the text below; the stamp on a saved base includes it (held_base.written_by). 1 was the
# hand-written codec's: a row it wrote is not read (the stamp differs), and the fold goes from the start.
FORMAT = 2


class Unstorable(Exception):
    """The state holds a value this codec does not write back as it was."""


class BadSnapshot(Exception):
    """The text is not a state this codec wrote."""


class _Body(msgspec.Struct, array_like=True, forbid_unknown_fields=True):
    """BranchState's fields but its config, in its order (tests/models/branch/test_state_codec.py holds them to
    it); ``waiting`` and ``handed_out`` written as the module's docstring says."""

    business_date: date | None
    counters: dict[str, Counter]
    tickets: dict[str, Ticket]
    waiting: list[str]
    sequences: dict[str, int]
    handed_out: list[tuple[date, str, int]]
    station_seq: dict[str, int]
    stats: dict[str, ServiceStats]
    recent_calls: list[CallRecord]
    conflicts: list[Conflict]
    by_number: dict[str, str]
    sessions: dict[str, SignIn]
    session_clashes: dict[str, Conflict]
    expired: dict[str, Ticket]


class _Text(msgspec.Struct, forbid_unknown_fields=True):
    format: int
    state: _Body


_AS_WRITTEN = frozenset(_Body.__struct_fields__) - {"waiting", "handed_out"}
_DECODER = msgspec.json.Decoder(_Text)


def encode_state(state: BranchState) -> str:
    """The state as JSON text (its config left out: the reader brings its own). Raises Unstorable."""
    _check_shared(state)
    _check_zones(state)
    body = _Body(
        waiting=list(state.waiting),
        handed_out=[(day, code, number) for (day, code), number in state.handed_out.items()],
        **{name: getattr(state, name) for name in _AS_WRITTEN},
    )
    try:
        text = msgspec.json.encode(_Text(FORMAT, body)).decode()
    except (TypeError, ValueError, OverflowError, msgspec.MsgspecError) as exc:
        raise Unstorable(f"{type(exc).__name__}: {exc}") from exc
    try:
        same = decode_state(text, state.config) == state
    except BadSnapshot as exc:  # a value not of its hint: an int where a str is, a NaN written as null ...
        raise Unstorable(str(exc)) from exc
    if not same:
        raise Unstorable("the state would not read back as it is")
    return text


def decode_state(text: str, config: BranchConfig) -> BranchState:
    """The state ``encode_state`` wrote, on ``config``. Raises BadSnapshot for anything else."""
    try:
        doc = _DECODER.decode(text)
        if doc.format != FORMAT:
            raise BadSnapshot(f"a text of format {doc.format}, not {FORMAT}")
        body = doc.state
        state = BranchState(config)
        for name in _AS_WRITTEN:
            setattr(state, name, getattr(body, name))
        state.waiting = WaitingTickets((ticket_id, body.tickets[ticket_id]) for ticket_id in body.waiting)
        state.handed_out = {(day, code): number for day, code, number in body.handed_out}
        return state
    except BadSnapshot:
        raise
    except Exception as exc:  # not JSON, not of the hints, a day of 31 Feb, a waiting id no ticket has ...
        raise BadSnapshot(f"{type(exc).__name__}: {exc}") from exc


def _check_shared(state: BranchState) -> None:
    """Raises Unstorable unless the only mutable objects held twice are the waiting tickets, which are
    ``tickets``' own (the text holds each other object once, and reads it back as an object of its own)."""
    tickets = state.tickets
    for ticket_id, ticket in state.waiting.items():
        if tickets.get(ticket_id) is not ticket:
            raise Unstorable(f"waiting ticket {ticket_id!r} is not the one in tickets")
    held = list(chain(tickets.values(), state.expired.values(), state.counters.values(), state.stats.values()))
    if len({id(o) for o in held}) != len(held):
        raise Unstorable("an object held twice among the tickets, expired tickets, counters or stats")


def _check_zones(state: BranchState) -> None:
    for moment in _moments(state):
        zone = moment.tzinfo
        if zone is not None and type(zone) is not timezone and getattr(zone, "key", None) not in _UTC_NAMES:
            raise Unstorable(f"{moment!r} is not in UTC or at a fixed offset")


# Names of UTC itself: no summer time, read back as UTC, the same moment. PostgreSQL's driver hands back its
# moments in the server's TimeZone: Etc/UTC as a rule, GMT where the server was set up without one.
_UTC_NAMES = frozenset(
    {"UTC", "Etc/UTC", "Etc/UCT", "UCT", "Etc/Universal", "Universal", "Etc/Zulu", "Zulu"}
    | {"GMT", "Etc/GMT", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "GMT0", "GMT+0", "GMT-0", "Etc/Greenwich", "Greenwich"}
)


def _moments(state: BranchState) -> Iterator[datetime]:
    """The moments the state holds: its tickets', counters', sign-ins', calls' and conflicts' fields of a datetime."""
    figures = (c.figures for c in chain(state.conflicts, state.session_clashes.values()))
    held = (state.tickets.values(), state.expired.values(), state.counters.values(), state.sessions.values())
    items: Iterator[Any] = chain(*held, state.recent_calls, figures)
    for item in items:
        for name in _moment_fields(item.__class__):
            moment = getattr(item, name)
            if moment is not None:
                yield moment


@functools.cache
def _moment_fields(kind: type) -> tuple[str, ...]:
    return tuple(name for name, hint in typing.get_type_hints(kind).items() if hint in (datetime, datetime | None))
