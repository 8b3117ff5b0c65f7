import copy
import dataclasses
import gc
import pickle
import uuid
from datetime import UTC, datetime

import pytest

from queueing.core.clock import ManualClock
from queueing.core.events import Event, EventType, StationContext
from queueing.simulation.ids import SimulatedIds
from queueing.simulation.simulator import simulate
from queueing.simulation.spec import simple_spec


def test_simulated_ids_are_unique_uuid7_text_sorting_by_simulated_time():
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    ids, other = SimulatedIds(clock), SimulatedIds(clock)
    made = []
    for _ in range(3):
        made += [ids() for _ in range(1000)] + [other() for _ in range(10)]
        clock.advance(0.002)
    assert len(set(made)) == len(made)
    for text in made:
        parsed = uuid.UUID(text)
        assert str(parsed) == text and parsed.version == 7 and parsed.variant == uuid.RFC_4122
    first, later = ids(), (clock.advance(5), ids())[1]
    assert first < later  # milliseconds lead, as in a real UUIDv7


def test_a_simulated_day_uses_them_for_events_and_tickets():
    result = simulate(simple_spec(2, 40, 120, hours=1), seed=3)
    ids = [e.id for e in result.events] + [e.payload["ticket_id"] for e in result.events if e.type == "ticket_issued"]
    assert len(set(ids)) == len(ids) and all(uuid.UUID(i).version == 7 for i in ids)


def test_a_run_makes_no_cycles_per_event_and_restores_the_collector():
    # The simulator pauses the cyclic collector for a run: that is safe only while events and tickets make no
    # reference cycles, which this catches (a day of ~2,000 events leaves no more than a run's few dozen).
    # Only the engine's own objects are counted: a thread an earlier test left running in this worker (a pool's,
    # a runner's) makes garbage of its own meanwhile, and once made a run look like 15,000 cycles.
    gc.collect()
    gc.disable()
    try:
        result = simulate(simple_spec(4, 60, 200, hours=8, no_show_share=0.1), seed=5)
        assert not gc.isenabled()
        assert len(result.events) > 2000
        gc.set_debug(gc.DEBUG_SAVEALL)
        gc.collect()
        ours = [o for o in gc.garbage if type(o).__module__.startswith("queueing.")]
        assert len(ours) < 50
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    simulate(simple_spec(2, 40, 120, hours=1), seed=3)
    assert gc.isenabled()


def test_ids_increase_in_the_order_they_are_made_across_the_counters_carries():
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    for start in (0, (1 << 48) - 5, (1 << 62) - 5):  # the last 12 digits, then the variant group, carry over
        ids = SimulatedIds(clock, start)
        made = []
        for step in range(40):
            made.append(ids())
            if step % 7 == 0:
                clock.advance(0.0004)
        assert made == sorted(made) and len(set(made)) == len(made)
        assert all(uuid.UUID(text).version == 7 for text in made)


def test_an_id_numbered_now_and_formatted_later_is_the_id_a_call_gives():
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    for start in (0, (1 << 48) - 5, (1 << 62) - 5):
        called, deferred = SimulatedIds(clock, start), SimulatedIds(clock, start)
        numbered = []
        for step in range(30):
            assert called() == deferred.text(clock.now(), next(deferred.numbers))
            numbered.append((clock.now(), next(deferred.numbers)))
            called()
            clock.advance(0.0004 * (step % 3))
        # Formatted long after (the clock has moved on): still the text of the moment it was numbered.
        clock.advance(3600)
        fresh = SimulatedIds(clock, start)
        assert [deferred.text(*pair) for pair in numbered] == [
            SimulatedIds.text(fresh, at, n) for at, n in numbered
        ]


def _contexts(clock):
    """A station numbering its events' ids and hlc for later, and one formatting them at once, in step."""
    start = (1 << 48) - 20  # the counter's carry into the variant group happens along the way
    deferred, called = SimulatedIds(clock, start), SimulatedIds(clock, start)
    return StationContext("B1", "S1", clock, deferred), StationContext("B1", "S1", clock, lambda: called())


def test_an_event_numbered_for_later_equals_the_one_made_at_once():
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    lazy, eager = _contexts(clock)
    made = []
    for seq in range(1, 60):
        clock.advance(0.0006 * (seq % 4))
        payload = {"counter_id": "C1", "n": seq}
        kind = EventType.COUNTER_PAUSED
        made.append((lazy.one(seq, kind, payload), eager.one(seq, kind, payload)))
    clock.advance(60)
    for later, now in made[:20]:  # read field by field: the id and hlc are those of the moment they were made
        assert "id" not in vars(later)
        assert (later.id, later.hlc) == (now.id, now.hlc)
        assert set(vars(later)) == {f.name for f in dataclasses.fields(Event)}
    for later, now in made[20:40]:  # compared whole, as a journal check would
        assert later == now and later.to_dict() == now.to_dict()
    for later, now in made[40:]:  # copied or sent to another process: no station context goes with it
        for other in (pickle.loads(pickle.dumps(later)), copy.copy(later), copy.deepcopy(later)):
            assert other == now and vars(other) == vars(now)
    # Two threads reading one event: the second missed "id" a moment before the first formatted it.
    raced, _ = made[-1]
    assert raced.hlc and type(raced).id.__get__(raced) == raced.id == made[-1][1].id
    with pytest.raises(AttributeError):
        made[0][0].no_such_field  # noqa: B018
    with pytest.raises(dataclasses.FrozenInstanceError):
        made[-1][0].id = "x"  # type: ignore[misc]
