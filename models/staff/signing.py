"""Staff accounts signed by the branch (Ed25519), so a station's copy cannot be edited to sign in.

The administrator's PC holds the private key (``staff-signing.key``, owner-only, in the branch's
configuration folder) and every account written there carries a signature over what sign-in
trusts: branch, id, name, role, PIN hash and whether it is active. A station holds only the public
key (``staff-signing.pub``): offline it accepts a PIN only against an account whose signature
holds, so a role or a hash edited in the station's file is refused.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from models.cli.sign_in import check_owner_only
from queueing.config.files import branch_config_dir
from queueing.core.errors import ConfigError

PRIVATE_NAME = "staff-signing.key"
PUBLIC_NAME = "staff-signing.pub"


def account_message(branch_id: str, staff_id: str, name: str, role: str, pin_hash: str, active: bool) -> bytes:
    fields = [branch_id, staff_id, name, role, pin_hash, bool(active)]
    return json.dumps(fields, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def sign_account(key: Ed25519PrivateKey, *fields) -> str:
    return key.sign(account_message(*fields)).hex()


def account_signed(key: Ed25519PublicKey, signature: str | None, *fields) -> bool:
    try:
        key.verify(bytes.fromhex(signature or ""), account_message(*fields))
    except (InvalidSignature, ValueError):
        return False
    return True


def _folder(folder: Path | None) -> Path:
    found = folder or branch_config_dir()
    if found is None:
        raise ConfigError("no configuration folder for the staff signing key (give --config DIR)")
    return found


def create_signing_key(folder: Path | None = None) -> Path:
    """A new key pair in the folder (the private key owner-only); refused if one is there already."""
    where = _folder(folder)
    private = where / PRIVATE_NAME
    if private.exists():
        raise ConfigError(f"{private}: a staff signing key exists already; nothing was changed")
    where.mkdir(parents=True, exist_ok=True)
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    descriptor = os.open(private, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(pem)
    public = key.public_key().public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
    (where / PUBLIC_NAME).write_bytes(public)
    return private


def load_signing_key(folder: Path | None = None) -> Ed25519PrivateKey | None:
    """The administrator's private key, or None where there is none (a station)."""
    private = _folder(folder) / PRIVATE_NAME if (folder or branch_config_dir()) else None
    if private is None or not private.exists():
        return None
    check_owner_only(private)
    try:
        key = serialization.load_pem_private_key(private.read_bytes(), password=None)
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{private}: not a staff signing key ({exc})") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise ConfigError(f"{private}: not an Ed25519 key")
    return key


def load_verify_key(folder: Path | None = None) -> Ed25519PublicKey | None:
    """The branch's public key, or None where the station was given none."""
    public = _folder(folder) / PUBLIC_NAME if (folder or branch_config_dir()) else None
    if public is None or not public.exists():
        return None
    try:
        key = serialization.load_pem_public_key(public.read_bytes())
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{public}: not a staff signing public key ({exc})") from None
    if not isinstance(key, Ed25519PublicKey):
        raise ConfigError(f"{public}: not an Ed25519 key")
    return key
