import re
from decimal import Decimal

import pytest

from queueing.core.errors import ConfigError
from queueing.customers.tiers import load_tiers, parse_tiers


@pytest.fixture
def tiers():
    return load_tiers()


@pytest.mark.parametrize(
    ("aum", "code"),
    [
        ("0", "mass"),
        ("49999.99", "mass"),
        ("50000", "gold"),
        ("499999", "gold"),
        ("500000", "platinum"),
        ("2000000", "diamond"),
        ("5999999.99", "diamond"),
        ("6000000", "private_banking"),
        ("90000000", "private_banking"),
    ],
)
def test_default_thresholds(tiers, aum, code):
    assert tiers.tier_for(Decimal(aum)).code == code


def test_ranks_and_names(tiers):
    assert [t.rank for t in tiers.tiers] == [0, 1, 2, 3, 4]
    assert tiers.currency == "CNY"
    assert tiers.by_code("gold").name("zh_CN") == "金卡"
    assert tiers.by_code("gold").name("fr") == "Gold"


NAMES = 'names = { en = "A", zh_CN = "A", ko = "A", es = "A" }'


def _file(*tiers: tuple[str, int], currency: str = "EUR") -> str:
    body = "".join(f'[[tier]]\ncode = "{code}"\nmin_aum = {amount}\n{NAMES}\n' for code, amount in tiers)
    return f'currency = "{currency}"\n{body}'


def test_thresholds_and_currency_come_from_the_file():
    table = parse_tiers(_file(("basic", 0), ("premium", 10_000)))
    assert table.currency == "EUR"
    assert table.tier_for(Decimal(10_000)).code == "premium"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (_file(("a", 10)), "must start at 0"),
        (_file(("a", 0), ("b", 100), ("c", 50)), "must start above"),
        (_file(("a", 0), ("a", 100)), "unique"),
        (_file(("a", 0), currency="EURO"), "currency: must be a three-letter currency code"),
        (
            'currency = "EUR"\n[[tier]]\ncode = "a"\nmin_aum = 0\nnames = { en = "A" }\n',
            "tier[0].names.zh_CN: is missing",
        ),
        ('currency = "EUR"\n[[tier]]\ncode = "a"\nmin_aum = "lots"\n' + NAMES, "tier[0].min_aum: must be an amount"),
        ("currency = ", "not valid TOML"),
    ],
)
def test_bad_tier_files_are_refused(text, message):
    with pytest.raises(ConfigError, match=re.escape(message)):
        parse_tiers(text, "tiers.toml")
