"""One clock: every screen, ticket and report shows branch time in the branch's zone, whatever the PC's zone."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import pytest
from screens_harness import OFFSCREEN_NOISE, START, Branch

from ui.common.branch_time import branch_now, branch_stamp, set_branch_zone
from ui.display.window import DisplayWindow
from ui.kiosk.window import KioskWindow
from ui.reports.piece_rate_models import VISIT_COLUMNS, VisitsTableModel

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def far_away_pc(monkeypatch):
    """The PC's zone is Honolulu (UTC-10), 18 hours behind the demo branch in Shanghai."""
    monkeypatch.setenv("TZ", "Pacific/Honolulu")
    time.tzset()
    assert START.astimezone().hour == 15  # the PC's wall clock says 15:30 on the day before
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def branch(tmp_path, far_away_pc):
    b = Branch(tmp_path)
    b.open("C1")
    yield b
    b.close()


def test_kiosk_clock_and_printed_ticket_show_branch_time(qtbot, branch):
    kiosk = KioskWindow(branch.branch, branch.i18n, None, "Demo", poll_ms=200)
    qtbot.addWidget(kiosk)
    kiosk.resize(1024, 768)
    kiosk.show()
    qtbot.waitUntil(lambda: bool(kiosk.service_buttons), timeout=3000)
    assert kiosk.clock_label.text().replace("\u202f", " ") == "9:30 AM"
    with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000) as issued:
        kiosk.issue("CASH")
    slip = kiosk.slip(issued.args[0])
    assert "9:30" in slip.issued and "11/23/26" in slip.issued, slip.issued
    assert "3:30" not in slip.issued


def test_display_clock_shows_branch_time(qtbot, branch):
    from screens_harness import QUIET, Recorder

    display = DisplayWindow(branch.branch, branch.i18n, QUIET, Recorder(), "Demo", poll_ms=200)
    qtbot.addWidget(display)
    display.resize(1280, 800)
    display.show()
    qtbot.waitUntil(lambda: display.clock_label.text() != "", timeout=3000)
    assert display.clock_label.text().replace("\u202f", " ") == "9:30 AM"


def test_visit_lists_audit_and_report_stamps_use_the_branch_zone(far_away_pc):
    set_branch_zone("Asia/Shanghai")
    finished = datetime(2026, 11, 23, 7, 5, tzinfo=UTC)
    assert branch_stamp(finished) == "2026-11-23 15:05"
    assert branch_stamp(finished, seconds=True) == "2026-11-23 15:05:00"
    finished_column = next(n for n, (header, _kind, _value) in enumerate(VISIT_COLUMNS) if header() == "Finished")

    class Visit:
        finished_at = finished

    assert VisitsTableModel().cell(Visit(), finished_column) == "2026-11-23 15:05"
    assert branch_now().utcoffset().total_seconds() == 8 * 3600
    set_branch_zone("UTC")


def test_money_is_written_the_way_each_language_writes_it(qapp):
    from PySide6.QtWidgets import QApplication

    from ui.common.i18n import LanguageManager

    manager = LanguageManager(QApplication.instance())
    try:
        manager.set_language("en")
        assert manager.format_money(4100, "CNY") == "¥4,100"
        manager.set_language("es")
        assert manager.format_money(1234567.5, "CNY", 2).replace("\xa0", " ") == "1.234.567,50 ¥"
        manager.set_language("ko")
        assert manager.format_money(4100, "KRW") == "₩4,100"
        assert manager.format_money(10, "XTS").replace("\xa0", " ").endswith("10") and "XTS" in manager.format_money(
            10, "XTS"
        )
    finally:
        manager.set_language("en")
        manager.uninstall()
