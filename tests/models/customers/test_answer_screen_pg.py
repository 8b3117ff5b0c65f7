"""The server screens a cross-sell answer by the rulebook the branch published (PostgreSQL, 0033).

A station's login may call counterline_record_outcome directly and name any rule, product and tier thresholds;
the piece rate pays per accepted answer. These tests call it as the station's granted role, as a script would,
and go through the station's services as a teller's panel does. The SQLite side of the same rules:
tests/models/marketing/test_crosssell_credit.py and test_crosssell_reopened_visit.py.
"""

import uuid
from datetime import date
from decimal import Decimal

import pytest
from customer_fixtures import KEY, START, SUPERVISOR, TELLER, TELLER2, add_customer, make_pg_store
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from psycopg import errors
from sqlalchemy import delete, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, ProgrammingError
from visits import _branch, counter_of, serve

from models.customers.answer_screen_sql import NOT_IN_RULEBOOK, NOT_SUGGESTED, RULEBOOK_MISSING
from models.customers.service import CustomerService
from models.customers.station_writes_pg import OUTCOME_FUNCTION
from models.customers.tables import CrossSellOutcomeRow
from models.marketing.crosssell_service import CrossSellService
from models.marketing.rulebook_publish import publish_files
from models.marketing.rulebook_tables import PublishedRulebookRow, PublishedRuleRow, PublishedTierRow
from models.store.database import open_store
from models.sync.station_grants import grant_station
from queueing.core.clock import ManualClock
from queueing.core.errors import DomainError
from queueing.crosssell.outcome import NotSuggested, RulesNotPublished
from queueing.crosssell.rules import Outcome, RuleBook, load_rules
from queueing.crosssell.screen import to_prompt
from queueing.customers.tiers import load_tiers

pytestmark = pytest.mark.postgres
ZHANG_HOLDINGS = (("demand_deposit", "salary_account", "150000", None, None),
                  ("time_deposit", "td_12m", "80000", date(2026, 12, 5), None))


@pytest.fixture
def branch(pg_url):
    """(owner's store, the station role's store, a clock) on a branch whose supervisor's screen published its files."""
    admin = make_pg_store(pg_url)
    clock = ManualClock(START)
    _branch(admin, TELLER, clock)  # the branch's categories
    publish_files(admin, ("B1",), load_rules(), load_tiers(), "supervisor screen", START)
    role = f"station_{uuid.uuid4().hex[:8]}"
    grant_station(admin, role)
    station = open_store(make_url(pg_url).set(username=role))
    yield admin, station, clock
    station.close()
    admin.close()


def _desk(store, clock, rules: RuleBook | None = None):
    """The customer and cross-sell services of one station's panel (the station's own rule file)."""
    rules = rules or RuleBook()
    return (CustomerService(store, "B1", KEY, rulebook=rules, clock=clock, timezone="Asia/Shanghai"),
            CrossSellService(store, "B1", rules, clock=clock, timezone="Asia/Shanghai"))


def _zhang(admin) -> int:
    return add_customer(admin, family="张", given="小三", id_number="110105198006151234", phone="13912345678",
                        holdings=ZHANG_HOLDINGS)


def _direct(station, customer_id: int, ticket_id: str | None, rule: str, product: str, *, staff: str = "T1",
            tiers: tuple[str, str, str] = ("{}", "{standard}", "{0}"), outcome: str = "accepted"):
    """counterline_record_outcome called with the station's login, as a script would: the function's answer."""
    non_asset, codes, mins = tiers
    with station.engine.begin() as conn:
        return conn.execute(
            text(f"SELECT {OUTCOME_FUNCTION}('B1', :c, :s, 'ST1', :at, :rule, :product, :outcome, :t, NULL, NULL, "
                 "CAST(:na AS text[]), CAST(:codes AS text[]), CAST(:mins AS bigint[]), NULL)"),
            {"c": customer_id, "s": staff, "at": START, "rule": rule, "product": product, "outcome": outcome,
             "t": ticket_id, "na": non_asset, "codes": codes, "mins": mins},
        ).scalar_one()


def _refused(station, *args, **kwargs) -> tuple[str, str]:
    with pytest.raises(DBAPIError) as caught:
        _direct(station, *args, **kwargs)
    return caught.value.orig.sqlstate, caught.value.orig.diag.message_primary


