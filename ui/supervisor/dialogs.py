"""The supervisor's dialogs: a counter's profile, moving a waiting ticket, opening a counter for a teller."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.branch.records import CounterView, TicketView
from queueing.core.categories import BranchConfig
from queueing.core.counters import LEVELS
from ui.common.counter_name import named_counter_phrase


def _buttons(dialog: QDialog) -> QDialogButtonBox:
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    box.accepted.connect(dialog.accept)
    box.rejected.connect(dialog.reject)
    return box


class ProfileDialog(QDialog):
    """Which categories a counter serves, each with its precedence level (1 first ... 4 only when idle)."""

    def __init__(
        self, counter: CounterView, config: BranchConfig, language: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        # Window-modal: in the demo the kiosk, display and other windows stay usable meanwhile.
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Profile of %1", "a counter").replace("%1", named_counter_phrase(counter.name)))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.name = QLineEdit(counter.name)
        form.addRow(self.tr("Name"), self.name)
        layout.addLayout(form)
        layout.addWidget(QLabel(self.tr("Services and precedence (1 = first, 4 = only when nothing better waits)")))
        grid = QGridLayout()
        self.rows: dict[str, tuple[QCheckBox, QSpinBox]] = {}
        for index, (code, category) in enumerate(config.categories.items()):
            check = QCheckBox(category.name(language))
            level = QSpinBox(minimum=min(LEVELS), maximum=max(LEVELS))
            check.setChecked(code in counter.profile)
            level.setValue(counter.profile.get(code, 1))
            level.setEnabled(check.isChecked())
            check.toggled.connect(level.setEnabled)
            grid.addWidget(check, index, 0)
            grid.addWidget(level, index, 1)
            self.rows[code] = (check, level)
        layout.addLayout(grid)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)

    def profile(self) -> dict[str, int]:
        return {code: level.value() for code, (check, level) in self.rows.items() if check.isChecked()}


class MoveTicketDialog(QDialog):
    """Send a waiting ticket to another service's queue or to one counter; it keeps its place in time."""

    def __init__(
        self,
        ticket: TicketView,
        counters: tuple[CounterView, ...],
        config: BranchConfig,
        language: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # Window-modal: in the demo the kiosk, display and other windows stay usable meanwhile.
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Move ticket %1").replace("%1", ticket.number))
        layout = QVBoxLayout(self)
        self.to_category = QRadioButton(self.tr("To another service"))
        self.to_counter = QRadioButton(self.tr("To one counter"))
        self.to_category.setChecked(True)
        self.categories = QComboBox()
        for code, category in config.categories.items():
            if code != ticket.category:
                self.categories.addItem(category.name(language), code)
        self.counters = QComboBox()
        for counter in counters:
            self.counters.addItem(named_counter_phrase(counter.name, alone=True), counter.id)
        for widget in (self.to_category, self.categories, self.to_counter, self.counters):
            layout.addWidget(widget)
        self.buttons = _buttons(self)
        layout.addWidget(self.buttons)

    def target(self) -> tuple[str | None, str | None]:
        """(category, counter): one of them is set."""
        if self.to_category.isChecked():
            return self.categories.currentData(), None
        return None, self.counters.currentData()


class OpenCounterDialog(QDialog):
    """Open a closed counter, optionally for a named teller."""

    def __init__(self, counter: CounterView, staff: dict[str, str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Window-modal: in the demo the kiosk, display and other windows stay usable meanwhile.
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Open %1", "a counter").replace("%1", named_counter_phrase(counter.name)))
        layout = QFormLayout(self)
        self.staff = QComboBox()
        self.staff.addItem(self.tr("No teller yet"), None)
        for staff_id, name in sorted(staff.items(), key=lambda item: item[1]):
            self.staff.addItem(f"{name} ({staff_id})", staff_id)
        layout.addRow(self.tr("Teller"), self.staff)
        self.buttons = _buttons(self)
        layout.addRow(self.buttons)

    def staff_id(self) -> str | None:
        return self.staff.currentData()
