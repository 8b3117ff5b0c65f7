"""A customer is found by phone however the teller types it: national or international, with or without the trunk
prefix, stored the new way (canonical) or as an older import stored it (as typed), on SQLite and on PostgreSQL.

On PostgreSQL every look-up runs as a station's granted role, through the server's function; the kiosk and the
station must find the same customer.
"""

import uuid

import pytest
from customer_fixtures import ADMIN, BRANCH, KEY, SUPERVISOR, TELLER, add_customer, make_clock, make_store
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import insert, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from staff_sessions import add_accounts

from models.customers.kiosk_lookup import KioskLookup
from models.customers.service import CustomerService
from models.store.database import open_store
from models.store.tables import BranchRow
from models.sync.station_grants import grant_station
from queueing.core.errors import DomainError
from queueing.customers.identity_keys import LookupKind, form_hash
from queueing.customers.phones import MAX_FORMS

NEW, OLD = "canonical", "as typed"
# (branch region, the number as the import had it, how it was stored, the ways a teller or customer types it)
NUMBERS = [
    ("CN", "138 0013 8000", NEW, ["+86 138 0013 8000", "13800138000", "１３８ ００１３ ８０００"]),
    ("CN", "+86 10 6552 9988", OLD, ["010 6552 9988", "(010)65529988", "0086 10 6552 9988"]),
    ("KR", "010-1234-5678", OLD, ["+82 10-1234-5678", "+82 010 1234 5678", "01012345678"]),
    ("KR", "02-2123-4567", NEW, ["+82 2 2123 4567", "0221234567", "02 2123 4567"]),
    ("MX", "+52 1 55 1234 5678", OLD, ["55 1234 5678", "+52 55 1234 5678"]),
    ("MX", "+52 33 1234 5678", NEW, ["33 1234 5678", "+52 1 33 1234 5678", "3312345678"]),
    ("CO", "300 123 4567", OLD, ["+57 300 123 4567", "300-123-4567"]),
    ("CO", "+57 310 555 1234", NEW, ["310 555 1234"]),
    ("AR", "011 15 2345-6789", OLD, ["+54 9 11 2345 6789", "11 2345 6789", "11 15 2345 6789"]),
    ("AR", "+54 9 351 234 5678", NEW, ["0351 15 234-5678", "351 234 5678", "+54 351 234 5678"]),
    ("AR", "011 4123-4567", OLD, ["+54 11 4123 4567", "11 4123 4567"]),
    ("ES", "612 34 56 78", NEW, ["+34 612 34 56 78", "0034 612 345 678"]),
    ("ES", "+34 699 12 34 56", OLD, ["699 12 34 56", "699123456"]),
]
# A Korean customer of a Chinese branch, stored the new way; typed with +82 (or China's 00 82) they are found.
ABROAD = ("CN", "010-9876-5432", "KR", ["+82 10 9876 5432", "00 82 10 9876 5432"])


def _store_all(store) -> dict[str, int]:
    """Every customer of the table, keyed by the number as the import had it."""
    ids = {}
    for index, (region, stored, how, _) in enumerate(NUMBERS):
        ids[stored] = add_customer(
            store, family="王", given="小明", id_number=f"ID{index:016d}", phone=stored,
            phone_region=region if how == NEW else None,
        )
    region, stored, own_region, _ = ABROAD
    ids[stored] = add_customer(store, family="Kim", given="Minji", id_number="KR0000000000900001", phone=stored,
                               phone_region=own_region)
    return ids


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def phone_store(request, tmp_path):
    """(the store the services use, the customers' ids): on PostgreSQL the services run as a station's role."""
    if request.param == "sqlite":
        store = make_store(tmp_path / "branch.db")
        yield store, _store_all(store)
        store.close()
        return
    url = request.getfixturevalue("pg_url")
    admin = open_store(url)  # migrated: the server's functions are the ones the migrations made
    with admin.write_session() as session:
        session.execute(insert(BranchRow.__table__), [{"id": BRANCH, "name": "Test", "timezone": "Asia/Shanghai"}])
    add_accounts(admin, TELLER, SUPERVISOR, ADMIN)
    ids = _store_all(admin)
    role = f"station_{uuid.uuid4().hex[:8]}"
    grant_station(admin, role)
    station = open_store(make_url(url).set(username=role))
    yield station, ids
    station.close()
    admin.close()


