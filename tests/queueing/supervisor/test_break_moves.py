"""Two moves of one break: the journal keeps the first and voids the later one, whoever checked what before."""

from datetime import time

from break_events import MONDAY, ROTA, ROTA_ID, cancel, event, move

from queueing.core.events import Event
from queueing.supervisor.break_plan import breaks_for_day, schedule_break


def plan(events: list[Event]) -> list[tuple[str, time]]:
    return [(b.id, b.start) for b in breaks_for_day(ROTA, events, MONDAY)]


def test_two_moves_of_the_rota_break_leave_one_break_the_first_in_the_journal():
    first, second = move("ST1", "S1", "brk:a", ROTA_ID, "13:00"), move("ST2", "S2", "brk:b", ROTA_ID, "14:00")
    assert plan(first + second) == [("brk:a", time(13))]
    assert plan(second + first) == [("brk:b", time(14))]  # a station's order before its push: its own first


def test_a_move_after_a_cancellation_is_void_and_the_teller_keeps_no_break():
    assert plan(cancel("ST1", "S1", ROTA_ID) + move("ST2", "S2", "brk:b", ROTA_ID, "14:00")) == []


def test_a_move_of_a_moved_break_moves_it_again():
    first = move("ST1", "S1", "brk:a", ROTA_ID, "13:00")
    assert plan(first + move("ST1", "S1", "brk:c", "brk:a", "15:00")) == [("brk:c", time(15))]
    # ...and two screens moving the new break at once keep one of them, again the first.
    racing = move("ST1", "S1", "brk:c", "brk:a", "15:00") + move("ST2", "S2", "brk:d", "brk:a", "16:00")
    assert plan(first + racing) == [("brk:c", time(15))]


def test_a_break_set_without_replacing_one_is_a_second_break_as_before():
    kind, payload = schedule_break("T1", MONDAY, "16:30", 15, "S1", break_id="brk:e")
    assert "replaces" not in payload
    events = move("ST1", "S1", "brk:a", ROTA_ID, "13:00") + [event("ST1", kind, payload)]
    assert plan(events) == [("brk:a", time(13)), ("brk:e", time(16, 30))]
