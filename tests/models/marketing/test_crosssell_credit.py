"""Adversarial review: an answer earns cross-sell credit only for a prompt the visit could have shown.

A teller is paid per accepted prompt (resources/piece_rate.toml [cross_sell]); the service is where the rules are
enforced (DESIGN.md: roles and rules in the services, not only in the widgets). The station shows at most two
prompts, never one above the customer's risk rating, never one for a product already held or in its cool-down.
"""

from datetime import date

import pytest
from customer_fixtures import (
    BRANCH,
    KEY,
    TELLER,
    add_customer,
    customer_clock_fixture,  # noqa: F401 - fixture
    customer_store_fixture,  # noqa: F401 - fixture
)
from sqlalchemy import select
from visits import serve

from models.customers.service import CustomerService
from models.customers.tables import CrossSellOutcomeRow
from models.marketing.crosssell_service import CrossSellService
from queueing.core.errors import DomainError
from queueing.crosssell.rules import Outcome, RuleBook
from queueing.crosssell.screen import MAX_PROMPTS_PER_VISIT, to_prompt


@pytest.fixture
def services(store, clock):
    rules = RuleBook()
    return (CustomerService(store, BRANCH, KEY, rulebook=rules, clock=clock, timezone="Asia/Shanghai"),
            CrossSellService(store, BRANCH, rules, clock=clock, timezone="Asia/Shanghai"))


def _accepted(store) -> list[str]:
    with store.read_session() as session:
        return list(session.scalars(
            select(CrossSellOutcomeRow.rule_code).where(CrossSellOutcomeRow.outcome == "accepted")
        ))


def test_a_wealth_product_above_the_customers_risk_rating_earns_no_credit(store, clock, services):
    """A cautious customer (risk 1) with a large time deposit maturing: the wealth pitch (risk 2) is never shown,
    so an 'accepted' for it is a mis-sale the teller would be paid 3 units for."""
    customers, crosssell = services
    cautious = add_customer(
        store, family="Pérez", given="Ana", id_number="12345678Z", phone="612345678", risk=1,
        holdings=(("time_deposit", "td_12m", "80000", date(2026, 12, 5), None),),
    )
    visit = serve(store, TELLER, cautious, clock)
    shown = {p.rule_code for p in customers.open_profile(TELLER, cautious, visit).prompts}
    assert "td_maturing_wealth" not in shown  # the screen holds the design's rule
    wealth = to_prompt(crosssell.rulebook.rules.by_code("td_maturing_wealth"))
    with pytest.raises(DomainError):
        crosssell.record_outcome(TELLER, cautious, wealth, Outcome.ACCEPTED, visit)
    assert "td_maturing_wealth" not in _accepted(store)


def test_one_visit_earns_credit_for_at_most_the_prompts_it_showed(store, clock, services):
    customers, crosssell = services
    zhang = add_customer(store, family="张", given="小三", id_number="110105198006151234", phone="13912345678",
                         holdings=(("demand_deposit", "salary_account", "150000", None, None),))
    visit = serve(store, TELLER, zhang, clock)
    shown = customers.open_profile(TELLER, zhang, visit).prompts
    assert len(shown) <= MAX_PROMPTS_PER_VISIT
    for rule in crosssell.rulebook.rules.rules:  # "accepted" on every rule of the book, one visit
        try:
            crosssell.record_outcome(TELLER, zhang, to_prompt(rule), Outcome.ACCEPTED, visit)
        except DomainError:
            pass
    accepted = _accepted(store)
    assert set(accepted) <= {p.rule_code for p in shown}, f"credited for prompts never shown: {accepted}"


def test_a_product_the_customer_already_holds_earns_no_credit(store, clock, services):
    customers, crosssell = services
    holder = add_customer(store, family="Kim", given="Minjun", id_number="8001011234567", phone="01012345678",
                          holdings=(("demand_deposit", "salary_account", "150000", None, None),
                                    ("credit_card", "platinum_card", "0", None, None)))
    visit = serve(store, TELLER, holder, clock)
    shown = {p.rule_code for p in customers.open_profile(TELLER, holder, visit).prompts}
    assert "salary_account_credit_card" not in shown
    card = to_prompt(crosssell.rulebook.rules.by_code("salary_account_credit_card"))
    with pytest.raises(DomainError):
        crosssell.record_outcome(TELLER, holder, card, Outcome.ACCEPTED, visit)  # 2 units for a card held
    assert _accepted(store) == []


def test_relinking_a_visit_to_another_customer_does_not_pay_twice(store, clock, services):
    """Identify (Ctrl+I) may be repeated on the same visit, and each time the ticket is linked to whoever was found.
    A teller who records 'accepted' for customer A, then links the same visit to customer B and records 'accepted'
    again, is paid for two customers' sales from one customer at the window."""
    from visits import counter_of

    from models.branch.service import BranchService
    from queueing.core.categories import load_branch_config

    customers, crosssell = services
    a = add_customer(store, family="张", given="小三", id_number="110105198006151234", phone="13912345678",
                     holdings=(("demand_deposit", "salary_account", "150000", None, None),))
    b = add_customer(store, family="李", given="小四", id_number="110105198006154321", phone="13912340000",
                     holdings=(("demand_deposit", "salary_account", "150000", None, None),))
    visit = serve(store, TELLER, a, clock)
    prompt_a = customers.open_profile(TELLER, a, visit).prompts[0]
    crosssell.record_outcome(TELLER, a, prompt_a, Outcome.ACCEPTED, visit)
    branch = BranchService(store, load_branch_config(), BRANCH, TELLER.station_id, clock)
    try:
        branch.link_customer(counter_of(TELLER), str(b))  # "wrong customer": identify again, another number
    except DomainError:
        return  # refusing the relink once an answer is recorded is one fix
    prompt_b = customers.open_profile(TELLER, b, visit).prompts[0]
    crosssell.record_outcome(TELLER, b, prompt_b, Outcome.ACCEPTED, visit)
    with store.read_session() as session:
        paid = list(session.execute(
            select(CrossSellOutcomeRow.customer_id).where(
                CrossSellOutcomeRow.ticket_id == visit, CrossSellOutcomeRow.outcome == "accepted")
        ).scalars())
    assert len(set(paid)) == 1, f"one visit credited with accepted answers of customers {sorted(set(paid))}"
