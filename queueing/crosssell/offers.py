"""What a cross-sell prompt may offer: every product kind, plus offers that are not a holding of their own.

Kept apart from the rules (queueing/crosssell/rules.py), which load the rule engine, so that the piece-rate
scheme can check its [cross_sell] keys against the same list without it.
"""

from __future__ import annotations

from queueing.customers.profiles import ProductKind

EXTRA_OFFERS = frozenset(
    {"time_deposit_renewal", "loan_insurance", "merchant_services", "relationship_manager", "birthday_greeting"}
)
OFFERS = frozenset(k.value for k in ProductKind) | EXTRA_OFFERS
RISK_RATED_OFFERS = frozenset({ProductKind.WEALTH_PRODUCT.value, ProductKind.FUND.value})
