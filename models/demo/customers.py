"""Demo data: a branch of realistic customers in zh_CN, ko_KR and es locales, written with Core bulk inserts.

ID and card numbers are hashed and masked on the way in, exactly as a real import would do; only
the first few are kept in memory as samples, so a demo user has something to look up. A phone is read in
its customer's country (a Korean customer's 010 number is Korean wherever the branch is) and stored in its
canonical form; a sample's phone is its international form, which finds the customer in a branch of any
country.
"""

from __future__ import annotations

import math
import random
import time
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

from faker import Faker
from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from models.customers.seal import CustomerSeal
from models.customers.tables import ComplaintRow, CustomerCardRow, CustomerRow, FollowUpRow, HoldingRow
from models.store.database import Store
from models.store.tables import BranchRow
from models.store.upsert import insert_ignore
from queueing.customers.identity_keys import LookupKind, form_hash, lookup_hash
from queueing.customers.masking import mask_card_number, mask_id_number
from queueing.customers.phones import phone_record
from queueing.customers.profiles import ProductKind, Segment

LOCALES = ("zh_CN", "ko_KR", "es_ES")
COUNTRIES = {"zh_CN": "CN", "ko_KR": "KR", "es_ES": "ES"}  # where each locale's phone numbers belong
OWN_BIN = "622848"  # the bank's debit-card BIN in this demo
SAMPLES_KEPT = 3
TD_TERMS_MONTHS = (3, 6, 12, 24, 36)


@dataclass(frozen=True)
class DemoSample:
    customer_no: str
    locale: str
    id_number: str
    card_number: str
    phone: str


@dataclass(frozen=True)
class DemoResult:
    customers: int
    holdings: int
    cards: int
    seconds: float
    samples: tuple[DemoSample, ...]


def _luhn_complete(partial: str) -> str:
    """``partial`` plus the Luhn check digit."""
    total = 0
    for index, ch in enumerate(reversed(partial)):
        digit = int(ch)
        if index % 2 == 0:
            digit = digit * 2 - 9 if digit > 4 else digit * 2
        total += digit
    return partial + str((10 - total % 10) % 10)


def _cents(amount: float) -> int:
    return max(0, int(round(amount, 2) * 100))


