"""Staffing advice for the next working day: counters needed per hour next to the counters planned."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QPushButton, QVBoxLayout, QWidget

from queueing.supervisor.staffing import StaffingHour
from ui.common.accessibility import describe
from ui.common.charts import StaffingChart
from ui.common.empty_state import EmptyNote
from ui.common.object_name import named
from ui.supervisor.queue import _item, _table

SHORT = QColor("#b83a3a")


class StaffingPanel(QWidget):
    sig_refresh_requested = Signal()
    """Emitted when the supervisor asks to compute the advice again."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.title = named(QLabel(wordWrap=True), "sectionTitle")  # "Recomendación de personal para el martes…"
        self.note = named(QLabel(wordWrap=True), "muted")
        self.refresh = QPushButton()
        self.refresh.clicked.connect(self.sig_refresh_requested)
        top.addWidget(self.title)
        top.addStretch(1)
        top.addWidget(self.refresh)
        layout.addLayout(top)
        layout.addWidget(self.note)
        body = QHBoxLayout()
        self.table = _table(7)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        body.addWidget(self.table, 3)
        self.chart = StaffingChart()
        body.addWidget(self.chart, 2)
        layout.addLayout(body, 1)
        self.table_empty = EmptyNote(self.table)
        self.rows: list[StaffingHour] = []
        self.day: date | None = None
        self.retranslate()

    def retranslate(self) -> None:
        self.refresh.setText(self.tr("Compute again"))
        describe(self.refresh, self.refresh.text(), self.tr("Computes the staffing advice again from the history"))
        describe(self.table, self.tr("Staffing advice"), self.tr("One row per hour: arrivals, service time, advice"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Hour"),
                self.tr("Arrivals / h"),
                self.tr("Service (min)"),
                self.tr("Erlang C"),
                self.tr("Simulated level"),
                self.tr("Advised"),
                self.tr("Planned"),
            ]
        )
        self.note.setText(
            self.tr(
                "Counters needed to serve the target share of customers within the target wait, from the last four "
                "weeks of arrivals on this weekday, computed with Erlang C and checked by simulating the branch."
            )
        )
        self.chart.set_texts(self.tr("Counters per hour"), self.tr("counters"), self.tr("hour"))
        no_history = self.tr(
            "No history yet: the advice needs arrivals on this weekday in the past weeks. It appears once the "
            "branch has served customers on this weekday."
        )
        self.table_empty.set_text(no_history)
        self.chart.empty.set_text(no_history)

    def show_busy(self) -> None:
        self.title.setText(self.tr("Computing the staffing advice…"))

    def show_advice(self, day: date, rows: list[StaffingHour], date_text: str, level: float) -> None:
        if not any(row.arrivals_per_hour for row in rows):
            rows = []  # an hour without history is not "0 counters needed": say there is none yet
        self.day, self.rows = day, rows
        self.title.setText(
            self.tr("Staffing advice for %1 (target: %2 within the target wait)")
            .replace("%1", date_text)
            .replace("%2", f"{level:.0%}")
        )
        self.table.setRowCount(len(rows))
        for index, row in enumerate(rows):
            simulated = f"{row.simulated_level:.0%}" if row.simulated_level is not None else "—"
            cells = [
                _item(f"{row.hour:02d}:00"),
                # The language's decimal mark (es: 12,5): a dot there groups thousands.
                _item(QLocale().toString(row.arrivals_per_hour, "f", 1), True),
                _item(QLocale().toString(row.mean_service_s / 60, "f", 1) if row.mean_service_s else "—", True),
                _item(f"{row.erlang_counters}  ({row.erlang_level:.0%})", True),
                _item(simulated, True),
                _item(str(row.advised), True),
                _item("—" if row.planned is None else str(row.planned), True),
            ]
            if row.planned is not None and row.planned < row.advised:
                cells[6].setForeground(QBrush(SHORT))
            for column, cell in enumerate(cells):
                self.table.setItem(index, column, cell)
        self.chart.show_hours(
            [r.hour for r in rows],
            [r.advised for r in rows],
            [r.planned for r in rows],
            (self.tr("advised"), self.tr("planned")),
        )
        self.chart.show_nothing(not rows)
