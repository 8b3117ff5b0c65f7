"""The station's saved base as text (models/branch/state_codec.py): a state reads back equal, sharing its tickets
as it did; a text it did not write is refused, never half-read; a value it does not know leaves the base in memory."""

from __future__ import annotations

import copy
import dataclasses
import json
import typing
from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from models.branch import state_codec
from models.branch.state_codec import FORMAT, BadSnapshot, Unstorable, decode_state, encode_state
from models.sync.tables import HeldBaseRow
from queueing.core.commands import Commands
from queueing.core.conflict_reasons import ConflictFigures, ConflictReason
from queueing.core.counters import Counter, SignIn
from queueing.core.events import StationContext
from queueing.core.state import BranchState, CallRecord, Conflict
from queueing.core.tickets import PriorityClass, Ticket, TicketStatus, TransactionLine


def _busy(service, clock):
    """A day with most of what a state holds: classes, recalls, a park, a transfer, a finish with amounts, a pause,
    a double call (conflict), and yesterday's ticket closed by the day end."""
    service.issue_ticket("CASH")
    clock.advance(60 * 60 * 24)
    service.end_past_days()
    service.issue_ticket("CASH", PriorityClass.VIP)
    service.issue_ticket("CASH", PriorityClass.ELDERLY)
    service.issue_ticket("TRANSFER", PriorityClass.APPOINTMENT, appointment_at=clock.now() + timedelta(minutes=5))
    service.issue_ticket("CASH")
    clock.advance(30)
    service.call_next("C1")
    service.recall("C1")
    service.start("C1")
    service.park("C1")
    service.call_next("C1")
    service.start("C1")
    clock.advance(90)
    service.finish("C1", [TransactionLine("CASH_DEPOSIT", 2, 25_000.0)])
    other = Commands(copy.deepcopy(service.state), StationContext("B1", "ST9", clock))
    twice = next(t for t in service.state.waiting.values() if t.category == "TRANSFER")
    service.call_ticket("C1", twice.id, "asked for by name")
    service.record_many(other.call_ticket("C2", twice.id, "asked for by name"))
    service.transfer("C1", to_category="CASH")
    service.pause("C2", "lunch")
    return service.state


def test_a_busy_state_reads_back_equal_and_shares_its_tickets(service, clock):
    state = _busy(service, clock)
    assert state.conflicts and state.waiting and state.expired and state.recent_calls and state.stats
    assert {t.status for t in state.tickets.values()} >= {TicketStatus.PARKED, TicketStatus.DONE}
    back = decode_state(encode_state(state), state.config)
    assert back == state
    assert type(back.waiting) is type(state.waiting)
    assert all(back.waiting[t] is back.tickets[t] for t in back.waiting)
    assert back.config is state.config
    # The read state decides as the written one does (the policy's index is built anew beside its queue).
    mine = Commands(state, StationContext("B1", "ST1", clock)).call_next("C1")
    theirs = Commands(back, StationContext("B1", "ST1", clock)).call_next("C1")
    assert [e.payload["ticket_id"] for e in mine] == [e.payload["ticket_id"] for e in theirs]


def _text(service, clock) -> str:
    return encode_state(_busy(service, clock))


def _edited(text: str, edit) -> str:
    doc = json.loads(text)
    edit(doc["state"])  # BranchState's fields but its config, in its order: 1 counters, 2 tickets, 3 waiting ids
    return json.dumps(doc)


def _waiting_not_among_tickets(state: list) -> None:
    state[3].append("no-such-ticket")


def _counter_for_a_ticket(state: list) -> None:
    first = next(iter(state[2]))
    state[2][first] = next(iter(state[1].values()))  # a ticket that is a counter


def _bad_enum(text: str) -> str:
    return text.replace('"waiting"', "\"__import__('os').system('true')\"", 1)


def _other_format(text: str) -> str:
    doc = json.loads(text)
    doc["format"] = FORMAT + 1
    return json.dumps(doc)


def _a_key_too_many(text: str) -> str:
    doc = json.loads(text)
    doc["extra"] = 1
    return json.dumps(doc)


