"""Short simulated days hold the engine to what it did when the digests were taken.

The engine is made cheaper again and again for the simulator; none of that may change a rule. Each digest
covers every event (kind, sequence, time, hlc, payload, with ticket ids named by first appearance: they are
random per run) and every customer's record. A change meant to alter behaviour updates the digest, with the
reason in its commit; a change meant to be faster never does.
"""

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest

from queueing.simulation.scenario import load_scenario
from queueing.simulation.simulator import simulate
from queueing.simulation.spec import simple_spec

SCENARIOS = Path(__file__).resolve().parents[3] / "resources" / "scenarios"


def _digest(result) -> str:
    names: dict[str, int] = {}
    events = []
    for event in result.events:
        payload = dict(event.payload)
        if "ticket_id" in payload:
            payload["ticket_id"] = names.setdefault(payload["ticket_id"], len(names))
        events.append([str(event.type), event.seq, event.at.isoformat(), event.hlc, event.station_id, payload])
    customers = [
        [c.day, c.number, c.category, c.priority, c.issued_offset_s, c.outcome, c.wait_s, c.service_s, c.counted]
        for c in result.customers
    ]
    text = json.dumps([events, customers, result.open_s, result.busy_s], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def _scenario(name: str):
    return lambda: replace(load_scenario(SCENARIOS / f"{name}.toml"), days=1)


CASES = {
    "mm13": (lambda: simple_spec(13, 0.9 * 13 * 12, 300.0, "exp", hours=3), "fa07903d468561d2"),
    "city_weekday": (_scenario("city_weekday"), "475e5b09f1893ae5"),
    "pension_saturday": (_scenario("pension_saturday"), "71456df4598bad2e"),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_short_day_makes_the_same_events_and_customers(name):
    make, digest = CASES[name]
    result = simulate(make(), seed=1, estimates=False)
    assert len(result.events) > 500
    assert _digest(result) == digest
