"""The facts a supervisor or the feedback pad adds to a finished visit, checked before they become events.

Each function validates and returns one change (event type, payload); the
caller wraps it in an envelope (``StationContext.build``) and stores it, as with
``queueing.core.commands``. ``queueing.records.visits`` applies them to the records.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from queueing.core.errors import DomainError
from queueing.core.events import EventType
from queueing.core.text_rules import QUALITY_NOTE, REASON, clean_text
from queueing.core.tickets import VISIT_OUTCOMES, TransactionLine
from queueing.core.transaction_types import TransactionCatalogue
from queueing.records.visits import QualityKind, ShortDecision, VisitRecord

Change = tuple[EventType, dict[str, Any]]

RATINGS = (1, 2, 3, 4, 5)


def rate_visit(ticket_id: str, rating: int) -> Change:
    """The customer's rating from the feedback pad, 1 (poor) to 5 (excellent), for the visit of ``ticket_id``."""
    if isinstance(rating, bool) or rating not in RATINGS:
        raise DomainError(f"a rating is 1 to 5, got {rating!r}")
    return EventType.VISIT_RATED, {"ticket_id": ticket_id, "rating": rating}


def record_quality(ticket_id: str, kind: QualityKind | str, by: str, note: str = "") -> Change:
    """An error (minor or major) or a complaint a supervisor records against a visit."""
    try:
        mark = QualityKind(kind)
    except ValueError:
        raise DomainError(f"unknown quality mark {kind!r}") from None
    if not by:
        raise DomainError("a quality mark names the supervisor who records it")
    payload = {"ticket_id": ticket_id, "kind": str(mark), "by": by, "note": clean_text(QUALITY_NOTE, note)}
    return EventType.VISIT_QUALITY_RECORDED, payload


class OwnVisit(DomainError):
    """Nobody decides about pay for their own visits."""

    code = "own_short_visit"


def correct_visit(
    visit: VisitRecord,
    by: str,
    reason: str,
    catalogue: TransactionCatalogue,
    transactions: Sequence[TransactionLine] | None = None,
    teller: str | None = None,
    outcome: str | None = None,
    void_quality: Sequence[str] = (),
) -> Change:
    """A supervisor's correction of a record; the original stays in the record's history. Nobody corrects a visit
    of their own, nor moves a visit to themselves: both decide about their own pay."""
    reason = clean_text(REASON, reason)
    if not by:
        raise DomainError("a correction names the supervisor who makes it")
    if by == visit.teller:
        raise OwnVisit(f"visit {visit.number} was served by {by}, who may not correct it", ticket_id=visit.ticket_id)
    changes: dict[str, Any] = {}
    if transactions is not None:
        changes["transactions"] = _lines(transactions, catalogue)
    if teller is not None and teller != visit.teller:
        if teller == by:
            raise OwnVisit(f"{by} may not move visit {visit.number} to themselves", ticket_id=visit.ticket_id)
        changes["teller"] = teller
    if outcome is not None and outcome != visit.outcome:
        if outcome not in VISIT_OUTCOMES:
            raise DomainError(f"unknown visit outcome {outcome!r}: one of {', '.join(sorted(VISIT_OUTCOMES))}")
        changes["outcome"] = outcome
    if void_quality:
        known = {mark.event_id for mark in visit.quality}
        unknown = [mark_id for mark_id in void_quality if mark_id not in known]
        if unknown:
            raise DomainError(f"visit {visit.number} has no quality mark {', '.join(unknown)}")
        changes["void_quality"] = list(void_quality)
    if not changes:
        raise DomainError(f"the correction changes nothing on visit {visit.number}")
    return EventType.VISIT_CORRECTED, {
        "ticket_id": visit.ticket_id,
        "by": by,
        "reason": reason,
        "changes": changes,
    }


def review_short_visit(visit: VisitRecord, decision: ShortDecision | str, by: str, note: str = "") -> Change:
    """A supervisor's decision on a visit shorter than its minimum service: approved, its units are paid."""
    try:
        decided = ShortDecision(decision)
    except ValueError:
        raise DomainError(f"unknown short-visit decision {decision!r}") from None
    if not by:
        raise DomainError("a short-visit decision names the supervisor who takes it")
    if by == visit.teller:
        raise OwnVisit(f"visit {visit.number} was served by {by}, who may not review it", ticket_id=visit.ticket_id)
    if not visit.short:
        raise DomainError(f"visit {visit.number} is not shorter than its minimum service time")
    if visit.short_review is not None:
        raise DomainError(
            f"visit {visit.number} was already {visit.short_review.decision.value} by {visit.short_review.by}"
        )
    payload = {"ticket_id": visit.ticket_id, "decision": str(decided), "by": by, "note": clean_text(QUALITY_NOTE, note)}
    return EventType.VISIT_SHORT_REVIEWED, payload


def _lines(transactions: Sequence[TransactionLine], catalogue: TransactionCatalogue) -> list[dict[str, Any]]:
    if not transactions:
        raise DomainError("a visit keeps at least one transaction")
    out = []
    for line in transactions:
        if catalogue.get(line.code) is None:
            raise DomainError(f"unknown transaction type {line.code!r}")
        if line.quantity <= 0:
            raise DomainError(f"transaction {line.code!r} needs a quantity above zero")
        if line.amount is not None and line.amount < 0:
            raise DomainError(f"transaction {line.code!r} cannot have a negative amount")
        item: dict[str, Any] = {"code": line.code, "quantity": line.quantity}
        if line.amount is not None:
            item["amount"] = line.amount
        out.append(item)
    return out
