"""Every impossible action raises the right DomainError and leaves state and journal untouched."""

import copy
from datetime import timedelta

import pytest

from queueing.core.errors import (
    CounterNotAvailable,
    DomainError,
    InvalidTransition,
    NothingWaiting,
    UnknownCategory,
    UnknownCounter,
    UnknownTicket,
)
from queueing.core.text_rules import TextRefused
from queueing.core.tickets import TicketStatus, TransactionLine

CASH = [TransactionLine("CASH_DEP", 1)]


def refused(engine, error, decide):
    """Run ``decide`` expecting ``error``; the state and the journal must not change."""
    before = copy.deepcopy(engine.state)
    journal = list(engine.journal)
    with pytest.raises(error) as caught:
        engine.execute(decide)
    assert type(caught.value) is error
    assert engine.state == before
    assert engine.journal == journal
    return caught.value


@pytest.fixture
def day(engine, clock):
    """C1 open with A001 called, A002 waiting; C2 configured but closed."""
    engine.execute(lambda c: c.open_counter("C1", "T1"))
    first = engine.execute(lambda c: c.issue_ticket("CASH"))[0].payload["ticket_id"]
    clock.advance(30)
    second = engine.execute(lambda c: c.issue_ticket("CASH"))[0].payload["ticket_id"]
    clock.advance(30)
    engine.execute(lambda c: c.call_next("C1"))
    assert engine.state.tickets[first].status is TicketStatus.CALLED
    return engine, first, second


def test_finish_a_ticket_never_started(day):
    engine, *_ = day
    refused(engine, InvalidTransition, lambda c: c.finish("C1", CASH))


def test_finish_at_a_counter_with_no_ticket(engine):
    engine.execute(lambda c: c.open_counter("C2"))
    refused(engine, InvalidTransition, lambda c: c.finish("C2", CASH))


def test_finish_needs_a_transaction(day):
    engine, *_ = day
    engine.execute(lambda c: c.start("C1"))
    refused(engine, DomainError, lambda c: c.finish("C1", []))
    refused(engine, DomainError, lambda c: c.finish("C1", [TransactionLine("CASH_DEP", 0)]))


@pytest.mark.parametrize(
    ("quantity", "amount"),
    [(float("inf"), None), (float("nan"), None), (1, float("inf")), (1, float("nan")), (1, -5.0), (1, 1e16)],
)
def test_finish_refuses_a_figure_no_teller_typed(day, quantity, amount):
    # Pricing rounds the steps of an amount: an infinite one raised in every pay report of the branch.
    engine, *_ = day
    engine.execute(lambda c: c.start("C1"))
    refused(engine, DomainError, lambda c: c.finish("C1", [TransactionLine("CASH_DEP", quantity, amount)]))


def test_call_when_nothing_waits(engine):
    engine.execute(lambda c: c.open_counter("C2"))
    engine.execute(lambda c: c.issue_ticket("TRANSFER"))  # C2 does not serve transfers
    refused(engine, NothingWaiting, lambda c: c.call_next("C2"))


def test_call_while_busy_or_closed(day):
    engine, *_ = day
    refused(engine, CounterNotAvailable, lambda c: c.call_next("C1"))
    refused(engine, CounterNotAvailable, lambda c: c.call_next("C2"))


def test_call_while_paused(engine):
    engine.execute(lambda c: c.open_counter("C1"))
    engine.execute(lambda c: c.pause("C1", "lunch"))
    engine.execute(lambda c: c.issue_ticket("CASH"))
    refused(engine, CounterNotAvailable, lambda c: c.call_next("C1"))


def test_unknown_category(engine):
    refused(engine, UnknownCategory, lambda c: c.issue_ticket("MORTGAGE"))
    refused(engine, UnknownCategory, lambda c: c.configure_counter("C9", "Counter 9", {"MORTGAGE": 1}))


def test_unknown_counter(engine):
    refused(engine, UnknownCounter, lambda c: c.call_next("C9"))
    refused(engine, UnknownCounter, lambda c: c.open_counter("C9"))
    refused(engine, UnknownCounter, lambda c: c.finish("C9", CASH))


