"""The supervisor's Short visits tab: listed, approved or rejected with a note; the service's refusals shown."""

from datetime import UTC, date, datetime

import pytest
from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from records_harness import SUPERVISOR, build_month, serve
from screens_harness import OFFSCREEN_NOISE

from models.store.database import open_store
from queueing.core.tickets import TransactionLine as Line
from queueing.records.visits import ShortDecision
from ui.common.fonts import install_app_font
from ui.common.i18n import LanguageManager
from ui.supervisor.short_visits_panel import ShortVisitsPanel

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def english(qapp):
    i18n = LanguageManager(qapp)
    i18n.set_language("en")  # English plural forms come from counterline_en.qm
    return i18n


@pytest.fixture
def month(tmp_path, english):
    store = open_store(str(tmp_path / "store.db"))
    m = build_month(store)
    m.clock.set(datetime(2026, 11, 6, 1, 0, tzinfo=UTC))
    m.branch.open_counter("C1", "T1")
    serve(m.branch, m.clock, "C1", "CASH", [Line("ACCT_OPEN")], 5)
    serve(m.branch, m.clock, "C1", "CASH", [Line("CASH_DEP", 1, 1000), Line("NOTE_EXCH")], 1.4)
    yield m
    store.close()


def make_panel(qtbot, month, actor=SUPERVISOR):
    install_app_font(QApplication.instance())  # as the app does: the CJK names in the bundled face
    panel = ShortVisitsPanel(month.records, actor, date(2026, 11, 6))
    qtbot.addWidget(panel)
    panel.resize(1200, 420)
    panel.show()
    qtbot.waitUntil(lambda: len(panel.model.rows) == 2 and not panel.runner.busy, timeout=3000)
    return panel


def choose(panel, row):
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    panel.table.selectionModel().select(panel.model.index(row, 0), flags)


def test_listed_then_approved_and_rejected(qtbot, month, tmp_path):
    panel = make_panel(qtbot, month)
    assert panel.tab_title() == "Short visits"
    assert panel.count.text() == "2 short visits listed · awaiting review: 2"
    first = panel.model.cells(panel.model.rows[0])
    assert first[2] == "王小明 (T1)" and first[3] == "Account opening" and first[7] == "Awaiting review"
    assert first[0] == "2026-11-06 09:00"  # branch time (Asia/Shanghai), not UTC
    assert not panel.approve_button.isEnabled()
    choose(panel, 0)
    assert panel.approve_button.isEnabled() and panel.reject_button.isEnabled()
    panel.ask(ShortDecision.APPROVED)
    panel.dialog.note.setText("form filled in beforehand")
    panel.dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()
    qtbot.waitUntil(lambda: "approved" in panel.status.text() and not panel.runner.busy, timeout=3000)
    qtbot.waitUntil(lambda: panel.model.rows[0].short_review is not None, timeout=3000)
    decided = ("Approved: paid", "Sun Li", "form filled in beforehand")
    assert panel.model.cells(panel.model.rows[0])[7:] == decided

    choose(panel, 1)
    panel.ask(ShortDecision.REJECTED)
    ok = panel.dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    ok.click()  # a rejection needs a reason
    assert panel.dialog.isVisible() and panel.dialog.error.text() == "Please say why the visit is not paid."
    panel.dialog.note.setText("<b>1.4 s</b> is no deposit")
    ok.click()
    qtbot.waitUntil(lambda: panel.count.text().endswith("awaiting review: 0"), timeout=3000)
    choose(panel, 1)
    assert not panel.approve_button.isEnabled()
    panel.grab().save(str(tmp_path / "short_visits.png"))


def test_a_supervisor_who_served_the_visit_is_refused(qtbot, month):
    # The supervisor S1 covers counter 3 and serves a visit too short to pay without a review.
    month.branch.open_counter("C3", "S1")
    own = serve(month.branch, month.clock, "C3", "CASH", [Line("ACCT_OPEN")], 3)
    panel = ShortVisitsPanel(month.records, SUPERVISOR, date(2026, 11, 6))
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: len(panel.model.rows) == 3 and not panel.runner.busy, timeout=3000)
    panel.decide(own, ShortDecision.APPROVED, "")
    qtbot.waitUntil(lambda: bool(panel.status.text()), timeout=3000)
    assert panel.status.text() == "Not done: Nobody may approve or reject their own visits; another supervisor has to."
    assert next(v for v in panel.model.rows if v.ticket_id == own).short_review is None


def test_figures_are_written_the_way_the_interface_language_writes_numbers(qtbot, month, english):
    """In Spanish a comma is the decimal mark and a dot groups thousands: a visit of "1.4" seconds reads as one
    thousand four hundred."""
    panel = make_panel(qtbot, month)
    english.set_language("es")
    try:
        cells = [panel.model.cells(row) for row in panel.model.rows]
        assert {c[4] for c in cells} == {"5,0", "1,4"}
        assert all("." not in c[4] for c in cells)
    finally:
        english.set_language("en")


def test_a_period_that_ends_before_it_starts_is_named(qtbot, month):
    """It said only that something could not be done (the refusal's code has no text of its own)."""
    panel = make_panel(qtbot, month)
    panel.last.setDate(panel.first.date().addDays(-1))
    panel.reload()
    qtbot.waitUntil(lambda: panel.status.text() != "" and not panel.runner.busy, timeout=3000)
    assert panel.status.text() == "The period ends before it starts."
