"""The simulator's agenda: customers kept apart from the counters' heap run in the order one heap would give."""

import random
from dataclasses import replace

from queueing.core.events import EventType as E
from queueing.core.tickets import PriorityClass
from queueing.simulation.arrivals import sample_day
from queueing.simulation.simulator import simulate
from queueing.simulation.spec import SIMPLE_CATEGORY, Arrival, simple_spec


def _facts(result):
    """The day as events without their ids (random per run): kind, order, time, and what each says."""
    names: dict[str, int] = {}
    facts = []
    for event in result.events:
        payload = dict(event.payload)
        if "ticket_id" in payload:
            payload["ticket_id"] = names.setdefault(payload["ticket_id"], len(names))
        facts.append((event.type, event.seq, event.at, event.hlc, sorted(payload.items(), key=str)))
    return facts


def test_customers_given_in_any_order_make_the_same_day():
    spec = simple_spec(3, 50, 200, hours=2, no_show_share=0.1)
    day = list(sample_day(spec, random.Random(8)))
    shuffled = day[:]
    random.Random(3).shuffle(shuffled)
    ran = [simulate(replace(spec, replay=(tuple(d),)), seed=2, estimates=False) for d in (day, shuffled)]
    assert len(ran[0].events) > 300
    assert _facts(ran[0]) == _facts(ran[1])


def test_a_customer_arriving_as_a_service_ends_is_issued_first_as_one_heap_orders_them():
    # Customers were on the agenda from the day's start, a finish only since its service began: at one moment
    # the customer comes first, then the finishing counter calls them.
    spec = simple_spec(1, 10, 60, hours=1)
    customers = (
        Arrival(0.0, SIMPLE_CATEGORY, PriorityClass.REGULAR, 60.0),
        Arrival(60.0, SIMPLE_CATEGORY, PriorityClass.REGULAR, 30.0),
    )
    result = simulate(replace(spec, replay=(customers,)), seed=1, estimates=False)
    kinds = [e.type for e in result.events if e.type is not E.COUNTER_CONFIGURED]
    assert kinds == [
        E.COUNTER_OPENED,
        E.TICKET_ISSUED,
        E.TICKET_CALLED,
        E.SERVICE_STARTED,
        E.TICKET_ISSUED,
        E.SERVICE_FINISHED,
        E.TICKET_CALLED,
        E.SERVICE_STARTED,
        E.SERVICE_FINISHED,
        E.COUNTER_CLOSED,
    ]
    assert [c.wait_s for c in result.customers] == [0.0, 0.0]
