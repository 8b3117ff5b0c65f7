"""The audit log's hash chain: each entry's hash covers the previous hash and the entry itself.

Changing, deleting or inserting an entry breaks the chain at that point. (Cutting entries off the
end leaves a shorter valid chain; that needs the last hash kept elsewhere, e.g. upstream.)
"""

from __future__ import annotations

import hashlib
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


def entry_hash(prev_hash: str, content: dict[str, Any]) -> str:
    return hashlib.sha256((prev_hash + canonical_json(content)).encode("utf-8")).hexdigest()


def seal(entry: AuditEntry) -> AuditEntry:
    """The entry with its hash filled in."""
    return replace(entry, hash=entry_hash(entry.prev_hash, entry.content()))


@dataclass(frozen=True)
class ChainBreak:
    seq: int
    reason: str


def verify_chain(entries: Iterable[AuditEntry]) -> ChainBreak | None:
    """The first entry of one chain (in sequence order) where it does not hold, or None if it is intact."""
    expected_prev, expected_seq = GENESIS_HASH, 1
    for entry in entries:
        if entry.seq != expected_seq:
            return ChainBreak(entry.seq, f"sequence {entry.seq} where {expected_seq} was expected")
        if entry.prev_hash != expected_prev:
            return ChainBreak(entry.seq, "previous hash does not match the entry before")
        if entry_hash(entry.prev_hash, entry.content()) != entry.hash:
            return ChainBreak(entry.seq, "entry content does not match its hash")
        expected_prev, expected_seq = entry.hash, expected_seq + 1
    return None
