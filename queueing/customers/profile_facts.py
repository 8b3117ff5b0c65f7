"""The facts a cross-sell condition may use: a flat, typed view of one customer on one day.

Conditions are rule-engine expressions over exactly these symbols (type-checked when the rule file
loads, so a typo is refused with its line rather than failing silently at the counter).
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from rule_engine import DataType

from queueing.customers.profiles import Customer, ProductKind, age_on, birthday_this_week
from queueing.customers.tiers import TierTable

MATURITY_WINDOW_DAYS = 30
SALARY_ACCOUNT = "salary_account"

FACT_TYPES: dict[str, Any] = {
    "age": DataType.FLOAT,
    "segment": DataType.STRING,  # personal, small_business, corporate
    "tier": DataType.STRING,
    "tier_rank": DataType.FLOAT,  # 0 = lowest tier
    "previous_tier_rank": DataType.FLOAT,  # tier a month ago, from last month's AUM
    "aum": DataType.FLOAT,
    "risk_rating": DataType.FLOAT,  # 1-5, 0 when not assessed
    "kinds": DataType.SET(DataType.STRING),  # product kinds held
    "product_codes": DataType.SET(DataType.STRING),  # specific products held
    "demand_balance": DataType.FLOAT,
    "time_deposit_balance": DataType.FLOAT,
    "wealth_balance": DataType.FLOAT,  # wealth products and funds
    "loan_balance": DataType.FLOAT,
    "maturing_td_balance": DataType.FLOAT,  # time deposits maturing within 30 days
    "maturing_td_count": DataType.FLOAT,
    "has_salary_account": DataType.BOOLEAN,
    "fx_transactions_90d": DataType.FLOAT,
    "birthday_this_week": DataType.BOOLEAN,
    "open_complaints": DataType.FLOAT,
}


def _sum(customer: Customer, *kinds: ProductKind) -> float:
    return float(sum((h.balance for h in customer.holdings if h.kind in kinds), Decimal(0)))


def facts_for(customer: Customer, tiers: TierTable, today: date) -> dict[str, Any]:
    """The symbol values for ``customer`` on ``today`` (keys exactly those of FACT_TYPES)."""
    maturing = [
        h
        for h in customer.holdings
        if h.kind is ProductKind.TIME_DEPOSIT and h.matures_within(today, MATURITY_WINDOW_DAYS)
    ]
    aum = customer.aum()
    return {
        "age": age_on(customer.birth_date, today),
        "segment": customer.segment.value,
        "tier": tiers.tier_for(aum).code,
        "tier_rank": tiers.tier_for(aum).rank,
        "previous_tier_rank": tiers.tier_for(customer.aum_prev_month).rank,
        "aum": float(aum),
        "risk_rating": customer.risk_rating or 0,
        "kinds": {k.value for k in customer.kinds()},
        "product_codes": {h.product_code for h in customer.holdings},
        "demand_balance": _sum(customer, ProductKind.DEMAND_DEPOSIT),
        "time_deposit_balance": _sum(customer, ProductKind.TIME_DEPOSIT),
        "wealth_balance": _sum(customer, ProductKind.WEALTH_PRODUCT, ProductKind.FUND),
        "loan_balance": _sum(customer, ProductKind.LOAN),
        "maturing_td_balance": float(sum((h.balance for h in maturing), Decimal(0))),
        "maturing_td_count": len(maturing),
        "has_salary_account": any(h.product_code == SALARY_ACCOUNT for h in customer.holdings),
        "fx_transactions_90d": customer.fx_transactions_90d,
        "birthday_this_week": birthday_this_week(customer.birth_date, today),
        "open_complaints": len(customer.open_complaints()),
    }
