from queueing.core.errors import NothingWaiting
from queueing.core.tickets import TicketStatus, TransactionLine


def test_visit(engine, clock):
    engine.execute(lambda c: c.open_counter("C1", "T1"))
    (ev,) = engine.execute(lambda c: c.issue_ticket("CASH"))
    assert ev.payload["number"] == "A001"
    clock.advance(60)
    engine.execute(lambda c: c.call_next("C1"))
    engine.execute(lambda c: c.start("C1"))
    clock.advance(120)
    engine.execute(lambda c: c.finish("C1", [TransactionLine("CASH_DEP", 1)]))
    t = engine.state.tickets[ev.payload["ticket_id"]]
    assert t.status is TicketStatus.DONE and t.service_seconds == 120
    try:
        engine.execute(lambda c: c.call_next("C1"))
    except NothingWaiting:
        pass
    else:
        raise AssertionError
