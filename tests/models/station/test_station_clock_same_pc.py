"""A station that syncs with a store file on its own PC reads the one clock every screen of that PC reads."""

from datetime import timedelta

from pc_clock import PcClock

from models.station.open import open_station
from models.station.service import StationService
from queueing.core.categories import load_branch_config


def test_a_pc_clock_set_right_is_followed_at_the_next_sync_with_a_file_on_this_pc(tmp_path):
    """Windows sets a clock that ran five minutes fast right. The station took up the step (its time must not go
    back), and the next sync with a PostgreSQL server measures the offset again; a file on this PC was never
    measured, so the station kept its five minutes for the rest of the week while the kiosk and the hall display
    on that file read the PC's clock: every wait it recorded was five minutes too long, its day ended early."""
    pc = PcClock()
    upstream, local = str(tmp_path / "branch.db"), str(tmp_path / "st2.db")
    station = open_station(load_branch_config(), "B1", "ST2", upstream=upstream, local=local, clock=pc)
    try:
        assert isinstance(station, StationService)
        station.clock.now()
        pc.elapse(60, wall_step_s=-300)
        assert station.clock.now() == pc.wall + timedelta(seconds=300)  # taken up at once, as offline
        pc.elapse(1)
        assert station.sync_now(), station.offline_reason
        assert station.clock.now() == pc.wall
        assert station.sync_status().clock_offset_s == 0.0
    finally:
        station.close()
