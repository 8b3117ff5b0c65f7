import pytest

from queueing.customers.identity_keys import LookupKind, lookup_hash
from queueing.customers.masking import mask_card_number, mask_id_number, mask_name, mask_phone

KEY = b"k" * 32


@pytest.mark.parametrize(
    ("family", "given", "masked"),
    [
        ("张", "小三", "张*三"),  # zh_CN, three characters
        ("张", "三", "张*"),  # zh_CN, two characters
        ("欧阳", "娜娜", "欧阳*娜"),  # compound surname stays whole
        ("김", "민용", "김*용"),  # ko_KR
        ("이", "준", "이*"),
        ("Pérez", "Juan", "J*** Pérez"),  # es
        ("García López", "Álvaro José", "Á*** García López"),
    ],
)
def test_names_are_masked_the_way_each_locale_expects(family, given, masked):
    assert mask_name(family, given) == masked


def test_chinese_resident_id_keeps_first_3_and_last_4():
    assert mask_id_number("110105199001011234") == "110***********1234"


def test_korean_and_spanish_ids_are_normalized_before_masking():
    assert mask_id_number("900112-2452340") == "900******2340"
    assert mask_id_number("66698124X") == "666**124X"


def test_card_keeps_the_bin_and_last_4():
    assert mask_card_number("6228 4812 3456 7890") == "622848******7890"


@pytest.mark.parametrize(
    ("phone", "masked"),
    [("13912345678", "139****5678"), ("010-1234-5678", "010****5678"), ("612 345 678", "612****5678")],
)
def test_phone_is_3_stars_4(phone, masked):
    assert mask_phone(phone) == masked


def test_short_values_never_show_more_than_half():
    assert mask_id_number("12345") == "***45"
    assert mask_phone("12345") == "***45"


def test_lookup_hash_ignores_formatting_and_separates_kinds():
    spaced = lookup_hash(KEY, LookupKind.CARD_NUMBER, "6228 4812 3456 7890")
    assert spaced == lookup_hash(KEY, LookupKind.CARD_NUMBER, "6228481234567890")
    assert spaced != lookup_hash(KEY, LookupKind.PHONE, "6228481234567890")
    assert spaced != lookup_hash(b"x" * 32, LookupKind.CARD_NUMBER, "6228481234567890")
    assert "7890" not in spaced


def test_lookup_hash_refuses_a_weak_key_and_an_empty_value():
    with pytest.raises(ValueError):
        lookup_hash(b"short", LookupKind.PHONE, "13912345678")
    with pytest.raises(ValueError):
        lookup_hash(KEY, LookupKind.PHONE, " - ")
