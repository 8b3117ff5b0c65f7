"""The supervisor's piece-rate panel and the quality dialog, on a small month in a store."""

import csv

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from records_harness import MONTH, SUPERVISOR, build_month
from staff_sessions import session_of

from models.store.database import open_store
from queueing.core.roles import Role
from queueing.records.visits import QualityKind
from ui.reports.piece_rate_models import TELLER_COLUMNS
from ui.reports.piece_rate_panel import PieceRatePanel, month_of
from ui.supervisor.quality_dialog import CorrectionRequest, QualityDialog, QualityRequest

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def month(tmp_path):
    store = open_store(str(tmp_path / "store.db"))
    yield build_month(store)
    store.close()


@pytest.fixture
def panel(qtbot, month):
    widget = PieceRatePanel(month.records, SUPERVISOR, "Riverside branch")
    qtbot.addWidget(widget)
    widget.set_period(*MONTH)
    with qtbot.waitSignal(widget.sig_report_ready):
        widget.refresh()
    yield widget
    widget.runner.wait()


def _row(panel, teller):
    return next(r for r in range(panel.model.rowCount()) if panel.model.teller_at(r) == teller)


def test_one_row_per_teller_then_the_total(panel):
    model = panel.model
    assert model.rowCount() == 5
    names = [model.index(r, 1).data() for r in range(5)]
    assert set(names[:4]) == {"王小明", "김민지", "Ana Peña", "Carlos Núñez"} and names[4] == "Branch total"
    assert model.index(4, 2).data() == "18"  # visits, branch total
    raw = Qt.ItemDataRole.UserRole
    assert model.index(4, 0).data(raw) is None and model.index(4, 3).data(raw) == pytest.approx(31.1)
    assert model.headerData(2, Qt.Orientation.Horizontal) == "Visits"
    assert "18 visits" in panel.totals.text()
    paused = [key for key, _, _ in TELLER_COLUMNS].index("paused_h")
    t2 = _row(panel, "T2")  # a 15-minute break on each of three days
    assert model.index(t2, paused).data() == "0.8"
    assert model.index(t2, paused).data(Qt.ItemDataRole.ToolTipRole) == "Break: 0.8"


def test_charts_and_visits_follow_the_report(panel):
    assert len(panel.units_chart.getPlotItem().items) == 2  # standard and net bars
    assert len(panel.service_chart.getPlotItem().items) == 2  # boxes and whiskers
    panel.table.selectRow(_row(panel, "T1"))
    assert panel.visits_model.rowCount() == 6
    assert panel.visits_title.text() == "Visits of 王小明"
    panel.table.selectRow(_row(panel, "T4"))
    assert panel.visits_model.rowCount() == 0


def test_a_visit_names_its_counter_and_outcome_as_the_supervisor_knows_them(qtbot, panel):
    panel.table.selectRow(_row(panel, "T1"))
    model = panel.visits_model
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    row = {header: model.index(0, c).data() for c, header in enumerate(headers)}
    assert row["Counter"] == "Counter 1" and row["Outcome"] == "Completed", row
    dialog = panel.open_quality(0)
    qtbot.addWidget(dialog)
    assert " at counter 1, " in dialog.summary.text(), dialog.summary.text()
    dialog.close()


def test_a_quality_mark_from_the_panel_changes_the_report(qtbot, panel):
    panel.table.selectRow(_row(panel, "T2"))
    visit = panel.visits_model.visit_at(0)
    before = panel.report.rows[[r.teller for r in panel.report.rows].index("T2")].output.errors_major
    with qtbot.waitSignal(panel.sig_report_ready):
        panel.apply(visit, QualityRequest(QualityKind.ERROR_MAJOR, "wrong account"))
    row = next(r for r in panel.report.rows if r.teller == "T2")
    assert row.output.errors_major == before + 1


def test_a_teller_may_not_mark_quality(qtbot, panel):
    panel.actor = session_of("B1", "T1", Role.TELLER, "ST1")
    panel.table.selectRow(_row(panel, "T2"))
    with qtbot.waitSignal(panel.sig_failed) as failed:
        panel.apply(panel.visits_model.visit_at(0), QualityRequest(QualityKind.COMPLAINT, ""))
    assert "may not" in failed.args[0]


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_exports(qtbot, panel, tmp_path, fmt):
    path = tmp_path / f"report.{fmt}"
    with qtbot.waitSignal(panel.sig_exported) as done:
        panel.export(fmt, str(path))
    assert done.args == [str(path)]
    assert path.stat().st_size > 0
    if fmt == "csv":
        names = {row["Name"] for row in csv.DictReader(path.open(encoding="utf-8-sig"))}
        assert "王小明" in names and "Branch total" in names


