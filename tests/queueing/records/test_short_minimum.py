"""The minimum service time per transaction type: read from the catalogue, applied to a visit's units."""

import pytest

from queueing.core.errors import ConfigError
from queueing.core.transaction_types import load_catalogue, parse_catalogue
from queueing.records.output_tally import Tally
from queueing.records.visits import ShortDecision, price_lines

ENTRY = """
[[type]]
code = "X"
standard_min = 5
{extra}
categories = ["CASH"]
units = {{ base = 2 }}
names = {{ en = "X", zh_CN = "X", ko = "X", es = "X" }}
"""


def catalogue_of(extra: str):
    return parse_catalogue(ENTRY.format(extra=extra), "transaction_types.toml")


def test_the_minimum_is_read_and_defaults_to_a_tenth_of_the_standard():
    assert catalogue_of("min_service_min = 1.5").get("X").min_service_s == 90
    assert catalogue_of("").get("X").min_service_s == pytest.approx(30)
    assert catalogue_of("min_service_min = 0").get("X").min_service_s == 0


@pytest.mark.parametrize(
    ("extra", "key"),
    [
        ("min_service_min = 6", "type[0].min_service_min"),  # above the standard time
        ("min_service_min = -1", "type[0].min_service_min"),
        ('min_service_min = "1"', "type[0].min_service_min"),
        ("min_service_minutes = 1", "type[0]"),  # a misspelt key is refused, not ignored
    ],
)
def test_bad_minimums_are_refused_naming_the_key(extra, key):
    with pytest.raises(ConfigError) as caught:
        catalogue_of(extra)
    assert caught.value.key.startswith(key)


def test_every_shipped_type_has_a_minimum_below_its_standard():
    for kind in load_catalogue().types.values():
        assert 0 < kind.min_service_s <= kind.standard_s


def test_a_visits_minimum_adds_its_lines_and_a_batch_counts_once():
    catalogue = load_catalogue()
    lines = price_lines([{"code": "ACCT_OPEN", "quantity": 2}, {"code": "PAYROLL", "quantity": 40}], catalogue)
    assert sum(line.min_s for line in lines) == pytest.approx(
        2 * catalogue.get("ACCT_OPEN").min_service_s + catalogue.get("PAYROLL").min_service_s
    )


@pytest.mark.parametrize(
    ("service_s", "review", "units", "pending", "withheld"),
    [
        (60.0, None, 2.0, 0, 0.0),  # at the minimum: paid
        (59.9, None, 0.0, 1, 2.0),  # under it: withheld, pending
        (1.4, ShortDecision.REJECTED, 0.0, 0, 2.0),
        (1.4, ShortDecision.APPROVED, 2.0, 0, 0.0),
        (0.0, None, 0.0, 1, 2.0),
    ],
)
def test_tally_withholds_short_visits_until_approved(service_s, review, units, pending, withheld):
    lines = price_lines([{"code": "X"}], catalogue_of("min_service_min = 1"))
    tally = Tally()
    tally.add_lines(service_s, lines, None, review)
    output = tally.output(service_s, 0)
    assert (output.visits, output.standard_units) == (1, units)
    assert (output.short_pending, output.short_withheld_units) == (pending, withheld)
    assert output.short_approved == (review is ShortDecision.APPROVED)
    assert sum(t.units for t in output.units_by_type) == units


def test_unknown_codes_have_no_minimum():
    lines = price_lines([{"code": "NOT_A_TYPE"}], load_catalogue())
    tally = Tally()
    tally.add_lines(0.5, lines, None)
    assert tally.short_pending == 0
