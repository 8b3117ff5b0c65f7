"""Customers' full names and phone numbers at rest: AES-GCM under a key that no database holds.

The key is derived from the branch key (models/customers/branch_key.py), the owner-only file outside every
store that stations already hold for the look-up hashes; a copied database alone reveals neither
names nor numbers. Each value is bound to its branch, customer number and field (the associated
data), so a sealed phone moved onto another customer's row no longer opens. Look-up by phone
uses the keyed hash (``phone_hash``, the blind index); only a reveal opens a sealed value.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import os
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from models.customers.branch_key import ENV_VAR, default_key_path, load_branch_key
from models.store.secret_files import check_owner_only
from queueing.core.errors import ConfigError, DomainError
from queueing.customers.masking import mask_name
from queueing.customers.profile_view import greeting_name
from queueing.customers.profiles import full_name

_LABEL = b"counterline/customer-seal/v1"
PREFIX = "g1:"
NONCE_BYTES = 12


def load_seal(path: Path | None = None) -> CustomerSeal:
    """The seal of the branch key file (``path``, else COUNTERLINE_BRANCH_KEY_FILE or the config folder).

    The file must be the owner's alone; ConfigError naming the file when it is missing, unreadable or open.
    """
    file = path or default_key_path()
    if not file.exists():
        raise ConfigError(
            f"{file}: no branch key, which seals customers' names and phone numbers "
            f"(copy the branch's key there or set {ENV_VAR})"
        )
    check_owner_only(file)
    return CustomerSeal(load_branch_key(file))


class SealBroken(DomainError):
    """A sealed value does not open with this branch key: another branch's key, or the value was altered."""

    code = "seal_broken"


def _aad(branch_id: str, customer_no: str, field: str) -> bytes:
    return f"{branch_id}\x1f{customer_no}\x1f{field}".encode()


class CustomerSeal:
    """Seals and opens one branch's names and phone numbers."""

    def __init__(self, branch_key: bytes) -> None:
        self._aead = AESGCM(hmac.new(branch_key, _LABEL, hashlib.sha256).digest())

    def seal(self, branch_id: str, customer_no: str, field: str, value: str) -> str:
        nonce = os.urandom(NONCE_BYTES)
        sealed = self._aead.encrypt(nonce, value.encode("utf-8"), _aad(branch_id, customer_no, field))
        return PREFIX + base64.b64encode(nonce + sealed).decode("ascii")

    def open(self, branch_id: str, customer_no: str, field: str, sealed: str) -> str:
        try:
            if not sealed.startswith(PREFIX):
                raise ValueError("not a sealed value")
            raw = base64.b64decode(sealed[len(PREFIX) :], validate=True)
            clear = self._aead.decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], _aad(branch_id, customer_no, field))
        except (InvalidTag, ValueError):
            raise SealBroken(
                f"the {field} of customer {customer_no} does not open with this branch key", customer=customer_no
            ) from None
        return clear.decode("utf-8")

    # -- the customer's columns ------------------------------------------------------
    def columns(self, branch_id: str, customer_no: str, family: str, given: str, phone: str) -> dict[str, str]:
        """What the customer table holds of a name and phone: sealed in full, masked for display."""
        return {
            "name_sealed": self.seal(branch_id, customer_no, "name", json.dumps([family, given], ensure_ascii=False)),
            "name_masked": mask_name(family, given),
            "greeting": greeting_name(family),
            "phone_sealed": self.seal(branch_id, customer_no, "phone", phone),
        }

    def full_name(self, branch_id: str, customer_no: str, name_sealed: str) -> str:
        family, given = json.loads(self.open(branch_id, customer_no, "name", name_sealed))
        return full_name(family, given)

    def phone(self, branch_id: str, customer_no: str, phone_sealed: str) -> str:
        return self.open(branch_id, customer_no, "phone", phone_sealed)