class _Maker:
    """Builds the rows of one customer at a time; random and Faker are both seeded for repeatable demos."""

    def __init__(
        self, branch_id: str, key: bytes, today: date, seed: int | None, region: str | None, authors: tuple[str, ...]
    ) -> None:
        self.branch_id, self.key, self.today, self.region = branch_id, key, today, region
        self.authors = authors
        self.seal = CustomerSeal(key)
        self.rng = random.Random(seed)
        self.fakers = {}
        for offset, loc in enumerate(LOCALES):
            fake = Faker(loc)
            fake.seed_instance(None if seed is None else seed + offset)
            self.fakers[loc] = fake
        self.now = datetime.combine(today, datetime.min.time(), UTC)

    def _identity(self, loc: str) -> tuple[str, str, str, str]:
        fake = self.fakers[loc]
        id_number = fake.nif() if loc == "es_ES" else fake.ssn()
        phone = fake.phone_number()
        if loc == "es_ES":
            phone = phone.removeprefix("+34").strip()
        return fake.last_name(), fake.first_name(), id_number, phone

    def customer(self, customer_id: int) -> tuple[dict[str, Any], list[dict], list[dict], list[dict], DemoSample]:
        rng, loc = self.rng, self.rng.choice(LOCALES)
        family, given, id_number, typed_phone = self._identity(loc)
        phone = phone_record(typed_phone, COUNTRIES[loc], self.region)
        birth = self.today - timedelta(days=rng.randint(18 * 365 + 5, 88 * 365))
        segment = rng.choices(list(Segment), weights=(85, 12, 3))[0]
        age = (self.today - birth).days // 365
        holdings = self._holdings(customer_id, segment, age)
        aum = sum(h["balance_cents"] for h in holdings if h["kind"] not in ("loan", "credit_card", "mobile_banking"))
        cards = [self._card_number() for _ in range(rng.choice((1, 1, 2)))]
        customer_no = f"C{customer_id:09d}"
        row = {
            "id": customer_id,
            "branch_id": self.branch_id,
            "customer_no": customer_no,
            **self.seal.columns(self.branch_id, customer_no, family, given, phone.shown),
            "id_hash": lookup_hash(self.key, LookupKind.ID_NUMBER, id_number),
            "id_masked": mask_id_number(id_number),
            "phone_hash": form_hash(self.key, LookupKind.PHONE, phone.form),
            "phone_masked": phone.masked,
            "birth_date": birth,
            "segment": segment.value,
            "risk_rating": rng.choices((None, 1, 2, 3, 4, 5), weights=(25, 15, 25, 20, 10, 5))[0],
            "marketing_consent": rng.random() < 0.75,
            "aum_prev_month_cents": int(aum * rng.uniform(0.8, 1.03)),
            "fx_transactions_90d": int(rng.expovariate(0.4)) if rng.random() < 0.15 else 0,
        }
        card_rows = [
            {
                "customer_id": customer_id,
                "card_hash": lookup_hash(self.key, LookupKind.CARD_NUMBER, number),
                "card_masked": mask_card_number(number),
            }
            for number in cards
        ]
        sample = DemoSample(customer_no, loc, id_number, cards[0], phone.shown)
        return row, card_rows, holdings, self._notes(customer_id), sample

    def _card_number(self) -> str:
        return _luhn_complete(OWN_BIN + "".join(self.rng.choices("0123456789", k=9)))

    def _holding(self, customer_id: int, kind: ProductKind, code: str, balance: float, **extra: Any) -> dict:
        opened = extra.pop("opened_on", None) or self.today - timedelta(days=self.rng.randint(30, 3650))
        row = {"customer_id": customer_id, "kind": kind.value, "product_code": code, "balance_cents": _cents(balance),
               "opened_on": opened, "matures_on": None, "risk_level": None}
        row.update(extra)
        return row

    def _holdings(self, cid: int, segment: Segment, age: int) -> list[dict]:
        rng, add = self.rng, self._holding
        scale = rng.lognormvariate(math.log(20000), 1.5)  # one customer's overall wealth
        business = segment is not Segment.PERSONAL
        demand_code = "business_account" if business else rng.choice(("salary_account", "savings_account"))
        rows = [add(cid, ProductKind.DEMAND_DEPOSIT, demand_code, scale * rng.uniform(0.05, 0.6))]
        if rng.random() < 0.4:
            for _ in range(rng.choice((1, 1, 2, 3))):
                months = rng.choice(TD_TERMS_MONTHS)
                matures = self.today + timedelta(days=rng.randint(0, months * 30))
                rows.append(add(cid, ProductKind.TIME_DEPOSIT, f"td_{months}m", scale * rng.uniform(0.2, 1.2),
                                opened_on=matures - timedelta(days=months * 30), matures_on=matures))
        for kind, share, chance in ((ProductKind.WEALTH_PRODUCT, 1.0, 0.15), (ProductKind.FUND, 0.5, 0.15)):
            if rng.random() < chance:
                rows.append(add(cid, kind, f"{kind.value}_r{(level := rng.randint(1, 4))}", scale * share,
                                risk_level=level))
        if rng.random() < 0.2:
            loan = "business_loan" if business else rng.choice(("mortgage", "consumer_loan"))
            rows.append(add(cid, ProductKind.LOAN, loan, rng.uniform(20_000, 1_500_000)))
            if rng.random() < 0.4:
                rows.append(add(cid, ProductKind.INSURANCE, "loan_insurance", rng.uniform(500, 5_000)))
        optional = (
            (ProductKind.CREDIT_CARD, "credit_card", 0.35, 0),
            (ProductKind.MOBILE_BANKING, "mobile_banking", 0.8 if age < 60 else 0.3, 0),
            (ProductKind.INSURANCE, "life_insurance", 0.15, scale * 0.2),
            (ProductKind.PENSION, "private_pension", 0.2 if age >= 40 else 0.03, scale * 0.3),
            (ProductKind.FX_ACCOUNT, "fx_usd", 0.08, scale * 0.1),
        )
        rows.extend(add(cid, kind, code, amount) for kind, code, chance, amount in optional if rng.random() < chance)
        return rows

    def _notes(self, cid: int) -> list[dict]:
        if self.rng.random() >= 0.05:
            return []
        return [{
            "branch_id": self.branch_id, "customer_id": cid, "staff_id": self._author(cid), "channel": "phone",
            "at": self.now - timedelta(days=self.rng.randint(1, 60)),
            "text": self.rng.choice(("Asked about mortgage rates", "Wants a call before the deposit matures",
                                     "Interested in the pension plan", "Will bring documents for the loan")),
            "next_action_on": self.today + timedelta(days=self.rng.randint(-10, 20)),
        }]

    def _author(self, cid: int) -> str:
        # By the customer's number, not a draw: a draw here would change every later customer of a seed.
        return self.authors[cid % len(self.authors)]

    def complaint(self, cid: int) -> dict:
        return {"customer_id": cid, "opened_at": self.now - timedelta(days=self.rng.randint(1, 30)),
                "category": self.rng.choice(("fees", "waiting_time", "card", "staff")), "status": "open",
                "text": "Complaint recorded at the counter", "resolved_at": None}


