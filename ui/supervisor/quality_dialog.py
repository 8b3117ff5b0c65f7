"""The supervisor's dialog on one visit: record an error (minor or major) or a complaint, or correct the record.

The dialog only collects what the supervisor decides; the panel hands it to
RecordsService (which checks the role) off the GUI thread. The record's history
(quality marks and corrections with the values before and after) is shown read-only:
a correction never erases the original.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTableWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from queueing.core.tickets import TransactionLine, VisitOutcome
from queueing.core.transaction_types import TransactionCatalogue
from queueing.records.visits import QualityKind, VisitLine, VisitRecord
from ui.common.branch_time import branch_stamp
from ui.common.counter_name import counter_phrase
from ui.common.placeholders import fill
from ui.common.plain_label import plain_label
from ui.common.strings import visit_outcome_text

QUALITY_TAB, CORRECT_TAB = 0, 1


@dataclass(frozen=True)
class QualityRequest:
    kind: QualityKind
    note: str


@dataclass(frozen=True)
class CorrectionRequest:
    reason: str
    transactions: tuple[TransactionLine, ...] | None = None
    teller: str | None = None
    outcome: str | None = None
    void_quality: tuple[str, ...] = field(default_factory=tuple)


def _number(value: float, decimals: int) -> str:
    """A figure with the interface language's separators (es: 4.100,00): QLocale's default follows the language."""
    return QLocale().toString(float(value), "f", decimals)


def _lines_text(lines: tuple[VisitLine, ...], names: Mapping[str, str] | None = None) -> str:
    """The lines as a supervisor reads them: each type by its name in the interface language, not its code."""
    names = names or {}

    def one(line: VisitLine) -> str:
        text = f"{names.get(line.code, line.code)} x{line.quantity:g}"
        return f"{text} ({_number(line.amount, 2)})" if line.amount else text

    return ", ".join(one(line) for line in lines)


class QualityDialog(QDialog):
    def __init__(
        self,
        visit: VisitRecord,
        catalogue: TransactionCatalogue,
        staff: Mapping[str, str],
        language: str = "en",
        parent: QWidget | None = None,
        counter_names: Mapping[str, str] | None = None,
    ) -> None:
        super().__init__(parent)
        # Window-modal: in the demo the kiosk, display and other windows stay usable meanwhile.
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.visit = visit
        self.catalogue = catalogue
        self.staff = dict(staff)
        self.language = language
        self.counter_names = dict(counter_names or {})
        self.setMinimumWidth(560)
        layout = QVBoxLayout(self)
        self.summary = plain_label(word_wrap=True)  # names a teller: shown as typed, never as markup
        self.history = QPlainTextEdit(readOnly=True)
        self.history.setMaximumHeight(110)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._quality_tab(), "")
        self.tabs.addTab(self._correct_tab(), "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for widget in (self.summary, self.history, self.tabs, self.buttons):
            layout.addWidget(widget)
        self.tabs.currentChanged.connect(self._check)
        self.reason.textChanged.connect(self._check)
        self.retranslate()
        self._check()

    # -- tabs ------------------------------------------------------------------
    def _quality_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.kinds = QButtonGroup(page)
        row = QHBoxLayout()
        self.kind_buttons: dict[QualityKind, QRadioButton] = {}
        for kind in QualityKind:
            button = QRadioButton()
            self.kinds.addButton(button)
            self.kind_buttons[kind] = button
            row.addWidget(button)
        self.kind_buttons[QualityKind.ERROR_MINOR].setChecked(True)
        self.kind_row = QWidget()
        self.kind_row.setLayout(row)
        self.note = QLineEdit()
        self.kind_label, self.note_label = QLabel(), QLabel()
        form.addRow(self.kind_label, self.kind_row)
        form.addRow(self.note_label, self.note)
        return page

    def _correct_tab(self) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
        self.lines = QTableWidget(0, 3)
        self.lines.verticalHeader().hide()
        self.lines.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.lines.setMinimumHeight(120)
        for line in self.visit.lines:
            self._add_line(line.code, line.quantity, line.amount)
        buttons = QHBoxLayout()
        self.add_line = QPushButton()
        self.add_line.clicked.connect(lambda: self._add_line(next(iter(self.catalogue.types)), 1.0, None))
        self.remove_line = QPushButton()
        self.remove_line.clicked.connect(lambda: self.lines.removeRow(self.lines.currentRow()))
        buttons.addWidget(self.add_line)
        buttons.addWidget(self.remove_line)
        buttons.addStretch(1)
        self.teller = QComboBox()
        for staff_id, name in sorted(self.staff.items(), key=lambda item: item[1]):
            self.teller.addItem(f"{name} ({staff_id})", staff_id)
        if self.visit.teller is not None and self.teller.findData(self.visit.teller) < 0:
            self.teller.addItem(self.visit.teller, self.visit.teller)
        self.teller.setCurrentIndex(max(0, self.teller.findData(self.visit.teller)))
        # The known outcomes only (a correction refuses any other word); one a newer version wrote stays choosable.
        self.outcome = QComboBox()
        for code in VisitOutcome:
            self.outcome.addItem("", code)
        if self.outcome.findData(self.visit.outcome) < 0:
            self.outcome.addItem("", self.visit.outcome)
        self.outcome.setCurrentIndex(self.outcome.findData(self.visit.outcome))
        self.marks = QListWidget()
        self.marks.setMaximumHeight(70)
        for mark in self.visit.quality:
            item = QListWidgetItem()  # its text is set in retranslate()
            item.setData(Qt.ItemDataRole.UserRole, mark.event_id)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.marks.addItem(item)
        self.reason = QLineEdit()
        self.lines_label, self.teller_label, self.outcome_label = QLabel(), QLabel(), QLabel()
        self.marks_label, self.reason_label = QLabel(), QLabel()
        form.addRow(self.lines_label, self.lines)
        form.addRow("", self._row(buttons))
        form.addRow(self.teller_label, self.teller)
        form.addRow(self.outcome_label, self.outcome)
        form.addRow(self.marks_label, self.marks)
        form.addRow(self.reason_label, self.reason)
        return page

    @staticmethod
    def _row(layout: QHBoxLayout) -> QWidget:
        holder = QWidget()
        holder.setLayout(layout)
        return holder

    def _add_line(self, code: str, quantity: float, amount: float | None) -> None:
        row = self.lines.rowCount()
        self.lines.insertRow(row)
        codes = QComboBox()
        for kind in self.catalogue.types.values():
            codes.addItem(f"{kind.code} – {kind.name(self.language)}", kind.code)
        codes.setCurrentIndex(max(0, codes.findData(code)))
        count = QDoubleSpinBox(decimals=0, minimum=1, maximum=10_000, value=quantity)
        money = QDoubleSpinBox(decimals=2, minimum=0, maximum=1e12, value=amount or 0.0)
        money.setGroupSeparatorShown(True)
        self.lines.setCellWidget(row, 0, codes)
        self.lines.setCellWidget(row, 1, count)
        self.lines.setCellWidget(row, 2, money)

    # -- texts -----------------------------------------------------------------
    def retranslate(self) -> None:
        v = self.visit
        self.setWindowTitle(fill(self.tr("Visit %1"), v.number))
        teller = self.staff.get(v.teller or "", v.teller or self.tr("unknown"))
        rating = str(v.rating) if v.rating is not None else "–"
        text = self.tr("Ticket %1 at %2, served by %3; finished %4 after %5 min; rating %6.\nTransactions: %7")
        # One pass: a teller named "%4" keeps their name.
        counter = counter_phrase(v.counter_id, self.counter_names)
        figures = (v.number, counter, teller, branch_stamp(v.finished_at), _number(v.service_s / 60, 1), rating)
        self.summary.setText(fill(text, *figures, _lines_text(v.lines, self._type_names())))
        self.history.setPlainText(self.history_text())
        kinds = self._kind_names()
        for row, mark in enumerate(self.visit.quality):
            self.marks.item(row).setText(f"{kinds[mark.kind]} · {branch_stamp(mark.at)} · {mark.note}")
        self.tabs.setTabText(QUALITY_TAB, self.tr("Record quality"))
        self.tabs.setTabText(CORRECT_TAB, self.tr("Correct the record"))
        for kind, button in self.kind_buttons.items():
            button.setText(kinds[kind])
        for index in range(self.outcome.count()):
            self.outcome.setItemText(index, visit_outcome_text(self.outcome.itemData(index)))
        self.kind_label.setText(self.tr("Kind"))
        self.note_label.setText(self.tr("Note"))
        self.lines.setHorizontalHeaderLabels([self.tr("Transaction"), self.tr("Quantity"), self.tr("Amount")])
        self.add_line.setText(self.tr("Add line"))
        self.remove_line.setText(self.tr("Remove line"))
        self.lines_label.setText(self.tr("Transactions"))
        self.teller_label.setText(self.tr("Teller"))
        self.outcome_label.setText(self.tr("Outcome"))
        self.marks_label.setText(self.tr("Withdraw marks"))
        self.reason_label.setText(self.tr("Reason (required)"))

    def _kind_names(self) -> dict[QualityKind, str]:
        return {
            QualityKind.ERROR_MINOR: self.tr("Minor error"),
            QualityKind.ERROR_MAJOR: self.tr("Major error"),
            QualityKind.COMPLAINT: self.tr("Complaint"),
        }

    def _type_names(self) -> dict[str, str]:
        return {code: kind.name(self.language) for code, kind in self.catalogue.types.items()}

    def history_text(self) -> str:
        names, kinds = self._type_names(), self._kind_names()
        lines = []
        for mark in self.visit.quality:
            text = self.tr("%1: %2 by %3 %4")
            lines.append(fill(text, branch_stamp(mark.at), kinds[mark.kind], mark.by or "?", mark.note))
        for correction in self.visit.corrections:
            changes = "; ".join(
                f"{self._field_name(c.field)}: {_shown_change(c.field, c.before, names)} → "
                f"{_shown_change(c.field, c.after, names)}"
                for c in correction.changes
            )
            text = self.tr("%1: corrected by %2 (%3): %4")
            lines.append(fill(text, branch_stamp(correction.at), correction.by or "?", correction.reason, changes))
        return "\n".join(lines) or self.tr("No quality marks or corrections yet.")

    def _field_name(self, field_key: str) -> str:
        names = {"transactions": self.tr("Transactions"), "teller": self.tr("Teller"),
                 "outcome": self.tr("Outcome"), "void_quality": self.tr("Withdraw marks")}  # fmt: skip
        return names.get(field_key, field_key)

    # -- the answer ------------------------------------------------------------
    def _check(self) -> None:
        ok = self.tabs.currentIndex() == QUALITY_TAB or bool(self.reason.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)

    def request(self) -> QualityRequest | CorrectionRequest:
        if self.tabs.currentIndex() == QUALITY_TAB:
            kind = next(k for k, b in self.kind_buttons.items() if b.isChecked())
            return QualityRequest(kind, self.note.text().strip())
        lines = tuple(self._line(row) for row in range(self.lines.rowCount()))
        original = tuple(TransactionLine(line.code, line.quantity, line.amount) for line in self.visit.lines)
        voided = tuple(
            self.marks.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.marks.count())
            if self.marks.item(i).checkState() == Qt.CheckState.Checked
        )
        return CorrectionRequest(
            reason=self.reason.text().strip(),
            transactions=None if lines == original else lines,
            teller=self.teller.currentData(),
            outcome=self.outcome.currentData(),
            void_quality=voided,
        )

    def _line(self, row: int) -> TransactionLine:
        codes, count, money = (self.lines.cellWidget(row, column) for column in range(3))
        if not (
            isinstance(codes, QComboBox) and isinstance(count, QDoubleSpinBox) and isinstance(money, QDoubleSpinBox)
        ):
            raise TypeError(f"line {row} is not the code, count and amount _add_line put there")
        code, quantity, amount = codes.currentData(), count.value(), money.value()
        return TransactionLine(code, float(quantity), float(amount) if amount > 0 else None)


def _show(value: object, names: Mapping[str, str]) -> str:
    if isinstance(value, tuple) and value and isinstance(value[0], VisitLine):
        return _lines_text(value, names)
    if isinstance(value, tuple):
        return str(len(value))
    return str(value)


def _shown_change(field_key: str, value: object, names: Mapping[str, str]) -> str:
    """A corrected field's value before or after: an outcome by its name, the rest as _show says."""
    return visit_outcome_text(str(value)) if field_key == "outcome" else _show(value, names)
