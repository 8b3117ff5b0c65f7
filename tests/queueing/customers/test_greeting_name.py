"""What the kiosk may say of a customer on its public screen: the family name's first letter."""

import pytest

from queueing.customers.profile_view import greeting_name


@pytest.mark.parametrize(
    ("family", "shown"),
    [("Pérez", "P."), ("王", "王*"), ("김", "김*"), ("  ortiz ", "O."), ("", ""), ("Ñúñez", "Ñ.")],
)
def test_only_the_initial(family, shown):
    assert greeting_name(family) == shown


@pytest.mark.parametrize(
    ("family", "shown"), [("\u202eZEREP", "Z."), ("\u200fCohen", "C."), ("\u2067Ali", "A."), ("\u200b\u2066", "")]
)
def test_the_initial_is_a_letter_not_a_direction_control(family, shown):
    """A family name stored with a leading direction control made the greeting that control, which hid the initial
    and reversed the rest of the kiosk's sentence."""
    assert greeting_name(family) == shown