def _demo_tellers() -> tuple[str, ...]:
    from models.demo.branch_setup import load_demo_branch  # here: it loads the branch service

    return tuple(s["id"] for s in load_demo_branch().staff if s["role"] == "teller")


def _next_id(session: Session) -> int:
    return (session.scalar(select(func.max(CustomerRow.id))) or 0) + 1


def generate_customers(
    store: Store,
    branch_id: str,
    branch_key: bytes,
    count: int,
    *,
    today: date,
    seed: int | None = None,
    branch_name: str | None = None,
    batch: int = 5000,
    region: str | None = None,
    authors: tuple[str, ...] = (),
) -> DemoResult:
    """Add ``count`` customers to ``branch_id`` (creating the branch row if needed), in batches of ``batch``.

    ``region``: the branch's country; its own customers' phones are masked in the national form ("138****8000"),
    the others' behind their country code ("+82 10****5678"). ``authors``: who wrote the customers' notes and
    follow-ups (default: the tellers of resources/demo_branch.toml, so that each names an account).
    """
    started = time.perf_counter()
    maker = _Maker(branch_id, branch_key, today, seed, region, authors or _demo_tellers())
    samples: list[DemoSample] = []
    totals = {"holdings": 0, "cards": 0}
    with store.write_session() as session:
        insert_ignore(session, BranchRow.__table__, [{"id": branch_id, "name": branch_name or branch_id,
                                                       "timezone": "UTC"}], ["id"])
        first = _next_id(session)
    for start in range(first, first + count, batch):
        customers, cards, holdings, notes, complaints = [], [], [], [], []
        for customer_id in range(start, min(start + batch, first + count)):
            row, card_rows, holding_rows, note_rows, sample = maker.customer(customer_id)
            customers.append(row)
            cards += card_rows
            holdings += holding_rows
            notes += note_rows
            if maker.rng.random() < 0.02:
                complaints.append(maker.complaint(customer_id))
            if len(samples) < SAMPLES_KEPT:
                samples.append(sample)
        with store.write_session() as session:
            for table, rows in ((CustomerRow, customers), (CustomerCardRow, cards), (HoldingRow, holdings),
                                (FollowUpRow, notes), (ComplaintRow, complaints)):
                if rows:
                    session.execute(insert(table.__table__), rows)
        totals["holdings"] += len(holdings)
        totals["cards"] += len(cards)
    return DemoResult(count, totals["holdings"], totals["cards"], time.perf_counter() - started, tuple(samples))