def test_month_of():
    assert month_of(MONTH[0].replace(day=17)) == MONTH


def test_the_dialog_needs_a_reason_to_correct(qtbot, month):
    visit = month.records.visit(month.tickets[2])  # corrected once in the harness
    dialog = QualityDialog(visit, month.records.catalogue, {"T1": "王小明", "T3": "Ana Peña"})
    qtbot.addWidget(dialog)
    history = dialog.history.toPlainText()
    # The original stays visible: the lines before and after the correction.
    assert ("corrected by S1 (card was not issued): Transactions: Account opening x1, Debit card issuance x1 → "
            "Account opening x1") in history
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled()  # the quality tab needs no reason
    dialog.kind_buttons[QualityKind.COMPLAINT].setChecked(True)
    dialog.note.setText("rude")
    assert dialog.request() == QualityRequest(QualityKind.COMPLAINT, "rude")
    dialog.tabs.setCurrentIndex(1)
    assert not ok.isEnabled()
    dialog.reason.setText("typo")
    assert ok.isEnabled()
    unchanged = dialog.request()
    assert isinstance(unchanged, CorrectionRequest) and unchanged.transactions is None
    dialog.lines.cellWidget(0, 1).setValue(2)
    changed = dialog.request()
    assert changed.transactions[0].quantity == 2 and changed.reason == "typo"


def test_a_failed_report_is_told_in_a_window_modal_box_that_does_not_wait(panel):
    """In the demo an application-modal box here froze the kiosk and the station."""
    panel.show()
    panel._failed(RuntimeError("the store could not be reached"))
    box = panel.failure_box
    assert box.isVisible() and box.windowModality() == Qt.WindowModality.WindowModal
    assert box.text() == "the store could not be reached"
    box.close()


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_an_export_that_cannot_be_written_says_so(qtbot, panel, tmp_path, fmt):
    """A folder that is gone (a network drive that dropped): the supervisor is told, nothing says exported."""
    path = tmp_path / "gone" / f"report.{fmt}"
    exported = []
    panel.sig_exported.connect(exported.append)
    with qtbot.waitSignal(panel.sig_failed) as failed:
        panel.export(fmt, str(path))
    panel.runner.wait()
    assert "report." + fmt in failed.args[0] and exported == [] and not path.exists()


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "pdf"])
def test_an_export_that_fails_half_way_keeps_the_earlier_file(qtbot, panel, tmp_path, fmt, monkeypatch):
    path = tmp_path / f"report.{fmt}"
    path.write_bytes(b"last month's export")
    from ui.reports import piece_rate_pdf

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    # Each writer fails after it opened the file: the PDF once printed, the CSV after its header line, the XLSX
    # inside its zip.
    printed = piece_rate_pdf.QTextDocument.print_

    def print_then_fail(document, writer):
        printed(document, writer)
        broken()

    monkeypatch.setattr(piece_rate_pdf.QTextDocument, "print_", print_then_fail)
    real_writer = csv.writer

    def writer_failing_after_the_header(handle, *args, **kwargs):
        real = real_writer(handle, *args, **kwargs)
        lines = []

        def writerow(row):
            lines.append(real.writerow(row))
            if len(lines) > 1:
                broken()

        return type("Writer", (), {"writerow": staticmethod(writerow), "writerows": staticmethod(broken)})()

    monkeypatch.setattr("csv.writer", writer_failing_after_the_header)
    monkeypatch.setattr("openpyxl.writer.excel.ExcelWriter.write_data", broken)
    with qtbot.waitSignal(panel.sig_failed):
        panel.export(fmt, str(path))
    panel.runner.wait()
    assert path.read_bytes() == b"last month's export"
    assert [p.name for p in tmp_path.iterdir() if p.name != "store.db" and not p.name.startswith("store.db")] == [
        f"report.{fmt}"
    ]


