"""Two moves of one break: the journal keeps the first and voids the later one, whoever checked what before."""

from dataclasses import dataclass
from datetime import date, time
from typing import Any

from queueing.core.events import EventType
from queueing.supervisor.break_plan import RotaBreak, breaks_for_day, schedule_break

MONDAY = date(2026, 11, 23)
ROTA = (RotaBreak("T1", frozenset(range(5)), time(12, 0), 30),)
ROTA_ID = f"rota:T1:{MONDAY}"


@dataclass(frozen=True)
class Fact:
    type: EventType
    payload: dict[str, Any]


def move(break_id: str, replaces: str, start: str, by: str) -> list[Fact]:
    """A supervisor's move, as BreakService records it: the new break, then the old one's cancellation."""
    kind, payload = schedule_break("T1", MONDAY, start, 30, by, break_id=break_id, replaces=replaces)
    return [Fact(kind, payload), Fact(EventType.BREAK_CANCELLED, {"break_id": replaces, "by": by})]


def plan(facts: list[Fact]) -> list[tuple[str, time]]:
    return [(b.id, b.start) for b in breaks_for_day(ROTA, facts, MONDAY)]


def test_two_moves_of_the_rota_break_leave_one_break_the_first_in_the_journal():
    first, second = move("brk:a", ROTA_ID, "13:00", "S1"), move("brk:b", ROTA_ID, "14:00", "S2")
    assert plan(first + second) == [("brk:a", time(13))]
    assert plan(second + first) == [("brk:b", time(14))]  # a station's order before its push: its own first


def test_a_move_after_a_cancellation_is_void_and_the_teller_keeps_no_break():
    cancelled = [Fact(EventType.BREAK_CANCELLED, {"break_id": ROTA_ID, "by": "S1"})]
    assert plan(cancelled + move("brk:b", ROTA_ID, "14:00", "S2")) == []


def test_a_move_of_a_moved_break_moves_it_again():
    first = move("brk:a", ROTA_ID, "13:00", "S1")
    assert plan(first + move("brk:c", "brk:a", "15:00", "S1")) == [("brk:c", time(15))]
    # ...and two screens moving the new break at once keep one of them, again the first.
    racing = move("brk:c", "brk:a", "15:00", "S1") + move("brk:d", "brk:a", "16:00", "S2")
    assert plan(first + racing) == [("brk:c", time(15))]


def test_a_break_set_without_replacing_one_is_a_second_break_as_before():
    kind, payload = schedule_break("T1", MONDAY, "16:30", 15, "S1", break_id="brk:e")
    assert "replaces" not in payload
    facts = move("brk:a", ROTA_ID, "13:00", "S1") + [Fact(kind, payload)]
    assert plan(facts) == [("brk:a", time(13)), ("brk:e", time(16, 30))]
