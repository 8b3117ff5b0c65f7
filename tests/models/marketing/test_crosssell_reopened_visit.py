"""A visit's profile opened again (transferred to another counter, parked and returned, the station restarted)
shows the prompts the visit first showed, and each is answerable: the profile screens the prompts as the record-time
check does (CrossSellService._check_suggested), leaving the visit's own answers out of the cool-downs."""

from datetime import date

from customer_fixtures import (
    TELLER,
    TELLER2,
    add_customer,
    customer_clock_fixture,  # noqa: F401 - fixture
    customer_services_fixture,  # noqa: F401 - fixture
    customer_store_fixture,  # noqa: F401 - fixture
)
from visits import _branch, counter_of, serve

from queueing.crosssell.rules import Outcome


def _zhang(store):
    return add_customer(store, family="张", given="小三", id_number="110105198006151234", phone="13912345678",
                        holdings=(("demand_deposit", "salary_account", "150000", None, None),
                                  ("time_deposit", "td_12m", "80000", date(2026, 12, 5), None)))


def test_a_transferred_visit_answers_the_prompts_its_second_counter_shows(store, clock, services):
    """Teller 1 answers the first prompt and sends the customer to teller 2's counter (the same ticket). Teller 2's
    panel opens the profile for the visit and shows two prompts; the customer accepts one of them: refused."""
    customers, crosssell = services
    zhang = _zhang(store)
    visit = serve(store, TELLER, zhang, clock)
    first, _second = customers.open_profile(TELLER, zhang, visit).prompts
    crosssell.record_outcome(TELLER, zhang, first, Outcome.DECLINED, visit)
    branch = _branch(store, TELLER2, clock)  # teller 2's own counter exists and serves CASH
    branch.sign_in(counter_of(TELLER2), TELLER2.staff_id)
    branch.transfer(counter_of(TELLER), to_counter=counter_of(TELLER2))
    branch.call_ticket(counter_of(TELLER2), visit, "transferred", TELLER2.staff_id)
    branch.start(counter_of(TELLER2))
    shown = customers.open_profile(TELLER2, zhang, visit).prompts
    assert [p.rule_code for p in shown] == [first.rule_code, _second.rule_code]  # what the visit first showed
    for prompt in shown[1:]:  # each prompt teller 2's panel shows that the visit has not answered yet
        crosssell.record_outcome(TELLER2, zhang, prompt, Outcome.ACCEPTED, visit)
    # the first one's answer stands; the panel shows it again as the visit showed it
    assert crosssell.record_outcome(TELLER2, zhang, first, Outcome.DECLINED, visit)


def test_a_parked_and_returned_visit_answers_the_prompts_shown_again(store, clock, services):
    """F7 park, F9 return: the panel loads the visit's profile again, and the prompt that moved up is refused."""
    customers, crosssell = services
    zhang = _zhang(store)
    visit = serve(store, TELLER, zhang, clock)
    first, _second = customers.open_profile(TELLER, zhang, visit).prompts
    crosssell.record_outcome(TELLER, zhang, first, Outcome.DECLINED, visit)
    branch = _branch(store, TELLER, clock)
    branch.park(counter_of(TELLER))
    branch.return_parked(counter_of(TELLER), visit)
    mine = next(c for c in branch.snapshot().counters if c.id == counter_of(TELLER))
    if mine.current is not None and mine.current.status != "serving":
        branch.start(counter_of(TELLER))
    shown = customers.open_profile(TELLER, zhang, visit).prompts
    assert [p.rule_code for p in shown] == [first.rule_code, _second.rule_code]
    for prompt in shown[1:]:
        crosssell.record_outcome(TELLER, zhang, prompt, Outcome.ACCEPTED, visit)
