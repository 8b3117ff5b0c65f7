"""Branch configuration files: the shipped one loads; a bad one names the file and the field."""

from pathlib import Path

import pytest

from queueing.categories import default_config_path, load_branch_config
from queueing.errors import ConfigError
from queueing.tickets import PriorityClass

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
        ('prefix = "A"', 'prefix = "aa"', ("category #1", "CASH", "'prefix'")),
        ('code = "LOANS"', 'code = ""', ("category #3", "'code'")),
        ("target_wait_min = 10", "target_wait_min = -1", ("CASH", "'target_wait_min'")),
        ("max_wait_min = 30", "max_wait_min = 5", ("CASH", "'max_wait_min'")),
        ("typical_service_min = 4", 'typical_service_min = "four"', ("CASH", "'typical_service_min'")),
        ("target_wait_min = 10", "target_wait_min = true", ("CASH", "'target_wait_min'")),
        ('ko = "입출금", ', "", ("CASH", "names missing for ko")),
        ('prefix = "B"', 'prefix = "A"', ("prefix 'A'", "'CASH'", "'TRANSFER'")),
        ('code = "TRANSFER"', 'code = "CASH"', ("'CASH' appears twice",)),
        ("elderly = 10 ", "elderly = -3 ", ("head start", "'elderly'")),
        ("vip = 5", "vip = true", ("head start", "'vip'")),
        ("regular = 0", "students = 0", ("[policy.head_start_min]", "'students'")),
        ("max_recalls = 3", "max_recalls = -1", ("'max_recalls'",)),
        ("max_recalls = 3", "max_recalls = 2.5", ("'max_recalls'",)),
        ("smoothing_span = 20", "smoothing_span = 0", ("'smoothing_span'",)),
        ('timezone = "Asia/Shanghai"', 'timezone = "Mars/Olympus"', ("[branch] 'timezone'", "Mars/Olympus")),
        ('timezone = "Asia/Shanghai"', "timezone = 8", ("[branch] 'timezone'",)),
    ],
)
def test_bad_field_is_named(tmp_path, old, new, fragments):
    assert old in GOOD
    expect_error(tmp_path, GOOD.replace(old, new, 1), *fragments)


def test_not_toml(tmp_path):
    expect_error(tmp_path, "[branch\ntimezone = 1", "not valid TOML")


def test_no_categories(tmp_path):
    expect_error(tmp_path, '[branch]\ntimezone = "UTC"\n', "no [[category]] entries")


def test_names_table_missing(tmp_path):
    text = '[[category]]\ncode = "X"\nprefix = "X"\ntarget_wait_min = 1\nmax_wait_min = 2\ntypical_service_min = 1\n'
    expect_error(tmp_path, text, "category #1 (X)", "'names'")


def test_missing_file(tmp_path):
    missing = tmp_path / "nowhere.toml"
    with pytest.raises(ConfigError, match="cannot read") as caught:
        load_branch_config(missing)
    assert str(missing) in str(caught.value)
