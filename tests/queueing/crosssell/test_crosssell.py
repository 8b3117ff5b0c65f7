from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from queueing.crosssell.rules import RuleBook, RuleFileError, load_rules, parse_rules
from queueing.crosssell.screen import Decline, Suppression, screen, select_prompts
from queueing.customers.profile_facts import facts_for
from queueing.customers.profiles import Customer, Holding, ProductKind, Segment
from queueing.customers.tiers import load_tiers

TODAY = date(2026, 11, 23)  # a Monday
TIERS = load_tiers()


def holding(kind, balance, code=None, matures_on=None, hid=1):
    return Holding(hid, kind, code or kind.value, Decimal(balance), date(2020, 1, 1), matures_on)


def customer(*holdings, **changes):
    base = Customer(
        id=1,
        customer_no="C1",
        family_name="Pérez",
        given_name="Juan",
        id_masked="123**678Z",
        phone="612345678",
        phone_masked="612****5678",
        birth_date=date(1980, 6, 15),
        segment=Segment.PERSONAL,
        risk_rating=3,
        marketing_consent=True,
        holdings=tuple(holdings),
    )
    return replace(base, **changes)


def shown(rules, cust, declines=(), today=TODAY):
    return [p.rule_code for p in select_prompts(rules, cust, facts_for(cust, TIERS, today), today, declines)]


def status(rules, cust, code, declines=()):
    found = {s.rule.code: s.suppression for s in screen(rules, cust, facts_for(cust, TIERS, TODAY), TODAY, declines)}
    return found[code]


def _rule(code, product, condition, priority=10, extra=""):
    texts = 'en = "x"\nzh_CN = "x"\nko = "x"\nes = "x"\n'
    return (
        f'[[rule]]\ncode = "{code}"\nproduct = "{product}"\npriority = {priority}\ncondition = "{condition}"\n'
        f"cooldown_days = 30\n{extra}[rule.reason]\n{texts}[rule.script]\n{texts}"
    )


@pytest.fixture
def rules():
    return load_rules()


def test_shipped_rules_load_and_cover_the_issue(rules):
    assert len(rules.rules) >= 10
    products = {r.product for r in rules.rules}
    assert {"time_deposit_renewal", "credit_card", "time_deposit", "mobile_banking", "pension"} <= products
    assert {"relationship_manager", "birthday_greeting", "fx_account", "loan_insurance"} <= products
    assert "merchant_services" in products
    for rule in rules.rules:
        assert all(rule.reason(lang) and rule.script(lang) for lang in ("en", "zh_CN", "ko", "es"))


def test_maturing_time_deposit_prompts_renewal_then_wealth_best_first(rules):
    td = holding(ProductKind.TIME_DEPOSIT, "80000", "td_1y", matures_on=TODAY + timedelta(days=10))
    cust = customer(td, holding(ProductKind.MOBILE_BANKING, 0, hid=2))
    assert shown(rules, cust) == ["td_maturing_renewal", "td_maturing_wealth"]


def test_at_most_two_prompts_the_rest_over_limit(rules):
    cust = customer(holding(ProductKind.DEMAND_DEPOSIT, "150000", "salary_account"), birth_date=date(1960, 11, 25))
    screened = screen(rules, cust, facts_for(cust, TIERS, TODAY), TODAY)
    assert shown(rules, cust) == ["birthday_greeting", "idle_demand_to_time_deposit"]
    over = {s.rule.code for s in screened if s.suppression is Suppression.OVER_LIMIT}
    assert {"salary_account_credit_card", "age_55_pension", "mobile_banking_enrolment"} <= over


@pytest.mark.parametrize(
    ("cust", "expected"),
    [
        (customer(holding(ProductKind.DEMAND_DEPOSIT, 100, "salary_account")), "salary_account_credit_card"),
        (customer(holding(ProductKind.LOAN, 300000)), "borrower_loan_insurance"),
        (customer(segment=Segment.SMALL_BUSINESS), "small_business_merchant_services"),
        (customer(fx_transactions_90d=4), "fx_activity_account"),
        (customer(birth_date=date(1970, 1, 1)), "age_55_pension"),
        (customer(holding(ProductKind.DEMAND_DEPOSIT, 600000), aum_prev_month=Decimal(400000)),
         "tier_upgrade_relationship_manager"),
    ],
)
def test_each_situation_fires_its_rule(rules, cust, expected):
    assert status(rules, cust, expected) is None


def test_no_prompt_without_marketing_consent(rules):
    cust = customer(holding(ProductKind.DEMAND_DEPOSIT, "150000"), marketing_consent=False)
    assert shown(rules, cust) == []
    assert status(rules, cust, "idle_demand_to_time_deposit") is Suppression.NO_CONSENT


