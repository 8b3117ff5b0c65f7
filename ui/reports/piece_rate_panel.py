"""The supervisor's piece-rate panel: a period, a row per teller, branch totals, two charts, exports.

Every query and export runs off the GUI thread through the Runner; the panel only
shows what comes back. Selecting a teller lists their visits; "Quality / correct…"
opens the dialog on a visit, and the change goes through RecordsService (which checks
the supervisor's role), after which the report is built again.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.reports.export import write_csv, write_xlsx
from models.reports.head_office import StoreBranch, records_for, store_branches
from models.reports.records_service import RecordsService
from models.staff.session import StaffSession
from models.store.atomic_file import replaced_on_success
from models.store.errors import StoreError
from queueing.core.errors import DomainError
from queueing.core.roles import Role
from queueing.records.visits import VisitRecord
from queueing.reports.piece_rate import PieceRateScheme, load_scheme
from queueing.reports.piece_rate_report import PieceRateReport
from ui.common.branch_time import branch_now, python_date, qt_date, set_branch_zone
from ui.common.charts import ServiceTimesChart, UnitsPerTellerChart
from ui.common.empty_state import EmptyNote
from ui.common.runner import Runner
from ui.common.window_tab import WindowTab
from ui.reports.piece_rate_models import TellerTableModel, VisitsTableModel, format_value
from ui.reports.piece_rate_pdf import write_pdf
from ui.reports.piece_rate_texts import chart_texts, column_headers, total_label
from ui.supervisor.quality_dialog import CorrectionRequest, QualityDialog, QualityRequest
from ui.supervisor.refusals import refusal_text

EXPORT_FORMATS = ("csv", "xlsx", "pdf")


def month_of(day: date) -> tuple[date, date]:
    first = day.replace(day=1)
    following = (first + timedelta(days=32)).replace(day=1)
    return first, following - timedelta(days=1)


def _button(on_click: Callable[..., object]) -> QPushButton:
    button = QPushButton()
    button.clicked.connect(on_click)
    return button



class PieceRatePanel(WindowTab):
    sig_report_ready = Signal(object)
    """A report was built and shown: carries the PieceRateReport."""

    sig_exported = Signal(str)
    """An export was written: carries the file path."""

    sig_failed = Signal(str)
    """A query, export or change failed: carries the message shown to the supervisor."""

    def __init__(
        self,
        records: RecordsService,
        actor: StaffSession,
        branch_name: str,
        scheme_path: Path | str | None = None,
        language: str = "en",
        runner: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        set_branch_zone(records.timezone)  # the visit list's times are the branch's, as its days are
        self.records = records
        self.actor = actor
        self.branch_name = branch_name
        self.scheme_path = scheme_path
        self.language = language
        self.runner = runner or Runner(self)
        self.report: PieceRateReport | None = None
        self.visits: list[VisitRecord] = []
        self.counter_names: dict[str, str] = {}
        # An administrator at head office may look at any branch of the store; changes stay the home branch's.
        self.home_records, self.home_name = records, branch_name
        self._build()
        first, last = month_of(records.today())
        self.set_period(first, last)
        self.retranslate()
        if actor.role is Role.ADMINISTRATOR:
            store = records.store
            self.runner.submit(lambda: store_branches(store), self._show_branches, self._failed)

    # -- layout ----------------------------------------------------------------
    def _build(self) -> None:
        self.first, self.last = QDateEdit(), QDateEdit()
        for editor in (self.first, self.last):
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("yyyy-MM-dd")
        self.this_month = _button(lambda: self._month(0))
        self.last_month = _button(lambda: self._month(-1))
        self.refresh_button = _button(self.refresh)
        self.export_buttons = {fmt: _button(lambda _=False, f=fmt: self._ask_export(f)) for fmt in EXPORT_FORMATS}
        self.from_label, self.to_label = QLabel(), QLabel()
        self.branch_label, self.branch_box = QLabel(), QComboBox()
        self.branch_box.activated.connect(lambda _: self.refresh())
        # Two rows: the period, then the exports; in one row the Spanish labels needed more than 1024 px.
        period, exports = QHBoxLayout(), QHBoxLayout()
        top = QVBoxLayout()
        top.addLayout(period)
        top.addLayout(exports)
        for widget in (self.branch_label, self.branch_box):
            widget.hide()  # shown to an administrator when the store holds several branches
            period.addWidget(widget)
        for control in (
            self.from_label,
            self.first,
            self.to_label,
            self.last,
            self.this_month,
            self.last_month,
            self.refresh_button,
        ):
            period.addWidget(control)
        period.addStretch(1)
        exports.addStretch(1)
        for button in self.export_buttons.values():
            exports.addWidget(button)
        self.totals = QLabel(wordWrap=True)
        self.totals.setObjectName("figure")
        self.model = TellerTableModel(self)
        self.table = self._view(self.model)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _: self._show_visits(current.row()))
        self.units_chart, self.service_chart = UnitsPerTellerChart(), ServiceTimesChart()
        self.visits_model = VisitsTableModel(self)
        self.visits_view = self._view(self.visits_model)
        self.visits_view.doubleClicked.connect(lambda index: self.open_quality(index.row()))
        self.visits_title = QLabel()
        self.quality_button = _button(lambda: self.open_quality(self.visits_view.currentIndex().row()))
        charts = QSplitter(Qt.Orientation.Horizontal)
        charts.addWidget(self.units_chart)
        charts.addWidget(self.service_chart)
        visits = QWidget()
        visits_layout = QVBoxLayout(visits)
        visits_layout.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.visits_title, 1)
        row.addWidget(self.quality_button)
        visits_layout.addLayout(row)
        visits_layout.addWidget(self.visits_view)
        body = QSplitter(Qt.Orientation.Vertical)
        for part in (self.table, charts, visits):
            body.addWidget(part)
        body.setSizes([260, 260, 180])
        self.table_empty, self.visits_empty = EmptyNote(self.table), EmptyNote(self.visits_view)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.totals)
        layout.addWidget(body, 1)

    @staticmethod
    def _view(model: TellerTableModel | VisitsTableModel) -> QTableView:
        view = QTableView()
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.verticalHeader().hide()
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return view

    def retranslate(self) -> None:
        nothing = self.tr("No visits in the chosen period")
        self.table_empty.set_text(nothing)
        for chart in (self.units_chart, self.service_chart):
            chart.empty.set_text(nothing)
        self.visits_empty.set_text(self.tr("Choose a teller above to see the visits"))
        self.branch_label.setText(self.tr("Branch"))
        self.from_label.setText(self.tr("From"))
        self.to_label.setText(self.tr("To"))
        self.this_month.setText(self.tr("This month"))
        self.last_month.setText(self.tr("Last month"))
        self.refresh_button.setText(self.tr("Show"))
        for fmt, button in self.export_buttons.items():
            button.setText(self.tr("Export %1…").replace("%1", fmt.upper()))
        self.quality_button.setText(self.tr("Quality / correct…"))
        texts = chart_texts()
        self.units_chart.set_texts(texts["units_title"], texts["units_axis"], "")
        self.service_chart.set_texts(texts["service_title"], texts["service_axis"], "")
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.model.columnCount() - 1)
        self._show_totals()
        self._show_visits(self.table.currentIndex().row())
        if self.report is not None:
            self._show_charts(self.report)

    # -- the period and the report ---------------------------------------------
    def set_period(self, first: date, last: date) -> None:
        self.first.setDate(qt_date(first))
        self.last.setDate(qt_date(last))

    def period_dates(self) -> tuple[date, date]:
        return python_date(self.first.date()), python_date(self.last.date())

    def _month(self, offset: int) -> None:
        first, _ = month_of(self.records.today())
        if offset < 0:
            first = month_of(first - timedelta(days=1))[0]
        self.set_period(*month_of(first))
        self.refresh()

    def scheme(self) -> PieceRateScheme:
        # Read on every refresh: a changed scheme file gives a new report from the same records.
        return load_scheme(self.scheme_path)

    # -- the branch (an administrator's choice) ----------------------------------
    def _show_branches(self, branches: list[StoreBranch]) -> None:
        if len(branches) < 2:
            return
        self.branch_box.clear()
        for branch in branches:
            self.branch_box.addItem(f"{branch.name} ({branch.id})", branch)
        self.branch_box.setCurrentIndex(next(i for i, b in enumerate(branches) if b.id == self.home_records.branch_id))
        self.branch_label.show()
        self.branch_box.show()

    def chosen_branch(self) -> StoreBranch | None:
        """The branch chosen in the box; None when there is no choice (the home branch)."""
        return self.branch_box.currentData() if self.branch_box.count() else None

    def _records_of(self, branch: StoreBranch | None) -> RecordsService:
        """The home branch's records, or (on a worker thread: it reads the store) another branch's, read-only."""
        if branch is None or branch.id == self.home_records.branch_id:
            return self.home_records
        if self.records.branch_id == branch.id:
            return self.records
        return records_for(self.home_records.store, branch, self.home_records.catalogue)

    def refresh(self) -> None:
        first, last = self.period_dates()
        if last < first:  # said here, in the supervisor's language: the service would refuse it in English
            self._say(self.tr("The period ends before it starts."))
            return
        branch = self.chosen_branch()

        def work() -> tuple[RecordsService, str, PieceRateReport, list[VisitRecord], dict[str, str]]:
            records = self._records_of(branch)
            period = records.period(first, last)
            name = branch.name if branch is not None and records is not self.home_records else self.home_name
            report = records.report(self.actor, period, self.scheme())
            return records, name, report, records.visits(period), records.counter_names()

        self.refresh_button.setEnabled(False)
        self.runner.submit(work, self._shown, self._failed)

    def _shown(self, result: tuple[RecordsService, str, PieceRateReport, list[VisitRecord], dict[str, str]]) -> None:
        self.refresh_button.setEnabled(True)
        self.records, self.branch_name, self.report, self.visits, self.counter_names = result
        # Marks and corrections are made for the home branch only, as the branch's own events.
        self.quality_button.setEnabled(self.records is self.home_records)
        selected = self.model.teller_at(self.table.currentIndex().row())
        self.model.set_report(self.report)
        self._show_totals()
        self._show_charts(self.report)
        rows = [r for r in range(self.model.rowCount()) if self.model.teller_at(r) == selected]
        self.table.selectRow(rows[0] if rows else 0)
        self.sig_report_ready.emit(self.report)

    def _failed(self, exc: Exception) -> None:
        # A refusal or a lost store in the supervisor's language; a file that could not be written names its path.
        self._say(refusal_text(exc) if isinstance(exc, DomainError | StoreError) else str(exc))

    def _say(self, message: str) -> None:
        self.refresh_button.setEnabled(True)
        self.sig_failed.emit(message)
        if self.isVisible():
            # Window-modal and not waited for: in the demo the kiosk and the station stay usable meanwhile.
            box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Piece-rate report"), message, parent=self)
            box.setTextFormat(Qt.TextFormat.PlainText)  # a path or a name that looks like HTML is shown as typed
            box.setWindowModality(Qt.WindowModality.WindowModal)
            box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            self.failure_box = box
            box.open()

    def _show_totals(self) -> None:
        report = self.report
        if report is None:
            self.totals.setText(self.tr("Choose a period and press Show."))
            return
        t = report.totals
        self.totals.setText(
            self.tr("%1: %2 tellers, %3 visits, %4 standard units, %5 net units, pay %6 %7; %8 visits without a teller")
            .replace("%1", total_label())
            .replace("%2", str(t.tellers))
            .replace("%3", str(t.output.visits))
            .replace("%4", format_value(t.output.standard_units, "units"))
            .replace("%5", format_value(t.net_units, "units"))
            .replace("%6", format_value(t.pay, "money"))
            .replace("%7", report.currency)
            .replace("%8", str(t.unassigned_visits))
        )

    def _show_charts(self, report: PieceRateReport) -> None:
        names = [bar.name for bar in report.units_chart]
        texts = chart_texts()
        self.units_chart.show_units(
            names,
            [b.standard_units for b in report.units_chart],
            [b.net_units for b in report.units_chart],
            (texts["standard"], texts["net"]),
        )
        minutes = [tuple(v / 60 for v in d.five_numbers) for d in report.service_chart]
        self.service_chart.show_boxes([d.name for d in report.service_chart], minutes)
        for chart in (self.units_chart, self.service_chart):
            chart.show_nothing(not names)

    def _show_visits(self, row: int) -> None:
        teller = self.model.teller_at(row)
        name = next((line.name for line in self.model.lines if line.teller == teller), "")
        visits = [v for v in self.visits if teller is not None and v.teller == teller]
        self.visits_model.set_visits(visits, self.counter_names, self.records.timezone)
        self.visits_title.setText(self.tr("Visits of %1").replace("%1", name) if teller else self.tr("Visits"))

    # -- quality and corrections -----------------------------------------------
    def open_quality(self, row: int) -> QualityDialog | None:
        """Open the dialog on the visit in ``row`` of the visits table (modeless; returns it)."""
        visit = self.visits_model.visit_at(row)
        if visit is None or self.records is not self.home_records:
            return None
        names = {line.teller: line.name for line in self.model.lines if line.teller}
        dialog = QualityDialog(visit, self.records.catalogue, names, self.language, self, self.counter_names)
        dialog.accepted.connect(lambda: self.apply(visit, dialog.request()))
        dialog.open()
        return dialog

    def apply(self, visit: VisitRecord, request: QualityRequest | CorrectionRequest) -> None:
        records, actor = self.records, self.actor
        if isinstance(request, QualityRequest):

            def work() -> VisitRecord:
                return records.record_quality(actor, visit.ticket_id, request.kind, request.note)
        else:

            def work() -> VisitRecord:
                return records.correct(
                    actor,
                    visit.ticket_id,
                    request.reason,
                    request.transactions,
                    request.teller,
                    request.outcome,
                    request.void_quality,
                )

        self.runner.submit(work, lambda _: self.refresh(), self._failed)

    # -- exports -----------------------------------------------------------------
    def _ask_export(self, fmt: str) -> None:
        if self.report is None:
            return
        # Named for the report that is written, which is the one shown, not for dates edited since.
        first, last = self.report.period.first, self.report.period.last
        suggested = f"piece-rate_{first.isoformat()}_{last.isoformat()}.{fmt}"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export the report"), suggested, f"*.{fmt}")
        if path:
            self.export(fmt, path)

    def export(self, fmt: str, path: str) -> None:
        """Write the shown report to ``path``, whole or not at all (an earlier file stays if writing fails);
        CSV and XLSX off the GUI thread, the PDF (Qt painting) on it."""
        report = self.report
        if report is None:
            return
        headers, total = column_headers(), total_label()
        if fmt == "pdf":
            try:
                with replaced_on_success(path) as part:
                    # Made at head office for another branch: "generated at" in that branch's hours, as its figures.
                    made = branch_now(ZoneInfo(report.period.timezone))
                    write_pdf(report, part, self.branch_name, self.records.type_names(self.language), made)
            except OSError as exc:
                self._failed(exc)
                return
            self.sig_exported.emit(path)
            return
        type_names = self.records.type_names(self.language)

        def work() -> str:
            with replaced_on_success(path) as part:
                if fmt == "csv":
                    write_csv(report, part, headers, total)
                else:
                    write_xlsx(report, part, headers, total, type_names)
            return path

        self.runner.submit(work, self.sig_exported.emit, self._failed)