HOSTILE = {
    "not_json": lambda t: "\x80\x04\x95\x1c\x00cos\nsystem\n",
    "truncated": lambda t: t[: len(t) // 2],
    "other_format": _other_format,
    "a_key_too_many": _a_key_too_many,
    "a_list": lambda t: "[]",
    "fields_missing": lambda t: json.dumps({"format": FORMAT, "state": json.loads(t)["state"][:-1]}),
    "a_field_too_many": lambda t: _edited(t, lambda s: s.append({})),
    "waiting_not_among_tickets": lambda t: _edited(t, _waiting_not_among_tickets),
    "a_counter_for_a_ticket": lambda t: _edited(t, _counter_for_a_ticket),
    "unknown_status": _bad_enum,
    "no_day_31_feb": lambda t: _edited(t, lambda s: s.__setitem__(0, "2026-02-31")),
    "a_bool_for_a_number": lambda t: _edited(t, lambda s: s[4].__setitem__("CASH", True)),
    "deep": lambda t: f'{{"format":{FORMAT},"state":' + "[" * 200_000 + "]" * 200_000 + "}",
    "nan_for_a_date": lambda t: t.replace(json.dumps(json.loads(t)["state"][0]), "NaN", 1),
}


@pytest.mark.parametrize("spoil", list(HOSTILE), ids=list(HOSTILE))
def test_a_text_it_did_not_write_is_refused(service, clock, spoil):
    text = HOSTILE[spoil](_text(service, clock))
    with pytest.raises(BadSnapshot):
        decode_state(text, service.config)


def test_a_value_it_does_not_know_makes_the_state_unstorable(service, clock):
    state = _busy(service, clock)
    ticket = next(iter(state.tickets.values()))
    ticket.issued_at = ticket.issued_at.astimezone(ZoneInfo("Asia/Shanghai"))  # would read back as +08:00
    with pytest.raises(Unstorable):
        encode_state(state)
    ticket.issued_at = datetime(2026, 11, 23, tzinfo=UTC)
    ticket.number = 7  # type: ignore[assignment]
    with pytest.raises(Unstorable):
        encode_state(state)


def test_a_base_that_cannot_be_saved_is_kept_in_memory(service, clock, caplog):
    _busy(service, clock)
    next(iter(service.state.tickets.values())).number = 7  # type: ignore[assignment]
    service.hold_base()
    assert service._base is not None and service._base[0] == service.refresh()
    with service.store.read_session() as s:
        assert s.scalar(select(func.count()).select_from(HeldBaseRow)) == 0
    assert "kept in memory only" in caplog.text


def test_the_text_holds_every_field_of_the_state_but_its_config():
    """A field added to BranchState fails here until the codec writes it (and says whether it shares objects)."""
    state_hints = typing.get_type_hints(BranchState)
    body_hints = typing.get_type_hints(state_codec._Body)
    names = [f.name for f in dataclasses.fields(BranchState) if f.name != "config"]
    assert list(state_codec._Body.__struct_fields__) == names
    written_otherwise = {"waiting": list[str], "handed_out": list[tuple[date, str, int]]}
    assert body_hints == {name: written_otherwise.get(name, state_hints[name]) for name in names}


def _classes_with_moments(hint, visited: set[type], found: set[type]) -> None:
    """The dataclasses and named tuples ``hint`` reaches that have a field of a datetime, into ``found``."""
    for arg in typing.get_args(hint):
        _classes_with_moments(arg, visited, found)
    if not isinstance(hint, type) or hint in visited:
        return
    visited.add(hint)
    if dataclasses.is_dataclass(hint) or (issubclass(hint, tuple) and hasattr(hint, "_fields")):
        hints = typing.get_type_hints(hint)
        if any(datetime in (h, *typing.get_args(h)) for h in hints.values()):
            found.add(hint)
        for name, inner in hints.items():
            if name != "config":  # not written (the reader brings its own)
                _classes_with_moments(inner, visited, found)


def test_every_class_of_the_state_that_holds_a_moment_has_its_zone_checked():
    """state_codec._moments names where the state's moments are, each tried below (PLACES): a class holding one
    added elsewhere fails here until it is named there."""
    found: set[type] = set()
    _classes_with_moments(BranchState, set(), found)
    assert found == {Ticket, Counter, SignIn, CallRecord, ConflictFigures}


_MADRID = ZoneInfo("Europe/Madrid")


def _named_everywhere(state, zone):
    """``state`` with a sign-in and a counter's clash added, so every place that holds a moment holds one."""
    at = datetime(2026, 11, 24, 9, 0, tzinfo=zone)
    state.sessions["C1"] = SignIn("T1", "ST1", at)
    clash = Conflict("ev-clash", "", "counter_signed_in", ConflictReason.COUNTER_TAKEN, ConflictFigures(at=at))
    state.conflicts.append(clash)
    state.session_clashes["ev-clash"] = clash
    return state


def _set_moment(state, where: str, at: datetime) -> None:
    if where == "ticket":
        next(iter(state.tickets.values())).queued_at = at
    elif where == "expired ticket":
        next(iter(state.expired.values())).finished_at = at
    elif where == "counter":
        state.counters["C1"].status_since = at
    elif where == "sign-in":
        state.sessions["C1"] = dataclasses.replace(state.sessions["C1"], at=at)
    elif where == "call":
        state.recent_calls[0] = state.recent_calls[0]._replace(at=at)
    elif where == "conflict":
        state.conflicts[0] = dataclasses.replace(state.conflicts[0], figures=ConflictFigures(since=at))
    elif where == "counter clash":
        state.session_clashes["ev-clash"] = dataclasses.replace(
            state.session_clashes["ev-clash"], figures=ConflictFigures(at=at)
        )


PLACES = ["ticket", "expired ticket", "counter", "sign-in", "call", "conflict", "counter clash"]


@pytest.mark.parametrize("where", PLACES)
def test_a_moment_in_a_zone_with_summer_time_is_unstorable_wherever_it_is(service, clock, where):
    """It would read back at the offset it had then (+01:00), and arithmetic across the change of clocks would
    differ from the state folded from the journal's start."""
    state = _named_everywhere(_busy(service, clock), UTC)
    encode_state(state)
    _set_moment(state, where, datetime(2026, 11, 24, 9, 0, tzinfo=_MADRID))
    with pytest.raises(Unstorable):
        encode_state(state)


@pytest.mark.parametrize("where", PLACES)
def test_utc_under_any_name_and_a_fixed_offset_read_back_as_they_were(service, clock, where):
    """PostgreSQL's driver hands back its moments in Etc/UTC: they read back equal, in UTC itself (the reducer
    takes its quick paths for ``tzinfo is UTC``); an offset of the event's own reads back as that offset."""
    state = _named_everywhere(_busy(service, clock), ZoneInfo("Etc/UTC"))
    _set_moment(state, where, datetime(2026, 11, 24, 9, 0, tzinfo=ZoneInfo("Etc/UTC")))
    back = decode_state(encode_state(state), state.config)
    assert back == state
    assert {m.tzinfo for m in state_codec._moments(back)} == {UTC}
    plus_eight = timezone(timedelta(hours=8))
    _set_moment(state, where, datetime(2026, 11, 24, 17, 0, tzinfo=plus_eight))
    back = decode_state(encode_state(state), state.config)
    assert back == state
    assert {m.utcoffset() for m in state_codec._moments(back)} == {timedelta(0), timedelta(hours=8)}


@pytest.mark.parametrize("name", ["UTC", "Etc/UTC", "Universal", "GMT", "Etc/GMT", "Etc/Greenwich"])
def test_every_name_of_utc_reads_back_as_utc(service, clock, name):
    """A PostgreSQL server's TimeZone is Etc/UTC as a rule, GMT where it was set up without one (its driver hands
    the moments back in that zone): the base is saved, and reads back in UTC itself."""
    state = _busy(service, clock)
    for ticket in state.tickets.values():
        ticket.issued_at = ticket.issued_at.astimezone(ZoneInfo(name))
    back = decode_state(encode_state(state), state.config)
    assert back == state
    assert {t.issued_at.tzinfo for t in back.tickets.values()} == {UTC}


def test_keys_json_cannot_hold_read_back(service, clock):
    state = _busy(service, clock)
    state.handed_out = {(date(2026, 11, 24), "CASH"): 120, (date(2026, 11, 23), "CASH"): 7}
    back = decode_state(encode_state(state), state.config)
    assert back.handed_out == state.handed_out
    assert list(back.handed_out) == list(state.handed_out)


def test_an_object_held_twice_elsewhere_than_in_waiting_makes_the_state_unstorable(service, clock):
    """The text shares only the waiting tickets with ``tickets``; any other object held twice would read back as
    two, and a change to one would not show in the other."""
    state = _busy(service, clock)
    ticket_id, waiting = next(iter(state.waiting.items()))
    state.waiting[ticket_id] = copy.copy(waiting)  # equal, but not the one in tickets
    with pytest.raises(Unstorable):
        encode_state(state)
    state.waiting[ticket_id] = waiting
    encode_state(state)
    expired_id, expired = next(iter(state.expired.items()))
    state.tickets[expired_id] = expired
    with pytest.raises(Unstorable):
        encode_state(state)
    del state.tickets[expired_id]
    state.stats["TRANSFER"] = state.stats["CASH"]
    with pytest.raises(Unstorable):
        encode_state(state)


def test_a_state_that_would_not_read_back_as_it_is_is_unstorable(service, clock):
    """msgspec writes what it is given: a NaN is written as null (not a float when read), and a ServiceStats
    is read through its __post_init__, which takes a steady mean below zero for one not set yet."""
    state = _busy(service, clock)
    done = next(t for t in state.tickets.values() if t.service_seconds is not None)
    done.service_seconds = float("nan")
    with pytest.raises(Unstorable):
        encode_state(state)
    done.service_seconds = 90.0
    encode_state(state)
    state.stats["CASH"].steady_mean_s = -1.0
    with pytest.raises(Unstorable):
        encode_state(state)


@pytest.mark.parametrize(
    "text",
    ["\u202e\u05d0\u05d1\u05d2 1", "\U0001f600" * 1000, '\x00\x01\x1b[31m\n\t"\\', "x" * 1_000_000],
    ids=["rtl", "emoji", "control", "long"],
)
def test_hostile_text_in_the_state_reads_back_as_it_was(service, clock, text):
    state = _busy(service, clock)
    ticket = next(iter(state.tickets.values()))
    ticket.customer_id = text
    state.by_number[text] = ticket.id  # a key too
    back = decode_state(encode_state(state), state.config)
    assert back == state
    assert back.tickets[ticket.id].customer_id == text


def test_a_lone_surrogate_is_unstorable(service, clock):
    """Not UTF-8: msgspec refuses to write it (the old codec escaped it); the base is kept in memory only."""
    state = _busy(service, clock)
    next(iter(state.tickets.values())).customer_id = "\ud800"
    with pytest.raises(Unstorable):
        encode_state(state)