def test_this_and_last_month_are_the_branchs_months_not_utcs(qtbot, month):
    """1 December 07:30 in Shanghai is still 30 November in UTC: the supervisor running last month's pay on the
    first morning got October."""
    from datetime import UTC, date, datetime

    assert month.records.timezone == "Asia/Shanghai"
    month.clock.set(datetime(2026, 11, 30, 23, 30, tzinfo=UTC))
    panel = PieceRatePanel(month.records, SUPERVISOR, "Riverside branch")
    qtbot.addWidget(panel)
    assert panel.period_dates() == (date(2026, 12, 1), date(2026, 12, 31))
    with qtbot.waitSignal(panel.sig_report_ready, timeout=10000):
        panel.last_month.click()
    assert panel.period_dates() == (date(2026, 11, 1), date(2026, 11, 30))
    panel.runner.wait()


def test_an_export_is_named_for_the_report_it_holds(qtbot, panel, tmp_path, monkeypatch):
    """Dates changed in the boxes without Show: the file held the report shown but was named for the new dates."""
    from datetime import date

    from PySide6.QtWidgets import QFileDialog

    panel.set_period(date(2026, 12, 1), date(2026, 12, 31))
    suggested = {}

    def save_as(_parent, _title, name, pattern):
        suggested["name"] = name
        return str(tmp_path / name), pattern

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(save_as))
    with qtbot.waitSignal(panel.sig_exported, timeout=10000):
        panel._ask_export("csv")
    first, last = MONTH
    assert suggested["name"] == f"piece-rate_{first.isoformat()}_{last.isoformat()}.csv"
    with open(tmp_path / suggested["name"], encoding="utf-8-sig") as handle:
        total = list(csv.reader(handle))[-1]
        assert total[:2] == [first.isoformat(), last.isoformat()]  # the file says its period, as its name does
        assert int(total[5]) == panel.report.totals.output.visits > 0


def test_a_refused_or_unreachable_report_is_told_in_the_supervisors_language(panel, qapp):
    """The box showed the service's English message ("postgresql://…: connection refused", "role teller may not
    view_reports") to a supervisor working in Chinese."""
    from models.store.errors import StoreUnavailable
    from queueing.core.roles import PermissionDenied
    from ui.common.i18n import LanguageManager

    i18n = LanguageManager(qapp)
    i18n.set_language("zh_CN")
    try:
        panel.show()
        panel._failed(StoreUnavailable("postgresql://branch/counterline: connection refused"))
        assert panel.failure_box.text() == "无法连接网点数据库。未做任何更改，请重试。"
        panel.failure_box.close()
        panel._failed(PermissionDenied("role teller may not view_reports"))
        assert panel.failure_box.text() == "您的角色无权执行此操作。"
        panel.failure_box.close()
    finally:
        i18n.set_language("en")


def test_a_pdf_cut_short_by_a_full_disk_keeps_the_earlier_file(qtbot, panel, tmp_path):
    """Qt does not report a failed write: the PDF stopped where the disk filled up, was taken for done and
    replaced last month's file with a document no reader opens. The full disk here is a file-size limit
    (its writes fail as a full disk's do, with SIGXFSZ ignored as Qt would need it)."""
    import resource  # POSIX, as CI is: a file-size limit is the only way to fill a disk from inside a test
    import signal

    path = tmp_path / "report.pdf"
    path.write_bytes(b"last month's export")
    exported, failed = [], []
    panel.sig_exported.connect(exported.append)
    panel.sig_failed.connect(failed.append)
    previous = signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    soft, hard = resource.getrlimit(resource.RLIMIT_FSIZE)
    resource.setrlimit(resource.RLIMIT_FSIZE, (20_000, hard))
    try:
        panel.export("pdf", str(path))
    finally:
        resource.setrlimit(resource.RLIMIT_FSIZE, (soft, hard))
        signal.signal(signal.SIGXFSZ, previous)
    assert path.read_bytes() == b"last month's export"
    assert exported == [] and failed and "report.pdf" in failed[0]


def test_a_period_that_ends_before_it_starts_is_said_in_the_supervisors_language(qtbot, panel, qapp):
    """The service's refusal came up as its English message, dates and all, on a Chinese supervisor's screen."""
    from datetime import date

    from ui.common.i18n import LanguageManager

    i18n = LanguageManager(qapp)
    i18n.set_language("zh_CN")
    try:
        panel.set_period(date(2026, 11, 30), date(2026, 11, 1))
        with qtbot.waitSignal(panel.sig_failed) as failed:
            panel.refresh()
        panel.runner.wait()
        assert failed.args == ["结束日期早于开始日期。"] and panel.refresh_button.isEnabled()
    finally:
        i18n.uninstall()
