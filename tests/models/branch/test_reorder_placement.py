"""models.branch.reorder.placement: the least moving that makes a journal end in a wanted order."""

from __future__ import annotations

from models.branch.reorder import Placement, placement


def test_new_events_after_all_held_ones_move_nothing():
    assert placement(["o1", "o2", "f1"], {"o1": 10, "o2": 11}) == Placement(2, (), None)


def test_held_events_the_order_puts_after_a_new_one_move_behind_it():
    # The file holds its own o1..o3; upstream has f1 between o1 and o2: o1 stays, o2 and o3 move.
    assert placement(["o1", "f1", "o2", "o3"], {"o1": 10, "o2": 11, "o3": 12}) == Placement(1, ("o2", "o3"), 11)


def test_everything_held_after_the_first_new_event_moves():
    assert placement(["f1", "o1", "f2", "o2"], {"o1": 10, "o2": 11}) == Placement(0, ("o1", "o2"), 10)


def test_a_held_event_out_of_order_moves_with_the_rest():
    # f1 was recorded after o1 although upstream holds it first (a file from before the branch's order was kept).
    assert placement(["f1", "o1"], {"o1": 10, "f1": 12}) == Placement(1, ("o1",), 10)


def test_an_order_the_journal_holds_already_moves_nothing():
    held = {"f1": 10, "o1": 11, "f2": 12}
    assert placement(["f1", "o1", "f2"], held) == Placement(3, (), None)
