"""The day's charts keep their plot items: a refresh gives them new data, the same data draws nothing again."""

import pyqtgraph as pg
import pytest
from PySide6.QtCore import QPointF
from screens_harness import OFFSCREEN_NOISE

from models.supervisor.service import DayCharts, TellerTimes
from queueing.core.categories import load_branch_config
from ui.common.charts import ACCENT, Chart, nice_top
from ui.supervisor.charts import DayChartsPanel

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

LI_NA = TellerTimes("T1001", "Li Na", 2, 240.0, 300.0)
KIM = TellerTimes("T1002", "Kim Min-jun", 3, 360.0, 300.0)


def _day(waiting: int = 4, arrivals=(3, 2), tellers=(LI_NA,)) -> DayCharts:
    return DayCharts(
        queue_length=((9.0, 2), (9.2, waiting)),
        wait_histogram=(1, 2) + (0,) * 18,
        buckets=(9.0, 9.25),
        arrivals=arrivals,
        served=(1, 1),
        tellers=tellers,
    )


def _items(panel: DayChartsPanel) -> list[object]:
    return [item for chart in (panel.queue, panel.waits, panel.flow, panel.tellers) for item in chart.plotItem.items]


def _count_updates(monkeypatch, items) -> list[str]:
    """Every setData/setOpts/setTicks call on the charts' items, by name."""
    calls: list[str] = []
    for item in items:
        for name in ("setData", "setOpts", "setValue", "setTicks"):
            if hasattr(item, name):
                original = getattr(item, name)
                monkeypatch.setattr(item, name, lambda *a, _o=original, _n=name, **k: (calls.append(_n), _o(*a, **k)))
    return calls


@pytest.fixture
def panel(qtbot):
    panel = DayChartsPanel()
    qtbot.addWidget(panel)
    panel.resize(900, 600)
    panel.show()
    return panel


def test_the_same_data_again_keeps_and_leaves_alone_every_item(qtbot, panel, monkeypatch):
    config = load_branch_config()
    panel.show_charts(_day(), config, 9.5)
    before = _items(panel)
    ranges = [chart.viewRange() for chart in (panel.queue, panel.waits, panel.flow, panel.tellers)]
    calls = _count_updates(monkeypatch, before)
    ticks = _count_updates(monkeypatch, [c.getAxis("bottom") for c in (panel.queue, panel.flow, panel.tellers)])
    panel.show_charts(_day(), config, 9.5)
    assert _items(panel) == before  # the same objects, in the same order: nothing removed and added again
    assert all(a is b for a, b in zip(_items(panel), before, strict=True))
    assert calls == [] and ticks == []  # and none of them given its data again
    assert [chart.viewRange() for chart in (panel.queue, panel.waits, panel.flow, panel.tellers)] == ranges


def test_changed_data_shows_in_the_same_items(qtbot, panel):
    config = load_branch_config()
    panel.show_charts(_day(), config, 9.5)
    before = _items(panel)
    panel.show_charts(_day(waiting=9, arrivals=(3, 6), tellers=(LI_NA, KIM)), config, 9.75)
    assert all(a is b for a, b in zip(_items(panel), before, strict=True)) and len(_items(panel)) == len(before)
    xs, ys = panel.queue.line.getData()
    assert list(ys) == [2, 9, 9] and xs[-1] == pytest.approx(9.75)  # the last level lasts until now
    assert list(panel.flow.arrived.opts["height"]) == [3, 6]
    assert list(panel.tellers.means.opts["height"]) == [4.0, 6.0]  # minutes
    assert list(panel.tellers.standards.getData()[1]) == [5.0, 5.0]
    names = [label for _, label in panel.tellers.getAxis("bottom")._tickLevels[0]]
    assert names == ["Li Na (2)", "Kim Min-jun (3)"]
    # The scale holds the new figures: 9 waiting under a top of 10.
    assert panel.queue.viewRange()[1][1] == pytest.approx(10.0)
    assert list(panel.waits.bars.opts["height"])[:2] == [1, 2]
    assert panel.waits.target.isVisible() and panel.waits.target.value() == 5.0  # VIP: 5 minutes, the shortest


