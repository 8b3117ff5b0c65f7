"""The Marketing tab: conversion per rule, teller, tier and week, with its chart, in the interface language."""

import secrets
from datetime import date

import pytest
from PySide6.QtCore import QDate, Qt
from screens_harness import OFFSCREEN_NOISE, Branch, Recorder
from staff_sessions import session_of

from models.demo.customers import generate_customers
from models.demo.pitches import simulate_pitches
from models.marketing.crosssell_service import CrossSellService
from models.supervisor.service import SupervisorService
from queueing.core.roles import Role
from queueing.crosssell.rules import RuleBook
from queueing.supervisor.alerts import AlertSettings
from queueing.supervisor.staffing import StaffingSettings
from ui.reports.marketing_panel import MarketingPanel
from ui.supervisor.window import SupervisorWindow

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
SUPERVISOR = session_of("DEMO", "S2001", Role.SUPERVISOR, "TEST")


@pytest.fixture
def branch(tmp_path):
    branch = Branch(tmp_path)
    key = secrets.token_bytes(32)
    generate_customers(branch.store, "DEMO", key, 60, today=date(2026, 11, 1), seed=2)
    tellers = (session_of("DEMO", "T1001", Role.TELLER, "SIM"), session_of("DEMO", "T1002", Role.TELLER, "SIM"))
    simulate_pitches(branch.store, "DEMO", key, tellers, 60, date(2026, 11, 2), 14, visits_per_day=8,
                     timezone="Asia/Shanghai", seed=2)
    yield branch
    branch.close()


def test_the_tab_shows_each_grouping_and_follows_the_language(qtbot, branch):
    crosssell = CrossSellService(branch.store, "DEMO", RuleBook(), clock=branch.clock, timezone="Asia/Shanghai")
    supervisor = SupervisorService(branch.branch, AlertSettings(), StaffingSettings(closing_hour=12), SUPERVISOR)
    panel = MarketingPanel(crosssell, SUPERVISOR, date(2026, 11, 23))
    window = SupervisorWindow(supervisor, branch.i18n, None, Recorder(), "Demo", poll_ms=200, desk_tabs=(panel,))
    qtbot.addWidget(window)
    window.show()
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.report is not None, timeout=5000)
    total = panel.report.total
    assert total.offered > 0 and panel.summary.text().startswith(f"{total.offered} offered")
    assert panel.model.cells(panel.model.rows[-1])[0] == "Total"
    panel.group.setCurrentIndex(panel.group.findData("week"))
    assert [panel.model.cells(r)[0] for r in panel.model.rows[:-1]] == ["2026-W45", "2026-W46"]
    assert panel.model.headerData(0, Qt.Orientation.Horizontal) == "Week"
    panel.last.setDate(QDate(2026, 10, 1))
    panel.reload()
    assert panel.status.text() == "The period ends before it starts."
    branch.i18n.set_language("ko")
    assert window.tabs.tabText(window.tabs.indexOf(panel)) == "마케팅 실적"
    assert panel.model.cells(panel.model.rows[-1])[0] == "합계"
    # The rate with the language's decimal mark, as the PDF writes it: "12.5%" in Spanish read as 125 per cent.
    branch.i18n.set_language("es")
    panel.reload()
    qtbot.waitUntil(lambda: not panel.runner.busy and panel.report is not None, timeout=5000)
    rate = panel.model.cells(panel.model.rows[-1])[-1]
    assert rate.endswith(" %") and "," in rate and "." not in rate, rate
    assert panel.summary.text().endswith(rate)