def test_unknown_ticket(day):
    engine, *_ = day
    engine.execute(lambda c: c.open_counter("C2"))
    refused(engine, UnknownTicket, lambda c: c.call_ticket("C2", "no-such-ticket", "customer asked"))
    with pytest.raises(UnknownTicket):
        engine.state.ticket_by_number("Z999")


def test_recall_past_the_limit(day, config):
    engine, first, _ = day
    for _ in range(config.policy.max_recalls):
        engine.execute(lambda c: c.recall("C1"))
    assert engine.state.tickets[first].recalls == config.policy.max_recalls
    refused(engine, InvalidTransition, lambda c: c.recall("C1"))
    engine.execute(lambda c: c.no_show("C1"))
    assert engine.state.tickets[first].status is TicketStatus.NO_SHOW


@pytest.mark.parametrize("recalls", [0, 1, 2])
def test_no_show_before_the_recalls(day, recalls):
    engine, *_ = day
    for _ in range(recalls):
        engine.execute(lambda c: c.recall("C1"))
    refused(engine, InvalidTransition, lambda c: c.no_show("C1"))


def test_recall_once_service_started(day):
    engine, *_ = day
    engine.execute(lambda c: c.start("C1"))
    refused(engine, InvalidTransition, lambda c: c.recall("C1"))
    refused(engine, InvalidTransition, lambda c: c.start("C1"))


def test_counter_transitions(day):
    engine, *_ = day
    refused(engine, InvalidTransition, lambda c: c.open_counter("C1"))
    refused(engine, CounterNotAvailable, lambda c: c.close_counter("C1"))
    refused(engine, CounterNotAvailable, lambda c: c.pause("C1", "lunch"))
    refused(engine, InvalidTransition, lambda c: c.close_counter("C2"))
    refused(engine, InvalidTransition, lambda c: c.resume("C1"))
    engine.execute(lambda c: c.open_counter("C2"))
    refused(engine, DomainError, lambda c: c.pause("C2", "nap"))


def test_bad_counter_configuration(engine):
    refused(engine, DomainError, lambda c: c.configure_counter("C9", "Counter 9", {}))
    refused(engine, DomainError, lambda c: c.configure_counter("C9", "Counter 9", {"CASH": 5}))
    refused(engine, TextRefused, lambda c: c.configure_counter("", "Counter 9", {"CASH": 1}))
    refused(engine, TextRefused, lambda c: c.configure_counter("C9", "Counter\x009", {"CASH": 1}))


def test_bad_tickets(engine):
    refused(engine, DomainError, lambda c: c.issue_ticket("CASH", "royalty"))
    refused(engine, DomainError, lambda c: c.issue_ticket("CASH", "appointment"))


def test_out_of_order_call(day, clock):
    engine, first, second = day
    engine.execute(lambda c: c.open_counter("C2"))
    refused(engine, DomainError, lambda c: c.call_ticket("C2", second, "  "))
    refused(engine, InvalidTransition, lambda c: c.call_ticket("C2", first, "customer asked"))


def test_transfers_and_parking(day):
    engine, first, second = day
    refused(engine, DomainError, lambda c: c.transfer("C1"))
    refused(engine, DomainError, lambda c: c.transfer("C1", to_counter="C1"))
    refused(engine, UnknownCategory, lambda c: c.transfer("C1", to_category="MORTGAGE"))
    refused(engine, UnknownCounter, lambda c: c.transfer("C1", to_counter="C9"))
    engine.execute(lambda c: c.open_counter("C2"))
    refused(engine, InvalidTransition, lambda c: c.return_parked("C2", second))
    engine.execute(lambda c: c.park("C1"))
    refused(engine, InvalidTransition, lambda c: c.return_parked("C2", first))  # parked at C1, not C2
    engine.execute(lambda c: c.return_parked("C1", first))
    assert engine.state.tickets[first].status is TicketStatus.CALLED


def test_a_refused_command_leaves_the_next_one_unaffected(day, clock):
    engine, first, _ = day
    refused(engine, InvalidTransition, lambda c: c.finish("C1", CASH))
    engine.execute(lambda c: c.start("C1"))
    clock.advance(timedelta(minutes=3).total_seconds())
    (event,) = engine.execute(lambda c: c.finish("C1", CASH))
    assert event.seq == len(engine.journal)
    assert engine.state.tickets[first].service_seconds == 180