def _services(store, region: str) -> tuple[CustomerService, KioskLookup]:
    customers = CustomerService(store, BRANCH, KEY, clock=make_clock(), timezone="UTC", region=region)
    return customers, KioskLookup(customers, "KIOSK-1", vip_tiers=frozenset())


def _found(store, region: str, typed: str) -> tuple[int | None, int | None]:
    """(the customer the station finds, the one the kiosk finds)."""
    station, kiosk = _services(store, region)
    view = station.lookup(TELLER, LookupKind.PHONE, typed)
    identity = kiosk.identify(LookupKind.PHONE, typed)
    return (view.customer_id if view else None), (int(identity.customer_id) if identity else None)


def test_each_number_is_found_however_it_is_typed(phone_store):
    store, ids = phone_store
    for region, stored, how, typed in NUMBERS:
        for value in [stored, *typed]:
            assert _found(store, region, value) == (ids[stored], ids[stored]), (region, stored, how, value)


def test_a_number_of_another_country_is_found_by_its_code(phone_store):
    store, ids = phone_store
    region, stored, _, typed = ABROAD
    for value in typed:
        assert _found(store, region, value) == (ids[stored], ids[stored]), value
    # Typed nationally in China, 010-9876-5432 is a Beijing number: not the Korean customer.
    assert _found(store, region, "010-9876-5432") == (None, None)


def test_a_number_sharing_only_its_last_digits_finds_nobody(phone_store):
    store, _ = phone_store
    for region, typed in [
        ("CN", "139 0013 8000"), ("CN", "0013 8000"), ("CN", "8000"), ("KR", "010-9999-5678"),
        ("MX", "55 9999 5678"), ("AR", "11 9999 6789"), ("ES", "612 00 56 78"), ("CN", "+1 650 253 0000"),
    ]:
        assert _found(store, region, typed) == (None, None), typed


@pytest.mark.parametrize("typed", ["abc", "+", "1" * 40, "138 0013 800O", "   "])
def test_what_is_no_phone_number_is_refused_at_the_counter_and_the_kiosk(phone_store, typed):
    store, _ = phone_store
    station, kiosk = _services(store, "CN")
    with pytest.raises(DomainError) as at_counter:
        station.lookup(TELLER, LookupKind.PHONE, typed)
    with pytest.raises(DomainError) as at_kiosk:
        kiosk.identify(LookupKind.PHONE, typed)
    assert at_counter.value.code == at_kiosk.value.code == "number_refused"


def test_the_region_comes_from_the_time_zone_when_the_branch_names_none(phone_store):
    store, ids = phone_store
    customers = CustomerService(store, BRANCH, KEY, clock=make_clock(), timezone="Asia/Seoul")
    assert customers.region == "KR"
    assert customers.lookup(TELLER, LookupKind.PHONE, "01012345678").customer_id == ids["010-1234-5678"]


@pytest.mark.postgres
@pytest.mark.parametrize("phone_store", ["postgresql"], indirect=True)
def test_the_server_answers_a_single_digest_and_refuses_a_range(phone_store):
    """A station from before the phone forms sends one digest: answered as before; a range is refused."""
    store, ids = phone_store
    canonical = form_hash(KEY, LookupKind.PHONE, "+8613800138000")
    call = text("SELECT counterline_customer_profile('B1', 'phone', :d, NULL, 'T1', 'ST1', now(), 3, '{}', NULL)")
    with store.engine.begin() as conn:
        assert conn.execute(call, {"d": canonical}).scalar_one()["id"] == ids["138 0013 8000"]
    digests = [form_hash(KEY, LookupKind.PHONE, f"1380013{n:04d}") for n in range(MAX_FORMS + 1)]
    with pytest.raises(DBAPIError, match=f"at most {MAX_FORMS} phone forms"), store.engine.begin() as conn:
        conn.execute(call, {"d": ",".join(digests)})
