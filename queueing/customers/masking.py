"""Masked forms of names, ID, card and phone numbers, the way each locale expects to see them."""

from __future__ import annotations

import re
import unicodedata

STAR = "*"
_SEPARATORS = re.compile(r"[\W_]+")


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _is_hangul(ch: str) -> bool:
    return "\uac00" <= ch <= "\ud7a3"


def _is_east_asian(text: str) -> bool:
    return any(_is_cjk(ch) or _is_hangul(ch) for ch in text)


def mask_name(family_name: str, given_name: str) -> str:
    """张*三 / 张* / 김*용 for Chinese and Korean names; J*** Pérez for Latin names.

    East Asian names: the family name, one star for the hidden middle, the last character of the
    given name (a one-character given name is hidden entirely: 张*). Latin names: the first letter
    of the given name, three stars, the family name.
    """
    family, given = family_name.strip(), given_name.strip()
    if _is_east_asian(family + given):
        if len(given) >= 2:
            return f"{family}{STAR}{given[-1]}"
        return f"{family}{STAR}"
    if not given:
        return family
    first = unicodedata.normalize("NFC", given)[0]
    return f"{first}{STAR * 3} {family}".strip()


def normalize_number(value: str) -> str:
    """Digits and letters only, upper case: the form that is hashed and masked (spaces, dashes, '+' dropped)."""
    return _SEPARATORS.sub("", value).upper()


def _keep_ends(text: str, head: int, tail: int) -> str:
    if len(text) <= head + tail:
        # Too short to show both ends and still hide something: show only the tail half.
        keep = len(text) // 2
        return STAR * (len(text) - keep) + text[len(text) - keep :]
    return text[:head] + STAR * (len(text) - head - tail) + text[-tail:]


def mask_id_number(value: str) -> str:
    """First 3 and last 4 characters of an ID number."""
    return _keep_ends(normalize_number(value), 3, 4)


def mask_card_number(value: str) -> str:
    """First 6 (the bank's BIN) and last 4 digits of a card number."""
    return _keep_ends(normalize_number(value), 6, 4)


def mask_phone(value: str) -> str:
    """3 + **** + 4, whatever the length of the number (country code included)."""
    digits = normalize_number(value)
    if len(digits) < 8:
        return _keep_ends(digits, 0, 2)
    return f"{digits[:3]}{STAR * 4}{digits[-4:]}"
