"""An answer earns cross-sell credit only for a prompt the visit showed (CrossSellService screens it again).

A teller is paid per accepted prompt (resources/piece_rate.toml [cross_sell]); the service is where the rules are
enforced (DESIGN.md: roles and rules in the services, not only in the widgets). The station shows at most two
prompts, never one above the customer's risk rating, never one for a product already held or in its cool-down.
"""

from datetime import date

import pytest
from customer_fixtures import (
    BRANCH,
    SUPERVISOR,
    TELLER,
    add_customer,
    customer_clock_fixture,  # noqa: F401 - fixture
    customer_services_fixture,  # noqa: F401 - fixture
    customer_store_fixture,  # noqa: F401 - fixture
)
from sqlalchemy import select
from visits import serve

from models.customers.tables import CrossSellOutcomeRow
from queueing.core.errors import DomainError
from queueing.crosssell.outcome import NotSuggested
from queueing.crosssell.rules import Outcome
from queueing.crosssell.screen import MAX_PROMPTS_PER_VISIT, to_prompt
from queueing.customers.visits import NotYourVisit


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
    with pytest.raises(NotSuggested):
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
    with pytest.raises(NotSuggested):
        crosssell.record_outcome(TELLER, holder, card, Outcome.ACCEPTED, visit)  # 2 units for a card held
    assert _accepted(store) == []


def test_the_second_prompt_stays_answerable_once_the_first_is_answered(store, clock, services):
    """The first answer starts its rule's cool-down; the visit's own answers do not change what it showed, so the
    second prompt is answered too, a retry counts once, and the rule that would now move up was never shown."""
    customers, crosssell = services
    zhang = add_customer(store, family="张", given="小三", id_number="110105198006151234", phone="13912345678",
                         holdings=(("demand_deposit", "salary_account", "150000", None, None),
                                   ("time_deposit", "td_12m", "80000", date(2026, 12, 5), None)))
    visit = serve(store, TELLER, zhang, clock)
    first, second = customers.open_profile(TELLER, zhang, visit).prompts
    crosssell.record_outcome(TELLER, zhang, first, Outcome.DECLINED, visit)
    assert customers.open_profile(TELLER, zhang, visit).prompts == (first, second)  # the visit shows what it showed
    moved_up = customers.open_profile(SUPERVISOR, zhang).prompts[-1]  # outside the visit, the next rule moves up
    assert moved_up.rule_code not in {first.rule_code, second.rule_code}
    crosssell.record_outcome(TELLER, zhang, second, Outcome.ACCEPTED, visit)
    assert crosssell.record_outcome(TELLER, zhang, second, Outcome.ACCEPTED, visit).outcome is Outcome.ACCEPTED
    with pytest.raises(NotSuggested):
        crosssell.record_outcome(TELLER, zhang, moved_up, Outcome.ACCEPTED, visit)
    assert _accepted(store) == [second.rule_code]


def test_relinking_a_visit_to_another_customer_pays_only_the_last_customers_answers(store, clock, services):
    """Identify (Ctrl+I) may be repeated on the same visit, and each time the ticket is linked to whoever was found.
    A teller who records 'accepted' for customer A, then links the same visit to customer B and records 'accepted'
    again, was paid for two customers' sales from one customer at the window. The relink stays possible (a wrong
    identification is corrected); only the answers of the customer the visit is linked to in the end earn credit,
    in both report paths."""
    from visits import counter_of

    from models.branch.service import BranchService
    from models.reports.records_service import RecordsService
    from queueing.core.categories import load_branch_config
    from queueing.core.tickets import TransactionLine
    from queueing.core.transaction_types import load_catalogue
    from queueing.reports.piece_rate import load_scheme

    customers, crosssell = services
    a = add_customer(store, family="张", given="小三", id_number="110105198006151234", phone="13912345678",
                     holdings=(("demand_deposit", "salary_account", "150000", None, None),))
    b = add_customer(store, family="李", given="小四", id_number="110105198006154321", phone="13912340000",
                     holdings=(("demand_deposit", "salary_account", "150000", None, None),))
    visit = serve(store, TELLER, a, clock)
    prompt_a = customers.open_profile(TELLER, a, visit).prompts[0]
    crosssell.record_outcome(TELLER, a, prompt_a, Outcome.ACCEPTED, visit)
    branch = BranchService(store, load_branch_config(), BRANCH, TELLER.station_id, clock)
    branch.link_customer(counter_of(TELLER), str(b))  # "wrong customer": identify again, another number
    with pytest.raises(NotYourVisit):  # A is no longer this visit's customer
        crosssell.record_outcome(TELLER, a, to_prompt(crosssell.rulebook.rules.by_code("mobile_banking_enrolment")),
                                 Outcome.ACCEPTED, visit)
    prompt_b = customers.open_profile(TELLER, b, visit).prompts[0]
    crosssell.record_outcome(TELLER, b, prompt_b, Outcome.ACCEPTED, visit)
    clock.advance(300)
    branch.finish(counter_of(TELLER), [TransactionLine("CASH_DEPOSIT", 1)])
    records = RecordsService(branch, load_catalogue())
    today = clock.now().date()
    period, scheme = records.period(today.replace(day=1), today), load_scheme()
    for report in (records.report(SUPERVISOR, period, scheme),
                   records.report_and_visits(SUPERVISOR, period, scheme)[0]):
        paid = {row.teller: row.output.cross_sell_accepted for row in report.rows if row.output.cross_sell_accepted}
        assert paid == {TELLER.staff_id: 1}, f"one visit credited with {paid}"


def test_the_conversion_report_counts_one_customers_answers_per_relinked_visit(store, clock, services):
    """Pay and conversion agree on a relinked visit: the conversion report by teller counts only the answers of the
    customer the visit is linked to in the end, as the piece rate pays them (of_final_customer)."""
    from datetime import timedelta

    from visits import counter_of

    from models.branch.service import BranchService
    from models.marketing.crosssell_service import ReportKey
    from queueing.core.categories import load_branch_config

    customers, crosssell = services
    a = add_customer(store, family="张", given="小三", id_number="110105198006151234", phone="13912345678",
                     holdings=(("demand_deposit", "salary_account", "150000", None, None),))
    b = add_customer(store, family="李", given="小四", id_number="110105198006154321", phone="13912340000",
                     holdings=(("demand_deposit", "salary_account", "150000", None, None),))
    visit = serve(store, TELLER, a, clock)
    crosssell.record_outcome(TELLER, a, customers.open_profile(TELLER, a, visit).prompts[0], Outcome.ACCEPTED, visit)
    branch = BranchService(store, load_branch_config(), BRANCH, TELLER.station_id, clock)
    branch.link_customer(counter_of(TELLER), str(b))  # Ctrl+I: the person at the window is b
    crosssell.record_outcome(TELLER, b, customers.open_profile(TELLER, b, visit).prompts[0], Outcome.ACCEPTED, visit)
    now = clock.now()
    rows = crosssell.conversion(SUPERVISOR, now - timedelta(days=1), now + timedelta(days=1), ReportKey.TELLER)
    accepted = {r.key: r.counts.get(Outcome.ACCEPTED, 0) for r in rows}
    assert accepted == {TELLER.staff_id: 1}, f"one visit, one customer: the conversion report says {accepted}"
