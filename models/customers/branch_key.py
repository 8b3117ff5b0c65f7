"""The branch's secret key for look-up hashes of ID, card and phone numbers.

Kept apart from the store (a copied database alone cannot be searched by number), in the user's
config folder or where COUNTERLINE_BRANCH_KEY_FILE points. Every station of a branch needs the same
key: the administrator copies the file to each station.
"""

from __future__ import annotations

import codecs
import os
import secrets
from pathlib import Path

from models.store.secret_files import check_owner_only
from queueing.config.files import user_config_folder
from queueing.core.errors import ConfigError
from queueing.customers.identity_keys import MIN_KEY_BYTES

ENV_VAR = "COUNTERLINE_BRANCH_KEY_FILE"
KEY_BYTES = 32


def default_key_path() -> Path:
    return Path(os.environ.get(ENV_VAR) or Path(user_config_folder()) / "branch.key")


def load_branch_key(path: Path | None = None) -> bytes:
    """The key in ``path``; ConfigError naming the file when it is missing, open to other users or not a key."""
    file = path or default_key_path()
    if file.exists():  # it seals customers' names and phones and keys the audit chain: the owner's alone
        check_owner_only(file)
    try:
        # Saved from Notepad, the file starts with a byte-order mark; the key after it is the same key.
        key = bytes.fromhex(file.read_bytes().removeprefix(codecs.BOM_UTF8).decode("ascii").strip())
    except OSError as exc:
        raise ConfigError(f"{file}: cannot read the branch key: {exc.strerror}") from None
    except ValueError:
        raise ConfigError(f"{file}: the branch key is not hexadecimal") from None
    if len(key) < MIN_KEY_BYTES:
        raise ConfigError(f"{file}: the branch key must have at least {MIN_KEY_BYTES} bytes")
    return key


def load_or_create_branch_key(path: Path | None = None) -> bytes:
    """The key at ``path``; a new random one is written (owner-only) if there is none yet."""
    file = path or default_key_path()
    if not file.exists():
        file.parent.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(secrets.token_hex(KEY_BYTES) + "\n")
    return load_branch_key(file)
