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
    of the given name, three stars, the family name. No given name: the family field is masked
    itself (_mask_one_field), never shown whole; no name at all masks to "".
    """
    family, given = _visible(family_name), _visible(given_name)
    if not given:
        return _mask_one_field(family) if family else ""
    if _is_east_asian(family + given):
        if len(given) >= 2:
            return f"{family}{STAR}{given[-1]}"
        return f"{family}{STAR}"
    first = given[0]
    return f"{first}{STAR * 3} {family}".strip()


# Direction marks, embeddings, overrides and isolates: typed before a name (copied from a right-to-left text), one
# became the initial, and the rest of the label reordered around it.
_BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _visible(name: str) -> str:
    """The name's characters a reader sees, composed (NFC): no direction controls, no control characters."""
    name = unicodedata.normalize("NFC", name)
    return "".join(c for c in name if c not in _BIDI_CONTROLS and unicodedata.category(c) != "Cc").strip()


def _mask_one_field(name: str) -> str:
    """A whole name in the family field (an import with one name column, a mononymous customer): 张*丰 / 张* for an
    East Asian name (its first and last characters, one star for the middle; of two characters only the first);
    Juan C*** P*** / S*** for a Latin one (the first of several words kept, the others' initials; a single word's
    first letter)."""
    if _is_east_asian(name):
        chars = "".join(name.split())
        if len(chars) <= 2:
            return f"{chars[0]}{STAR}"
        return f"{chars[0]}{STAR}{chars[-1]}"
    words = name.split()
    if len(words) == 1:
        return f"{words[0][0]}{STAR * 3}"
    return " ".join([words[0], *(f"{word[0]}{STAR * 3}" for word in words[1:])])


def normalize_number(value: str) -> str:
    """Digits and letters only, upper case: the form that is hashed and masked (spaces, dashes, '+' dropped).

    Compatibility forms first become their plain ones (NFKC): a Chinese or Korean input method in full-width
    mode types "１３９１２３４５６７８" or "１１０１０５…Ｘ", which hashed to another digest and found nobody.
    """
    return _SEPARATORS.sub("", unicodedata.normalize("NFKC", value)).upper()


# The fewest characters each kind hides: what the design's formats hide at their usual length (a Korean resident
# number keeps 3 + 4 of 13, a 16-digit card 6 + 4, a Chinese mobile 3 + **** + 4 of 11). A shorter number (a
# Spanish DNI, an Argentine DNI, a Colombian cedula, a 9-digit Spanish phone) would otherwise show nearly all of
# itself behind the same pattern: "612****5678" printed 7 of 9 digits.
MIN_HIDDEN_ID = 6
MIN_HIDDEN_CARD = 6
MIN_HIDDEN_PHONE = 4


def _keep_ends(text: str, head: int, tail: int, min_hidden: int) -> tuple[str, str, int]:
    """(shown head, shown tail, characters hidden between them).

    At least ``min_hidden`` characters stay hidden, and at least half of a value too short for that; the head
    gives way first (the tail is what a teller reads back to the customer).
    """
    hidden = max(len(text) - head - tail, min(min_hidden, (len(text) + 1) // 2))
    shown = len(text) - hidden
    tail = min(tail, shown)
    head = shown - tail
    return text[:head], text[len(text) - tail :] if tail else "", hidden


def _masked(text: str, head: int, tail: int, min_hidden: int) -> str:
    first, last, hidden = _keep_ends(text, head, tail, min_hidden)
    return first + STAR * hidden + last


def mask_id_number(value: str) -> str:
    """First 3 and last 4 characters of an ID number (fewer of a short one: see MIN_HIDDEN_ID)."""
    return _masked(normalize_number(value), 3, 4, MIN_HIDDEN_ID)


def mask_card_number(value: str) -> str:
    """First 6 (the bank's BIN) and last 4 digits of a card number (fewer of a short one)."""
    return _masked(normalize_number(value), 6, 4, MIN_HIDDEN_CARD)


def mask_phone(value: str) -> str:
    """3 + **** + 4 (a longer number hides more behind the same four stars; a shorter one shows less)."""
    digits = normalize_number(value)
    first, last, hidden = _keep_ends(digits, 3, 4, MIN_HIDDEN_PHONE)
    if hidden >= MIN_HIDDEN_PHONE and len(first) == 3 and len(last) == 4:
        return f"{first}{STAR * 4}{last}"  # the length of a long number is not shown either
    return first + STAR * hidden + last
