"""A station with its own journal syncing to a shared upstream store, as `station --upstream` wires it."""

from dataclasses import replace

from PySide6.QtWidgets import QApplication

from models.branch.prepare import prepare_demo_station
from models.station.open import open_station
from models.station.service import StationService
from models.sync.pg_upstream import open_upstream
from ui.app.application import build_window
from ui.common.i18n import LanguageManager


def test_station_window_reports_sync_state_of_its_journal(qtbot, tmp_path):
    upstream = str(tmp_path / "branch.db")
    station = prepare_demo_station(open_upstream(upstream), "ST-C1")
    synced = open_station(
        station.branch.config, station.branch.branch_id, "ST-C1", upstream=upstream, local=str(tmp_path / "station.db")
    )
    try:
        assert isinstance(synced, StationService)
        station = replace(station, branch=synced)
        i18n = LanguageManager(QApplication.instance())
        window = build_window(station, i18n, "C1")
        qtbot.addWidget(window)
        assert window.ctx.sync is synced
        synced.issue_ticket("CASH")
        synced.sync_now()
        online, backlog, last_sync, _offset = synced.status()
        assert online and backlog == 0 and last_sync is not None
        # The ticket reached the branch's shared store, where every other screen reads it.
        other = open_station(station.branch.config, station.branch.branch_id, "ST-X", local=upstream)
        assert [t.number for t in other.snapshot().waiting] == ["A001"]
    finally:
        synced.close()