def _answers(admin) -> list[tuple[str, str]]:
    with admin.read_session() as session:
        return list(session.execute(select(CrossSellOutcomeRow.rule_code, CrossSellOutcomeRow.outcome)
                                    .order_by(CrossSellOutcomeRow.id)))


def test_a_product_held_one_above_the_risk_rating_or_in_its_cool_down_is_refused_by_the_server(branch):
    admin, station, clock = branch
    holder = add_customer(admin, family="Kim", given="Minjun", id_number="8001011234567", phone="01012345678",
                          holdings=(("demand_deposit", "salary_account", "150000", None, None),
                                    ("credit_card", "platinum_card", "0", None, None)))
    cautious = add_customer(admin, family="Pérez", given="Ana", id_number="12345678Z", phone="612345678", risk=1,
                            holdings=(("time_deposit", "td_12m", "80000", date(2026, 12, 5), None),))
    unrated = add_customer(admin, family="Li", given="Si", id_number="110105198006159999", phone="13900000000",
                           risk=None, holdings=(("time_deposit", "td_12m", "80000", date(2026, 12, 5), None),))
    visit = serve(admin, TELLER, holder, clock)
    state, message = _refused(station, holder, visit, "salary_account_credit_card", "credit_card")
    assert (state, "holds" in message) == (NOT_SUGGESTED, True)
    for customer in (cautious, unrated):
        visit = serve(admin, TELLER, customer, clock)
        state, message = _refused(station, customer, visit, "td_maturing_wealth", "wealth_product")
        assert (state, "risk rating" in message) == (NOT_SUGGESTED, True)
    # Through the station's service: the same refusal, as the teller's panel words it (NotSuggested).
    _, crosssell = _desk(station, clock)
    wealth = to_prompt(crosssell.rulebook.rules.by_code("td_maturing_wealth"))
    with pytest.raises(NotSuggested, match="risk rating"):
        crosssell.record_outcome(TELLER, unrated, wealth, Outcome.ACCEPTED, visit)
    assert _answers(admin) == []


def test_a_decline_keeps_its_product_refused_at_the_next_visit_and_its_own_visit_answers_again(branch):
    admin, station, clock = branch
    customers, crosssell = _desk(station, clock)
    zhang = _zhang(admin)
    visit = serve(admin, TELLER, zhang, clock)
    first, second = customers.open_profile(TELLER, zhang, visit).prompts
    crosssell.record_outcome(TELLER, zhang, first, Outcome.DECLINED, visit)
    assert crosssell.record_outcome(TELLER, zhang, first, Outcome.DECLINED, visit).outcome is Outcome.DECLINED
    later = serve(admin, TELLER, zhang, clock)  # the customer comes back the same day
    assert first.rule_code not in [p.rule_code for p in customers.open_profile(TELLER, zhang, later).prompts]
    state, message = _refused(station, zhang, later, first.rule_code, first.product)
    assert (state, "cool-down" in message) == (NOT_SUGGESTED, True)
    with pytest.raises(NotSuggested):
        crosssell.record_outcome(TELLER, zhang, first, Outcome.ACCEPTED, later)
    assert _answers(admin) == [(first.rule_code, "declined")]


def test_the_second_prompt_stays_answerable_once_the_first_is_answered_and_a_third_rule_is_not(branch):
    """As on SQLite (test_crosssell_credit.py): the visit's own answers do not change what it showed; the rule
    that would move up outside the visit was never shown, and the server takes no third rule for one visit."""
    admin, station, clock = branch
    customers, crosssell = _desk(station, clock)
    zhang = _zhang(admin)
    visit = serve(admin, TELLER, zhang, clock)
    first, second = customers.open_profile(TELLER, zhang, visit).prompts
    crosssell.record_outcome(TELLER, zhang, first, Outcome.DECLINED, visit)
    assert customers.open_profile(TELLER, zhang, visit).prompts == (first, second)  # the server leaves them out
    supervisors, _ = _desk(admin, clock)
    moved_up = supervisors.open_profile(SUPERVISOR, zhang).prompts[-1]  # outside the visit, the next rule moves up
    assert moved_up.rule_code not in {first.rule_code, second.rule_code}
    crosssell.record_outcome(TELLER, zhang, second, Outcome.ACCEPTED, visit)
    assert crosssell.record_outcome(TELLER, zhang, second, Outcome.ACCEPTED, visit).outcome is Outcome.ACCEPTED
    state, message = _refused(station, zhang, visit, moved_up.rule_code, moved_up.product)
    assert (state, "prompts a visit shows" in message) == (NOT_SUGGESTED, True)
    with pytest.raises(NotSuggested):
        crosssell.record_outcome(TELLER, zhang, moved_up, Outcome.ACCEPTED, visit)
    assert _answers(admin) == [(first.rule_code, "declined"), (second.rule_code, "accepted")]


