"""The audit log's keyed chain: each entry's HMAC covers the previous hash and the entry itself.

The key is the branch's audit key, which the store does not hold: changing, deleting, inserting
or reordering an entry breaks the chain at that point, and recomputing the chain around the change
needs the key. Cutting entries off the end, or deleting a whole chain, leaves nothing to break:
that is caught against the chain heads anchored outside the store (models/audit/anchor.py).
"""

from __future__ import annotations

import hashlib
import hmac
import json
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

GENESIS_HASH = "0" * 64


class AuditAction(StrEnum):
    PROFILE_VIEW = "profile_view"
    LOOKUP_MISS = "lookup_miss"
    REVEAL = "reveal"
    REVEAL_DENIED = "reveal_denied"
    NOTE_ADDED = "note_added"
    PROMPT_OUTCOME = "prompt_outcome"
    AUDIT_BROWSE = "audit_browse"
    AUDIT_EXPORT = "audit_export"
    RULES_RELOADED = "rules_reloaded"
    COMPLAINT_ADDED = "complaint_added"
    COMPLAINT_RESOLVED = "complaint_resolved"
    FOLLOW_UP_DONE = "follow_up_done"
    CALL_RESULT = "call_result"
    SHORT_VISIT_REVIEWED = "short_visit_reviewed"
    BREAK_SCHEDULED = "break_scheduled"
    BREAK_CANCELLED = "break_cancelled"
    VISIT_REFUSED = "visit_refused"  # a profile or an answer outside the account's own visit, refused
    # Staff administration: who gave whom an account, a role, a new PIN, or took them away.
    STAFF_SAVED = "staff_saved"
    STAFF_DEACTIVATED = "staff_deactivated"
    STAFF_REACTIVATED = "staff_reactivated"
    STAFF_PIN_RESET = "staff_pin_reset"
    STAFF_ROLE_CHANGED = "staff_role_changed"
    STAFF_UNLOCKED = "staff_unlocked"
    # Nobody signed in: the branch's first account, and a lock that wrong PINs put on an id (an account or not).
    FIRST_ADMINISTRATOR = "first_administrator"
    PIN_LOCKED = "pin_locked"


@dataclass(frozen=True)
class AuditEntry:
    """One audit row. ``detail`` holds only what the action needs (never a full ID or card number)."""

    branch_id: str
    seq: int  # 1, 2, 3 ... per station chain within the branch, no gaps
    at: datetime
    staff_id: str
    role: str
    station_id: str
    customer_id: int | None
    action: str
    detail: dict[str, Any] = field(default_factory=dict)
    prev_hash: str = GENESIS_HASH
    hash: str = ""

    def content(self) -> dict[str, Any]:
        """Everything the hash covers (all fields but the hash itself)."""
        return {
            "branch_id": self.branch_id,
            "seq": self.seq,
            "at": utc_text(self.at),
            "staff_id": self.staff_id,
            "role": self.role,
            "station_id": self.station_id,
            "customer_id": self.customer_id,
            "action": self.action,
            "detail": self.detail,
            "prev_hash": self.prev_hash,
        }


def utc_text(when: datetime) -> str:
    """UTC, microseconds, no offset: the same text whether the store kept the time zone (PostgreSQL) or not (SQLite)."""
    if when.tzinfo is not None:
        when = when.astimezone(UTC).replace(tzinfo=None)
    return when.isoformat(timespec="microseconds")


def canonical_json(data: dict[str, Any]) -> str:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str)


def entry_hash(key: bytes, prev_hash: str, content: dict[str, Any]) -> str:
    return hmac.new(key, (prev_hash + canonical_json(content)).encode("utf-8"), hashlib.sha256).hexdigest()


def seal(entry: AuditEntry, key: bytes) -> AuditEntry:
    """The entry with its keyed hash filled in."""
    return replace(entry, hash=entry_hash(key, entry.prev_hash, entry.content()))


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    reason: str


def verify_chain(entries: Iterable[AuditEntry], key: bytes) -> ChainBreak | None:
    """The first entry of one chain (in sequence order) where it does not hold, or None if it is intact."""
    expected_prev, expected_seq = GENESIS_HASH, 1
    for entry in entries:
        if entry.seq != expected_seq:
            return ChainBreak(entry.seq, f"sequence {entry.seq} where {expected_seq} was expected")
        if entry.prev_hash != expected_prev:
            return ChainBreak(entry.seq, "previous hash does not match the entry before")
        if not hmac.compare_digest(entry_hash(key, entry.prev_hash, entry.content()), entry.hash):
            return ChainBreak(entry.seq, "entry content does not match its keyed hash (changed or forged)")
        expected_prev, expected_seq = entry.hash, expected_seq + 1
    return None
