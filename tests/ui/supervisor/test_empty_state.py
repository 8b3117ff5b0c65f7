"""Empty tables and charts say what their emptiness means instead of showing a blank grid or a plot of zeros."""

import pytest
from PySide6.QtWidgets import QTableView
from screens_harness import OFFSCREEN_NOISE

from models.supervisor.service import DayCharts, TellerTimes
from queueing.core.categories import load_branch_config
from ui.common.empty_state import EmptyNote
from ui.common.row_table_model import RowTableModel
from ui.supervisor.charts import DayChartsPanel

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


class _Names(RowTableModel):
    def headers(self):
        return ("name",)

    def cells(self, row):
        return (row,)


def test_a_table_note_shows_while_the_table_has_no_rows_and_follows_the_text(qtbot):
    model = _Names()
    view = QTableView()
    view.setModel(model)
    qtbot.addWidget(view)
    view.resize(400, 300)
    view.show()
    note = EmptyNote(view)
    assert not note.shown  # no words yet: nothing to show
    note.set_text("No appointments on this day")
    assert note.shown and note.label.text() == "No appointments on this day"
    assert note.label.geometry().width() > 300  # spread over the viewport, centred
    model.set_rows(("Li Na",))
    assert not note.shown
    model.set_rows(())
    assert note.shown
    note.set_text("当天没有预约")
    assert note.label.text() == "当天没有预约" and note.label.accessibleName() == "当天没有预约"


def _charts(arrivals, tellers=()):
    buckets = (9.0, 9.25)
    return DayCharts(((9.0, sum(arrivals)),), (0,) * 8, buckets, arrivals, (0, 0), tellers)


def test_the_days_charts_say_there_is_nobody_yet_then_draw(qtbot):
    panel = DayChartsPanel()
    qtbot.addWidget(panel)
    panel.show()
    config = load_branch_config()
    panel.show_charts(_charts((0, 0)), config, 9.5)
    for chart in (panel.queue, panel.waits, panel.flow):
        assert chart.empty.shown and chart.empty.label.text() == "No customers yet today"
    assert panel.tellers.empty.shown and panel.tellers.empty.label.text() == "No visit finished yet today"
    assert not panel.queue.getPlotItem().getAxis("left").isVisible()  # no 0.1 ... 0.9 scale for nothing
    panel.show_charts(_charts((3, 1), (TellerTimes("T1001", "Li Na", 2, 240.0, 300.0),)), config, 9.5)
    assert not any(c.empty.shown for c in (panel.queue, panel.waits, panel.flow, panel.tellers))
    assert panel.queue.getPlotItem().getAxis("left").isVisible()