def test_no_prompt_for_a_product_already_held(rules):
    by_kind = customer(holding(ProductKind.DEMAND_DEPOSIT, 100, "salary_account"), holding(ProductKind.CREDIT_CARD, 0))
    assert status(rules, by_kind, "salary_account_credit_card") is Suppression.ALREADY_HELD
    by_code = customer(holding(ProductKind.LOAN, 300000), holding(ProductKind.INSURANCE, 900, "loan_insurance", hid=2))
    assert status(rules, by_code, "borrower_loan_insurance") is Suppression.ALREADY_HELD


def test_no_prompt_within_the_cool_down_after_a_decline(rules):
    cust = customer(holding(ProductKind.DEMAND_DEPOSIT, "150000"))
    recent = (Decline("time_deposit", "idle_demand_to_time_deposit", TODAY - timedelta(days=29)),)
    assert status(rules, cust, "idle_demand_to_time_deposit", recent) is Suppression.COOL_DOWN
    expired = (Decline("time_deposit", "idle_demand_to_time_deposit", TODAY - timedelta(days=30)),)
    assert status(rules, cust, "idle_demand_to_time_deposit", expired) is None


def test_no_wealth_product_above_the_customer_risk_rating(rules):
    td = holding(ProductKind.TIME_DEPOSIT, "80000", "td_1y", matures_on=TODAY + timedelta(days=3))
    assert status(rules, customer(td, risk_rating=2), "td_maturing_wealth") is None
    assert status(rules, customer(td, risk_rating=1), "td_maturing_wealth") is Suppression.RISK_TOO_HIGH
    assert status(rules, customer(td, risk_rating=None), "td_maturing_wealth") is Suppression.RISK_TOO_HIGH


def test_a_false_condition_is_not_matched(rules):
    assert status(rules, customer(), "fx_activity_account") is Suppression.NOT_MATCHED


def test_ranking_by_priority_then_file_order():
    text = _rule("low", "pension", "age > 0", 5) + _rule("high", "fx_account", "age > 0", 50)
    text += _rule("tie", "credit_card", "age > 0", 50)
    rules = parse_rules(text)
    assert [r.code for r in rules.rules] == ["high", "tie", "low"]
    assert shown(rules, customer()) == ["high", "tie"]


def test_conditions_are_not_python():
    with pytest.raises(RuleFileError, match="bad condition"):
        parse_rules(_rule("evil", "pension", "__import__('os').system('true')"))


def test_malformed_rule_file_is_refused_with_file_rule_and_line():
    text = _rule("fine", "pension", "age > 55") + _rule("broken", "fx_account", "fx_transactions_90d >=")
    with pytest.raises(RuleFileError) as caught:
        parse_rules(text, "rules.toml")
    err = caught.value
    assert (err.source, err.rule) == ("rules.toml", "broken")
    assert text.splitlines()[err.line - 1].startswith('condition = "fx_transactions_90d >="')
    assert str(err).startswith(f"rules.toml:{err.line}: rule 'broken':")


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (_rule("r", "pension", "agee > 55"), "unknown symbol"),
        (_rule("r", "pension", "age + 1"), "true or false"),
        (_rule("r", "yacht", "age > 1"), "unknown product"),
        (_rule("r", "wealth_product", "age > 1"), "risk_level"),
        (_rule("r", "fund", "age > 1", extra="risk_level = 9\n"), "risk_level"),
        (_rule("r", "pension", "age > 1", extra="cooldown_day = 3\n"), "unknown key"),
        (_rule("r", "pension", "age > 1") + _rule("r", "fund", "age > 1", extra="risk_level = 2\n"), "twice"),
        (_rule("r", "pension", "age > 1").replace('ko = "x"\n', "", 1), "reason.ko: is missing"),
    ],
)
def test_each_kind_of_error_is_refused(text, reason):
    with pytest.raises(RuleFileError, match=reason) as caught:
        parse_rules(text, "rules.toml")
    assert caught.value.line is not None


def test_toml_syntax_error_reports_its_line():
    text = _rule("r", "pension", "age > 1") + "[[rule]]\ncode = oops\n"
    with pytest.raises(RuleFileError) as caught:
        parse_rules(text, "rules.toml")
    assert caught.value.line == len(text.splitlines())


def test_rule_book_keeps_the_last_good_rules_when_a_reload_fails(tmp_path):
    path = tmp_path / "rules.toml"
    path.write_text(_rule("one", "pension", "age > 1"), encoding="utf-8")
    book = RuleBook(path)
    path.write_text(_rule("two", "pension", "age >"), encoding="utf-8")
    with pytest.raises(RuleFileError):
        book.reload()
    assert [r.code for r in book.rules.rules] == ["one"]
    other = tmp_path / "other.toml"
    other.write_text(_rule("three", "fx_account", "age > 1"), encoding="utf-8")
    book.reload(other)
    assert ([r.code for r in book.rules.rules], book.path) == (["three"], other)
