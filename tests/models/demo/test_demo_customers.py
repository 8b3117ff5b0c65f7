from datetime import date

import pytest
from customer_fixtures import BRANCH, KEY, TELLER, make_clock, make_store
from sqlalchemy import func, select

from models.customers.service import CustomerService
from models.customers.tables import CustomerRow, HoldingRow
from models.demo.customers import generate_customers
from queueing.customers.identity_keys import LookupKind

TODAY = date(2026, 11, 23)


@pytest.fixture
def store(tmp_path):
    s = make_store(tmp_path / "demo.db")
    yield s
    s.close()


def _script(name: str) -> str:
    if any("\uac00" <= ch <= "\ud7a3" for ch in name):
        return "hangul"
    if any("\u4e00" <= ch <= "\u9fff" for ch in name):
        return "han"
    return "latin"


def test_generates_a_branch_of_customers_in_three_locales(store):
    result = generate_customers(store, BRANCH, KEY, 600, today=TODAY, seed=3)
    assert result.customers == 600 and result.holdings >= 600 and result.cards >= 600
    with store.read_session() as session:
        rows = session.execute(select(CustomerRow.name_masked, CustomerRow.id_masked, CustomerRow.phone_masked)).all()
        kinds = set(session.scalars(select(HoldingRow.kind).distinct()))
        held = session.scalar(select(func.count()).select_from(HoldingRow))
    assert len(rows) == 600 and held == result.holdings
    assert {_script(r.name_masked) for r in rows} == {"han", "hangul", "latin"}
    assert all("*" in r.id_masked and "****" in r.phone_masked for r in rows)
    assert {"demand_deposit", "time_deposit", "loan", "credit_card", "mobile_banking", "pension"} <= kinds


def test_samples_can_be_looked_up_by_every_number(store):
    result = generate_customers(store, BRANCH, KEY, 50, today=TODAY, seed=5)
    service = CustomerService(store, BRANCH, KEY, clock=make_clock(), timezone="Asia/Shanghai")
    for sample in result.samples:
        for kind, value in ((LookupKind.ID_NUMBER, sample.id_number), (LookupKind.CARD_NUMBER, sample.card_number),
                            (LookupKind.PHONE, sample.phone)):
            view = service.lookup(TELLER, kind, value)
            assert view is not None and view.customer_no == sample.customer_no


def test_a_seed_repeats_the_data_and_a_second_run_appends(store, tmp_path):
    first = generate_customers(store, BRANCH, KEY, 20, today=TODAY, seed=9)
    other = make_store(tmp_path / "other.db")
    try:
        again = generate_customers(other, BRANCH, KEY, 20, today=TODAY, seed=9)
    finally:
        other.close()
    assert first.samples == again.samples
    generate_customers(store, BRANCH, KEY, 10, today=TODAY, seed=10)
    with store.read_session() as session:
        assert session.scalar(select(func.count()).select_from(CustomerRow)) == 30


def test_the_notes_are_written_by_the_demo_tellers(store):
    """The follow-ups a supervisor sees, and `follow-ups list --owner T1002` filters, are the demo tellers'.

    They were all written by "T1", an id no demo account has: the owner column named nobody, and README's
    `--owner T1002` found none of them.
    """
    from models.customers.tables import FollowUpRow
    from models.demo.branch_setup import load_demo_branch

    generate_customers(store, BRANCH, KEY, 400, today=TODAY, seed=3)
    tellers = {s["id"] for s in load_demo_branch().staff if s["role"] == "teller"}
    with store.read_session() as session:
        authors = session.scalars(select(FollowUpRow.staff_id)).all()
    assert len(authors) > 10 and set(authors) == tellers
