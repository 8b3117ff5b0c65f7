"""The audit chain's key and where its chain heads are anchored: both outside every store file.

The key is derived from the branch key (models/customers/branch_key.py), which an administrator copies to
each PC of the branch and which no database holds; the chain heads go beside it, in
``audit-heads/``. A process may be told both explicitly (``configure_audit``: tests, a verifying
tool); otherwise they are read from the branch key file on first use.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import threading
from dataclasses import dataclass
from pathlib import Path

from models.customers.branch_key import default_key_path, load_branch_key

_LABEL = b"counterline/audit-chain/v1"
HEADS_ENV_VAR = "COUNTERLINE_AUDIT_HEADS_DIR"


@dataclass(frozen=True)
class AuditSecrets:
    key: bytes
    heads_dir: Path


_current: AuditSecrets | None = None
_lock = threading.Lock()


def derive_audit_key(branch_key: bytes) -> bytes:
    """The chain's HMAC key: a key of its own, so the look-up hashes and the chain never share one."""
    return hmac.new(branch_key, _LABEL, hashlib.sha256).digest()


def default_heads_dir() -> Path:
    return Path(os.environ.get(HEADS_ENV_VAR) or default_key_path().parent / "audit-heads")


def configure_audit(branch_key: bytes, heads_dir: Path | None = None) -> AuditSecrets:
    """Use ``branch_key`` (and ``heads_dir``) in this process from now on."""
    global _current
    with _lock:
        _current = AuditSecrets(derive_audit_key(branch_key), heads_dir or default_heads_dir())
        return _current


def audit_secrets() -> AuditSecrets:
    """What this process chains and anchors with; ConfigError naming the key file when there is none."""
    with _lock:
        current = _current
    return current if current is not None else configure_audit(load_branch_key())


def reset_audit() -> None:
    global _current
    with _lock:
        _current = None
