"""The products of many demo customers at once, drawn with numpy column by column.

The same mix as the per-customer demo generator (models.demo.customers): a demand account for
everyone, time deposits for 40%, wealth products and funds, loans with their insurance, cards,
mobile banking, pensions and FX accounts, each with the same chances and balance scales.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from models.demo.customers import TD_TERMS_MONTHS
from queueing.customers.profiles import NON_ASSET_KINDS, ProductKind

MAX_OPEN_DAYS = 3650


@dataclass(frozen=True)
class HoldingColumns:
    """Holdings of one batch of customers, ordered by customer; dates as days before ``today``."""

    owner: np.ndarray  # index of the customer within the batch
    kind: np.ndarray  # str
    code: np.ndarray  # str
    cents: np.ndarray  # int64
    opened_days_ago: np.ndarray  # int64
    matures_in_days: np.ndarray  # object: int or None
    risk_level: np.ndarray  # object: int or None

    def __len__(self) -> int:
        return len(self.owner)

    def asset_cents_per_owner(self, owners: int) -> np.ndarray:
        """Assets under management per customer (liabilities and services excluded), in cents."""
        assets = ~np.isin(self.kind, [k.value for k in NON_ASSET_KINDS])
        return np.bincount(self.owner[assets], weights=self.cents[assets], minlength=owners).astype(np.int64)


def _cents(amount: np.ndarray) -> np.ndarray:
    return np.maximum(0, np.round(amount * 100)).astype(np.int64)


class _Blocks:
    """Collects one block of rows per product before they are merged and sorted by customer."""

    def __init__(self, rng: np.random.Generator) -> None:
        self.rng = rng
        self.parts: list[tuple[np.ndarray, ...]] = []

    def add(self, owner, kind: ProductKind, code, amount, *, opened=None, matures=None, risk=None) -> None:
        n = len(owner)
        if n == 0:
            return
        opened = self.rng.integers(30, MAX_OPEN_DAYS + 1, n) if opened is None else opened
        column = np.empty(n, dtype=object)
        matures_col, risk_col = column.copy(), column.copy()
        if matures is not None:
            matures_col[:] = matures.tolist()
        if risk is not None:
            risk_col[:] = risk.tolist()
        codes = np.full(n, code, dtype=object) if isinstance(code, str) else code.astype(object)
        self.parts.append(
            (owner, np.full(n, kind.value, dtype=object), codes, _cents(amount), opened, matures_col, risk_col)
        )

    def columns(self) -> HoldingColumns:
        merged = [np.concatenate(column) for column in zip(*self.parts, strict=True)]
        order = np.argsort(merged[0], kind="stable")  # by customer, products in the order added
        return HoldingColumns(*(column[order] for column in merged))


def draw_holdings(rng: np.random.Generator, business: np.ndarray, ages: np.ndarray) -> HoldingColumns:
    """Holdings for customers whose segment is business (bool per customer) and whose ages are ``ages``."""
    n = len(business)
    everyone = np.arange(n)
    scale = rng.lognormal(math.log(20000), 1.5, n)  # one customer's overall wealth
    blocks = _Blocks(rng)

    personal_code = np.where(rng.random(n) < 0.5, "salary_account", "savings_account")
    demand_code = np.where(business, "business_account", personal_code)
    blocks.add(everyone, ProductKind.DEMAND_DEPOSIT, demand_code, scale * rng.uniform(0.05, 0.6, n))

    with_td = everyone[rng.random(n) < 0.4]
    td_owner = np.repeat(with_td, rng.choice((1, 1, 2, 3), len(with_td)))
    months = rng.choice(TD_TERMS_MONTHS, len(td_owner))
    matures_in = rng.integers(0, months * 30 + 1)
    td_codes = np.char.add(np.char.add("td_", months.astype(str)), "m")
    blocks.add(
        td_owner,
        ProductKind.TIME_DEPOSIT,
        td_codes,
        scale[td_owner] * rng.uniform(0.2, 1.2, len(td_owner)),
        opened=months * 30 - matures_in,
        matures=matures_in,
    )

    for kind, share in ((ProductKind.WEALTH_PRODUCT, 1.0), (ProductKind.FUND, 0.5)):
        owner = everyone[rng.random(n) < 0.15]
        level = rng.integers(1, 5, len(owner))
        codes = np.char.add(f"{kind.value}_r", level.astype(str))
        blocks.add(owner, kind, codes, scale[owner] * share, risk=level)

    borrower = everyone[rng.random(n) < 0.2]
    personal_loan = np.where(rng.random(len(borrower)) < 0.5, "mortgage", "consumer_loan")
    loan_code = np.where(business[borrower], "business_loan", personal_loan)
    blocks.add(borrower, ProductKind.LOAN, loan_code, rng.uniform(20_000, 1_500_000, len(borrower)))
    insured = borrower[rng.random(len(borrower)) < 0.4]
    blocks.add(insured, ProductKind.INSURANCE, "loan_insurance", rng.uniform(500, 5_000, len(insured)))

    optional = (
        (ProductKind.CREDIT_CARD, "credit_card", np.full(n, 0.35), np.zeros(n)),
        (ProductKind.MOBILE_BANKING, "mobile_banking", np.where(ages < 60, 0.8, 0.3), np.zeros(n)),
        (ProductKind.INSURANCE, "life_insurance", np.full(n, 0.15), scale * 0.2),
        (ProductKind.PENSION, "private_pension", np.where(ages >= 40, 0.2, 0.03), scale * 0.3),
        (ProductKind.FX_ACCOUNT, "fx_usd", np.full(n, 0.08), scale * 0.1),
    )
    for kind, code, chance, amount in optional:
        owner = everyone[rng.random(n) < chance]
        blocks.add(owner, kind, code, amount[owner])
    return blocks.columns()
