import math

import pytest

from queueing.core.errors import ConfigError
from queueing.supervisor.staffing import (
    HourDemand,
    StaffingSettings,
    advise_day,
    advise_hour,
    load_staffing_settings,
    parse_staffing_settings,
    pooled_figures,
)
from queueing.waits.erlang import counters_needed, erlang_c, service_level


def test_erlang_c_on_a_textbook_case():
    # 2 erlangs on 3 servers: C = 4/9 (the classic M/M/3 example).
    assert erlang_c(3, 2.0) == pytest.approx(4 / 9)


def test_advice_matches_erlang_c_on_a_known_case(config):
    # 60 cash customers an hour over four Mondays (240 seen), 4 min each: 4 erlangs.
    demand = HourDemand(10, {"CASH": 240}, days=4, service_s={"CASH": 240.0})
    row = advise_hour(demand, config, StaffingSettings(target_level=0.8), planned=5, check=False)
    assert row.arrivals_per_hour == 60 and row.mean_service_s == 240 and row.target_wait_s == 600
    # By hand: 5 counters give 1 - C(5,4) e^{-(5-4)600/240} = 1 - 0.5541 x 0.0821 = 0.9545 >= 0.8, and 4 are unstable.
    c54 = erlang_c(5, 4.0)
    assert c54 == pytest.approx(0.5541, abs=1e-4)
    assert row.erlang_counters == 5 == counters_needed(60 / 3600, 240, 600, 0.8)
    assert row.erlang_level == pytest.approx(1 - c54 * math.exp(-2.5))
    assert row.advised == 5 and row.planned == 5


def test_a_tighter_target_needs_more_counters(config):
    demand = HourDemand(10, {"CASH": 240}, days=4, service_s={"CASH": 240.0})
    strict = advise_hour(demand, config, StaffingSettings(target_level=0.95, target_wait_s=60), None, check=False)
    assert strict.erlang_counters == counters_needed(60 / 3600, 240, 60, 0.95) > 5
    assert service_level(strict.erlang_counters - 1, 60 / 3600, 240, 60) < 0.95


def test_the_simulator_confirms_the_erlang_answer(config):
    demand = HourDemand(11, {"CASH": 160}, days=4, service_s={"CASH": 240.0})
    row = advise_hour(demand, config, StaffingSettings(target_level=0.8, sim_days=15), None, check=True)
    assert row.erlang_counters == 4
    assert row.simulated_level is not None and row.simulated_level >= 0.8
    assert row.advised in (row.erlang_counters, row.erlang_counters + 1)


def test_mixed_categories_pool_by_arrivals(config):
    demand = HourDemand(9, {"CASH": 30, "LOANS": 10}, days=2, service_s={"CASH": 200.0})
    per_hour, mean_s, target_s = pooled_figures(demand, config)
    assert per_hour == 20
    assert mean_s == pytest.approx((30 * 200 + 10 * 900) / 40)  # LOANS falls back to its typical 15 min
    assert target_s == pytest.approx((30 * 600 + 10 * 900) / 40)


def test_a_day_has_a_row_per_opening_hour_and_quiet_hours_need_nobody(config):
    settings = StaffingSettings(opening_hour=9, closing_hour=12, planned={0: {9: 2, 10: 3}})
    demands = {10: HourDemand(10, {"CASH": 40}, 4, {"CASH": 240.0})}
    rows = advise_day(demands, config, settings, weekday=0, check=False)
    assert [r.hour for r in rows] == [9, 10, 11]
    assert rows[0].advised == 0 and rows[0].planned == 2
    assert rows[1].advised == counters_needed(10 / 3600, 240, 600, 0.8) and rows[1].planned == 3
    assert rows[2].planned is None


def test_settings_file_loads_and_bad_values_are_refused():
    shipped = load_staffing_settings()
    assert shipped.target_level == 0.8 and shipped.planned[0][12] == 3
    with pytest.raises(ConfigError, match="level"):
        parse_staffing_settings("[target]\nlevel = 80")
    with pytest.raises(ConfigError, match="planned.monday: this key: 'monday' is not one of the allowed values"):
        parse_staffing_settings("[planned.monday]\n'9' = 3")
    with pytest.raises(ConfigError, match="opening"):
        parse_staffing_settings("[hours]\nopening = 18\nclosing = 9")


def test_a_second_standing_break_for_a_teller_on_the_same_day_is_refused_by_name():
    """Both were accepted: the day's two rota breaks shared one id, so moving or cancelling one did it to both."""
    entry = '[[breaks]]\nstaff = "T1001"\ndays = [{days}]\nstart = "{start}"\nminutes = 30\n'
    text = entry.format(days='"mon", "tue"', start="10:00") + entry.format(days='"fri", "tue"', start="12:00")
    said = r"breaks\[1\]\.days.*T1001 has a standing break on tue already \(breaks\[0\]\)"
    with pytest.raises(ConfigError, match=said):
        parse_staffing_settings(text)
    other_days = entry.format(days='"mon", "tue"', start="10:00") + entry.format(days='"fri"', start="12:00")
    assert parse_staffing_settings(other_days) is not None
