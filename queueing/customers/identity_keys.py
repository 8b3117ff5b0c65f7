"""Keyed look-up hashes: a station finds a customer by ID, card or phone without storing the number.

HMAC-SHA256 with a per-branch secret key, so a stolen station database cannot be reversed by
hashing every possible ID number. The kind is part of the message so equal digits in different
fields never collide.

A phone is hashed in its canonical form when it is stored, and under the few forms older imports may have
stored it when it is looked up (queueing/customers/phones.py): ``phone_hashes`` gives them all.
"""

from __future__ import annotations

import hashlib
import hmac
from enum import StrEnum

from queueing.customers.masking import normalize_number
from queueing.customers.phones import lookup_forms

MIN_KEY_BYTES = 16


class LookupKind(StrEnum):
    ID_NUMBER = "id"
    CARD_NUMBER = "card"
    PHONE = "phone"


def lookup_hash(branch_key: bytes, kind: LookupKind, value: str) -> str:
    """Hex HMAC-SHA256 of the normalized ``value``; raises ValueError for a weak key or an empty value."""
    normalized = normalize_number(value)
    if not normalized:
        raise ValueError(f"empty {kind.value} number")
    return form_hash(branch_key, kind, normalized)


def form_hash(branch_key: bytes, kind: LookupKind, form: str) -> str:
    """Hex HMAC-SHA256 of ``form`` exactly as given (already normalized, or a phone's canonical "+8613800138000")."""
    if len(branch_key) < MIN_KEY_BYTES:
        raise ValueError(f"branch key must have at least {MIN_KEY_BYTES} bytes")
    message = f"{kind.value}:{form}".encode()
    return hmac.new(branch_key, message, hashlib.sha256).hexdigest()


def phone_hashes(branch_key: bytes, value: str, region: str | None) -> tuple[str, ...]:
    """The hashes a customer with the phone ``value`` may be stored under, the canonical one first.

    ``region``: the branch's country, for a number typed without its country code. Raises NumberRefused (a
    DomainError) for what cannot be a phone number.
    """
    return tuple(form_hash(branch_key, LookupKind.PHONE, form) for form in lookup_forms(value, region))
