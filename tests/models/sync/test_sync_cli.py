"""`counterline sync status` shows online or offline, the backlog and the last sync."""

import pytest
from pg_server import free_port, open_test_upstream, pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from poison_events import counter_named_with_nul
from sync_branch import synced

import main
from models.branch.service import BranchService
from models.station.open import open_station
from queueing.core.categories import load_branch_config

pytestmark = pytest.mark.postgres


def test_status_after_online_then_offline_work(pg_url, tmp_path, capsys):
    config = load_branch_config()
    upstream = open_test_upstream(pg_url)
    BranchService(upstream, config, "B1", "SETUP").ensure_branch("CLI branch")
    local = str(tmp_path / "st1.db")
    station = open_station(config, "B1", "ST1", upstream=pg_url, local=local)
    station.issue_ticket("CASH")
    station.close()
    dead = f"postgresql+psycopg://postgres@127.0.0.1:{free_port()}/x"
    offline = open_station(config, "B1", "ST1", upstream=dead, local=local)
    offline.issue_ticket("CASH")
    offline.issue_ticket("TRANSFER")
    offline.close()

    assert main.main(["--db", local, "sync", "status", "--upstream", pg_url]) == 0
    out = capsys.readouterr().out
    assert ": online" in out and "station ST1: backlog 2 event(s), last sync 20" in out
    assert "branch B1: 0 open conflict(s), 0 quarantined event(s)" in out
    assert main.main(["--db", local, "sync", "status", "--upstream", dead]) == 0
    assert "OFFLINE (" in capsys.readouterr().out
    upstream.close()


def test_status_lists_quarantined_events_upstream(pg_url, tmp_path, capsys):
    config = load_branch_config()
    upstream = open_test_upstream(pg_url)
    BranchService(upstream, config, "B1", "SETUP").ensure_branch("CLI branch")
    local = str(tmp_path / "st1.db")
    station = open_station(config, "B1", "ST1", upstream=pg_url, local=local)
    station.local.record_many([counter_named_with_nul(station.local.state, station.local.ctx)])
    assert synced(station)
    station.close()
    assert main.main(["--db", local, "sync", "status", "--upstream", pg_url]) == 0
    out = capsys.readouterr().out
    assert "branch B1: 0 open conflict(s), 1 quarantined event(s)" in out
    assert "quarantined ST1#1 counter_configured: DataError" in out
    upstream.close()


def test_a_break_clash_line_shows_escapes_in_its_payload_texts_and_never_obeys_them():
    from datetime import date

    from models.cli.sync import _conflict_line
    from models.sync.conflict_views import ConflictView

    view = ConflictView("", "brk:\x1b[2J", date(2026, 11, 23), "break_cancelled", "by S1\r OK", (), teller_id="T\x1b1")
    line = _conflict_line(view)
    assert "\x1b" not in line and "\r" not in line
    assert line == "  conflict break of T\\x1b1 (brk:\\x1b[2J) (2026-11-23): by S1\\r OK"
