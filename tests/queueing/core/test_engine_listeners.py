"""Engine listeners by kind of event, and an engine that keeps no journal."""

from queueing.core.commands import Commands
from queueing.core.engine import Engine
from queueing.core.events import EventType as E
from queueing.core.tickets import TransactionLine
from queueing.records.usage import COUNTED, UsageMeter


def _day(engine):
    engine.execute(Commands.configure_counter, "C1", "Counter 1", {"CASH": 1})
    engine.execute(Commands.open_counter, "C1", "T1")
    for _ in range(3):
        engine.execute(Commands.issue_ticket, "CASH")
    engine.execute(Commands.call_next, "C1")
    engine.execute(Commands.start, "C1")


def test_a_listener_gets_the_kinds_it_asked_for_in_order_and_a_plain_one_gets_all(config, clock):
    engine = Engine(config, clock)
    everything, some = [], []
    engine.subscribe(everything.append)
    engine.subscribe(some.append, (E.TICKET_ISSUED, E.SERVICE_STARTED))
    _day(engine)
    assert everything == engine.journal and len(everything) == 7
    assert some == [e for e in everything if e.type in (E.TICKET_ISSUED, E.SERVICE_STARTED)] and len(some) == 4


def test_the_usage_meter_on_its_kinds_alone_adds_up_as_on_every_event(config, clock):
    engines = [Engine(config, clock), Engine(config, clock), Engine(config, clock)]
    meters = [UsageMeter(), UsageMeter(), UsageMeter()]
    engines[0].subscribe(meters[0].on_event)
    engines[1].subscribe(meters[1].on_event, COUNTED)
    for kinds, listener in meters[2].listeners():
        engines[2].subscribe(listener, kinds)
    for engine in engines:
        engine.execute(Commands.configure_counter, "C1", "Counter 1", {"CASH": 1})
        engine.execute(Commands.open_counter, "C1", "T1")
    for _ in range(4):
        for engine in engines:
            engine.execute(Commands.issue_ticket, "CASH")
            engine.execute(Commands.call_next, "C1")
            engine.execute(Commands.start, "C1")
        clock.advance(90)
        for engine in engines:
            engine.execute(Commands.finish, "C1", (TransactionLine("CASH"),))
        clock.advance(30)
    for engine in engines:
        engine.execute(Commands.close_counter, "C1")
    assert meters[0].busy_s == meters[1].busy_s == meters[2].busy_s == 360.0
    assert meters[0].open_s == meters[1].open_s == meters[2].open_s == 480.0


def test_without_a_journal_the_state_is_the_same_and_nothing_is_kept(config, clock):
    kept, unkept = Engine(config, clock), Engine(config, clock, keep_journal=False)
    heard = []
    unkept.subscribe(heard.append)
    _day(kept)
    _day(unkept)
    assert unkept.journal == [] and len(heard) == len(kept.journal) == 7
    assert [(t.number, t.status) for t in unkept.state.tickets.values()] == [
        (t.number, t.status) for t in kept.state.tickets.values()
    ]
