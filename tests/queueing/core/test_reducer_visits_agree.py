"""The reducer's finished visits against the pay records (visits._Builder), on fuzzed journals with sign-in
clashes and many day ends."""

import os

import pytest
from flow_fuzz import CONFIG, random_run, settle
from pay_compare import compare

SEEDS = range(int(os.environ.get("PAY_FUZZ_SEEDS_FROM", "0")), int(os.environ.get("PAY_FUZZ_SEEDS_TO", "40")))


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("cross", [0.0, 0.15])
def test_the_reducer_and_the_visits_agree(seed, cross):
    w, problems = random_run(seed, steps=400, cross=cross, check_every=False)
    settle(w)
    problems = compare(CONFIG, w.journal)
    assert not problems, "\n".join(problems[:10] + w.log[-10:])


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("cross", [0.0, 0.15])
def test_the_reducer_and_the_visits_agree_over_many_day_ends(seed, cross, monkeypatch):
    import flow_fuzz

    monkeypatch.setattr(flow_fuzz, "ACTIONS", flow_fuzz.ACTIONS + ("nextday", "day_end", "day_end", "toggle"))
    w, problems = random_run(seed, steps=400, cross=cross, check_every=False)
    settle(w)  # its invariants also report services over 3 days (several day rolls) and revived calls: pre-existing
    problems = compare(CONFIG, w.journal)
    assert not problems, "\n".join(problems[:10] + w.log[-10:])