def test_a_transferred_visit_answers_the_prompts_its_second_counter_shows(branch):
    """Mirror of test_crosssell_reopened_visit.py: teller 1 answers the first prompt and sends the customer to
    teller 2's counter; teller 2's panel shows what the visit showed, and its answers are taken."""
    admin, station, clock = branch
    customers, crosssell = _desk(station, clock)
    zhang = _zhang(admin)
    visit = serve(admin, TELLER, zhang, clock)
    first, second = customers.open_profile(TELLER, zhang, visit).prompts
    crosssell.record_outcome(TELLER, zhang, first, Outcome.DECLINED, visit)
    counters = _branch(admin, TELLER2, clock)
    counters.sign_in(counter_of(TELLER2), TELLER2.staff_id)
    counters.transfer(counter_of(TELLER), to_counter=counter_of(TELLER2))
    counters.call_ticket(counter_of(TELLER2), visit, "transferred", TELLER2.staff_id)
    counters.start(counter_of(TELLER2))
    shown = customers.open_profile(TELLER2, zhang, visit).prompts
    assert [p.rule_code for p in shown] == [first.rule_code, second.rule_code]
    assert crosssell.record_outcome(TELLER2, zhang, second, Outcome.ACCEPTED, visit).staff_id == "T2"
    assert crosssell.record_outcome(TELLER2, zhang, first, Outcome.DECLINED, visit)  # the first answer stands
    assert _answers(admin) == [(first.rule_code, "declined"), (second.rule_code, "accepted")]


def test_a_parked_and_returned_visit_answers_the_prompts_shown_again(branch):
    admin, station, clock = branch
    customers, crosssell = _desk(station, clock)
    zhang = _zhang(admin)
    visit = serve(admin, TELLER, zhang, clock)
    first, second = customers.open_profile(TELLER, zhang, visit).prompts
    crosssell.record_outcome(TELLER, zhang, first, Outcome.DECLINED, visit)
    counters = _branch(admin, TELLER, clock)
    counters.park(counter_of(TELLER))
    counters.return_parked(counter_of(TELLER), visit)
    mine = next(c for c in counters.snapshot().counters if c.id == counter_of(TELLER))
    if mine.current is not None and mine.current.status != "serving":
        counters.start(counter_of(TELLER))
    assert customers.open_profile(TELLER, zhang, visit).prompts == (first, second)
    assert crosssell.record_outcome(TELLER, zhang, second, Outcome.ACCEPTED, visit).outcome is Outcome.ACCEPTED


def test_the_tier_kept_with_an_answer_is_the_published_thresholds_not_the_callers(branch):
    admin, station, clock = branch
    zhang = _zhang(admin)  # 230,000 of assets
    visit = serve(admin, TELLER, zhang, clock)
    forged = ("{demand_deposit,time_deposit}", "{private_banking}", "{0}")  # no assets, and one tier: the top one
    written = _direct(station, zhang, visit, "td_maturing_renewal", "time_deposit_renewal", tiers=forged)
    assert written["outcome"]["tier"] == load_tiers().tier_for(Decimal("230000")).code


