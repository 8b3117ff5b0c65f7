"""The piece-rate panel at head office: an administrator chooses among the store's branches, a supervisor cannot."""

from datetime import timedelta

import pytest
from staff_sessions import add_accounts, session_of
from two_branches import NAMES, WEEK, build_two_branches

from models.reports.records_service import RecordsService
from models.store.database import open_store
from queueing.core.roles import Role
from queueing.core.transaction_types import load_catalogue
from ui.reports import piece_rate_panel
from ui.reports.piece_rate_panel import PieceRatePanel

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def home(tmp_path):
    store = open_store(str(tmp_path / "head_office.db"))
    branches = build_two_branches(store)
    for role in (Role.SUPERVISOR, Role.ADMINISTRATOR):
        add_accounts(store, session_of("SH", f"A-{role.value}", role, "ST1"))
    yield RecordsService(branches.services["SH"], load_catalogue())
    store.close()


def _panel(qtbot, records, role):
    panel = PieceRatePanel(records, session_of("SH", f"A-{Role(role).value}", role, "ST1"), NAMES["SH"])
    qtbot.addWidget(panel)
    panel.set_period(*WEEK)
    return panel


def _names(panel):
    return [line.name for line in panel.model.lines if line.teller]


def test_an_administrator_chooses_another_branch_and_only_reads_it(qtbot, home):
    panel = _panel(qtbot, home, Role.ADMINISTRATOR)
    qtbot.waitUntil(lambda: panel.branch_box.count() == 2)
    assert [panel.branch_box.itemData(i).id for i in range(2)] == ["MX", "SH"]
    assert panel.chosen_branch().id == "SH"  # the home branch first
    with qtbot.waitSignal(panel.sig_report_ready):
        panel.refresh()
    assert _names(panel) == ["王小明", "김민지"] and panel.quality_button.isEnabled()

    panel.branch_box.setCurrentIndex(0)
    with qtbot.waitSignal(panel.sig_report_ready) as shown:
        panel.refresh()
    assert shown.args[0].period.timezone == "America/Mexico_City"
    assert _names(panel) == ["Ana Peña"] and panel.branch_name == NAMES["MX"]
    assert not panel.quality_button.isEnabled() and panel.open_quality(0) is None
    panel.table.selectRow(0)
    assert panel.visits_model.rowCount() == 2  # Ana Peña's visits in Mexico City's week

    panel.branch_box.setCurrentIndex(1)
    with qtbot.waitSignal(panel.sig_report_ready):
        panel.refresh()
    assert panel.records is home and panel.quality_button.isEnabled()
    panel.runner.wait()


def test_a_supervisor_sees_the_home_branch_only(qtbot, home):
    panel = _panel(qtbot, home, Role.SUPERVISOR)
    with qtbot.waitSignal(panel.sig_report_ready):
        panel.refresh()
    assert panel.branch_box.count() == 0 and panel.chosen_branch() is None
    assert _names(panel) == ["王小明", "김민지"]
    panel.runner.wait()


def test_another_branchs_visits_are_timed_in_its_own_zone(qtbot, home):
    # Head office in Shanghai reads Mexico City: the visit that finished at 23:24 on 8 November there (the last
    # day of its week) is not "2026-11-09 13:24", Shanghai's hour, which puts it after the week it was counted in.
    panel = _panel(qtbot, home, Role.ADMINISTRATOR)
    qtbot.waitUntil(lambda: panel.branch_box.count() == 2)
    panel.branch_box.setCurrentIndex(0)
    with qtbot.waitSignal(panel.sig_report_ready):
        panel.refresh()
    panel.table.selectRow(0)
    finished = [panel.visits_model.cell(visit, 1) for visit in panel.visits_model.rows]
    assert finished == ["2026-11-08 23:24", "2026-11-02 10:13"]

    panel.branch_box.setCurrentIndex(1)  # back home: Shanghai's hours again
    with qtbot.waitSignal(panel.sig_report_ready):
        panel.refresh()
    panel.table.selectRow(0)
    assert [panel.visits_model.cell(v, 1) for v in panel.visits_model.rows][-1] == "2026-11-02 11:09"
    panel.runner.wait()


def test_another_branchs_pdf_says_when_it_was_made_in_that_branchs_hours(qtbot, home, tmp_path, monkeypatch):
    made = []
    monkeypatch.setattr(
        piece_rate_panel, "write_pdf", lambda report, path, name, types, generated=None: made.append(generated)
    )
    panel = _panel(qtbot, home, Role.ADMINISTRATOR)
    qtbot.waitUntil(lambda: panel.branch_box.count() == 2)
    panel.branch_box.setCurrentIndex(0)
    with qtbot.waitSignal(panel.sig_report_ready):
        panel.refresh()
    panel.export("pdf", str(tmp_path / "mx.pdf"))
    assert made[0] is not None and made[0].utcoffset() == timedelta(hours=-6)  # Mexico City's, not Shanghai's
    panel.runner.wait()
