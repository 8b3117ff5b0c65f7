"""Finishing a visit: the transaction types done, with quantities; searchable, most used first.

Keyboard: type to search, Up/Down to choose, Enter adds one (again: one more); + and - change the
quantity of the chosen line from the search box as from the chosen lines (no type's name holds them),
Delete removes (in the search box: once it is empty), Tab again to the money amount
of the chosen line (for types whose units count the amount), Ctrl+Enter finishes.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from queueing.core.tickets import TransactionLine
from queueing.core.transaction_types import TransactionCatalogue, TransactionType
from ui.common.object_name import named

_NAVIGATION = (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
# + and = (the unshifted + on many keyboards) add one, - takes one away, Delete removes the line.
_STEPS: dict[int, int] = {Qt.Key.Key_Plus: 1, Qt.Key.Key_Equal: 1, Qt.Key.Key_Minus: -1, Qt.Key.Key_Delete: -(10**6)}


def ordered_types(catalogue: TransactionCatalogue, category: str, habits: list[str]) -> list[TransactionType]:
    """The teller's most used first, then the types of the ticket's category, then the rest."""
    rank = {code: index for index, code in enumerate(habits)}
    offered = {t.code for t in catalogue.for_category(category)}
    types = list(catalogue.types.values())
    position = {t.code: index for index, t in enumerate(types)}
    return sorted(types, key=lambda t: (rank.get(t.code, len(rank)), t.code not in offered, position[t.code]))


class FinishDialog(QDialog):
    def __init__(
        self,
        catalogue: TransactionCatalogue,
        category: str,
        habits: list[str],
        language: str,
        number: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        # Window-modal: in the demo the kiosk, display and other windows stay usable meanwhile.
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setObjectName("finishDialog")
        self.language = language
        self.types = ordered_types(catalogue, category, habits)
        self.quantities: dict[str, int] = {}
        self.amounts: dict[str, float] = {}
        self.by_code = {t.code: t for t in self.types}
        self.search = named(QLineEdit(), "finishSearch")
        self.available = named(QListWidget(), "finishAvailable")
        self.chosen = named(QListWidget(), "finishChosen")
        self.amount = named(QDoubleSpinBox(), "finishAmount")
        self.amount_label = QLabel()
        self.note = named(QLabel(), "error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self._build(number)
        self._filter("")

    def _build(self, number: str) -> None:
        self.setWindowTitle(self.tr("Finish %1").replace("%1", number))
        self.setMinimumSize(760, 460)
        self.search.setPlaceholderText(self.tr("Search transaction types"))
        self.search.textChanged.connect(self._filter)
        self.search.installEventFilter(self)
        self.available.itemActivated.connect(self._add_item)
        self.available.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.chosen.installEventFilter(self)
        self.chosen.currentItemChanged.connect(lambda *_: self._show_amount())
        self.amount.setRange(0, 1e12)
        self.amount.setDecimals(2)
        self.amount.setGroupSeparatorShown(True)
        self.amount.valueChanged.connect(self._amount_changed)
        self.amount_label.setText(self.tr("Amount of the chosen line"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Finish visit"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self).activated.connect(self._accept)
        left = QVBoxLayout()
        left.addWidget(named(QLabel(self.tr("Transaction types (most used first)")), "cardTitle"))
        left.addWidget(self.search)
        left.addWidget(self.available, 1)
        right = QVBoxLayout()
        right.addWidget(named(QLabel(self.tr("Done in this visit")), "cardTitle"))
        right.addWidget(self.chosen, 1)
        right.addWidget(self.amount_label)
        right.addWidget(self.amount)
        hint = self.tr("Enter adds one · + / − change the quantity · Delete removes · Ctrl+Enter finishes")
        right.addWidget(named(QLabel(hint, wordWrap=True), "muted"))
        columns = QHBoxLayout()
        columns.addLayout(left, 3)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns, 1)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.search.setFocus()

    def _name(self, kind: TransactionType) -> str:
        return kind.name(self.language)

    def _filter(self, text: str) -> None:
        needle = text.strip().casefold()
        self.available.clear()
        for kind in self.types:
            haystack = f"{self._name(kind)} {kind.name('en')} {kind.code}".casefold()
            if not needle or needle in haystack:
                item = QListWidgetItem(self._name(kind))
                item.setData(Qt.ItemDataRole.UserRole, kind.code)
                self.available.addItem(item)
        self.available.setCurrentRow(0)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.search:
                return self._search_key(event)
            if watched is self.chosen:
                return self._chosen_key(event)
        return super().eventFilter(watched, event)

    def _search_key(self, event: QKeyEvent) -> bool:
        if event.key() in _NAVIGATION:
            self.available.keyPressEvent(event)
            return True
        deleting_text = event.key() == Qt.Key.Key_Delete and bool(self.search.text())
        if event.key() in _STEPS and not deleting_text and self.chosen.currentItem() is not None:
            return self._chosen_key(event)
        plain = event.modifiers() in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.KeypadModifier)
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            item = self.available.currentItem()
            # One press, one line: an Enter held down repeats, and each repeat added one more of the type (units paid).
            if item is not None and not event.isAutoRepeat():
                self._add_item(item)
            return True
        return False

    def _chosen_key(self, event: QKeyEvent) -> bool:
        item = self.chosen.currentItem()
        if item is None:
            return False
        code = item.data(Qt.ItemDataRole.UserRole)
        if event.key() not in _STEPS:
            return False
        self._change(code, _STEPS[event.key()])
        return True

    def _current_code(self) -> str | None:
        item = self.chosen.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def _show_amount(self) -> None:
        """The amount field follows the chosen line; only types whose units count money take one."""
        code = self._current_code()
        kind = self.by_code.get(code) if code else None
        takes_amount = kind is not None and kind.rule.over == "amount"
        self.amount.blockSignals(True)
        self.amount.setValue(self.amounts.get(code, 0.0) if code is not None and takes_amount else 0.0)
        self.amount.blockSignals(False)
        self.amount.setEnabled(takes_amount)

    def _amount_changed(self, value: float) -> None:
        code = self._current_code()
        if code is not None:
            self.amounts[code] = value

    def _add_item(self, item: QListWidgetItem) -> None:
        self._change(item.data(Qt.ItemDataRole.UserRole), 1)
        self.search.selectAll()

    def _change(self, code: str, step: int) -> None:
        quantity = self.quantities.get(code, 0) + step
        if quantity > 0:
            self.quantities[code] = quantity
        else:
            self.quantities.pop(code, None)
            self.amounts.pop(code, None)
        self._show_chosen(code)

    def _show_chosen(self, current: str | None = None) -> None:
        names = {t.code: self._name(t) for t in self.types}
        self.chosen.clear()
        for code, quantity in self.quantities.items():
            item = QListWidgetItem(f"{names.get(code, code)}   × {quantity}")
            item.setData(Qt.ItemDataRole.UserRole, code)
            self.chosen.addItem(item)
            if code == current:
                self.chosen.setCurrentItem(item)
        self._show_amount()
        self.note.clear()

    def lines(self) -> list[TransactionLine]:
        return [
            TransactionLine(code, float(quantity), self.amounts.get(code) or None)
            for code, quantity in self.quantities.items()
        ]

    def _accept(self) -> None:
        if not self.quantities:
            self.note.setText(self.tr("Choose at least one transaction type."))
            return
        self.accept()
