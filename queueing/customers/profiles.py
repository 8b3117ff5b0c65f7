"""Customer profiles as the branch sees them: identity (already masked or hashed), holdings, notes, complaints.

Full ID and card numbers never reach a station: a customer carries only their masked forms.
The full name and phone are stored sealed (models/customers/seal.py): a customer carries their masked
forms too, and only a supervisor's reveal, with a reason, opens them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from decimal import Decimal
from enum import StrEnum

from queueing.core.errors import DomainError


class UnknownCustomer(DomainError):
    code = "unknown_customer"


class UnknownComplaint(DomainError):
    code = "unknown_complaint"


class Segment(StrEnum):
    PERSONAL = "personal"
    SMALL_BUSINESS = "small_business"
    CORPORATE = "corporate"


class ProductKind(StrEnum):
    DEMAND_DEPOSIT = "demand_deposit"
    TIME_DEPOSIT = "time_deposit"
    WEALTH_PRODUCT = "wealth_product"
    FUND = "fund"
    INSURANCE = "insurance"
    LOAN = "loan"
    CREDIT_CARD = "credit_card"
    MOBILE_BANKING = "mobile_banking"
    PENSION = "pension"
    FX_ACCOUNT = "fx_account"


# Liabilities and services do not count towards assets under management.
NON_ASSET_KINDS = frozenset({ProductKind.LOAN, ProductKind.CREDIT_CARD, ProductKind.MOBILE_BANKING})


class Channel(StrEnum):
    COUNTER = "counter"
    PHONE = "phone"
    MESSAGE = "message"
    VISIT = "visit"


class CallResult(StrEnum):
    """What came of a call from the maturity call list."""

    REACHED = "reached"
    NO_ANSWER = "no_answer"
    APPOINTMENT_BOOKED = "appointment_booked"
    DECLINED = "declined"


class ComplaintStatus(StrEnum):
    OPEN = "open"
    RESOLVED = "resolved"


@dataclass(frozen=True)
class Holding:
    """One product the customer holds. ``balance`` is in the branch currency (FX accounts at their equivalent)."""

    id: int
    kind: ProductKind
    product_code: str
    balance: Decimal
    opened_on: date
    matures_on: date | None = None
    risk_level: int | None = None

    def matures_within(self, today: date, days: int) -> bool:
        return self.matures_on is not None and today <= self.matures_on <= today + timedelta(days=days)


@dataclass(frozen=True)
class FollowUp:
    id: int
    customer_id: int
    staff_id: str
    at: datetime
    channel: Channel
    text: str
    next_action_on: date | None = None
    owner_id: str | None = None  # who makes the next action; None: the author
    done_at: datetime | None = None
    done_by: str | None = None
    result: str | None = None

    @property
    def owner(self) -> str:
        return self.owner_id or self.staff_id

    @property
    def is_open(self) -> bool:
        """A follow-up with a next action that nobody has marked done yet."""
        return self.next_action_on is not None and self.done_at is None


@dataclass(frozen=True)
class Complaint:
    id: int
    customer_id: int
    opened_at: datetime
    category: str
    text: str
    status: ComplaintStatus = ComplaintStatus.OPEN
    resolved_at: datetime | None = None


@dataclass(frozen=True)
class Customer:
    """A customer of the branch. ``aum_prev_month`` and ``fx_transactions_90d`` come from core-banking summaries."""

    id: int
    customer_no: str
    masked_name: str  # 张*三, J*** Pérez (queueing.customers.masking.mask_name)
    greeting_name: str  # for a public screen (queueing.customers.profile_view.greeting_name)
    id_masked: str
    phone_masked: str
    birth_date: date
    segment: Segment
    risk_rating: int | None
    marketing_consent: bool
    cards_masked: tuple[str, ...] = ()
    aum_prev_month: Decimal = Decimal(0)
    fx_transactions_90d: int = 0
    holdings: tuple[Holding, ...] = field(default=())
    follow_ups: tuple[FollowUp, ...] = field(default=())
    complaints: tuple[Complaint, ...] = field(default=())

    def kinds(self) -> frozenset[ProductKind]:
        return frozenset(h.kind for h in self.holdings)

    def aum(self) -> Decimal:
        return sum((h.balance for h in self.holdings if h.kind not in NON_ASSET_KINDS), Decimal(0))

    def open_complaints(self) -> tuple[Complaint, ...]:
        return tuple(c for c in self.complaints if c.status is ComplaintStatus.OPEN)


def full_name(family_name: str, given_name: str) -> str:
    """Family name first, unspaced, for Chinese and Korean names; given name first otherwise."""
    if any("\u4e00" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7a3" for ch in family_name):
        return f"{family_name}{given_name}"
    return f"{given_name} {family_name}"


def age_on(birth_date: date, today: date) -> int:
    before_birthday = (today.month, today.day) < (birth_date.month, birth_date.day)
    return today.year - birth_date.year - int(before_birthday)


class AgeBand(StrEnum):
    """A coarse age: the teller needs the life stage, not the exact age. A code, not words: the screen says it in
    the teller's language (the figures read the same in every language the UI speaks, "under 18" does not)."""

    UNDER_18 = "under_18"
    FROM_18 = "18-24"
    FROM_25 = "25-34"
    FROM_35 = "35-44"
    FROM_45 = "45-54"
    FROM_55 = "55-64"
    FROM_65 = "65+"


AGE_BANDS = (
    (18, AgeBand.UNDER_18),
    (25, AgeBand.FROM_18),
    (35, AgeBand.FROM_25),
    (45, AgeBand.FROM_35),
    (55, AgeBand.FROM_45),
    (65, AgeBand.FROM_55),
)


def age_band(age: int) -> AgeBand:
    for upper, band in AGE_BANDS:
        if age < upper:
            return band
    return AgeBand.FROM_65


def birthday_in_year(birth_date: date, year: int) -> date:
    """The birthday as celebrated in ``year``: 29 February falls on 28 February outside leap years."""
    try:
        return birth_date.replace(year=year)
    except ValueError:
        return date(year, 2, 28)


def birthday_this_week(birth_date: date, today: date) -> bool:
    """True if the birthday falls in the calendar week (Monday to Sunday) that holds ``today``."""
    monday = today - timedelta(days=today.weekday())
    sunday = monday + timedelta(days=6)
    # A week around New Year spans two years: check the birthday in both.
    return any(monday <= birthday_in_year(birth_date, year) <= sunday for year in {monday.year, sunday.year})
