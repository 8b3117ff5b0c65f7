"""Keyed look-up hashes: a station finds a customer by ID, card or phone without storing the number.

HMAC-SHA256 with a per-branch secret key, so a stolen station database cannot be reversed by
hashing every possible ID number. The kind is part of the message so equal digits in different
fields never collide.
"""

from __future__ import annotations

import hashlib
import hmac
from enum import StrEnum

from queueing.customers.masking import normalize_number

MIN_KEY_BYTES = 16


class LookupKind(StrEnum):
    ID_NUMBER = "id"
    CARD_NUMBER = "card"
    PHONE = "phone"


def lookup_hash(branch_key: bytes, kind: LookupKind, value: str) -> str:
    """Hex HMAC-SHA256 of the normalized ``value``; raises ValueError for a weak key or an empty value."""
    if len(branch_key) < MIN_KEY_BYTES:
        raise ValueError(f"branch key must have at least {MIN_KEY_BYTES} bytes")
    normalized = normalize_number(value)
    if not normalized:
        raise ValueError(f"empty {kind.value} number")
    message = f"{kind.value}:{normalized}".encode()
    return hmac.new(branch_key, message, hashlib.sha256).hexdigest()