@pytest.mark.parametrize("code", [
    "x'); DELETE FROM crosssell_outcome; --",
    'quote" and \\ backslash',
    "line\nbreak\r\tand % percent %s %L",
    "‮rtl override",
    "birthday_greeting ",  # a real code with a space: not that rule
    "BIRTHDAY_GREETING",
    "x" * 10_000,
])
def test_a_hostile_rule_code_is_refused_and_named_quoted_and_short(branch, code):
    admin, station, clock = branch
    zhang = _zhang(admin)
    visit = serve(admin, TELLER, zhang, clock)
    _direct(station, zhang, visit, "td_maturing_renewal", "time_deposit_renewal")
    state, message = _refused(station, zhang, visit, code, "birthday_greeting")
    assert state == NOT_IN_RULEBOOK
    assert "\n" not in message and "\r" not in message and len(message) < 400
    assert _answers(admin) == [("td_maturing_renewal", "accepted")]  # nothing else, nothing removed
    with admin.read_session() as session:
        assert session.scalar(select(func.count()).select_from(PublishedRuleRow)) == len(load_rules().rules)


def test_a_rule_removed_by_a_reload_after_the_profile_was_shown_takes_no_new_answer(branch, tmp_path):
    """As on SQLite, where the service refuses a rule its reloaded rule file lacks: the station's own file still
    holds it (the supervisor reloaded elsewhere), the server's published rulebook does not."""
    admin, station, clock = branch
    customers, crosssell = _desk(station, clock)
    zhang = _zhang(admin)
    visit = serve(admin, TELLER, zhang, clock)
    first, second = customers.open_profile(TELLER, zhang, visit).prompts
    crosssell.record_outcome(TELLER, zhang, first, Outcome.DECLINED, visit)
    text_now = load_rules().source
    kept = [block for block in open(text_now, encoding="utf-8").read().split("[[rule]]")
            if f'code = "{second.rule_code}"' not in block]
    smaller = tmp_path / "crosssell_rules.toml"
    smaller.write_text("[[rule]]".join(kept), encoding="utf-8")
    _, supervisors = _desk(admin, clock)
    supervisors.reload_rules(SUPERVISOR, smaller)
    with pytest.raises(NotSuggested, match=second.rule_code):
        crosssell.record_outcome(TELLER, zhang, second, Outcome.ACCEPTED, visit)
    assert _refused(station, zhang, visit, second.rule_code, second.product)[0] == NOT_IN_RULEBOOK
    # An answer recorded before the reload is still its own answer when sent again.
    assert crosssell.record_outcome(TELLER, zhang, first, Outcome.DECLINED, visit).outcome is Outcome.DECLINED
    assert _answers(admin) == [(first.rule_code, "declined")]
    with admin.read_session() as session:
        book = session.get(PublishedRulebookRow, "B1")
        assert (book.source, book.published_by) == (str(smaller), "S1")


def test_without_a_published_rulebook_every_new_answer_is_refused(branch):
    admin, station, clock = branch
    zhang = _zhang(admin)
    visit = serve(admin, TELLER, zhang, clock)
    with admin.write_session() as session:
        session.execute(delete(PublishedRulebookRow))
    state, message = _refused(station, zhang, visit, "td_maturing_renewal", "time_deposit_renewal")
    assert (state, "no cross-sell rulebook" in message) == (RULEBOOK_MISSING, True)
    _, crosssell = _desk(station, clock)
    renewal = to_prompt(crosssell.rulebook.rules.by_code("td_maturing_renewal"))
    with pytest.raises(RulesNotPublished) as refused:
        crosssell.record_outcome(TELLER, zhang, renewal, Outcome.ACCEPTED, visit)
    assert refused.value.code == "rules_not_published" and isinstance(refused.value, DomainError)
    assert _answers(admin) == []


@pytest.mark.parametrize("statement", [
    "INSERT INTO crosssell_rulebook_rule VALUES ('B1', 'mine', 'loan', NULL, 0)",
    "UPDATE crosssell_rulebook_rule SET cooldown_days = 0",
    "DELETE FROM crosssell_rulebook",
    "UPDATE crosssell_rulebook_tier SET min_aum_cents = 0",
])
def test_the_station_role_reads_the_published_rulebook_and_may_not_write_it(branch, statement):
    admin, station, _ = branch
    with station.read_session() as session:
        assert session.scalar(select(func.count()).select_from(PublishedTierRow)) == len(load_tiers().tiers)
    with pytest.raises(ProgrammingError) as caught, station.engine.begin() as conn:
        conn.execute(text(statement))
    assert isinstance(caught.value.orig, errors.InsufficientPrivilege)
