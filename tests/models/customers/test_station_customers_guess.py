import pytest

from models.customers.desk import guess_kind
from queueing.customers.identity_keys import LookupKind


@pytest.mark.parametrize(
    ("typed", "kind"),
    [
        ("6228484167438646", LookupKind.CARD_NUMBER),
        ("6228 4841 6743 8646 123", LookupKind.CARD_NUMBER),
        ("11010519491231002X", LookupKind.ID_NUMBER),
        ("110105194912310021", LookupKind.ID_NUMBER),
        ("91457448H", LookupKind.ID_NUMBER),
        ("000219-1772769", LookupKind.ID_NUMBER),
        ("138 1234 5678", LookupKind.PHONE),
        ("+34 705 783 086", LookupKind.PHONE),
        ("044-109-8027", LookupKind.PHONE),
    ],
)
def test_guess_kind(typed, kind):
    assert guess_kind(typed) is kind
