"""Branch configuration files: the shipped one loads; a bad one names the file and the field."""

from pathlib import Path

import pytest

from queueing.core.categories import default_config_path, load_branch_config
from queueing.core.errors import ConfigError
from queueing.core.tickets import PriorityClass

GOOD = default_config_path().read_text(encoding="utf-8")


def test_shipped_config_loads():
    config = load_branch_config()
    assert set(config.categories) == {"CASH", "TRANSFER", "LOANS", "CORP", "FX", "VIP"}
    assert config.timezone == "Asia/Shanghai"
    assert config.categories["CASH"].target_wait_s == 600 and config.categories["CASH"].max_wait_s == 1800
    assert config.policy.head_start_s[PriorityClass.ELDERLY] == 600
    assert config.category("VIP").name("zh_CN") == "贵宾理财"


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "branch.toml"
    path.write_text(text, encoding="utf-8")
    return path


def expect_error(tmp_path: Path, text: str, *fragments: str) -> None:
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as caught:
        load_branch_config(path)
    message = str(caught.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message


@pytest.mark.parametrize(
    ("old", "new", "fragments"),
    [
        ('prefix = "A"', 'prefix = "aa"', ("category[0].prefix", "CASH")),
        ('code = "LOANS"', 'code = ""', ("category[2].code",)),
        ("target_wait_min = 10", "target_wait_min = -1", ("category[0].target_wait_min", "> 0")),
        ("max_wait_min = 30", "max_wait_min = 5", ("category[0].max_wait_min", "below target_wait_min")),
        (
            "typical_service_min = 4",
            'typical_service_min = "four"',
            ("category[0].typical_service_min", "CASH", "must be a number"),
        ),
        ("target_wait_min = 10", "target_wait_min = true", ("category[0].target_wait_min", "got true or false")),
        ('ko = "입출금", ', "", ("category[0].names.ko", "is missing")),
        ('prefix = "B"', 'prefix = "A"', ("category[1].prefix", "'A'", "'CASH'")),
        ('code = "TRANSFER"', 'code = "CASH"', ("'CASH' appears twice",)),
        ("elderly = 10 ", "elderly = -3 ", ("policy.head_start_min.elderly", ">= 0")),
        ("vip = 5", "vip = true", ("policy.head_start_min.vip",)),
        ("regular = 0", "students = 0", ("policy.head_start_min.students", "not one of the allowed values")),
        ("max_recalls = 3", "max_recalls = -1", ("policy.max_recalls", ">= 0")),
        ("max_recalls = 3", "max_recalls = 2.5", ("policy.max_recalls", "whole number")),
        ("smoothing_span = 20", "smoothing_span = 0", ("policy.smoothing_span", ">= 1")),
        ('timezone = "Asia/Shanghai"', 'timezone = "Mars/Olympus"', ("branch.timezone", "Mars/Olympus")),
        ('timezone = "Asia/Shanghai"', "timezone = 8", ("branch.timezone", "must be text")),
    ],
)
def test_bad_field_is_named(tmp_path, old, new, fragments):
    assert old in GOOD
    expect_error(tmp_path, GOOD.replace(old, new, 1), *fragments)


def test_not_toml(tmp_path):
    expect_error(tmp_path, "[branch\ntimezone = 1", "not valid TOML")


def test_no_categories(tmp_path):
    expect_error(tmp_path, '[branch]\ntimezone = "UTC"\n', "category: is missing")


def test_names_table_missing(tmp_path):
    text = '[[category]]\ncode = "X"\nprefix = "X"\ntarget_wait_min = 1\nmax_wait_min = 2\ntypical_service_min = 1\n'
    expect_error(tmp_path, text, "category[0].names: is missing", "(entry X)")


def test_missing_file(tmp_path):
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(ConfigError, match="cannot read") as caught:
        load_branch_config(missing)
    assert str(missing) in str(caught.value)