def test_a_chart_emptied_and_filled_again_shows_its_items(qtbot, panel):
    config = load_branch_config()
    panel.show_charts(_day(), config, 9.5)
    nobody = DayCharts((), (0,) * 20, (), (), (), ())
    panel.show_charts(nobody, config, 9.5)
    assert panel.queue.empty.shown and not panel.queue.line.isVisible() and not panel.waits.target.isVisible()
    panel.show_charts(_day(waiting=5), config, 9.5)
    assert not panel.queue.empty.shown and panel.queue.line.isVisible() and panel.waits.target.isVisible()
    assert list(panel.queue.line.getData()[1]) == [2, 5, 5]


def test_a_new_language_renames_the_legend_without_new_items(qtbot, panel):
    config = load_branch_config()
    panel.show_charts(_day(), config, 9.5)
    before = _items(panel)
    panel.flow.show_buckets((9.0,), (1,), (1,), ("llegados", "atendidos"))
    assert [label.text for _, label in panel.flow._legend.items] == ["llegados", "atendidos"]
    assert all(a is b for a, b in zip(_items(panel), before, strict=True))


@pytest.mark.parametrize(
    ("value", "top"), [(0, 1.0), (0.5, 1.0), (4, 5.0), (7, 8.0), (9, 10.0), (40, 50.0), (47, 60.0), (950, 1200.0)]
)
def test_the_scale_top_leaves_room_and_moves_in_nice_steps(value, top):
    assert nice_top(value) == pytest.approx(top)
    assert nice_top(value) >= value * 1.08 or value == 0


def test_the_first_minutes_of_the_day_have_clock_labels(qtbot):
    """Early in the morning the queue chart spans less than an hour: quarter hours label it, not nothing."""
    from ui.common.charts import QueueLengthChart

    chart = QueueLengthChart()
    qtbot.addWidget(chart)
    chart.show_steps([(10.12, 3), (10.14, 7)], 10.15)
    labels = [label for _, label in chart._ticks]
    assert {"10:00", "10:15"} <= set(labels)
    chart.show_steps([(9.0, 3), (16.5, 7)], 16.6)
    labels = [label for _, label in chart._ticks]
    assert "12:00" in labels and "12:15" not in labels  # a whole day: hours only


def test_long_teller_names_are_cut_to_their_slot_and_shown_whole_when_there_is_room(qtbot):
    from ui.common.charts import TellerTimesChart

    chart = TellerTimesChart()
    qtbot.addWidget(chart)
    chart.resize(400, 300)
    names = [f"Simulated teller T-C{i}" for i in range(8)]
    chart.show_tellers(names, [3.0] * 8, [4.0] * 8, ("mean", "standard"))
    narrow = [label for _, label in chart._ticks]
    # Cut in the middle: the ends that tell tellers apart stay.
    assert all("…" in label for label in narrow) and len(set(narrow)) == 8
    chart.resize(3000, 300)
    chart.show()  # a hidden widget gets its resize when shown, as the hidden tab does
    qtbot.waitUntil(lambda: [label for _, label in chart._ticks] == names)


def test_the_grid_is_drawn_behind_the_bars_not_over_them(qtbot):
    # pyqtgraph's axes draw the grid and stack over the view of the data: every bar was striped by the grid's lines.
    chart = Chart()
    qtbot.addWidget(chart)
    chart.resize(400, 300)
    chart.addItem(pg.BarGraphItem(x=[0.0], height=[10.0], width=0.8, brush=ACCENT, pen=None))
    chart.setXRange(-1, 1, padding=0)
    chart.setYRange(0, 12, padding=0)
    chart.show()
    qtbot.waitExposed(chart)
    image = chart.grab().toImage()
    view = chart.getPlotItem().vb
    colours = set()
    for tenth in range(5, 96):  # up the bar's middle (x = 0 is a grid line), from 0.5 to 9.5
        point = chart.mapFromScene(view.mapViewToScene(QPointF(0.0, tenth / 10.0)))
        colours.add(image.pixelColor(point.x(), point.y()).name())
    assert colours == {ACCENT}
