"""Chain heads anchored outside the store: the last sequence and hash of every chain a process wrote.

After each commit that appended audit entries, the new heads are written to a small JSON file in
the heads folder beside the branch key (one file per store), under an HMAC with the audit key.
``audit verify`` then finds entries cut off the end of a chain, a chain deleted whole and a
rewritten past: what a keyed chain alone cannot show, because nothing is left to break.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from sqlalchemy import Connection, event
from sqlalchemy.engine import URL
from sqlalchemy.orm import Session

from models.audit.key import AuditSecrets
from models.store.after_commit import pending_after_commit
from models.store.atomic_file import replaced_on_success
from models.store.location import sqlite_file
from queueing.customers.audit_chain import canonical_json

_PENDING = "audit_heads_pending"
log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Head:
    seq: int
    hash: str


class HeadsTampered(Exception):
    """The heads file does not carry the audit key's seal: edited, or from another branch."""


def store_label(url: URL) -> str:
    path = sqlite_file(url)
    return str(Path(path).resolve()) if path else url.render_as_string(hide_password=True)


def heads_file(secrets: AuditSecrets, label: str) -> Path:
    return secrets.heads_dir / f"{hashlib.sha256(label.encode('utf-8')).hexdigest()[:20]}.json"


def _seal(key: bytes, label: str, heads: dict[str, list]) -> str:
    return hmac.new(key, canonical_json({"store": label, "heads": heads}).encode("utf-8"), hashlib.sha256).hexdigest()


def read_heads(secrets: AuditSecrets, label: str) -> dict[tuple[str, str], Head]:
    """The anchored heads of the store, {} if none were anchored; HeadsTampered if the file lies."""
    file = heads_file(secrets, label)
    try:
        raw = json.loads(file.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as exc:
        raise HeadsTampered(f"{file}: unreadable ({exc})") from None
    heads = raw.get("heads") if isinstance(raw, dict) else None
    mac = str(raw.get("mac", "")) if isinstance(raw, dict) else ""
    if not isinstance(heads, dict) or not hmac.compare_digest(mac, _seal(secrets.key, label, heads)):
        raise HeadsTampered(f"{file}: the chain heads were changed (their seal does not match)")
    return {tuple(k.split("\x1f", 1)): Head(int(v[0]), str(v[1])) for k, v in heads.items()}


@contextmanager
def _locked(file: Path) -> Iterator[None]:
    """One writer at a time across processes (POSIX); elsewhere the atomic replace alone."""
    file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name != "posix":
        yield
        return
    import fcntl

    with open(file.with_suffix(".lock"), "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def anchor(secrets: AuditSecrets, label: str, new: dict[tuple[str, str], Head]) -> None:
    """Move the anchored heads forward to ``new`` (a head never moves back)."""
    file = heads_file(secrets, label)
    with _locked(file):
        heads = read_heads(secrets, label)  # a tampered file is not silently replaced
        for chain, head in new.items():
            if chain not in heads or head.seq > heads[chain].seq:
                heads[chain] = head
        data = {"\x1f".join(k): [h.seq, h.hash] for k, h in sorted(heads.items())}
        with replaced_on_success(file) as part:
            part.write_text(json.dumps({"store": label, "heads": data, "mac": _seal(secrets.key, label, data)}))
            os.chmod(part, 0o600)


def remember_head(session: Session, secrets: AuditSecrets, branch_id: str, station_id: str, head: Head) -> None:
    """Anchor ``head`` once the caller's transaction has committed (nothing for an entry that was not stored).

    A head anchored for an entry whose COMMIT then failed would stand for a row that never was: verify would
    call the chain cut short, and once the chain grew again, rewritten.
    """
    label = store_label(session.get_bind().engine.url)
    if isinstance(session.bind, Connection):
        # Store.write_session: the session joined the connection's transaction, which commits after the
        # session's own after_commit; the connection runs this after its real COMMIT.
        heads = pending_after_commit(session.bind, (_PENDING, secrets, label), partial(_anchor_logged, secrets, label))
    else:
        heads = session.info.setdefault(_PENDING, {}).setdefault((secrets, label), {})
    heads[(branch_id, station_id)] = head


def _anchor_logged(secrets: AuditSecrets, label: str, heads: dict[tuple[str, str], Head]) -> None:
    try:
        anchor(secrets, label, heads)
    except (OSError, HeadsTampered) as exc:
        # The entry is committed; failing the user's action now would not undo it. Verification says it.
        log.error("audit chain heads of %s not anchored: %s", label, exc)


@event.listens_for(Session, "after_commit")
def _anchor_after_commit(session: Session) -> None:
    """A session that owns its transaction: its commit is the COMMIT."""
    pending = session.info.pop(_PENDING, None)
    for (secrets, label), heads in (pending or {}).items():
        _anchor_logged(secrets, label, heads)


@event.listens_for(Session, "after_rollback")
def _forget_after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)
