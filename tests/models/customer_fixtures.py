"""Shared set-up for the customer tests: a store made with create_all, and customers added the import way."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from sqlalchemy import delete, insert
from staff_sessions import add_accounts, session_of

from models.customers.queries import to_cents
from models.customers.seal import CustomerSeal
from models.customers.tables import CustomerCardRow, CustomerRow, HoldingRow
from models.store.base import Base
from models.store.database import Store, open_store
from models.store.schema import import_all_tables
from models.store.tables import BranchRow, StaffRow
from queueing.core.clock import ManualClock
from queueing.core.roles import Role
from queueing.customers.identity_keys import LookupKind, form_hash, lookup_hash
from queueing.customers.masking import mask_card_number, mask_id_number, mask_phone
from queueing.customers.phones import phone_record

KEY = b"branch-key-for-tests-0123456789ab"
BRANCH = "B1"
START = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai, Monday 23 November
TELLER = session_of(BRANCH, "T1", Role.TELLER, "ST1")
TELLER2 = session_of(BRANCH, "T2", Role.TELLER, "ST2")
SUPERVISOR = session_of(BRANCH, "S1", Role.SUPERVISOR, "SUP")
ADMIN = session_of(BRANCH, "A1", Role.ADMINISTRATOR, "ADM")


def make_store(path) -> Store:
    import_all_tables()
    store = open_store(str(path), upgrade=False)
    Base.metadata.create_all(store.engine)
    with store.write_session() as session:
        session.execute(insert(BranchRow.__table__), [{"id": BRANCH, "name": "Test", "timezone": "Asia/Shanghai"}])
    add_accounts(store, TELLER, TELLER2, SUPERVISOR, ADMIN)
    return store


def make_pg_store(url: str, upgrade: bool = True) -> Store:
    """The branch's store on a PostgreSQL server, migrated, with the branch and the accounts of make_store."""
    store = open_store(url, upgrade=upgrade)
    if upgrade:
        with store.write_session() as session:
            session.execute(insert(BranchRow.__table__), [{"id": BRANCH, "name": "Test", "timezone": "Asia/Shanghai"}])
        add_accounts(store, TELLER, TELLER2, SUPERVISOR, ADMIN)
    return store


def make_clock() -> ManualClock:
    return ManualClock(START)


# Test modules import these two (marked as fixtures for the linter) to get ``store`` and ``clock`` as above.
@pytest.fixture(name="store")
def customer_store_fixture(tmp_path):
    s = make_store(tmp_path / "customers.db")
    yield s
    s.close()


@pytest.fixture(name="clock")
def customer_clock_fixture() -> ManualClock:
    return make_clock()


# ``services``: the customer service and the cross-sell service of one rulebook, on ``store`` and ``clock``.
@pytest.fixture(name="services")
def customer_services_fixture(store, clock):
    from models.customers.service import CustomerService
    from models.marketing.crosssell_service import CrossSellService
    from queueing.crosssell.rules import RuleBook

    rules = RuleBook()
    return (CustomerService(store, BRANCH, KEY, rulebook=rules, clock=clock, timezone="Asia/Shanghai"),
            CrossSellService(store, BRANCH, rules, clock=clock, timezone="Asia/Shanghai"))  # fmt: skip


# ``store`` for the tests of accounts: the branch with no staff yet, its first administrator to come first.
@pytest.fixture(name="store")
def staffless_store_fixture(tmp_path):
    s = make_store(tmp_path / "c.db")
    with s.write_session() as session:
        session.execute(delete(StaffRow))
    yield s
    s.close()


def add_customer(
    store: Store,
    *,
    family: str,
    given: str,
    id_number: str,
    phone: str,
    cards: tuple[str, ...] = (),
    holdings: tuple[tuple[str, str, str, date | None, int | None], ...] = (),
    birth: date = date(1980, 6, 15),
    segment: str = "personal",
    risk: int | None = 3,
    consent: bool = True,
    branch: str = BRANCH,
    phone_region: str | None = None,
) -> int:
    """A customer as an import writes it: numbers hashed and masked, never kept in full.

    ``phone_region``: read the phone in this country and store its canonical form, as an import does now; None
    stores it as imports did before (the hash of the number as given, without separators).
    """
    if phone_region is None:
        phone_hash, phone_masked = lookup_hash(KEY, LookupKind.PHONE, phone), mask_phone(phone)
    else:
        record = phone_record(phone, phone_region)
        phone_hash, phone_masked = form_hash(KEY, LookupKind.PHONE, record.form), record.masked
    with store.write_session() as session:
        customer_id = session.execute(
            insert(CustomerRow).returning(CustomerRow.id),
            [{
                "branch_id": branch, "customer_no": f"N-{id_number[-6:]}",
                **CustomerSeal(KEY).columns(branch, f"N-{id_number[-6:]}", family, given, phone),
                "id_hash": lookup_hash(KEY, LookupKind.ID_NUMBER, id_number), "id_masked": mask_id_number(id_number),
                "phone_hash": phone_hash, "phone_masked": phone_masked,
                "birth_date": birth, "segment": segment, "risk_rating": risk, "marketing_consent": consent,
                "aum_prev_month_cents": 0, "fx_transactions_90d": 0,
            }],
        ).scalar_one()
        for number in cards:
            session.execute(insert(CustomerCardRow.__table__), [{
                "customer_id": customer_id, "card_hash": lookup_hash(KEY, LookupKind.CARD_NUMBER, number),
                "card_masked": mask_card_number(number),
            }])
        for kind, code, balance, matures, risk_level in holdings:
            session.execute(insert(HoldingRow.__table__), [{
                "customer_id": customer_id, "kind": kind, "product_code": code,
                "balance_cents": to_cents(Decimal(balance)), "opened_on": date(2024, 1, 1),
                "matures_on": matures, "risk_level": risk_level,
            }])
    return customer_id
