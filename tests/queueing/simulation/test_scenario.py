"""Scenario TOML and replay CSV loading: the shipped examples load; errors name file and field."""

from datetime import time
from pathlib import Path

import pytest

from queueing.core.categories import default_config_path
from queueing.core.errors import ConfigError
from queueing.core.tickets import PriorityClass
from queueing.simulation.scenario import load_replay, load_scenario, replay_base
from queueing.simulation.spec import Lunch

SCENARIOS = Path(__file__).resolve().parents[3] / "resources" / "scenarios"

MINIMAL = """
[scenario]
name = "Tiny"
opening = "09:00"
closing = "11:30"
no_show_share = 0.1

[arrivals]
per_hour = [10, 20, 5]

[arrivals.category_mix]
CASH = 3
VIP = 1

[service.CASH]
dist = "exp"
mean_min = 4

[[counter]]
id = "C1"
profile = { CASH = 1 }
lunch = { at = "10:00", minutes = 30 }

[[counter]]
id = "C2"
name = "VIP"
profile = { VIP = 1, CASH = 3 }
"""


def write(tmp_path: Path, text: str, name: str = "scenario.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_minimal_scenario(tmp_path):
    spec = load_scenario(write(tmp_path, MINIMAL))
    assert spec.name == "Tiny" and spec.days == 1
    assert spec.opening == time(9) and spec.open_seconds == 2.5 * 3600
    assert spec.hourly_rates == (10.0, 20.0, 5.0)
    assert spec.category_mix == {"CASH": 3.0, "VIP": 1.0}
    assert spec.priority_mix == {PriorityClass.REGULAR: 1.0}
    assert spec.service["CASH"].dist == "exp" and spec.service["CASH"].mean_s == 240
    # VIP has no [service.VIP]: the category's typical time, lognormal.
    assert spec.service["VIP"].mean_s == 480 and spec.service["VIP"].dist == "lognormal"
    assert spec.counters[0].lunch == Lunch(time(10), 30) and spec.counters[0].name == "C1"
    assert spec.counters[1].name == "VIP" and spec.counters[1].lunch is None
    assert spec.no_show_share == 0.1 and spec.walk_s == 15 and spec.recall_interval_s == 30


@pytest.mark.parametrize("name", ["city_weekday.toml", "pension_saturday.toml"])
def test_shipped_scenarios_load(name):
    spec = load_scenario(SCENARIOS / name)
    assert spec.days >= 1 and len(spec.counters) >= 6
    assert all(c.lunch is not None for c in spec.counters if c.closes is None)
    assert set(spec.category_mix) <= set(spec.config.categories)
    assert sum(spec.priority_mix.values()) == pytest.approx(1.0)


def test_counters_with_their_own_hours():
    spec = load_scenario(SCENARIOS / "pension_saturday.toml")
    extra = {c.id: c for c in spec.counters}
    assert extra["C7"].closes == time(12) and extra["C8"].opens == time(9)


def test_categories_file_relative_to_the_scenario(tmp_path):
    custom = default_config_path().read_text(encoding="utf-8").replace('timezone = "Asia/Shanghai"', 'timezone = "UTC"')
    write(tmp_path, custom, "my_branch.toml")
    spec = load_scenario(write(tmp_path, MINIMAL.replace('name = "Tiny"', 'categories = "my_branch.toml"')))
    assert spec.config.timezone == "UTC"


@pytest.mark.parametrize(
    ("old", "new", "fragments"),
    [
        ("per_hour = [10, 20, 5]", "per_hour = [10, 20]", ("arrivals.per_hour", "3 hourly rates")),
        ("per_hour = [10, 20, 5]", "per_hour = [10, -2, 5]", ("arrivals.per_hour[1]", ">= 0")),
        ("VIP = 1\n", "MORTGAGE = 1\n", ("arrivals.category_mix.MORTGAGE", "unknown key")),
        ("CASH = 3\nVIP = 1\n", "CASH = 0\n", ("arrivals.category_mix", "above zero")),
        ("CASH = 3\n", "CASH = -3\n", ("arrivals.category_mix.CASH", ">= 0")),
        ('opening = "09:00"', 'opening = "9 am"', ("scenario.opening", "a time of day")),
        ('closing = "11:30"', 'closing = "08:00"', ("scenario.closing", "after scenario.opening")),
        ("no_show_share = 0.1", "no_show_share = 1.5", ("scenario.no_show_share", "<= 1")),
        ("no_show_share = 0.1", "days = 0", ("scenario.days", ">= 1")),
        ("no_show_share = 0.1", 'start_date = "Monday"', ("scenario.start_date",)),
        ("no_show_share = 0.1", "walk_s = -5", ("scenario.walk_s", ">= 0")),
        ('dist = "exp"', 'dist = "gamma"', ("service.CASH.dist", "'gamma' is not one of the allowed values")),
        ("mean_min = 4", "mean_min = 0", ("service.CASH.mean_min", ">= 0.01")),
        ("[service.CASH]", "[service.MORTGAGE]", ("service.MORTGAGE", "not a service category")),
        ("profile = { CASH = 1 }", "profile = { CASH = 7 }", ("counter[0].profile.CASH", "<= 4", "(entry C1)")),
        ("profile = { CASH = 1 }", "profile = { LOANZ = 1 }", ("counter[0].profile.LOANZ", "not a service category")),
        ("profile = { CASH = 1 }", "profile = {}", ("counter[0].profile", ">= 1 entries", "(entry C1)")),
        ('id = "C2"', 'id = "C1"', ("counter: ids must be unique",)),
        ('id = "C2"', "id = 2", ("counter[1].id", "must be text")),
        (
            'lunch = { at = "10:00", minutes = 30 }',
            'lunch = { at = "noon", minutes = 30 }',
            ("counter[0].lunch.at", "time of day", "(entry C1)"),
        ),
        (
            'lunch = { at = "10:00", minutes = 30 }',
            'lunch = { at = "10:00" }',
            ("counter[0].lunch.minutes", "is missing"),
        ),
        ('lunch = { at = "10:00", minutes = 30 }', 'opens = "08:00"', ("counter[0].opens", "before the branch opens")),
        ('name = "VIP"', 'closes = "10:00"', ("category 'VIP'", "open until the queue is empty")),
        # Accepted, and the counter never served.
        (
            'lunch = { at = "10:00", minutes = 30 }',
            'opens = "11:00"\ncloses = "10:00"',
            ("counter[0].closes", "must be after counter[0].opens"),
        ),
        ('name = "Tiny"', 'categories = "missing.toml"', ("missing.toml", "cannot read")),
        ("per_hour = [10, 20, 5]\n", "", ("arrivals.per_hour", "is missing")),
        ("[scenario]\n", "[senario]\n", ("senario", "unknown key")),
    ],
)
def test_bad_scenario_names_file_and_field(tmp_path, old, new, fragments):
    assert old in MINIMAL
    path = write(tmp_path, MINIMAL.replace(old, new, 1))
    with pytest.raises(ConfigError) as caught:
        load_scenario(path)
    message = str(caught.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message


def test_not_toml_and_missing_file(tmp_path):
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_scenario(write(tmp_path, "[scenario\n"))
    with pytest.raises(ConfigError, match="cannot read"):
        load_scenario(tmp_path / "nowhere.toml")


# -- replay -------------------------------------------------------------------
def test_shipped_replay_loads():
    spec = load_replay(SCENARIOS / "replay_small.csv", replay_base(3, 8))
    (day,) = spec.replay
    assert spec.days == 1 and len(day) == 20
    assert [a.offset_s for a in day] == sorted(a.offset_s for a in day)
    assert day[0].offset_s == 40 and day[0].category == "CASH" and day[0].service_s == 210
    assert sum(a.no_show for a in day) == 1
    assert {a.priority for a in day} == {PriorityClass.REGULAR, PriorityClass.ELDERLY, PriorityClass.VIP}


def test_replay_on_a_scenario_keeps_its_counters(tmp_path):
    scenario = load_scenario(SCENARIOS / "city_weekday.toml")
    spec = load_replay(SCENARIOS / "replay_small.csv", scenario)
    assert spec.counters == scenario.counters and spec.days == 1


def test_replay_days_and_appointments(tmp_path):
    path = write(
        tmp_path,
        "arrival,category,priority,service_s,day,appointment\n"
        "09:10,CASH,appointment,100,2,09:30\n"
        "09:05,CASH,regular,90,2,\n"
        "09:00,VIP,appointment,60,1,\n",
        "days.csv",
    )
    spec = load_replay(path, replay_base(2, 2))
    first, second = spec.replay
    assert spec.days == 2 and len(first) == 1 and len(second) == 2
    assert first[0].appointment_offset_s == 0  # booked when it came
    assert [a.offset_s for a in second] == [300, 600] and second[1].appointment_offset_s == 1800


@pytest.mark.parametrize(
    ("rows", "fragments"),
    [
        ("arrival,category,priority\n09:00,CASH,regular\n", ("service_s",)),
        ("arrival,category,priority,service_s\n", ("needs a header and rows",)),
        (
            "arrival,category,priority,service_s\n09:00,CASH,regular,60\n09:01,MORTGAGE,regular,60\n",
            ("line 3", "'category'", "MORTGAGE"),
        ),
        ("arrival,category,priority,service_s\n08:59,CASH,regular,60\n", ("line 2", "'arrival'", "outside")),
        ("arrival,category,priority,service_s\nsoon,CASH,regular,60\n", ("line 2", "'arrival'")),
        ("arrival,category,priority,service_s\n09:00,CASH,royal,60\n", ("line 2", "'priority'")),
        ("arrival,category,priority,service_s\n09:00,CASH,regular,quick\n", ("line 2", "'service_s'")),
        ("arrival,category,priority,service_s\n09:00,CASH,regular,-1\n", ("line 2", "'service_s'")),
        # As long as a scenario's mean service may be (a day): 1e300 overflowed the simulated clock, exit 3.
        ("arrival,category,priority,service_s\n09:00,CASH,regular,86401\n", ("line 2", "'service_s'", "86400")),
        # A misspelt optional column was ignored, and the days in it with it.
        ("dya,arrival,category,priority,service_s\n2,09:00,CASH,regular,60\n", ("line 1", "unknown column 'dya'")),
        # A short row raised TypeError (an internal error); a long one lost its extra field.
        ("arrival,category,priority,service_s\n09:00,CASH,regular\n", ("line 2", "has 3 fields", "header has 4")),
        ("arrival,category,priority,service_s\n09:00,CASH,regular,60,1\n", ("line 2", "has 5 fields")),
        # A day number is how many days are simulated: 100000000 ran until memory ran out.
        ("day,arrival,category,priority,service_s\n367,09:00,CASH,regular,60\n", ("line 2", "'day' 1 to 366")),
        ("day,arrival,category,priority,service_s\n0,09:00,CASH,regular,60\n", ("line 2", "'day' 1 to 366")),
        ("arrival,category,priority,service_s\n09:00,CASH,regular," + "6" * 200_000 + "\n", ("line 2", "not CSV")),
    ],
)
def test_bad_replay_names_file_line_and_field(tmp_path, rows, fragments):
    path = write(tmp_path, rows, "bad.csv")
    with pytest.raises(ConfigError) as caught:
        load_replay(path, replay_base(2, 8))
    message = str(caught.value)
    assert str(path) in message
    for fragment in fragments:
        assert fragment in message


def test_replay_category_nobody_serves(tmp_path):
    spec = load_scenario(write(tmp_path, MINIMAL))
    path = write(tmp_path, "arrival,category,priority,service_s\n09:00,LOANS,regular,60\n", "loans.csv")
    with pytest.raises(ConfigError, match="'category' 'LOANS' is served by no counter"):
        load_replay(path, spec)


def test_replay_saved_with_a_byte_order_mark_keeps_its_first_column(tmp_path):
    """Excel's "CSV UTF-8" starts with the mark: the first column was read as "\\ufeffday", every row on day 1."""
    path = tmp_path / "bom.csv"
    rows = "day,arrival,category,priority,service_s\n1,09:00,CASH,regular,60\n2,09:01,CASH,regular,60\n"
    path.write_bytes(("\ufeff" + rows).encode())
    spec = load_replay(path, replay_base(2, 8))
    assert spec.days == 2 and [len(day) for day in spec.replay] == [1, 1]


def test_replay_not_utf8_is_refused_with_its_line(tmp_path):
    path = tmp_path / "latin.csv"
    path.write_bytes(b"arrival,category,priority,service_s\n09:00,CASH,regular,60\n09:01,CASH,r\xe9gular,60\n")
    with pytest.raises(ConfigError, match=f"{path}: line 3: not UTF-8 text"):
        load_replay(path, replay_base(2, 8))
