"""Upstream's refusal of a pushed event gets a code the supervisor's screen words: what the event holds, or the
SQLSTATE the server answered with; never a guess from the driver's English."""

from datetime import UTC, datetime

import psycopg
import psycopg.errors
from poison_events import counter_named_with_nul
from sqlalchemy.exc import DataError, IntegrityError

from models.sync.refusal_codes import UNSTORABLE_TEXT, refusal_code
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.events import EventType, StationContext
from queueing.core.state import BranchState


def _state_and_ctx():
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    return BranchState(load_branch_config()), StationContext("B1", "ST1", clock)


def _configured(name: str):
    state, ctx = _state_and_ctx()
    payload = {"counter_id": "C9", "name": name, "profile": {"CASH": 1}}
    (event,) = ctx.build(1, [(EventType.COUNTER_CONFIGURED, payload)])
    return event


def test_a_text_postgresql_cannot_store_is_told_by_the_event_not_the_message():
    state, ctx = _state_and_ctx()
    driver = DataError("INSERT ...", {}, psycopg.DataError("PostgreSQL text fields cannot contain NUL (0x00) bytes"))
    assert refusal_code(counter_named_with_nul(state, ctx), driver) == UNSTORABLE_TEXT
    assert refusal_code(_configured("Window \ud800"), ValueError("any")) == UNSTORABLE_TEXT  # a lone surrogate


def test_a_server_refusal_keeps_its_sqlstate_and_anything_else_has_no_code():
    event = _configured("外汇窗口")
    twice = IntegrityError("INSERT ...", {}, psycopg.errors.UniqueViolation("duplicate key"))
    too_long = DataError("INSERT ...", {}, psycopg.errors.StringDataRightTruncation("value too long"))
    assert refusal_code(event, twice) == "23505"
    assert refusal_code(event, too_long) == "22001"
    assert refusal_code(event, RuntimeError("the reducer failed")) is None
    assert refusal_code(_configured("C:\\u0000"), RuntimeError("any")) is None  # the six characters, typed
    assert refusal_code(event, DataError("INSERT ...", {}, psycopg.DataError("no state"))) is None
