import re

import pytest

from queueing.config.files import LANGUAGES
from queueing.core.categories import load_branch_config
from queueing.core.errors import ConfigError
from queueing.core.transaction_types import UnitRule, load_catalogue, parse_catalogue


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(known_categories=load_branch_config().categories)


def test_shipped_catalogue_is_complete(catalogue):
    assert len(catalogue.types) >= 25
    categories = set(load_branch_config().categories)
    for kind in catalogue.types.values():
        assert all(kind.names[lang] for lang in LANGUAGES)
        assert kind.standard_s > 0
        assert set(kind.categories) <= categories
    # Every category has something to record.
    assert all(catalogue.for_category(code) for code in categories)


@pytest.mark.parametrize(
    ("code", "quantity", "amount", "units"),
    [
        ("CASH_DEP", 1, 5_000, 1),  # within the first 10,000
        ("CASH_DEP", 1, 10_000, 1),
        ("CASH_DEP", 1, 19_999, 1),  # a further 9,999 is not a whole step
        ("CASH_DEP", 1, 20_000, 2),
        ("CASH_DEP", 1, 35_000, 3),
        ("CASH_DEP", 2, 30_000, 3),  # two deposits: bases cover 20,000, one further step
        ("CASH_DEP", 1, None, 1),  # no amount given: the base alone
        ("ACCT_OPEN", 1, None, 1),
        ("ACCT_OPEN", 3, None, 3),
        ("LOAN_CREDIT", 1, None, 3),
        ("MORTGAGE", 1, None, 4),
        ("DRAFT_ISSUE", 2, None, 6),
        ("PAYROLL", 5, None, 1),  # 1 per 10 people, a started ten counts
        ("PAYROLL", 10, None, 1),
        ("PAYROLL", 25, None, 3),
        ("NOTE_EXCH", 3, None, 1.5),
        ("CASH_DEP", 1, 200_000, 20),  # 19 further steps: the cap
        ("CASH_DEP", 1, 2_000_000, 20),  # a slip of a zero earns no more
        ("CASH_DEP", 1, 1e12, 20),  # nor does the largest amount the finish dialog takes
        ("CASH_DEP", 3, 1e12, 3 + 3 * 19),  # the cap is per item
        ("PAYROLL", 100_000, None, 50),  # a head count typed with three zeros too many
        # A figure finish refuses now, in a journal written before: it earns nothing, and raises nowhere.
        ("CASH_DEP", 1, float("inf"), 1),
        ("CASH_DEP", 1, float("nan"), 1),
        ("ACCT_OPEN", float("inf"), None, 0),
        ("PAYROLL", float("nan"), None, 0),
    ],
)
def test_units(catalogue, code, quantity, amount, units):
    assert catalogue.types[code].units(quantity, amount) == pytest.approx(units)


def test_standard_time_per_item_and_per_batch(catalogue):
    assert catalogue.types["CASH_DEP"].standard_for(2) == 2 * 3 * 60
    # A payroll batch of 25 people is one batch: one standard time.
    assert catalogue.types["PAYROLL"].standard_for(25) == 10 * 60


def test_exact_rounding_is_pro_rata():
    rule = UnitRule(base=0, per_step=1, step=10, over="count", rounding="exact")
    assert rule.units(25) == pytest.approx(2.5)


NAMES = 'names = { en = "A", zh_CN = "甲", ko = "가", es = "A" }'
HEAD = 'code = "X"\nstandard_min = 3\ncategories = ["CASH"]\n'


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (HEAD + "units = { base = 1 }", "type[0].names: is missing"),
        (f'code = "X"\ncategories = ["CASH"]\nunits = {{ base = 1 }}\n{NAMES}', "standard_min"),
        (f'code = "X"\nstandard_min = 3\ncategories = ["NOPE"]\nunits = {{ base = 1 }}\n{NAMES}', "unknown categories"),
        (
            f'{HEAD}units = {{ base = 1, over = "weight" }}\n{NAMES}',
            "type[0].units.over: 'weight' is not one of the allowed values",
        ),
        (f"{HEAD}units = {{ base = 1, step = 10 }}\n{NAMES}", "type[0].units.step: needs over = 'amount' or 'count'"),
        (
            f'{HEAD}units = {{ base = 1, per_step = 1, over = "amount" }}\n{NAMES}',
            "type[0].units.step: is required with over = 'amount'",
        ),
        (f"{HEAD}units = {{ base = -1 }}\n{NAMES}", "type[0].units.base: must be a number >= 0"),
        (f"{HEAD}units = {{ base = 1, max_steps = 5 }}\n{NAMES}", "type[0].units.max_steps: needs over = 'amount'"),
        (
            f'{HEAD}units = {{ base = 1, per_step = 1, step = 10, over = "amount", max_steps = 0 }}\n{NAMES}',
            "type[0].units.max_steps: must be a number > 0",
        ),
        (
            f'{HEAD}units = {{ base = 1, per_step = 1, step = 10, over = "amount", max_step = 5 }}\n{NAMES}',
            "max_step",
        ),
    ],
)
def test_bad_entries_name_the_problem(body, message):
    with pytest.raises(ConfigError, match=re.escape(message)):
        parse_catalogue(f"[[type]]\n{body}\n", "t.toml", known_categories={"CASH"})


def test_duplicate_code_refused():
    entry = f'[[type]]\ncode = "X"\nstandard_min = 3\ncategories = ["CASH"]\nunits = {{ base = 1 }}\n{NAMES}\n'
    with pytest.raises(ConfigError, match="appears twice"):
        parse_catalogue(entry + entry)


def test_every_shipped_type_that_counts_a_typed_figure_caps_what_it_earns(catalogue):
    """The amount and the head count are typed by the teller: each shipped type bounds what one item earns."""
    counted = [t for t in catalogue.types.values() if t.rule.over != "none"]
    assert counted and all(t.rule.max_steps is not None for t in counted)
    for kind in counted:
        if kind.rule.over == "amount":
            assert kind.units(1, 1e12) == kind.units(1, 1e15) < 100
        else:  # a counted batch is one item, whatever its head count
            assert kind.units(10**9) == kind.units(10**12) < 100
    # Items themselves are not capped: each adds its standard and minimum time, and a visit finished faster
    # than its lines' minimum waits for a supervisor (queueing/records/visits.py, is_short).
