"""The supervisor's charts. The only module that imports pyqtgraph: every other module asks for a chart here.

PySide6 is imported first and PYQTGRAPH_QT_LIB set, so pyqtgraph binds to PySide6 even where PyQt is installed.
"""

from __future__ import annotations

import math
import os
from collections.abc import Sequence

os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

# isort: off
import PySide6.QtCore  # noqa: F401  (PySide6 first, so pyqtgraph binds to it)
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QGraphicsItem, QWidget

from ui.common.empty_state import EmptyNote

# isort: on

INK = "#1f2a37"
MUTED = "#5b6b7d"
ACCENT = "#1d5fa8"
SECOND = "#2e7d4f"
WARN = "#b7791f"
GRID_ALPHA = 0.25

pg.setConfigOptions(antialias=True, background="w", foreground=INK)


def _hour_ticks(low: float, high: float) -> list[tuple[float, str]]:
    """Clock labels over hours of the day ``low``..``high``: every hour on a long day, every quarter or half
    hour early in the morning, so that a chart of the first minutes is not left without a single label."""
    span = high - low
    step = 0.25 if span <= 1.5 else 0.5 if span <= 3.0 else 1.0
    first, last = math.floor(low / step), math.ceil(high / step) + 1
    ticks = []
    for k in range(first, last + 1):
        minutes = round(k * step * 60)
        ticks.append((k * step, f"{minutes // 60:02d}:{minutes % 60:02d}"))
    return ticks


NICE_STEPS = (1.0, 1.2, 1.5, 2.0, 2.5, 3.0, 4.0, 5.0, 6.0, 8.0, 10.0)


def nice_top(value: float) -> float:
    """The top of a scale that holds ``value`` with some room: 1, 1.2, 1.5, 2 ... 8, 10 times a power of ten.

    A scale that moves only by these steps stays put while the figures grow, so its axis is not drawn again."""
    wanted = value * 1.08
    if wanted <= 1.0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(wanted))
    return next(step * power for step in NICE_STEPS if step * power >= wanted)


def _cached(item: QGraphicsItem) -> None:
    """Painted once into a pixmap and blitted after, until the item changes: an axis draws dozens of labels,
    and a refresh that leaves the scale alone then costs a copy instead of drawing every tick label again."""
    item.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)


