"""The Administration screen's dialogs: a new account, a new PIN (typed twice), a new role, a counter.

The dialogs only gather what was typed and check that the two PINs agree; every rule (PIN length for
the role, names, the last administrator) is the staff or branch service's, and its refusal is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.branch.records import CounterView
from queueing.core.categories import BranchConfig
from queueing.core.counters import LEVELS
from queueing.core.roles import Role
from ui.common.accessibility import describe
from ui.common.counter_name import named_counter_phrase
from ui.common.object_name import named

STAFF_ROLES = (Role.TELLER, Role.SUPERVISOR, Role.ADMINISTRATOR)


def role_text(role: str) -> str:
    texts = {
        Role.TELLER.value: QCoreApplication.translate("AdminDialogs", "Teller", "staff role"),
        Role.SUPERVISOR.value: QCoreApplication.translate("AdminDialogs", "Supervisor", "staff role"),
        Role.ADMINISTRATOR.value: QCoreApplication.translate("AdminDialogs", "Administrator", "staff role"),
    }
    return texts.get(role, role)


def differ_text() -> str:
    return QCoreApplication.translate("AdminDialogs", "The two PINs differ.")


class _Form(QDialog):
    """A form with an error line and OK/Cancel; ``check()`` says what is wrong before it closes."""

    def __init__(self, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumWidth(460)
        self.outer = QVBoxLayout(self)
        self.form = QFormLayout()
        self.outer.addLayout(self.form)
        self.error = named(QLabel(), "error")
        self.error.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        # Shared by every form: a literal context, as self.tr here would look under each subclass's name.
        cancel = QCoreApplication.translate("AdminDialogs", "Cancel")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

    def finish(self) -> None:
        self.outer.addWidget(self.error)
        self.outer.addWidget(self.buttons)

    def check(self) -> str:
        return ""

    def _accept(self) -> None:
        problem = self.check()
        self.error.setText(problem)
        if not problem:
            self.accept()


class _PinFields:
    """A new PIN typed twice, hidden."""

    def __init__(self, dialog: _Form, label: str) -> None:
        self.pin = named(QLineEdit(), "newPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = named(QLineEdit(), "newPinAgain")
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        dialog.form.addRow(label, self.pin)
        dialog.form.addRow(QCoreApplication.translate("AdminDialogs", "PIN again"), self.again)

    def differ(self) -> bool:
        return self.pin.text() != self.again.text()


class AddStaffDialog(_Form):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add staff account"))
        self.staff_id = named(QLineEdit(), "newStaffId")
        self.name = named(QLineEdit(), "newStaffName")
        self.role = named(QComboBox(), "newStaffRole")
        for role in STAFF_ROLES:
            self.role.addItem(role_text(role.value), role.value)
        self.form.addRow(self.tr("Staff ID"), self.staff_id)
        self.form.addRow(self.tr("Name"), self.name)
        self.form.addRow(self.tr("Role"), self.role)
        self.pins = _PinFields(self, self.tr("PIN"))
        self.form.addRow(QLabel(self.tr("Tellers: 4 to 12 digits. Supervisors and administrators: 6 to 12."),
                                wordWrap=True))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Add"))
        self.finish()

    def check(self) -> str:
        if self.pins.differ():
            return differ_text()
        return ""

    def values(self) -> tuple[str, str, str, str]:
        return self.staff_id.text(), self.name.text(), self.role.currentData(), self.pins.pin.text()


class PinDialog(_Form):
    def __init__(self, who: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reset PIN of %1").replace("%1", who))
        self.pins = _PinFields(self, self.tr("New PIN"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Reset PIN"))
        self.finish()

    def check(self) -> str:
        return differ_text() if self.pins.differ() else ""

    def new_pin(self) -> str:
        return self.pins.pin.text()


class RoleDialog(_Form):
    """A new role; a new PIN only when the new role needs a longer one (the service says so otherwise)."""

    def __init__(self, who: str, current: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change role of %1").replace("%1", who))
        self.role = named(QComboBox(), "newRole")
        for role in STAFF_ROLES:
            self.role.addItem(role_text(role.value), role.value)
        self.role.setCurrentIndex(max(0, self.role.findData(current)))
        self.form.addRow(self.tr("New role"), self.role)
        self.pins = _PinFields(self, self.tr("New PIN"))
        self.form.addRow(QLabel(self.tr("A new PIN is needed only when the new role needs a longer one."),
                                wordWrap=True))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Change role"))
        self.finish()

    def check(self) -> str:
        return differ_text() if self.pins.differ() else ""

    def values(self) -> tuple[str, str | None]:
        return self.role.currentData(), self.pins.pin.text() or None


class CounterDialog(_Form):
    """A counter's name and the services it takes, each with its precedence (1 first ... 4 only when idle)."""

    def __init__(
        self, config: BranchConfig, language: str, counter: CounterView | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(named_counter_phrase(counter.name, alone=True) if counter else self.tr("New counter"))
        self.counter_id = named(QLineEdit(counter.id if counter else ""), "counterId")
        self.counter_id.setReadOnly(counter is not None)
        self.name = named(QLineEdit(counter.name if counter else ""), "counterName")
        self.form.addRow(self.tr("Counter ID"), self.counter_id)
        self.form.addRow(self.tr("Name"), self.name)
        self.outer.addWidget(
            QLabel(self.tr("Services and precedence (1 = first, 4 = only when nothing better waits)"), wordWrap=True)
        )
        grid = QGridLayout()
        self.rows: dict[str, tuple[QCheckBox, QSpinBox]] = {}
        profile = counter.profile if counter else {}
        for index, (code, category) in enumerate(config.categories.items()):
            check = QCheckBox(category.name(language))
            level = QSpinBox(minimum=min(LEVELS), maximum=max(LEVELS))
            describe(level, self.tr("Precedence of %1").replace("%1", category.name(language)), "")
            check.setChecked(code in profile)
            level.setValue(profile.get(code, 1))
            level.setEnabled(check.isChecked())
            check.toggled.connect(level.setEnabled)
            grid.addWidget(check, index, 0)
            grid.addWidget(level, index, 1)
            self.rows[code] = (check, level)
        self.outer.addLayout(grid)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save"))
        self.finish()

    def check(self) -> str:
        return "" if self.profile() else self.tr("Choose at least one service for the counter.")

    def profile(self) -> dict[str, int]:
        return {code: level.value() for code, (check, level) in self.rows.items() if check.isChecked()}

    def values(self) -> tuple[str, str, dict[str, int]]:
        return self.counter_id.text().strip().upper(), self.name.text(), self.profile()
