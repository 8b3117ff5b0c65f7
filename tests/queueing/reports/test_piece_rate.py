from datetime import date

import pytest

from queueing.core.errors import ConfigError
from queueing.reports.piece_rate import evaluate, load_scheme, parse_scheme


@pytest.fixture(scope="module")
def scheme():
    return load_scheme()


def test_shipped_scheme(scheme):
    assert scheme.currency == "CNY"
    assert scheme.unit_price == 4.0
    assert scheme.monthly_target_units == 1000
    assert (scheme.floor_share, scheme.base_share, scheme.base_quota_pay) == (0.70, 0.80, 2000.0)
    assert scheme.cross_sell_units["wealth_product"] == 3
    assert scheme.cross_sell_default == 1


@pytest.mark.parametrize(
    ("net", "pay"),
    [
        (0, 0.0),
        (699.99, 0.0),  # below the 70% floor: nothing
        (700, 0.0),  # the ramp starts at zero: no cliff
        (750, 1000.0),  # halfway from floor (700) to base (800): half the 2,000 base quota
        (800, 2000.0),
        (900, 2400.0),  # 2,000 + 4.00 x 100
        (1000, 2800.0),
        (1000.125, 2800.5),  # 2,800.50 exactly: half-up cents
    ],
)
def test_pay_formula(scheme, net, pay):
    assert scheme.pay(net, 1000) == pay


def test_pay_rises_with_every_unit(scheme):
    pays = [scheme.pay(units / 4, 1000) for units in range(0, 5000)]
    assert pays == sorted(pays)


def test_period_target_is_pro_rata_by_calendar_day(scheme):
    assert scheme.period_target(date(2026, 11, 1), date(2026, 11, 30)) == pytest.approx(1000)
    assert scheme.period_target(date(2026, 2, 1), date(2026, 2, 28)) == pytest.approx(1000)
    # 15 of November's 30 days, and 1 of December's 31.
    assert scheme.period_target(date(2026, 11, 16), date(2026, 12, 1)) == pytest.approx(500 + 1000 / 31)


def _pay(scheme, first, last, units, visits=0):
    return evaluate(scheme, units, visits, 0, 0, 0, (), scheme.period_target(first, last)).pay


def test_a_month_in_two_halves_pays_what_the_month_pays(scheme):
    """The base quota's pay is pro rata to the period as its target is: it was paid whole in each half."""
    month = _pay(scheme, date(2026, 11, 1), date(2026, 11, 30), 1000)
    halves = _pay(scheme, date(2026, 11, 1), date(2026, 11, 15), 500) + _pay(
        scheme, date(2026, 11, 16), date(2026, 11, 30), 500
    )
    assert month == 2800.00 and halves == month


def test_a_year_on_target_pays_twelve_months(scheme):
    assert _pay(scheme, date(2026, 1, 1), date(2026, 12, 31), 12_000) == 12 * 2800.00
    assert _pay(scheme, date(2026, 1, 1), date(2026, 12, 31), 9_600) == 12 * 2000.00  # on the base line


def test_the_quality_bonus_and_its_minimum_scale_with_the_period(scheme):
    def bonus(first, last, visits):
        target = scheme.period_target(first, last)
        return evaluate(scheme, 0, visits, 0, 0, 0, (), target).quality_bonus_units

    assert bonus(date(2026, 11, 1), date(2026, 11, 30), 50) == 30  # no error 20 + no complaint 10
    assert bonus(date(2026, 11, 1), date(2026, 11, 30), 49) == 0
    assert bonus(date(2026, 11, 1), date(2026, 11, 15), 25) == pytest.approx(15)  # half the month, half of each
    assert bonus(date(2026, 11, 1), date(2026, 11, 15), 24) == 0
    assert bonus(date(2026, 1, 1), date(2026, 12, 31), 600) == pytest.approx(360)
    assert bonus(date(2026, 1, 1), date(2026, 12, 31), 599) == 0


def test_evaluate_every_term(scheme):
    result = evaluate(scheme, standard_units=900, visits=400, errors_minor=1, errors_major=0, complaints=0,
                      cross_sell_products=["wealth_product", "credit_card", "mobile_banking"], target_units=1000)
    # bonus: no complaints 10 (an error removes the no-error 20); deductions: 1 minor = 2;
    # cross-sell: wealth product 3 + credit card 2 + mobile banking (default) 1 = 6; net = 900 + 10 - 2 + 6 = 914.
    assert result.quality_bonus_units == 10
    assert result.deduction_units == 2
    assert result.cross_sell_units == 6
    assert result.net_units == 914
    assert result.attainment == pytest.approx(0.914)
    assert result.pay == 2000 + 4 * 114


def test_bonus_needs_enough_visits_and_net_never_negative(scheme):
    result = evaluate(scheme, 3, visits=10, errors_minor=0, errors_major=1, complaints=1,
                      cross_sell_products=[], target_units=1000)
    assert result.quality_bonus_units == 0
    assert result.deduction_units == 15
    assert result.net_units == 0


def test_scheme_change_changes_pay_only(scheme):
    richer = parse_scheme(
        load_scheme_text().replace("unit_price = 4.0", "unit_price = 5.0"), "edited.toml"
    )
    assert richer.pay(900, 1000) == 2500.0
    assert scheme.pay(900, 1000) == 2400.0


def load_scheme_text():
    from queueing.reports.piece_rate import default_scheme_path

    return default_scheme_path().read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("edit", "message"),
    [
        (("floor_share = 0.70", "floor_share = 0.90"), "floor_share"),
        (("monthly_target_units = 1000", "monthly_target_units = 0"), "monthly_target_units"),
        (("unit_price = 4.0", "unit_price = -1"), "unit_price"),
        (("minor = 2", 'minor = "two"'), "minor"),
        (('currency = "CNY"', 'currency = ""'), "currency"),
    ],
)
def test_bad_scheme_names_the_field(edit, message):
    with pytest.raises(ConfigError, match=message):
        parse_scheme(load_scheme_text().replace(*edit), "edited.toml")


@pytest.mark.parametrize(
    ("edit", "key"),
    [
        (("credit_card = 2", "credit_crad = 2"), "cross_sell.credit_crad"),  # a typo earned the default 1
        (("loan = 4", "loan = 4\nunit_price = 6.0"), "cross_sell.unit_price"),  # meant for the top, landed here
    ],
)
def test_a_cross_sell_key_no_prompt_can_offer_is_refused(edit, key):
    with pytest.raises(ConfigError, match=rf"{key}.*not a product a prompt can offer"):
        parse_scheme(load_scheme_text().replace(*edit), "edited.toml")


def test_every_product_the_shipped_rules_offer_has_the_units_it_was_meant_to():
    """The shipped file priced "insurance" while the shipped rules offer it as "loan_insurance": one unit, not 3."""
    from queueing.crosssell.rules import load_rules

    scheme = load_scheme()
    offered = {rule.product for rule in load_rules().rules}
    assert scheme.cross_sell_credit(["loan_insurance"]) == scheme.cross_sell_units["insurance"] == 3
    assert set(scheme.cross_sell_units) <= offered | {"insurance", "loan"}  # a branch's own rule may offer these