class Chart(pg.PlotWidget):
    """A plot with our look: white, light grid, muted axes, a title set from the caller's tr() text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMinimumHeight(220)
        item = self.getPlotItem()
        item.showGrid(x=True, y=True, alpha=GRID_ALPHA)
        item.setMenuEnabled(False)
        item.hideButtons()
        self.setMouseEnabled(x=False, y=False)
        font = QFont(self.font())
        font.setPointSizeF(8.5)
        for name in ("left", "bottom"):
            axis = item.getAxis(name)
            axis.setTextPen(pg.mkPen(MUTED))
            axis.setPen(pg.mkPen("#c3ccd6"))
            axis.setStyle(tickFont=font)
            axis.enableAutoSIPrefix(False)  # hours, minutes and customers: never "time of day (x0.001)"
            # Behind the plot: the axis draws the grid, and pyqtgraph stacks it over the data (z 0.5), which
            # striped every bar with the grid's lines.
            axis.setZValue(-1)
            _cached(axis)
            _cached(axis.label)
        _cached(item.titleLabel)
        self._legend: pg.LegendItem | None = None
        self._legend_names: tuple[str, ...] = ()
        self._ticks: object = None
        self._names: tuple[tuple[float, ...], tuple[str, ...]] | None = None
        self._drawn: object = None  # what the items show now: the same data again changes nothing
        self._range: object = None
        self.empty = EmptyNote(self)  # what an empty chart means, set by the panel that fills it

    def show_nothing(self, nothing: bool) -> None:
        """With nothing to plot: no axes, legend or marks (a grid of 0.1 ... 0.9 means nothing), only the note.

        The marks are hidden, not removed: a chart that keeps its items (the day's charts) shows them again
        with the next data."""
        item = self.getPlotItem()
        for mark in item.items:
            mark.setVisible(not nothing)
        for name in ("left", "bottom"):
            item.showAxis(name, not nothing)
        if self._legend is not None:
            self._legend.setVisible(not nothing)
        item.showGrid(x=not nothing, y=not nothing, alpha=GRID_ALPHA)
        self.empty.set_shown(nothing)

    def set_texts(self, title: str, left: str, bottom: str) -> None:
        item = self.getPlotItem()
        item.setTitle(title, color=INK, size="11pt")
        item.setLabel("left", left, color=MUTED)
        item.setLabel("bottom", bottom, color=MUTED)

    def _legend_on(self) -> None:
        if self._legend is None:
            self._legend = self.getPlotItem().addLegend(offset=(-10, 10), labelTextColor=INK)
            _cached(self._legend)
        self._legend.clear()
        self._legend_names = ()

    def _name_items(self, items: Sequence[pg.GraphicsObject], names: Sequence[str]) -> None:
        """The legend of a chart that keeps its items: rebuilt only when the names change (a new language)."""
        if tuple(names) == self._legend_names:
            return
        self._legend_on()
        assert self._legend is not None
        for item, name in zip(items, names, strict=True):
            self._legend.addItem(item, name)
        self._legend_names = tuple(names)

    def _bottom_ticks(self, ticks: list[tuple[float, str]]) -> None:
        """Set only when they change: new ticks make the axis lay out and draw its labels again."""
        if ticks != self._ticks:
            self._ticks = ticks
            self.getAxis("bottom").setTicks([ticks])

    def _name_ticks(self, xs: Sequence[float], names: Sequence[str]) -> None:
        """Names under bars, each cut with an ellipsis to the width of its slot (long teller names ran into
        each other); cut again when the chart is resized, since a hidden tab is filled before it has a width."""
        self._names = (tuple(xs), tuple(names))
        self._fit_names()

    def _fit_names(self) -> None:
        named = getattr(self, "_names", None)  # resized once inside PlotWidget's own __init__, before ours ran
        if named is None or getattr(self, "plotItem", None) is None:  # or after close() let the plot go
            return
        xs, names = named
        axis = self.getAxis("bottom")
        metrics = QFontMetrics(axis.style.get("tickFont") or self.font())
        slot = self.width() * 0.85 / max(1, len(names)) - 6
        labels = [metrics.elidedText(name, Qt.TextElideMode.ElideMiddle, max(24, int(slot))) for name in names]
        self._bottom_ticks(list(zip(xs, labels, strict=True)))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit_names()

    def _view_range(self, xs: tuple[float, float], y_top: float) -> None:
        """Set the shown range only when it changes (the day's charts do not range themselves on their data:
        autoranging moved the scale, and so redrew both axes, at every refresh)."""
        wanted = (xs, y_top)
        if wanted != self._range:
            self._range = wanted
            # Room around the data, so that the labels at the ends (0, the last hour) are not cut off.
            x_room, y_room = (xs[1] - xs[0]) * 0.04, y_top * 0.06
            self.getPlotItem().vb.setRange(
                xRange=(xs[0] - x_room, xs[1] + x_room), yRange=(-y_room, y_top), padding=0.0
            )

    def _same_as_drawn(self, data: object) -> bool:
        """True when ``data`` is what the chart shows already; otherwise remembers it as drawn."""
        if data == self._drawn:
            return True
        self._drawn = data
        return False


def _bars(brush: object, **opts: object) -> pg.BarGraphItem:
    """An empty bar series, filled later with setOpts (x, height)."""
    return pg.BarGraphItem(x=[], height=[], width=1.0, brush=brush, pen=None, **opts)


class QueueLengthChart(Chart):
    """Customers waiting over the day: a step line. Its two items are made once and given new data."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # The fill and the line are two items: a filled step curve would also stroke its closing edge down to zero.
        # Steps are level and upright: drawn without antialiasing they look the same, at a fraction of the cost.
        self.fill = self.plot(
            [], [], stepMode="right", pen=None, fillLevel=0, brush=QColor(29, 95, 168, 50), antialias=False
        )
        self.line = self.plot([], [], stepMode="right", pen=pg.mkPen(ACCENT, width=2), antialias=False)

    def show_steps(self, points: Sequence[tuple[float, int]], now_hour: float) -> None:
        if self._same_as_drawn((tuple(points), now_hour)):
            return
        if not points:
            self.fill.setData([], [])
            self.line.setData([], [])
            return
        xs = [p[0] for p in points] + [max(now_hour, points[-1][0])]
        ys = [p[1] for p in points] + [points[-1][1]]  # the last level lasts until now
        self.fill.setData(xs, ys)
        self.line.setData(xs, ys)
        # From the half hour before the first ticket to the quarter hour after now: moves every 15 minutes.
        start, end = math.floor(xs[0] * 2) / 2, math.ceil(xs[-1] * 4 + 1e-9) / 4
        self._view_range((start, end), nice_top(max(ys)))
        self._bottom_ticks(_hour_ticks(start, end))


class WaitHistogramChart(Chart):
    """How long the day's customers waited, in bins of ``bin_min`` minutes, target marked: the called ones by
    their wait, those still waiting by their wait so far, stacked on them in another colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.bars = _bars(ACCENT)
        self.waiting = _bars(QColor(183, 121, 31, 150))
        self.addItem(self.bars)
        self.addItem(self.waiting)
        pen = pg.mkPen(WARN, width=2, style=pg.QtCore.Qt.DashLine)
        label_opts = {"position": 0.9, "color": WARN, "anchors": [(0, 0.5), (0, 0.5)]}
        self.target = pg.InfiniteLine(0.0, angle=90, pen=pen, label="", labelOpts=label_opts)
        self.addItem(self.target)
        self._has_target = False

    def show_bins(
        self,
        bins: Sequence[int],
        bin_min: float,
        target_min: float | None,
        target_label: str = "",
        waiting: Sequence[int] = (),
        names: tuple[str, str] | None = None,
    ) -> None:
        """``bins``: the called customers by wait; ``waiting``: those still waiting by their wait so far (the same
        bins, or none); ``names``: the legend's words for the two."""
        if names is not None:
            self._name_items((self.bars, self.waiting), names)
        waiting = tuple(waiting) or (0,) * len(bins)
        if self._same_as_drawn((tuple(bins), waiting, bin_min, target_min, target_label)):
            return
        xs = [i * bin_min + bin_min / 2 for i in range(len(bins))]
        self.bars.setOpts(x=xs, height=list(bins), width=bin_min * 0.85)
        self.waiting.setOpts(x=xs, y0=list(bins), height=list(waiting), width=bin_min * 0.85)
        self._has_target = target_min is not None
        if target_min is not None:
            self.target.setValue(target_min)
            self.target.label.setFormat(target_label)
        self.target.setVisible(self._has_target)
        ticks = [(i * bin_min, f"{i * bin_min:g}") for i in range(0, len(bins) + 1, 2)]
        ticks[-1] = (ticks[-1][0], f"{ticks[-1][0]:g}+")
        self._bottom_ticks(ticks)
        tallest = max((b + w for b, w in zip(bins, waiting, strict=True)), default=0)
        self._view_range((0.0, len(bins) * bin_min), nice_top(tallest))

    def show_nothing(self, nothing: bool) -> None:
        super().show_nothing(nothing)
        self.target.setVisible(not nothing and self._has_target)  # shown only with a target to mark


class ArrivalsServedChart(Chart):
    """Arrivals against customers served, per quarter hour, as paired bars."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.arrived = _bars(ACCENT)
        self.served = _bars(SECOND)
        self.addItem(self.arrived)
        self.addItem(self.served)

    def show_buckets(
        self, starts: Sequence[float], arrivals: Sequence[int], served: Sequence[int], names: tuple[str, str]
    ) -> None:
        self._name_items((self.arrived, self.served), names)
        if self._same_as_drawn((tuple(starts), tuple(arrivals), tuple(served))):
            return
        width = 0.25 / 2.4
        self.arrived.setOpts(x=[s + 0.125 - width / 2 for s in starts], height=list(arrivals), width=width)
        self.served.setOpts(x=[s + 0.125 + width / 2 for s in starts], height=list(served), width=width)
        if starts:
            self._bottom_ticks(_hour_ticks(starts[0], starts[-1]))
            self._view_range((starts[0], starts[-1] + 0.25), nice_top(max((*arrivals, *served))))


class TellerTimesChart(Chart):
    """Mean service time per teller (horizontal bars would crowd names; vertical bars with the names below)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.means = _bars(ACCENT)
        self.addItem(self.means)
        self.standards = self.plot([], [], pen=None, symbol="d", symbolSize=14, symbolBrush=WARN, symbolPen=None)

    def show_tellers(
        self, names: Sequence[str], minutes: Sequence[float], standard: Sequence[float], legend: tuple[str, str]
    ) -> None:
        """Bars: each teller's mean; a marker: the standard time of the mix that teller served."""
        self._name_items((self.means, self.standards), legend)
        if self._same_as_drawn((tuple(names), tuple(minutes), tuple(standard))):
            return
        xs = list(range(len(names)))
        self.means.setOpts(x=xs, height=list(minutes), width=0.6)
        self.standards.setData(xs, list(standard))
        self._name_ticks(xs, names)
        self._view_range((-0.5, len(names) - 0.5), nice_top(max((*minutes, *standard), default=0.0)))


class StaffingChart(Chart):
    """Counters advised against counters planned, per hour of the day."""

    def show_hours(
        self, hours: Sequence[int], advised: Sequence[int], planned: Sequence[int | None], names: tuple[str, str]
    ) -> None:
        self.clear()
        self._legend_on()
        xs = [h + 0.5 for h in hours]
        self.addItem(pg.BarGraphItem(x=xs, height=list(advised), width=0.6, brush=ACCENT, pen=None, name=names[0]))
        plan_x = [x for x, p in zip(xs, planned, strict=True) if p is not None]
        plan_y = [p for p in planned if p is not None]
        self.plot(plan_x, plan_y, pen=None, symbol="t1", symbolSize=14, symbolBrush=WARN, symbolPen=None, name=names[1])
        if hours:
            self.getAxis("bottom").setTicks([[(h + 0.5, f"{h:02d}") for h in hours]])


class UnitsPerTellerChart(Chart):
    """The piece-rate report's units per teller: standard units and net units (after quality and cross-sell)."""

    def show_units(
        self, names: Sequence[str], standard: Sequence[float], net: Sequence[float], legend: tuple[str, str]
    ) -> None:
        self.clear()
        self._legend_on()
        width = 0.35
        xs = list(range(len(names)))
        left = [x - width / 2 for x in xs]
        right = [x + width / 2 for x in xs]
        self.addItem(
            pg.BarGraphItem(x=left, height=list(standard), width=width, brush=ACCENT, pen=None, name=legend[0])
        )
        self.addItem(pg.BarGraphItem(x=right, height=list(net), width=width, brush=SECOND, pen=None, name=legend[1]))
        self._ticks = None  # cleared with the items
        self._name_ticks(xs, names)
        self.setXRange(-0.5, len(names) - 0.5, padding=0.02)


class ServiceTimesChart(Chart):
    """Each teller's service times as a box plot: the box spans the quartiles, a bar marks the median,
    whiskers reach the shortest and the longest visit."""

    def show_boxes(self, names: Sequence[str], five_numbers_min: Sequence[tuple[float, ...]]) -> None:
        """``five_numbers_min``: per teller (min, q1, median, q3, max) in minutes, or () without visits."""
        self.clear()
        xs = [x for x, five in enumerate(five_numbers_min) if five]
        boxes = [five for five in five_numbers_min if five]
        if boxes:
            self.addItem(
                pg.BarGraphItem(
                    x=xs,
                    y0=[b[1] for b in boxes],
                    y1=[b[3] for b in boxes],
                    width=0.5,
                    brush=QColor(29, 95, 168, 90),
                    pen=pg.mkPen(ACCENT, width=1.5),
                )
            )
            segments_x: list[float] = []
            segments_y: list[float] = []
            for x, (low, q1, median, q3, high) in zip(xs, boxes, strict=True):
                segments_x += [x, x, x, x, x - 0.25, x + 0.25]
                segments_y += [low, q1, q3, high, median, median]
            self.plot(segments_x, segments_y, connect="pairs", pen=pg.mkPen(INK, width=2))
        self._ticks = None
        self._name_ticks(range(len(names)), names)
        self.setXRange(-0.5, len(names) - 0.5, padding=0.02)  # tellers without visits keep their place


class ConversionChart(Chart):
    """Cross-sell prompts offered and accepted per rule, teller, tier or week, side by side."""

    def show_lines(
        self, keys: Sequence[str], offered: Sequence[int], accepted: Sequence[int], legend: tuple[str, str]
    ) -> None:
        self.clear()
        self._legend_on()
        width = 0.38
        xs = list(range(len(keys)))
        self.addItem(
            pg.BarGraphItem(
                x=[x - width / 2 for x in xs], height=list(offered), width=width, brush=ACCENT, pen=None,
                name=legend[0],
            )
        )
        self.addItem(
            pg.BarGraphItem(
                x=[x + width / 2 for x in xs], height=list(accepted), width=width, brush=SECOND, pen=None,
                name=legend[1],
            )
        )
        self._ticks = None
        self._name_ticks(xs, keys)
        if keys:
            self.setXRange(-0.5, len(keys) - 0.5, padding=0.02)
