"""Checks a cross-sell condition must pass at load: bounded nesting, and no error on sample customers.

A condition that fails at the counter would be skipped there in silence, so every rule is tried once
against customers that reach the edges (nothing held, all balances zero; and a typical one) when the
file loads, and a rule that raises is refused with its code.
"""

from __future__ import annotations

import re
from typing import Any

# Each level of nesting (a bracket, a 'not', a unary minus) costs the rule parser stack; 64 is
# far above any real rule and far below where the parser runs out of stack (a few hundred).
MAX_NESTING = 64
_PREFIX_OPERATORS = re.compile(r"\bnot\b|[-~]")

EMPTY_CUSTOMER: dict[str, Any] = {
    "age": 0.0,
    "segment": "personal",
    "tier": "mass",
    "tier_rank": 0.0,
    "previous_tier_rank": 0.0,
    "aum": 0.0,
    "risk_rating": 0.0,
    "kinds": set(),
    "product_codes": set(),
    "demand_balance": 0.0,
    "time_deposit_balance": 0.0,
    "wealth_balance": 0.0,
    "loan_balance": 0.0,
    "maturing_td_balance": 0.0,
    "maturing_td_count": 0.0,
    "has_salary_account": False,
    "fx_transactions_90d": 0.0,
    "birthday_this_week": False,
    "open_complaints": 0.0,
}
TYPICAL_CUSTOMER: dict[str, Any] = EMPTY_CUSTOMER | {
    "age": 45.0,
    "tier": "gold",
    "tier_rank": 1.0,
    "previous_tier_rank": 1.0,
    "aum": 180_000.0,
    "risk_rating": 3.0,
    "kinds": {"demand_deposit", "time_deposit"},
    "product_codes": {"salary_account", "td_12m"},
    "demand_balance": 30_000.0,
    "time_deposit_balance": 150_000.0,
    "maturing_td_balance": 50_000.0,
    "maturing_td_count": 1.0,
    "has_salary_account": True,
    "fx_transactions_90d": 2.0,
    "birthday_this_week": True,
}
SAMPLE_CUSTOMERS = (EMPTY_CUSTOMER, TYPICAL_CUSTOMER)


def nesting(condition: str) -> int:
    """An upper bound of how deep ``condition`` nests: deepest bracket plus every prefix operator."""
    depth = deepest = 0
    for char in condition:
        if char in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif char in ")]}":
            depth -= 1
    return deepest + len(_PREFIX_OPERATORS.findall(condition))


def too_deep(condition: str) -> str | None:
    """Why ``condition`` is refused before it is parsed, or None."""
    level = nesting(condition)
    if level > MAX_NESTING:
        return f"condition nests too deeply ({level} levels of brackets and not/minus; at most {MAX_NESTING})"
    return None
