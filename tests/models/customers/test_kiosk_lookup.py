import secrets
from datetime import date

import pytest

from models.customers.kiosk_lookup import KioskLookup
from models.customers.service import CustomerService
from models.demo.customers import generate_customers
from queueing.core.tickets import PriorityClass
from queueing.customers.identity_keys import LookupKind


@pytest.fixture
def kiosk_setup(store, clock):
    key = secrets.token_bytes(32)
    result = generate_customers(store, "B1", key, 20, today=date(2026, 11, 23), seed=3)
    customers = CustomerService(store, "B1", key, clock=clock, timezone="Asia/Shanghai")
    return customers, result.samples[0]


def test_a_card_of_a_vip_tier_gives_the_vip_priority(kiosk_setup):
    customers, sample = kiosk_setup
    every_tier = frozenset(t.code for t in customers.tiers.tiers)
    identity = KioskLookup(customers, "KIOSK-1", vip_tiers=every_tier).identify(
        LookupKind.CARD_NUMBER, sample.card_number
    )
    assert identity is not None and identity.priority is PriorityClass.VIP
    assert len(identity.greeting_name) == 2 and identity.greeting_name[1] in ".*"
    assert not hasattr(identity, "tier_names")  # the kiosk's screen is public


def test_vip_tiers_come_from_the_branch_configuration(store, clock, tmp_path):
    from queueing.customers.tiers import load_tiers

    assert load_tiers().vip_codes == {"platinum", "diamond", "private_banking"}
    from queueing.customers.tiers import default_tiers_path

    text = default_tiers_path().read_text(encoding="utf-8")
    mine = tmp_path / "tiers.toml"
    mine.write_text(text.replace('code = "gold"\nmin_aum = 50_000\n', 'code = "gold"\nmin_aum = 50_000\nvip = true\n'),
                    encoding="utf-8")
    key = secrets.token_bytes(32)
    samples = generate_customers(store, "B1", key, 20, today=date(2026, 11, 23), seed=3).samples
    customers = CustomerService(store, "B1", key, clock=clock, timezone="Asia/Shanghai", tiers=load_tiers(mine))
    lookup = KioskLookup(customers, "KIOSK-1")
    assert lookup.vip_tiers == {"gold", "platinum", "diamond", "private_banking"}
    for sample in samples:
        identity = lookup.identify(LookupKind.PHONE, sample.phone)
        tier = customers.lookup(lookup.actor, LookupKind.PHONE, sample.phone).tier_code
        assert (identity.priority is PriorityClass.VIP) == (tier in lookup.vip_tiers)


def test_a_phone_of_another_tier_gives_a_regular_ticket_linked_to_the_customer(kiosk_setup):
    customers, sample = kiosk_setup
    identity = KioskLookup(customers, "KIOSK-1", vip_tiers=frozenset()).identify(LookupKind.PHONE, sample.phone)
    assert identity is not None and identity.priority is PriorityClass.REGULAR and identity.customer_id.isdigit()


def test_an_unknown_number_is_none_and_ids_are_refused(kiosk_setup):
    customers, sample = kiosk_setup
    lookup = KioskLookup(customers, "KIOSK-1")
    assert lookup.identify(LookupKind.PHONE, "13900000000") is None
    with pytest.raises(ValueError):
        lookup.identify(LookupKind.ID_NUMBER, sample.id_number)
