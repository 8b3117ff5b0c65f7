"""A station's corrected clock when the PC's clock is set between two measurements (offline, for hours)."""

from datetime import timedelta

from pc_clock import NINE, PcClock

from queueing.core.clock import CorrectedClock


def _station_clock(offset_s: float = 0.0) -> tuple[CorrectedClock, PcClock]:
    pc = PcClock()
    clock = CorrectedClock(pc)
    clock.offset_s = offset_s  # as the last sync measured it
    clock.now()
    return clock, pc


def test_a_pc_clock_set_back_offline_does_not_take_the_stations_time_back():
    clock, pc = _station_clock()
    pc.elapse(60, wall_step_s=-3600)  # an hour back, a minute after the last reading
    assert clock.now() == NINE + timedelta(seconds=60)
    pc.elapse(30)
    assert clock.now() == NINE + timedelta(seconds=90)


def test_a_fast_clock_corrected_by_the_os_stays_right_on_the_measured_offset():
    clock, pc = _station_clock(offset_s=-300)  # the PC ran 5 min fast; the last sync measured it
    assert clock.now() == NINE - timedelta(seconds=300)
    pc.elapse(10, wall_step_s=-300)  # the OS sets it right while the link is down
    assert clock.now() == NINE - timedelta(seconds=290)


def test_a_wall_clock_that_ran_ahead_is_followed_since_a_sleeping_pc_looks_the_same():
    clock, pc = _station_clock()
    pc.elapse(60, wall_step_s=3600)  # a night's sleep (the monotonic clock stopped) or a step forward
    assert clock.now() == NINE + timedelta(seconds=3660)


def test_small_slews_are_left_alone_and_the_next_measurement_replaces_the_correction():
    clock, pc = _station_clock()
    pc.elapse(60, wall_step_s=-1.5)  # NTP slewing, not a step
    assert clock.now() == NINE + timedelta(seconds=58.5)
    pc.elapse(60, wall_step_s=-600)
    assert clock.now() == NINE + timedelta(seconds=118.5)
    clock.offset_s = 12.0  # the next sync measures the server against the PC's clock as it is now
    assert clock.now() == pc.wall + timedelta(seconds=12)


def test_a_simulated_clock_is_never_corrected():
    from queueing.core.clock import ManualClock

    manual = ManualClock(NINE)
    clock = CorrectedClock(manual)
    clock.now()
    manual.advance(60)
    assert clock.now() == NINE + timedelta(seconds=60) and clock.offset_s == 0.0
