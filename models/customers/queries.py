"""Queries that turn customer rows into the frozen domain objects of queueing.customers.profiles (few, indexed)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select, String, case, cast, select
from sqlalchemy.orm import Session

from models.customers.tables import (
    ComplaintRow,
    CrossSellOutcomeRow,
    CustomerCardRow,
    CustomerRow,
    FollowUpRow,
    HoldingRow,
)
from models.store.tables import TicketRow
from models.store.utc import as_utc
from queueing.crosssell.outcome import COOL_DOWN_OUTCOMES
from queueing.crosssell.screen import Decline
from queueing.customers.identity_keys import LookupKind
from queueing.customers.profile_view import NOTES_SHOWN
from queueing.customers.profiles import (
    Channel,
    Complaint,
    ComplaintStatus,
    Customer,
    FollowUp,
    Holding,
    ProductKind,
    Segment,
)

CENT = Decimal("0.01")


def from_cents(cents: int) -> Decimal:
    return (Decimal(cents) * CENT).quantize(CENT)


def to_cents(amount: Decimal) -> int:
    return int((amount / CENT).to_integral_value())


def find_customer_id(session: Session, branch_id: str, kind: LookupKind, digests: Sequence[str]) -> int | None:
    """The customer whose ID, card or phone hashes to one of ``digests`` in this branch (one indexed query).

    A phone has a few digests (its canonical form and older ones); when two customers match, the earlier digest
    wins (the canonical form first), so the answer does not depend on the order rows come back in.
    """
    if kind is LookupKind.CARD_NUMBER:
        column = CustomerCardRow.card_hash
        stmt = select(CustomerRow.id).join(CustomerCardRow, CustomerCardRow.customer_id == CustomerRow.id)
    else:
        column = CustomerRow.id_hash if kind is LookupKind.ID_NUMBER else CustomerRow.phone_hash
        stmt = select(CustomerRow.id)
    preference = case({digest: rank for rank, digest in enumerate(digests)}, value=column)
    stmt = stmt.where(column.in_(digests), CustomerRow.branch_id == branch_id).order_by(preference, CustomerRow.id)
    return session.scalar(stmt.limit(1))


def follow_up_of(row: FollowUpRow) -> FollowUp:
    return FollowUp(
        id=row.id,
        customer_id=row.customer_id,
        staff_id=row.staff_id,
        at=as_utc(row.at),
        channel=Channel(row.channel),
        text=row.text,
        next_action_on=row.next_action_on,
        owner_id=row.owner_id,
        done_at=as_utc(row.done_at) if row.done_at else None,
        done_by=row.done_by,
        result=row.result,
    )


def _holding(row: HoldingRow) -> Holding:
    return Holding(
        id=row.id,
        kind=ProductKind(row.kind),
        product_code=row.product_code,
        balance=from_cents(row.balance_cents),
        opened_on=row.opened_on,
        matures_on=row.matures_on,
        risk_level=row.risk_level,
    )


def complaint_of(row: ComplaintRow) -> Complaint:
    return Complaint(
        id=row.id,
        customer_id=row.customer_id,
        opened_at=as_utc(row.opened_at),
        category=row.category,
        text=row.text,
        status=ComplaintStatus(row.status),
        resolved_at=as_utc(row.resolved_at) if row.resolved_at else None,
    )


def load_customer(session: Session, branch_id: str, customer_id: int) -> Customer | None:
    """The customer with cards, holdings, the last notes, open follow-ups and open complaints (indexed queries)."""
    row = session.get(CustomerRow, customer_id)
    if row is None or row.branch_id != branch_id:
        return None
    cards = session.scalars(
        select(CustomerCardRow.card_masked)
        .where(CustomerCardRow.customer_id == customer_id)
        .order_by(CustomerCardRow.id)
    )
    holdings = session.scalars(select(HoldingRow).where(HoldingRow.customer_id == customer_id))
    notes = list(
        session.scalars(
            select(FollowUpRow)
            .where(FollowUpRow.customer_id == customer_id)
            .order_by(FollowUpRow.at.desc(), FollowUpRow.id.desc())
            .limit(NOTES_SHOWN)
        )
    )
    # Open follow-ups older than the last few notes still belong on the teller's screen.
    shown = {n.id for n in notes}
    notes += [
        n
        for n in session.scalars(
            select(FollowUpRow).where(
                FollowUpRow.customer_id == customer_id,
                FollowUpRow.next_action_on.is_not(None),
                FollowUpRow.done_at.is_(None),
            )
        )
        if n.id not in shown
    ]
    complaints = session.scalars(
        select(ComplaintRow).where(
            ComplaintRow.customer_id == customer_id, ComplaintRow.status == ComplaintStatus.OPEN.value
        )
    )
    return Customer(
        id=row.id,
        customer_no=row.customer_no,
        masked_name=row.name_masked,
        greeting_name=row.greeting,
        id_masked=row.id_masked,
        phone_masked=row.phone_masked,
        birth_date=row.birth_date,
        segment=Segment(row.segment),
        risk_rating=row.risk_rating,
        marketing_consent=row.marketing_consent,
        cards_masked=tuple(cards),
        aum_prev_month=from_cents(row.aum_prev_month_cents),
        fx_transactions_90d=row.fx_transactions_90d,
        holdings=tuple(_holding(h) for h in holdings),
        follow_ups=tuple(follow_up_of(n) for n in notes),
        complaints=tuple(complaint_of(c) for c in complaints),
    )


def recent_pitches(
    session: Session, customer_id: int, since: datetime, zone: ZoneInfo, outside_ticket: str | None = None
) -> tuple[Decline, ...]:
    """Prompts the customer answered since ``since`` (each dated by the branch's calendar day).

    Every answer starts the rule's cool-down, not only a refusal: the same pitch coming back twenty
    minutes after "Interested" tells the customer nobody listened. "Not offered" starts none.
    ``outside_ticket``: leave that visit's own answers out (the prompts it showed, as it showed them).
    """
    stmt = select(CrossSellOutcomeRow.product, CrossSellOutcomeRow.rule_code, CrossSellOutcomeRow.at).where(
        CrossSellOutcomeRow.customer_id == customer_id,
        CrossSellOutcomeRow.outcome.in_([o.value for o in COOL_DOWN_OUTCOMES]),
        CrossSellOutcomeRow.at >= since,
    )
    if outside_ticket is not None:
        stmt = stmt.where(
            CrossSellOutcomeRow.ticket_id.is_(None) | (CrossSellOutcomeRow.ticket_id != outside_ticket)
        )
    rows = session.execute(stmt)
    return tuple(Decline(r.product, r.rule_code, as_utc(r.at).astimezone(zone).date()) for r in rows)


def of_final_customer(stmt: Select[Any], branch_id: str) -> Select[Any]:
    """``stmt`` over CrossSellOutcomeRow, kept to the answers of the customer each visit is linked to in the end.

    A visit identified again (Ctrl+I) as another customer keeps the answers recorded for the first one: they earn
    nothing and convert nothing (one customer at the window). An answer outside a visit, or of a visit linked to
    nobody, stays. The piece rate (models/reports/record_queries.load_accepted_prompts) and the conversion report
    (CrossSellService.conversion) both filter here, so pay and conversion agree.
    """
    return stmt.outerjoin(
        TicketRow, (TicketRow.id == CrossSellOutcomeRow.ticket_id) & (TicketRow.branch_id == branch_id)
    ).where(
        CrossSellOutcomeRow.ticket_id.is_(None)
        | TicketRow.customer_id.is_(None)
        | (TicketRow.customer_id == cast(CrossSellOutcomeRow.customer_id, String))
    )


def insert_follow_up(
    session: Session,
    branch_id: str,
    customer_id: int,
    staff_id: str,
    at: datetime,
    channel: Channel,
    text: str,
    next_action_on: date | None,
    owner_id: str | None = None,
) -> FollowUp:
    row = FollowUpRow(
        branch_id=branch_id,
        customer_id=customer_id,
        staff_id=staff_id,
        at=at,
        channel=channel.value,
        text=text,
        next_action_on=next_action_on,
        owner_id=owner_id,
    )
    session.add(row)
    session.flush()
    return follow_up_of(row)


def insert_complaint(session: Session, customer_id: int, at: datetime, category: str, text: str) -> Complaint:
    row = ComplaintRow(
        customer_id=customer_id,
        opened_at=at,
        category=category,
        text=text,
        status=ComplaintStatus.OPEN.value,
        resolved_at=None,
    )
    session.add(row)
    session.flush()
    return complaint_of(row)
