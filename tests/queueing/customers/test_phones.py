"""Phone numbers read in the branch's region: one stored form, and the few forms a look-up tries."""

import pytest

from queueing.customers.masking import MIN_HIDDEN_PHONE, normalize_number
from queueing.customers.phones import MAX_FORMS, NumberRefused, lookup_forms, phone_record, read_phone

# (branch region, the number as an import was given it, the ways a teller types it there)
SAME_NUMBER = [
    ("CN", "+86 138 0013 8000", ["138 0013 8000", "13800138000", "0086 138 0013 8000", "+86-138-0013-8000"]),
    ("CN", "010 6552 9988", ["+86 10 6552 9988", "(010) 6552-9988", "+86 010 6552 9988"]),
    ("KR", "+82 10-1234-5678", ["010-1234-5678", "01012345678", "+82 010 1234 5678"]),
    ("KR", "02-2123-4567", ["+82 2 2123 4567", "0221234567"]),
    ("MX", "+52 1 55 1234 5678", ["55 1234 5678", "+52 55 1234 5678", "5512345678"]),
    ("MX", "55 1234 5678", ["+52 1 55 1234 5678", "+525512345678"]),
    ("CO", "+57 300 123 4567", ["300 123 4567", "3001234567"]),
    ("AR", "+54 9 11 2345-6789", ["011 15 2345-6789", "11 15 2345 6789", "11 2345 6789", "+54 11 2345 6789"]),
    ("AR", "011 4123-4567", ["+54 11 4123 4567", "11 4123 4567"]),
    ("ES", "+34 612 34 56 78", ["612 34 56 78", "612345678", "0034 612 345 678"]),
]


@pytest.mark.parametrize(("region", "stored", "typed"), SAME_NUMBER)
def test_every_way_of_typing_a_number_finds_its_stored_form(region, stored, typed):
    form = phone_record(stored, region).form
    assert form.startswith("+")  # the canonical E.164 form
    for value in typed:
        assert form in lookup_forms(value, region), value


@pytest.mark.parametrize(("region", "stored", "typed"), SAME_NUMBER)
def test_a_number_stored_as_typed_before_is_found_typed_the_other_ways(region, stored, typed):
    # Before, an import hashed the number as it was given, without separators: no "+", no country code maybe.
    for old in [stored, *typed]:
        if old.startswith("00"):
            continue  # stored with the international prefix ("0086 ..."): found when typed so again, as before
        for value in [stored, *typed]:
            assert normalize_number(old) in lookup_forms(value, region), (old, value)


@pytest.mark.parametrize(("region", "stored", "typed"), SAME_NUMBER)
def test_a_look_up_hashes_a_handful_of_forms(region, stored, typed):
    for value in [stored, *typed]:
        forms = lookup_forms(value, region)
        assert 1 <= len(forms) <= MAX_FORMS and len(set(forms)) == len(forms)


def test_a_number_of_another_country_is_read_by_its_code():
    record = phone_record("+82 10-1234-5678", "CN")
    assert record.form == "+821012345678"
    assert record.form in lookup_forms("+82 10 1234 5678", "CN")
    assert record.form in lookup_forms("00 82 10 1234 5678", "CN")  # China's international prefix
    assert record.form not in lookup_forms("010-1234-5678", "CN")  # nationally, that is a Beijing number


def test_a_number_sharing_only_its_last_digits_is_another_number():
    stored = phone_record("+86 138 0013 8000", "CN").form
    for other in ("139 0013 8000", "0013 8000", "38000", "+82 10 0013 8000", "+1 138 0013 8000"):
        assert stored not in lookup_forms(other, "CN")


def test_the_canonical_form_is_never_an_older_national_form():
    # The Chinese 131 2246 1234 written nationally is the digits of +1 312 123 4567: the "+" keeps them apart.
    american = phone_record("+1 312 246 1234", "US").form
    assert american == "+13122461234"
    assert american not in lookup_forms("131 2246 1234", "CN")


@pytest.mark.parametrize("value", ["abc", "+", "", "   ", "1" * 40, "138-0013-800O", "call me"])
def test_what_cannot_be_a_phone_number_is_refused(value):
    with pytest.raises(NumberRefused) as caught:
        lookup_forms(value, "CN")
    assert caught.value.code == "number_refused"


def test_full_width_digits_read_as_digits():
    assert lookup_forms("１３８　００１３　８０００", "CN") == lookup_forms("138 0013 8000", "CN")


def test_a_number_phonenumbers_does_not_know_is_kept_as_typed():
    assert read_phone("12", "CN") is None and lookup_forms("12", "CN") == ("12",)
    record = phone_record("917 830 862", "CN")  # a Spanish landline, typed without +34 in China
    assert (record.form, record.shown) == ("917830862", "917 830 862")
    assert lookup_forms("917830862", "CN") == ("917830862",)


def test_no_region_reads_only_numbers_with_their_code():
    assert lookup_forms("138 0013 8000", None) == ("13800138000",)
    assert lookup_forms("+86 138 0013 8000", None)[0] == "+8613800138000"


@pytest.mark.parametrize(
    ("region", "value", "masked", "shown"),
    [
        ("CN", "+86 138 0013 8000", "138****8000", "+86 138 0013 8000"),
        ("CN", "010 6552 9988", "010****9988", "+86 10 6552 9988"),
        ("KR", "+82 10-1234-5678", "010****5678", "+82 10-1234-5678"),
        ("MX", "+52 1 55 1234 5678", "55****5678", "+52 55 1234 5678"),
        ("AR", "+54 9 11 2345-6789", "011****6789", "+54 9 11 2345-6789"),
        ("ES", "612 34 56 78", "6****5678", "+34 612 34 56 78"),
    ],
)
def test_a_stored_number_is_masked_in_the_form_the_branch_knows(region, value, masked, shown):
    record = phone_record(value, region)
    assert (record.masked, record.shown) == (masked, shown)
    assert record.masked.count("*") >= MIN_HIDDEN_PHONE


def test_a_foreign_number_is_masked_behind_its_country_code():
    record = phone_record("010-1234-5678", "KR", branch_region="CN")
    assert record.form == "+821012345678"
    assert record.masked == "+82 10****5678" and record.masked.count("*") >= MIN_HIDDEN_PHONE
