"""What the kiosk may say of a customer on its public screen: the family name's first letter."""

import pytest

from queueing.customers.profile_view import greeting_name


@pytest.mark.parametrize(
    ("family", "shown"),
    [("Pérez", "P."), ("王", "王*"), ("김", "김*"), ("  ortiz ", "O."), ("", ""), ("Ñúñez", "Ñ.")],
)
def test_only_the_initial(family, shown):
    assert greeting_name(family) == shown
