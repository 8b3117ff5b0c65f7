"""Late changes to a break: the ones breaks_for_day voids, each named with the change that came first."""

from itertools import permutations

from break_events import MONDAY, ROTA, ROTA_ID, cancel, move

from queueing.core.conflict_reasons import ConflictReason
from queueing.core.events import Event, EventType
from queueing.supervisor.break_clashes import late_changes
from queueing.supervisor.break_plan import breaks_for_day


def voided_by_the_plan(journal: list[Event]) -> set[str]:
    """The moves breaks_for_day leaves out: the rule this module must read the same way."""
    planned = {b.id for b in breaks_for_day(ROTA, journal, MONDAY)}
    moves = [e for e in journal if e.type is EventType.BREAK_SCHEDULED and e.payload.get("replaces")]
    cancelled_later = {e.payload["break_id"] for e in journal if e.type is EventType.BREAK_CANCELLED}
    return {e.id for e in moves if e.payload["break_id"] not in planned | cancelled_later}


def test_the_second_of_two_moves_is_late_and_names_the_first():
    first, second = move("S1", "SUP1", "brk:a", ROTA_ID, "13:00"), move("S2", "SUP2", "brk:b", ROTA_ID, "14:00")
    [late] = late_changes(first + second)
    assert (late.late, late.first, late.break_id) == (second[0], first[0], ROTA_ID)
    assert (late.teller_id, late.day) == ("T1", MONDAY)  # from the rota break's id
    conflict = late.conflict()
    assert (conflict.event_id, conflict.reason) == (second[0].id, ConflictReason.BREAK_CHANGED_LATE)
    f = conflict.figures
    assert (f.staff_id, f.station_id, f.at) == ("SUP2", "S2", second[0].at)
    assert (f.other_staff_id, f.other_station_id, f.since) == ("SUP1", "S1", first[0].at)
    assert "void" in conflict.detail


def test_the_first_change_in_the_journal_stands_a_move_alone_is_no_clash():
    assert late_changes(move("S1", "SUP1", "brk:a", ROTA_ID, "13:00")) == []
    assert late_changes(cancel("S1", "SUP1", ROTA_ID)) == []


def test_a_cancellation_after_a_move_is_late_the_teller_keeps_the_moved_break():
    first, second = move("S1", "SUP1", "brk:a", ROTA_ID, "13:00"), cancel("S2", "SUP2", ROTA_ID)
    [late] = late_changes(first + second)
    assert (late.late, late.first) == (second[0], first[0])
    assert [b.id for b in breaks_for_day(ROTA, first + second, MONDAY)] == ["brk:a"]


def test_a_move_after_a_cancellation_is_late_and_its_own_cancellation_is_not_listed_again():
    first, second = cancel("S1", "SUP1", ROTA_ID), move("S2", "SUP2", "brk:b", ROTA_ID, "14:00")
    [late] = late_changes(first + second)
    assert (late.late, late.first) == (second[0], first[0])


def test_a_move_of_a_supervisors_break_names_its_teller_and_day_from_that_break():
    first = move("S1", "SUP1", "brk:a", ROTA_ID, "13:00")
    racing = move("S1", "SUP1", "brk:c", "brk:a", "15:00") + move("S2", "SUP2", "brk:d", "brk:a", "16:00")
    [late] = late_changes(first + racing)
    assert (late.late, late.first, late.break_id) == (racing[2], racing[0], "brk:a")
    assert (late.teller_id, late.day) == ("T1", MONDAY)


def test_a_second_cancellation_of_a_break_this_journal_never_saw_scheduled_names_no_teller_or_day():
    stray = cancel("S1", "SUP1", "brk:unknown") + cancel("S2", "SUP2", "brk:unknown")
    [late] = late_changes(stray)
    assert (late.teller_id, late.day) == ("", None)


def interleavings(commands: list[list[Event]]):
    """Every journal of the commands' events in which each command's own events keep their order."""
    if not any(commands):
        yield []
        return
    for i, command in enumerate(commands):
        if command:
            rest = commands[:i] + [command[1:]] + commands[i + 1 :]
            for tail in interleavings(rest):
                yield [command[0], *tail]


def test_however_the_events_of_three_changes_interleave_one_stands_and_the_other_two_are_late():
    changes = [
        move("S1", "SUP1", "brk:a", ROTA_ID, "13:00"),
        move("S2", "SUP2", "brk:b", ROTA_ID, "14:00"),
        cancel("S3", "SUP3", ROTA_ID),
    ]
    journals = list(interleavings(changes))
    assert len(journals) == 30
    for journal in journals:
        late = late_changes(journal)
        plan = [b.id for b in breaks_for_day(ROTA, journal, MONDAY)]
        assert len(plan) <= 1, journal  # never both new breaks, never the rota's beside one
        assert len(late) == 2 and len({c.first.id for c in late}) == 1
        first = late[0].first
        assert plan == ([first.payload["break_id"]] if first.type is EventType.BREAK_SCHEDULED else [])
        assert {c.late.id for c in late if c.late.type is EventType.BREAK_SCHEDULED} == voided_by_the_plan(journal)


def test_a_move_whose_cancellation_never_came_still_takes_the_break():
    first = move("S1", "SUP1", "brk:a", ROTA_ID, "13:00")[:1]  # its cancellation lost
    second = move("S2", "SUP2", "brk:b", ROTA_ID, "14:00")
    assert [b.id for b in breaks_for_day(ROTA, first + second, MONDAY)] == ["brk:a"]
    [late] = late_changes(first + second)
    assert (late.late, late.first) == (second[0], first[0])


def test_a_plain_cancellation_after_a_move_that_lost_its_own_is_late_not_taken_for_the_moves():
    first = move("S1", "SUP1", "brk:a", ROTA_ID, "13:00")[:1]  # its cancellation lost
    second = move("S2", "SUP2", "brk:b", ROTA_ID, "14:00")
    again = cancel("S1", "SUP1", ROTA_ID)  # the same supervisor on the same station, a command of its own
    late = late_changes(first + second + again)
    assert [(c.late, c.first) for c in late] == [(second[0], first[0]), (again[0], first[0])]


def test_in_every_order_of_three_changes_the_late_moves_are_the_ones_the_plan_voids():
    changes = [
        move("S1", "SUP1", "brk:a", ROTA_ID, "13:00"),
        move("S2", "SUP2", "brk:b", ROTA_ID, "14:00"),
        cancel("S3", "SUP3", ROTA_ID),
    ]
    for order in permutations(changes):
        journal = [e for command in order for e in command]
        late = late_changes(journal)
        late_moves = {c.late.id for c in late if c.late.type is EventType.BREAK_SCHEDULED}
        assert late_moves == voided_by_the_plan(journal)
        assert len(late) == 2  # whichever came first stands; the other two are late
        assert {c.first.id for c in late} == {order[0][0].id}
