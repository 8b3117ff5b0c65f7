"""The station's saved base as text (models/branch/state_codec.py): a state reads back equal, sharing its tickets
as it did; a text it did not write is refused, never half-read; a value it does not know leaves the base in memory."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func, select

from models.branch.state_codec import BadSnapshot, Unstorable, decode_state, encode_state
from models.sync.tables import HeldBaseRow
from queueing.core.commands import Commands
from queueing.core.events import StationContext
from queueing.core.tickets import PriorityClass, TicketStatus, TransactionLine


def _busy(service, clock):
    """A day with most of what a state holds: classes, recalls, a park, a transfer, a finish with amounts, a pause,
    a double call (conflict), and yesterday's ticket closed by the day end."""
    service.issue_ticket("CASH")
    clock.advance(60 * 60 * 24)
    service.end_past_days()
    service.issue_ticket("CASH", PriorityClass.VIP)
    service.issue_ticket("CASH", PriorityClass.ELDERLY)
    service.issue_ticket("TRANSFER", PriorityClass.APPOINTMENT, appointment_at=clock.now() + timedelta(minutes=5))
    service.issue_ticket("CASH")
    clock.advance(30)
    service.call_next("C1")
    service.recall("C1")
    service.start("C1")
    service.park("C1")
    service.call_next("C1")
    service.start("C1")
    clock.advance(90)
    service.finish("C1", [TransactionLine("CASH_DEPOSIT", 2, 25_000.0)])
    other = Commands(copy.deepcopy(service.state), StationContext("B1", "ST9", clock))
    twice = next(t for t in service.state.waiting.values() if t.category == "TRANSFER")
    service.call_ticket("C1", twice.id, "asked for by name")
    service.record_many(other.call_ticket("C2", twice.id, "asked for by name"))
    service.transfer("C1", to_category="CASH")
    service.pause("C2", "lunch")
    return service.state


def test_a_busy_state_reads_back_equal_and_shares_its_tickets(service, clock):
    state = _busy(service, clock)
    assert state.conflicts and state.waiting and state.expired and state.recent_calls and state.stats
    assert {t.status for t in state.tickets.values()} >= {TicketStatus.PARKED, TicketStatus.DONE}
    back = decode_state(encode_state(state), state.config)
    assert back == state
    assert type(back.waiting) is type(state.waiting)
    assert all(back.waiting[t] is back.tickets[t] for t in back.waiting)
    assert back.config is state.config
    # The read state decides as the written one does (the policy's index is built anew beside its queue).
    mine = Commands(state, StationContext("B1", "ST1", clock)).call_next("C1")
    theirs = Commands(back, StationContext("B1", "ST1", clock)).call_next("C1")
    assert [e.payload["ticket_id"] for e in mine] == [e.payload["ticket_id"] for e in theirs]


def _text(service, clock) -> str:
    return encode_state(_busy(service, clock))


def _renumbered(text: str) -> str:
    doc = json.loads(text)
    tickets = doc["state"][2]  # the tickets: id, then the ticket, numbered
    tickets[1][0] = 5
    return json.dumps(doc)


def _ref_ahead(text: str) -> str:
    doc = json.loads(text)
    doc["state"][2][1] = 10_000  # a ticket "seen before" that was not
    return json.dumps(doc)


def _ref_of_another_kind(text: str) -> str:
    doc = json.loads(text)
    doc["state"][2][1] = 0  # number 0 is a counter, not a ticket
    return json.dumps(doc)


def _bad_enum(text: str) -> str:
    return text.replace('"waiting"', "\"__import__('os').system('true')\"", 1)


HOSTILE = {
    "not_json": lambda t: "\x80\x04\x95\x1c\x00cos\nsystem\n",
    "truncated": lambda t: t[: len(t) // 2],
    "other_format": lambda t: t.replace('"format":1', '"format":2', 1),
    "a_list": lambda t: "[]",
    "fields_missing": lambda t: json.dumps({"format": 1, "state": json.loads(t)["state"][:-1]}),
    "numbered_out_of_turn": _renumbered,
    "refers_ahead": _ref_ahead,
    "refers_to_another_kind": _ref_of_another_kind,
    "unknown_status": _bad_enum,
    "deep": lambda t: '{"format":1,"state":' + "[" * 200_000 + "]" * 200_000 + "}",
    "nan_for_a_date": lambda t: t.replace(json.dumps(json.loads(t)["state"][0]), "NaN", 1),
}


@pytest.mark.parametrize("spoil", list(HOSTILE), ids=list(HOSTILE))
def test_a_text_it_did_not_write_is_refused(service, clock, spoil):
    text = HOSTILE[spoil](_text(service, clock))
    with pytest.raises(BadSnapshot):
        decode_state(text, service.config)


def test_a_value_it_does_not_know_makes_the_state_unstorable(service, clock):
    state = _busy(service, clock)
    ticket = next(iter(state.tickets.values()))
    ticket.issued_at = ticket.issued_at.astimezone(ZoneInfo("Asia/Shanghai"))  # would read back as +08:00
    with pytest.raises(Unstorable):
        encode_state(state)
    ticket.issued_at = datetime(2026, 11, 23, tzinfo=UTC)
    ticket.number = 7  # type: ignore[assignment]
    with pytest.raises(Unstorable):
        encode_state(state)


def test_a_base_that_cannot_be_saved_is_kept_in_memory(service, clock, caplog):
    _busy(service, clock)
    next(iter(service.state.tickets.values())).number = 7  # type: ignore[assignment]
    service.hold_base()
    assert service._base is not None and service._base[0] == service.refresh()
    with service.store.read_session() as s:
        assert s.scalar(select(func.count()).select_from(HeldBaseRow)) == 0
    assert "kept in memory only" in caplog.text
