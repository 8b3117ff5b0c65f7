"""The cheap paths of an event's envelope give exactly what the plain ones give."""

import dataclasses
import random
from datetime import UTC, datetime

from hypothesis import given, settings
from hypothesis import strategies as st

from queueing.core.clock import ManualClock
from queueing.core.commands import Commands
from queueing.core.errors import DomainError
from queueing.core.events import Event, EventType, StationContext, envelope
from queueing.core.hlc import HlcTimestamp, HybridLogicalClock
from queueing.core.tickets import PriorityClass

START = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


def test_envelope_is_the_event_its_fields_make():
    fields = {
        "id": "e1",
        "branch_id": "B1",
        "station_id": "S1",
        "seq": 7,
        "hlc": "000000000000001-00000-S1",
        "type": EventType.TICKET_CALLED,
        "at": START,
        "payload": {"ticket_id": "t1", "counter_id": "C1"},
    }
    made = envelope(**fields)
    plain = Event(**fields)
    assert made == plain and repr(made) == repr(plain) and vars(made) == vars(plain)
    # Every field of Event is set, the defaulted ones included: a field added later must be added there too.
    assert set(vars(made)) == {f.name for f in dataclasses.fields(Event)}
    assert dataclasses.replace(made, seq=8).seq == 8 and made.to_dict() == plain.to_dict()
    try:
        made.seq = 9  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:
        raise AssertionError("an envelope must stay frozen")


@settings(max_examples=60, deadline=None)
@given(
    steps=st.lists(
        st.tuples(st.sampled_from((0.0, 0.0, 0.0003, 0.001, 0.5, 3600.0)), st.integers(-3, 3), st.booleans()),
        min_size=1,
        max_size=200,
    )
)
def test_tick_text_is_tick_encoded(steps):
    clock = ManualClock(START)
    quick, plain = HybridLogicalClock(clock, "S1"), HybridLogicalClock(clock, "S1")
    for advance, skew, remote in steps:
        clock.advance(advance)
        if remote:  # a timestamp from another station, a little ahead of or behind this one
            seen = HlcTimestamp(int(clock.now().timestamp() * 1000) + skew, abs(skew), "S2")
            assert quick.receive(seen) == plain.receive(seen)
        text = quick.tick_text()
        assert text == plain.tick().encode()
        assert HlcTimestamp.decode(text) == quick._last


def test_envelopes_keep_sequence_and_clock_order():
    clock = ManualClock(START)
    ctx = StationContext("B1", "S1", clock)
    rng = random.Random(4)
    built = []
    for _ in range(300):
        clock.advance(rng.choice((0.0, 0.0004, 1.0)))
        count = rng.choice((1, 1, 2, 3))
        changes = [(EventType.COUNTER_OPENED, {"counter_id": f"C{i}"}) for i in range(count)]
        built += ctx.build(len(built) + 1, changes)
    assert [e.seq for e in built] == list(range(1, len(built) + 1))
    assert [e.hlc for e in built] == sorted(e.hlc for e in built) and len({e.hlc for e in built}) == len(built)
    assert len({e.id for e in built}) == len(built)


def test_execute_passes_the_command_its_arguments(engine):
    (opened,) = engine.execute(Commands.open_counter, "C1", "T1")
    (issued,) = engine.execute(Commands.issue_ticket, "CASH", "vip")
    assert opened.payload == {"counter_id": "C1", "staff_id": "T1"}
    assert engine.state.tickets[issued.payload["ticket_id"]].priority == "vip"
    assert engine.journal[-2:] == [opened, issued]


def test_priority_classes_by_text_or_member_and_nothing_else(engine):
    for given_class in (PriorityClass.ELDERLY, "elderly"):
        (issued,) = engine.execute(Commands.issue_ticket, "CASH", given_class)
        assert issued.payload["priority"] == "elderly" and type(issued.payload["priority"]) is str
    for wrong in ("Elderly", "", None, 3, ["vip"]):
        try:
            engine.execute(Commands.issue_ticket, "CASH", wrong)
        except DomainError:
            continue
        raise AssertionError(f"{wrong!r} was taken for a priority class")


def test_one_is_build_of_one_change():
    clock = ManualClock(START)
    numbered = [iter(range(1000)), iter(range(1000))]
    quick = StationContext("B1", "S1", clock, lambda: f"id-{next(numbered[0])}")
    plain = StationContext("B1", "S1", clock, lambda: f"id-{next(numbered[1])}")
    for seq in range(1, 50):
        clock.advance(0.0007 * (seq % 3))
        payload = {"counter_id": "C1", "n": seq}
        (built,) = plain.build(seq, [(EventType.COUNTER_PAUSED, payload)])
        made = quick.one(seq, EventType.COUNTER_PAUSED, payload)
        assert made == built and vars(made) == vars(built)
        assert set(vars(made)) == {f.name for f in dataclasses.fields(Event)}
