"""The supervisor's "Marketing" tab: cross-sell conversion per rule, teller, tier or week over a period,
as a table and a chart of prompts offered against accepted.

The figures come from CrossSellService.report on the runner's thread (the service checks the role).
"""

from __future__ import annotations

import logging
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.marketing.crosssell_service import CrossSellService
from models.staff.session import StaffSession
from queueing.core.errors import DomainError
from queueing.crosssell.report import ConversionLine, CrossSellReport, Dimension
from ui.common.branch_time import python_date
from ui.common.charts import ConversionChart
from ui.common.empty_state import EmptyNote
from ui.common.object_name import named
from ui.common.row_table_model import RowTableModel
from ui.common.runner import Runner
from ui.common.window_tab import DeskTab
from ui.reports.crosssell_texts import conversion_rate, report_texts
from ui.supervisor.refusals import refusal_text

log = logging.getLogger(__name__)
NUMBERS = ("offered", "interested", "accepted", "declined", "referred", "not_offered")


class ConversionModel(RowTableModel):
    """The lines of one grouping, then the total (in bold)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dimension = Dimension.RULE
        self.total: ConversionLine | None = None

    def show(self, report: CrossSellReport | None, dimension: Dimension) -> None:
        self.dimension = dimension
        self.total = report.total if report else None
        self.set_rows((*report.lines[dimension], report.total) if report else ())

    def headers(self) -> tuple[str, ...]:
        t = report_texts()
        return (t[self.dimension], *(t[n] for n in NUMBERS), t["conversion"])

    def cells(self, line: ConversionLine) -> tuple[str, ...]:
        key = report_texts()["total"] if line is self.total else line.key
        rate = conversion_rate(line.conversion)  # the language's decimal mark (es: 12,5 %)
        return (key, *(str(getattr(line, n)) for n in NUMBERS), rate)

    def role_data(self, line: ConversionLine, role: int) -> Any:
        if role == Qt.ItemDataRole.FontRole and line is self.total:
            font = QFont()
            font.setBold(True)
            return font
        return None


class MarketingPanel(DeskTab):
    def __init__(
        self, crosssell: CrossSellService, actor: StaffSession, today: date, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.crosssell = crosssell
        self.actor = actor
        self.language = "en"
        self.report: CrossSellReport | None = None
        self.runner = Runner(self)
        first = today.replace(day=1)
        self.first = named(QDateEdit(QDate(first.year, first.month, first.day)), "fromDate")
        self.last = named(QDateEdit(QDate(today.year, today.month, today.day)), "toDate")
        for edit in (self.first, self.last):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        self.group = named(QComboBox(), "groupBy")
        for dimension in Dimension:
            self.group.addItem("", dimension.value)
        self.from_label, self.to_label, self.group_label = QLabel(), QLabel(), QLabel()
        self.refresh_button = QPushButton()
        self.summary = QLabel()
        self.status = QLabel(wordWrap=True)
        self.model = ConversionModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.chart = ConversionChart()
        self.table_empty = EmptyNote(self.table)
        top = QHBoxLayout()
        for widget in (self.from_label, self.first, self.to_label, self.last, self.group_label, self.group):
            top.addWidget(widget)
        top.addWidget(self.refresh_button)
        top.addStretch(1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.table)
        split.addWidget(self.chart)
        split.setSizes([320, 300])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(split, 1)
        layout.addWidget(self.status)
        self.refresh_button.clicked.connect(self.reload)
        self.group.currentIndexChanged.connect(lambda _i: self._paint())
        self.retranslate()
        self.reload()

    def tab_title(self) -> str:
        return self.tr("Marketing")

    def retranslate(self) -> None:
        t = report_texts()
        self.table_empty.set_text(self.tr("No cross-sell prompts in the chosen period"))
        self.chart.empty.set_text(self.tr("No cross-sell prompts in the chosen period"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("to"))
        self.group_label.setText(t["dimension"])
        for index, dimension in enumerate(Dimension):
            self.group.setItemText(index, t[dimension])
        self.refresh_button.setText(self.tr("Show"))
        self._paint()

    def dimension(self) -> Dimension:
        return Dimension(self.group.currentData())

    def period(self) -> tuple[date, date]:
        return python_date(self.first.date()), python_date(self.last.date())

    def reload(self) -> None:
        first, last = self.period()
        if last < first:
            self.status.setText(self.tr("The period ends before it starts."))
            return
        self.status.setText("")
        self.runner.submit(lambda: self.crosssell.report(self.actor, first, last), self._shown, self._failed)

    def _shown(self, report: CrossSellReport) -> None:
        self.report = report
        self._paint()

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, DomainError):
            self.status.setText(self.tr("Not done: %1").replace("%1", refusal_text(exc)))
        else:
            log.error("cross-sell report failed: %s", exc)
            self.status.setText(self.tr("Not done: the store could not be reached. Please try again."))

    def _paint(self) -> None:
        t, dimension = report_texts(), self.dimension()
        self.model.show(self.report, dimension)
        self.chart.set_texts(
            self.tr("Prompts offered and accepted by %1").replace("%1", t[dimension].lower()), t["offered"], ""
        )
        if self.report is None:
            self.summary.setText("")
            return
        lines = self.report.lines[dimension]
        self.chart.show_lines(
            [line.key for line in lines],
            [line.offered for line in lines],
            [line.accepted for line in lines],
            (t["offered"], t["accepted"]),
        )
        self.chart.show_nothing(not lines)
        total = self.report.total
        rate = conversion_rate(total.conversion)
        self.summary.setText(
            self.tr("%1 offered, %2 interested, %3 accepted, %4 declined; conversion %5")
            .replace("%1", str(total.offered))
            .replace("%2", str(total.interested))
            .replace("%3", str(total.accepted))
            .replace("%4", str(total.declined))
            .replace("%5", rate)
        )

    def closeEvent(self, event) -> None:
        self.runner.wait()
        super().closeEvent(event)
