"""Typed text: what no store may keep is refused with the field's name; what is kept is clean and NFC."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from queueing.core.text_rules import (
    APPOINTMENT_NOTE,
    COMPLAINT_TEXT,
    COUNTER_ID,
    COUNTER_NAME,
    STAFF_ID,
    STAFF_NAME,
    TextRefused,
    clean_text,
)


@pytest.mark.parametrize(
    ("value", "fragment"),
    [
        ("Li\x00Na", "control character (U+0000)"),
        ("Li\x1bNa", "control character (U+001B)"),
        ("Li\nNa", "control character (U+000A)"),  # a name is one line
        ("Li\u202eaN", "control character (U+202E)"),  # right-to-left override
        ("Li\u2028Na", "control character (U+2028)"),  # a line separator: a second line on every screen
        ("Li\u2029Na", "control character (U+2029)"),  # a paragraph separator, the same
        ("Li\udcffNa", "broken character (U+DCFF"),  # what a non-UTF-8 byte on the command line becomes
        ("   ", "is empty"),
        ("x" * 201, "has 201 characters; at most 200"),
        (42, "must be text"),
    ],
)
def test_hostile_text_is_refused_naming_the_field(value, fragment):
    with pytest.raises(TextRefused, match="staff name") as caught:
        clean_text(STAFF_NAME, value)
    assert fragment in str(caught.value)
    assert caught.value.details == {"field": "staff name"}


def test_accepted_text_is_trimmed_and_nfc():
    decomposed = "Jose\u0301 Lo\u0301pez"  # e + combining acute, as some keyboards send it
    assert clean_text(STAFF_NAME, f"  {decomposed} ") == "José López"
    assert clean_text(COUNTER_NAME, "창구 1") == "창구 1"


def test_notes_may_have_lines_and_may_be_empty_when_optional():
    assert clean_text(COMPLAINT_TEXT, "waited long\n\tno seat") == "waited long\n\tno seat"
    assert clean_text(APPOINTMENT_NOTE, None) == ""
    assert clean_text(APPOINTMENT_NOTE, "  ") == ""
    with pytest.raises(TextRefused, match="U\\+0000"):
        clean_text(COMPLAINT_TEXT, "a\x00b")


def test_the_limit_counts_characters_after_normalising():
    # 200 decomposed letters are 400 code points but 200 characters once composed.
    assert len(clean_text(STAFF_NAME, "e\u0301" * 200)) == 200


@given(st.text(alphabet=st.characters(codec=None), max_size=300))
def test_any_text_is_kept_clean_or_refused(value):
    try:
        text = clean_text(COMPLAINT_TEXT, value)
    except TextRefused as exc:
        assert "complaint" in str(exc)
        return
    text.encode("utf-8")  # never a lone surrogate
    assert "\x00" not in text and len(text) <= COMPLAINT_TEXT.max_chars
    assert unicodedata.is_normalized("NFC", text) and text == text.strip()
    assert all(unicodedata.category(c) != "Cc" or c in "\n\t" for c in text)


@pytest.mark.parametrize("hidden", ["\u200b", "\u00ad", "\u2060", "\ufeff", "\u200d"])
@pytest.mark.parametrize("field", [STAFF_ID, COUNTER_ID])
def test_an_id_with_an_invisible_character_is_refused(field, hidden):
    """"A1" and "A1" + U+200B look the same on every screen and in the audit log: two accounts nobody tells apart."""
    with pytest.raises(TextRefused, match=f"invisible character \\(U\\+{ord(hidden):04X}\\)"):
        clean_text(field, f"A{hidden}1")


def test_a_name_keeps_its_joiners():
    # A zero-width joiner is part of how some scripts and emoji are written; names are not ids.
    assert clean_text(STAFF_NAME, "Li\u200dNa") == "Li\u200dNa"
