"""A finished visit's transaction lines, shared between visits where they repeat, are the lines its payload names."""

import math

from queueing.core import reducer
from queueing.core.tickets import TransactionLine


def _raw(code, quantity, amount=None):
    raw = {"code": code, "quantity": quantity}
    if amount is not None:
        raw["amount"] = amount
    return raw


def test_a_repeated_line_is_one_object_equal_to_the_line_made_afresh():
    first, again = reducer._line(_raw("DEP", 1)), reducer._line(_raw("DEP", 1.0))
    assert first is again and first == TransactionLine("DEP", 1.0)
    assert reducer._line(_raw("DEP", 2, 25000)) == TransactionLine("DEP", 2.0, 25000.0)
    assert reducer._line(_raw("DEP", 2, 25000)) is not reducer._line(_raw("DEP", 2))


def test_signs_and_not_numbers_are_kept_as_given():
    reducer._line(_raw("X", 0.0))
    negative = reducer._line(_raw("X", -0.0))
    assert math.copysign(1.0, negative.quantity) == -1.0
    reducer._line(_raw("Y", 1, 0.0))
    assert math.copysign(1.0, reducer._line(_raw("Y", 1, -0.0)).amount) == -1.0
    assert math.isnan(reducer._line(_raw("Z", float("nan"))).quantity)


def test_the_table_starts_over_when_full():
    for n in range(reducer._LINES_KEPT + 10):
        assert reducer._line(_raw("AMT", 1, n + 1)).amount == n + 1
    assert len(reducer._LINES) <= reducer._LINES_KEPT
