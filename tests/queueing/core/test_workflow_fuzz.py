"""A seeded fuzz of the teller workflow over three stations, online and offline (tests/queueing/core/flow_fuzz.py):
every invariant holds upstream and at each station at every step, a replay of upstream's journal gives upstream's
state, and the visit records pay each finished visit once."""

import pytest
from flow_fuzz import random_run, settle


@pytest.mark.parametrize("seed", range(60))
def test_random_workflows_each_station_at_its_own_counter(seed):
    w, problems = random_run(seed, cross=0.0)
    if not problems:
        problems = settle(w)
    assert not problems, "\n".join(problems + w.log[-25:])


@pytest.mark.parametrize("seed", range(60))
def test_with_offline_calls_of_own_tickets_only_every_invariant_holds(seed, monkeypatch):
    """Offline, stations call only their own tickets (call_ticket too); no supervisor move offline. Also checks the
    pay: the visit records (build_visits) against the reducer's finished tickets."""
    import flow_fuzz

    monkeypatch.setattr(flow_fuzz, "OWN_ONLY", True)
    w, problems = random_run(seed, cross=0.0)
    if not problems:
        problems = settle(w) or flow_fuzz.pay_check(w)
    assert not problems, "\n".join(problems + w.log[-25:])
