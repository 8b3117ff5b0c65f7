"""One fill of %1..%9 for every screen's translated sentences."""

from ui.common.placeholders import fill


def test_values_fill_their_places_in_the_translations_order():
    assert fill("%2 before %1", "a", "b") == "b before a"
    assert fill("counter %1, %2 waiting", "3", 4) == "counter 3, 4 waiting"


def test_a_value_holding_a_placeholder_stays_as_typed():
    assert fill("%1 at %2", "%2 <b>Li</b>", "C1") == "%2 <b>Li</b> at C1"


def test_a_place_without_a_value_and_other_percent_signs_stay():
    assert fill("%1 is 100%, %3 unknown, %0 too", "x") == "x is 100%, %3 unknown, %0 too"
