from datetime import date

import numpy as np
import pytest
from customer_fixtures import BRANCH, KEY, TELLER, make_clock, make_store
from sqlalchemy import func, select

from bench.bulk_customers import generate_bulk_customers
from bench.bulk_numbers import KR_WEIGHTS, NIF_LETTERS, ZH_CHECK, ZH_WEIGHTS, luhn_complete, own_cards
from models.customers.service import CustomerService
from models.customers.tables import ComplaintRow, CustomerCardRow, CustomerRow, FollowUpRow, HoldingRow
from queueing.customers.identity_keys import LookupKind
from queueing.customers.masking import mask_card_number, mask_id_number, mask_phone, normalize_number

TODAY = date(2026, 11, 23)
COUNT = 500


@pytest.fixture(scope="module")
def bulk(tmp_path_factory):
    store = make_store(tmp_path_factory.mktemp("bulk") / "bulk.db")
    result = generate_bulk_customers(store, BRANCH, KEY, COUNT, today=TODAY, seed=7, batch=200, samples=COUNT)
    yield store, result
    store.close()


def _count(store, column) -> tuple[int, int]:
    with store.read_session() as session:
        return session.scalar(select(func.count(column))), session.scalar(select(func.count(column.distinct())))


def test_every_sample_is_found_by_each_number_and_shown_masked(bulk):
    store, result = bulk
    service = CustomerService(store, BRANCH, KEY, clock=make_clock(), timezone="Asia/Shanghai")
    assert len(result.samples) == COUNT
    for sample in result.samples[::25]:
        for kind, value in (
            (LookupKind.ID_NUMBER, sample.id_number),
            (LookupKind.CARD_NUMBER, sample.card_number),
            (LookupKind.PHONE, sample.phone),
        ):
            view = service.lookup(TELLER, kind, value)
            assert view is not None and view.customer_no == sample.customer_no, (kind, value)
        assert view.masked_id == mask_id_number(sample.id_number)
        assert view.masked_phone == mask_phone(sample.phone)
        assert mask_card_number(sample.card_number) in view.masked_cards
        assert view.holdings, "everyone holds a demand account"


def test_numbers_are_unique_so_each_lookup_finds_one_customer(bulk):
    store, result = bulk
    assert _count(store, CustomerRow.id_hash) == (COUNT, COUNT)
    assert _count(store, CustomerRow.phone_hash) == (COUNT, COUNT)
    cards, distinct_cards = _count(store, CustomerCardRow.card_hash)
    assert cards == distinct_cards == result.cards and COUNT <= cards <= 2 * COUNT


def test_rows_match_the_result_and_hold_every_kind_of_product(bulk):
    store, result = bulk
    with store.read_session() as session:
        assert session.scalar(select(func.count()).select_from(HoldingRow)) == result.holdings
        kinds = set(session.scalars(select(HoldingRow.kind).distinct()))
        assert session.scalar(select(func.count()).select_from(FollowUpRow)) > 0
        assert session.scalar(select(func.count()).select_from(ComplaintRow)) > 0
        locales = {s.locale for s in result.samples}
    assert {"demand_deposit", "time_deposit", "loan", "credit_card", "mobile_banking", "pension"} <= kinds
    assert locales == {"zh_CN", "ko_KR", "es_ES"}


def test_identity_numbers_carry_valid_check_characters(bulk):
    _, result = bulk
    for sample in result.samples:
        assert luhn_complete(sample.card_number[:-1]) == sample.card_number
        number = normalize_number(sample.id_number)
        if sample.locale == "zh_CN":
            weighted = sum(int(c) * w for c, w in zip(number[:17], ZH_WEIGHTS, strict=True))
            assert len(number) == 18 and number[17] == ZH_CHECK[weighted % 11]
        elif sample.locale == "es_ES":
            assert number[8] == NIF_LETTERS[int(number[:8]) % 23]
        else:
            weighted = sum(int(c) * w for c, w in zip(number[:12], KR_WEIGHTS, strict=True))
            assert sample.id_number[6] == "-" and int(number[12]) == (11 - weighted % 11) % 10


def test_vectorized_cards_equal_the_scalar_luhn():
    serials = np.array([0, 1, 9, 123456789, 999999999, 500000005])
    assert own_cards(serials) == [luhn_complete(f"622848{s:09d}") for s in serials.tolist()]


def test_a_seed_repeats_the_customers(tmp_path):
    runs = []
    for name in ("a.db", "b.db"):
        store = make_store(tmp_path / name)
        try:
            runs.append(generate_bulk_customers(store, BRANCH, KEY, 40, today=TODAY, seed=3, samples=5).samples)
        finally:
            store.close()
    assert runs[0] == runs[1] and len(runs[0]) == 5


def test_a_second_run_with_the_same_seed_appends_other_numbers(tmp_path):
    store = make_store(tmp_path / "twice.db")
    try:
        first = generate_bulk_customers(store, BRANCH, KEY, 40, today=TODAY, seed=3, samples=40)
        second = generate_bulk_customers(store, BRANCH, KEY, 40, today=TODAY, seed=3, samples=40)
        assert second.samples[0].customer_no == "C000000041"
        assert {s.id_number for s in first.samples}.isdisjoint(s.id_number for s in second.samples)
        assert _count(store, CustomerRow.phone_hash) == (80, 80)
    finally:
        store.close()


def test_the_bench_cache_key_reads_files_that_exist():
    # The key hashes the generators' sources: a moved generator broke every customer bench row.
    from bench.customer_store import SOURCES, cache_key

    assert all(source.is_file() for source in SOURCES), [str(s) for s in SOURCES if not s.is_file()]
    assert cache_key(10, 1) == cache_key(10, 1)
