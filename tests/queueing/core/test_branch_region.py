"""[branch] region: the country a national phone number is read in; named, or the time zone's country."""

import pytest

from queueing.config.regions import region_of_zone
from queueing.core.categories import default_config_path, parse_branch_config
from queueing.core.errors import ConfigError

GOOD = default_config_path().read_text(encoding="utf-8")
ZONE = 'timezone = "Asia/Shanghai"'


def config_with(branch_lines: str):
    assert ZONE in GOOD
    return parse_branch_config(GOOD.replace(ZONE, branch_lines, 1), "categories.toml")


def test_the_shipped_file_reads_numbers_as_chinese_from_its_time_zone():
    assert parse_branch_config(GOOD).region == "CN"


@pytest.mark.parametrize(
    ("zone", "region"),
    [
        ("Asia/Shanghai", "CN"),
        ("Asia/Seoul", "KR"),
        ("America/Mexico_City", "MX"),
        ("America/Bogota", "CO"),
        ("America/Argentina/Buenos_Aires", "AR"),
        ("Europe/Madrid", "ES"),
    ],
)
def test_a_branch_without_a_region_takes_its_time_zones_country(zone, region):
    assert region_of_zone(zone) == region
    assert config_with(f'timezone = "{zone}"').region == region


def test_a_named_region_wins_over_the_time_zone_and_may_be_lower_case():
    assert config_with('timezone = "Asia/Shanghai"\nregion = "kr"').region == "KR"


def test_a_zone_of_no_country_leaves_the_region_unknown():
    assert config_with('timezone = "UTC"').region is None


@pytest.mark.parametrize(
    ("value", "fragment"),
    [('"XX"', "got 'XX'"), ('"China"', "two-letter ISO 3166"), ("86", "must be text"), ('""', "two-letter")],
)
def test_an_unknown_region_is_refused_by_name(value, fragment):
    with pytest.raises(ConfigError) as caught:
        config_with(f"{ZONE}\nregion = {value}")
    assert "categories.toml" in str(caught.value) and "branch.region" in str(caught.value)
    assert fragment in str(caught.value)
