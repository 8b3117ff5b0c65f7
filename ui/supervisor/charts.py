"""The day's four charts on the supervisor's screen: queue length, waits, arrivals against served, teller times."""

from __future__ import annotations

from PySide6.QtWidgets import QGridLayout, QWidget

from models.supervisor.service import HISTOGRAM_BIN_MIN, DayCharts
from queueing.core.categories import BranchConfig
from ui.common.charts import ArrivalsServedChart, QueueLengthChart, TellerTimesChart, WaitHistogramChart
from ui.common.shown_text import shown_text


class DayChartsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(12)
        self.queue = QueueLengthChart()
        self.waits = WaitHistogramChart()
        self.flow = ArrivalsServedChart()
        self.tellers = TellerTimesChart()
        grid.addWidget(self.queue, 0, 0)
        grid.addWidget(self.waits, 0, 1)
        grid.addWidget(self.flow, 1, 0)
        grid.addWidget(self.tellers, 1, 1)
        self.charts: DayCharts | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.queue.set_texts(self.tr("Customers waiting over the day"), self.tr("waiting"), self.tr("time of day"))
        self.waits.set_texts(self.tr("Waits of today's customers"), self.tr("customers"), self.tr("minutes waited"))
        self.flow.set_texts(self.tr("Arrivals and served per 15 minutes"), self.tr("customers"), self.tr("time of day"))
        self.tellers.set_texts(self.tr("Mean service time per teller"), self.tr("minutes"), "")
        for chart in (self.queue, self.waits, self.flow):
            chart.empty.set_text(self.tr("No customers yet today"))
        self.tellers.empty.set_text(self.tr("No visit finished yet today"))

    def show_charts(self, charts: DayCharts, config: BranchConfig, now_hour: float) -> None:
        self.charts = charts
        self.queue.show_steps(charts.queue_length, now_hour)
        targets = [c.target_wait_s / 60 for c in config.categories.values()]
        shortest = min(targets) if targets else None
        label = self.tr("shortest target %1 min").replace("%1", f"{shortest:g}") if shortest else ""
        waited = (self.tr("called"), self.tr("still waiting, so far"))
        self.waits.show_bins(charts.wait_histogram, HISTOGRAM_BIN_MIN, shortest, label, charts.still_waiting, waited)
        self.flow.show_buckets(charts.buckets, charts.arrivals, charts.served, (self.tr("arrived"), self.tr("served")))
        names = [f"{shown_text(t.name)} ({t.served})" for t in charts.tellers]  # a store's row: any text
        minutes = [t.mean_service_s / 60 for t in charts.tellers]
        standard = [t.standard_s / 60 for t in charts.tellers]
        self.tellers.show_tellers(names, minutes, standard, (self.tr("mean"), self.tr("standard")))
        nobody = not any(charts.arrivals)
        for chart in (self.queue, self.waits, self.flow):
            chart.show_nothing(nobody)
        self.tellers.show_nothing(not charts.tellers)
