"""The simulator's customer records, made without the dataclass __init__, are the records it would make."""

import dataclasses

import pytest

from queueing.simulation.simulator import CustomerRecord, simulate
from queueing.simulation.spec import simple_spec


def test_every_record_is_the_record_its_fields_make():
    result = simulate(simple_spec(2, 50, 150, hours=2, no_show_share=0.1), seed=4)
    outcomes = {record.outcome for record in result.customers}
    assert {"served", "no_show"} <= outcomes and any(r.estimate_mean_s is not None for r in result.customers)
    names = {f.name for f in dataclasses.fields(CustomerRecord)}
    for record in result.customers:
        plain = CustomerRecord(**vars(record))
        assert record == plain and repr(record) == repr(plain) and vars(record) == vars(plain)
        # Every field is set: a field added to CustomerRecord must be added to _record too.
        assert set(vars(record)) == names
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.customers[0].wait_s = 1.0  # type: ignore[misc]
