"""The supervisor's Follow-ups tab: due and overdue follow-ups by owner, marked done with their result."""

import secrets
from datetime import date, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox
from screens_harness import OFFSCREEN_NOISE, Branch, Recorder
from staff_sessions import session_of

from models.demo.customers import generate_customers
from models.marketing.follow_ups import FollowUpService
from models.supervisor.service import SupervisorService
from queueing.core.roles import Role
from queueing.customers.profiles import Channel
from queueing.supervisor.alerts import AlertSettings
from queueing.supervisor.staffing import StaffingSettings
from ui.supervisor.follow_ups_panel import FollowUpsPanel
from ui.supervisor.window import SupervisorWindow

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
SUPERVISOR = session_of("DEMO", "S2001", Role.SUPERVISOR, "TEST")
TELLER = session_of("DEMO", "T1001", Role.TELLER, "TEST")
TODAY = date(2026, 11, 23)


@pytest.fixture
def desk(tmp_path):
    branch = Branch(tmp_path)
    generate_customers(branch.store, "DEMO", secrets.token_bytes(32), 5, today=TODAY, seed=5)
    notes = FollowUpService(branch.store, "DEMO", clock=branch.clock, timezone="Asia/Shanghai")
    yield branch, notes
    branch.close()


def make_window(qtbot, branch, notes):
    supervisor = SupervisorService(branch.branch, AlertSettings(), StaffingSettings(closing_hour=12), SUPERVISOR)
    panel = FollowUpsPanel(notes, SUPERVISOR)
    window = SupervisorWindow(supervisor, branch.i18n, None, Recorder(), "Demo", poll_ms=200, desk_tabs=(panel,))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.owner.count() > 1 and not panel.runner.busy, timeout=3000)
    return window, panel


def test_due_and_overdue_by_owner_then_mark_done(qtbot, desk):
    branch, notes = desk
    late = notes.add_follow_up(TELLER, 1, Channel.PHONE, "Call about the maturing deposit", TODAY)
    notes.add_follow_up(TELLER, 2, Channel.PHONE, "Send the fund leaflet", TODAY + timedelta(days=3), "T1002")
    branch.clock.advance(2 * 86400)
    window, panel = make_window(qtbot, branch, notes)
    assert window.tabs.tabText(window.tabs.indexOf(panel)) == "Follow-ups"
    qtbot.waitUntil(lambda: len(panel.model.rows) == 1, timeout=3000)
    assert panel.model.cells(panel.model.rows[0])[1] == "2 days overdue"
    assert panel.count.text() == "1 follow-up listed · overdue: 1"
    panel.days.setValue(7)
    qtbot.waitUntil(lambda: len(panel.model.rows) == 2, timeout=3000)
    panel.owner.setCurrentIndex(panel.owner.findData("T1002"))
    qtbot.waitUntil(lambda: [d.follow_up.owner for d in panel.model.rows] == ["T1002"], timeout=3000)
    panel.owner.setCurrentIndex(0)
    qtbot.waitUntil(lambda: len(panel.model.rows) == 2, timeout=3000)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    panel.table.selectionModel().select(panel.model.index(0, 0), flags)
    assert panel.done_button.isEnabled()
    qtbot.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    dialog.result_text.setPlainText("ok")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.note.text()  # too short: asked for a few words
    dialog.result_text.setPlainText("Renewed for 12 months")
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(panel.model.rows) == 1, timeout=3000)
    assert panel.status.text() == "Follow-up marked done."
    assert notes.due(SUPERVISOR, 30)[0].follow_up.id != late.id


def test_a_refusal_is_said_in_one_line(qtbot, desk):
    branch, notes = desk
    planned = notes.add_follow_up(TELLER, 1, Channel.PHONE, "Call back", TODAY)
    window, panel = make_window(qtbot, branch, notes)
    qtbot.waitUntil(lambda: len(panel.model.rows) == 1, timeout=3000)
    notes.mark_done(TELLER, planned.id, "Done by a colleague")  # meanwhile, at another desk
    panel.mark_done(planned.id, "Renewed for 12 months")
    qtbot.waitUntil(lambda: panel.status.text() != "", timeout=3000)
    assert panel.status.text() == "Not done: This follow-up is already done."


def test_a_note_written_as_markup_is_shown_as_written_in_its_tooltip(qtbot, desk):
    # A tooltip renders anything that looks like rich text: a teller's note could draw images, links or a
    # different message over the supervisor's list.
    from PySide6.QtGui import QTextDocument

    branch, notes = desk
    written = '<img src="x.png" width=4000><h1>Approved</h1> & call'
    notes.add_follow_up(TELLER, 1, Channel.PHONE, written, TODAY)
    window, panel = make_window(qtbot, branch, notes)
    qtbot.waitUntil(lambda: len(panel.model.rows) == 1, timeout=3000)
    tip = panel.model.data(panel.model.index(0, 0), Qt.ItemDataRole.ToolTipRole)
    shown = QTextDocument()
    shown.setHtml(tip)
    assert shown.toPlainText() == written
