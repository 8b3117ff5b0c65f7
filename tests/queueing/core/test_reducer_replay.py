"""Replaying a day's journal into a fresh BranchState gives the same state the engine built."""

from dataclasses import replace
from datetime import time
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from queueing.core.events import Event
from queueing.core.reducer import replay
from queueing.core.state import BranchState
from queueing.core.tickets import TransactionLine
from queueing.simulation.scenario import load_scenario
from queueing.simulation.simulator import BranchSimulator
from queueing.simulation.spec import Lunch, simple_spec

SCENARIOS = Path(__file__).resolve().parents[3] / "resources" / "scenarios"
WEEKDAY = load_scenario(SCENARIOS / "city_weekday.toml")


def assert_same(replayed: BranchState, live: BranchState) -> None:
    assert replayed.tickets == live.tickets
    assert replayed.counters == live.counters
    assert replayed.sequences == live.sequences
    assert list(replayed.waiting) == list(live.waiting)
    assert replayed.station_seq == live.station_seq
    assert replayed.stats == live.stats
    assert replayed.by_number == live.by_number
    assert replayed.recent_calls == live.recent_calls
    assert replayed.business_date == live.business_date
    assert replayed == live


def run(spec, seed):
    sim = BranchSimulator(spec, seed)
    result = sim.run()
    return sim.engine.state, result.events


def test_simulated_days_replay_to_the_same_state():
    spec = replace(WEEKDAY, days=2)
    live, events = run(spec, seed=5)
    assert {e.type for e in events} >= {"counter_paused", "ticket_recalled", "ticket_no_show", "service_finished"}
    assert_same(replay(BranchState(spec.config), events), live)


def test_replay_from_stored_dicts():
    """What the store keeps (Event.to_dict) replays to the same state too."""
    live, events = run(replace(WEEKDAY, days=1), seed=11)
    stored = [Event.from_dict(e.to_dict()) for e in events]
    assert_same(replay(BranchState(WEEKDAY.config), stored), live)


def test_replay_of_part_of_a_day_equals_the_state_at_that_point():
    spec = replace(WEEKDAY, days=1)
    live, events = run(spec, seed=3)
    half = len(events) // 2
    first = replay(BranchState(spec.config), events[:half])
    rest = replay(first, events[half:])
    assert_same(rest, live)


def test_hand_made_day_with_transfers_parking_and_out_of_order_calls(engine, clock, config):
    engine.execute(lambda c: c.open_counter("C1", "T1"))
    engine.execute(lambda c: c.open_counter("C2", "T2"))
    ids = [engine.execute(lambda c, k=k: c.issue_ticket(k))[0].payload["ticket_id"] for k in ("CASH", "CASH", "VIP")]
    clock.advance(120)
    engine.execute(lambda c: c.call_next("C1"))
    engine.execute(lambda c: c.recall("C1"))
    engine.execute(lambda c: c.start("C1"))
    engine.execute(lambda c: c.transfer("C1", to_category="VIP", keep_place=False))
    engine.execute(lambda c: c.call_ticket("C1", ids[1], "customer in a hurry"))
    engine.execute(lambda c: c.start("C1"))
    engine.execute(lambda c: c.park("C1"))
    engine.execute(lambda c: c.pause("C1", "back_office"))
    engine.execute(lambda c: c.resume("C1"))
    engine.execute(lambda c: c.return_parked("C1", ids[1]))
    clock.advance(200)
    engine.execute(lambda c: c.finish("C1", [TransactionLine("CASH_DEP", 2)]))
    engine.execute(lambda c: c.call_next("C2"))
    engine.execute(lambda c: c.transfer("C2", to_counter="C1"))
    engine.execute(lambda c: c.call_next("C1"))
    engine.execute(lambda c: c.start("C1"))
    clock.advance(60)
    engine.execute(lambda c: c.finish("C1", [TransactionLine("VIP_ADVICE", 1)]))
    engine.execute(lambda c: c.close_counter("C1"))
    assert_same(replay(BranchState(config), engine.journal), engine.state)


@settings(max_examples=15, deadline=None)
@given(seed=st.integers(min_value=0, max_value=2**32), no_show=st.sampled_from([0.0, 0.2, 0.5]))
def test_random_days_replay_to_the_same_state(seed, no_show):
    spec = simple_spec(3, 50, 200, hours=2, days=2, no_show_share=no_show)
    lunch = Lunch(time(10, 0), 20)
    spec = replace(spec, counters=(replace(spec.counters[0], lunch=lunch), *spec.counters[1:]))
    live, events = run(spec, seed)
    assert_same(replay(BranchState(spec.config), events), live)
