"""What a teller sees of a customer: one frozen ProfileView, already masked, rounded and flagged."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from queueing.crosssell.screen import Prompt
from queueing.customers.profile_facts import MATURITY_WINDOW_DAYS
from queueing.customers.profiles import (
    AgeBand,
    Complaint,
    Customer,
    FollowUp,
    ProductKind,
    Segment,
    age_band,
    age_on,
    birthday_this_week,
)
from queueing.customers.tiers import TierTable

BALANCE_ROUNDING = Decimal(100)  # the teller needs the order of magnitude, not the cents
NOTES_SHOWN = 3
_KIND_ORDER = {kind: index for index, kind in enumerate(ProductKind)}


def round_balance(amount: Decimal) -> int:
    return int((amount / BALANCE_ROUNDING).quantize(Decimal(1), rounding=ROUND_HALF_UP) * BALANCE_ROUNDING)


@dataclass(frozen=True)
class HoldingLine:
    kind: ProductKind
    product_code: str
    balance: int  # rounded to BALANCE_ROUNDING
    opened_on: date
    matures_on: date | None
    maturing_soon: bool  # matures within MATURITY_WINDOW_DAYS


@dataclass(frozen=True)
class ProfileView:
    customer_id: int
    customer_no: str
    masked_name: str
    greeting_name: str  # what a public screen may say: the family name's first letter ("P.", "王*")
    masked_id: str
    masked_cards: tuple[str, ...]
    masked_phone: str
    segment: Segment
    tier_code: str
    tier_names: dict[str, str]
    tier_rank: int
    currency: str
    aum: int  # rounded
    age_band: AgeBand
    birthday_this_week: bool
    marketing_consent: bool
    risk_rating: int | None
    holdings: tuple[HoldingLine, ...]
    recent_notes: tuple[FollowUp, ...]  # newest first
    open_follow_ups: tuple[FollowUp, ...]  # planned actions not yet done, soonest first
    open_complaints: tuple[Complaint, ...]
    prompts: tuple[Prompt, ...]

    @property
    def maturing_soon(self) -> tuple[HoldingLine, ...]:
        return tuple(h for h in self.holdings if h.maturing_soon)

    def tier_name(self, language: str = "en") -> str:
        return self.tier_names.get(language) or self.tier_names["en"]


def greeting_name(family_name: str) -> str:
    """The family name's first letter, for a screen others can read: "P." for Pérez, "王*" for 王.

    The first letter or digit: a direction control, a joiner or other format character (a name stored with a
    leading U+202E or U+200F) would otherwise be the whole greeting and reorder the sentence around it.
    """
    name = unicodedata.normalize("NFC", family_name)
    initial = next((ch for ch in name if unicodedata.category(ch)[0] in "LN"), "").upper()
    if not initial:
        return ""
    wide = "\u4e00" <= initial <= "\u9fff" or "\uac00" <= initial <= "\ud7a3"
    return f"{initial}*" if wide else f"{initial}."


def _holding_lines(customer: Customer, today: date) -> tuple[HoldingLine, ...]:
    ordered = sorted(customer.holdings, key=lambda h: (_KIND_ORDER[h.kind], -h.balance, h.id))
    return tuple(
        HoldingLine(
            kind=h.kind,
            product_code=h.product_code,
            balance=round_balance(h.balance),
            opened_on=h.opened_on,
            matures_on=h.matures_on,
            maturing_soon=h.matures_within(today, MATURITY_WINDOW_DAYS),
        )
        for h in ordered
    )


def build_profile_view(
    customer: Customer, tiers: TierTable, today: date, prompts: tuple[Prompt, ...] = ()
) -> ProfileView:
    aum = customer.aum()
    tier = tiers.tier_for(aum)
    notes = sorted(customer.follow_ups, key=lambda n: (n.at, n.id), reverse=True)[:NOTES_SHOWN]
    planned = sorted((n for n in customer.follow_ups if n.is_open), key=lambda n: (n.next_action_on, n.id))
    return ProfileView(
        customer_id=customer.id,
        customer_no=customer.customer_no,
        masked_name=customer.masked_name,
        greeting_name=customer.greeting_name,
        masked_id=customer.id_masked,
        masked_cards=customer.cards_masked,
        masked_phone=customer.phone_masked,
        segment=customer.segment,
        tier_code=tier.code,
        tier_names=dict(tier.names),
        tier_rank=tier.rank,
        currency=tiers.currency,
        aum=round_balance(aum),
        age_band=age_band(age_on(customer.birth_date, today)),
        birthday_this_week=birthday_this_week(customer.birth_date, today),
        marketing_consent=customer.marketing_consent,
        risk_rating=customer.risk_rating,
        holdings=_holding_lines(customer, today),
        recent_notes=tuple(notes),
        open_follow_ups=tuple(planned),
        open_complaints=customer.open_complaints(),
        prompts=prompts,
    )
