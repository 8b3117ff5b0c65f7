"""The small station dialogs: pause, transfer, call out of order, return a parked ticket.

Every one works by keyboard alone: arrows choose, Tab moves, Enter confirms, Escape cancels.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.branch.records import CounterView, TicketView
from queueing.core.counters import PauseReason
from ui.common.counter_name import named_counter_phrase
from ui.common.object_name import named
from ui.common.strings import pause_reason_text
from ui.station.window_context import WindowContext, format_duration


class _Dialog(QDialog):
    """Title, body and OK/Cancel buttons; the OK button is the default (Enter)."""

    def __init__(self, name: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        # Window-modal: in the demo the kiosk, display and other windows stay usable meanwhile.
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setObjectName(name)
        self.setMinimumWidth(460)
        self.body = QVBoxLayout(self)
        self.note = named(QLabel(), "error")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setDefault(True)
        cancel = QCoreApplication.translate("StationDialogs", "Cancel")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel)
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)

    def set_texts(self, title: str, ok_text: str) -> None:
        self.setWindowTitle(title)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)

    def finish_layout(self) -> None:
        self.body.addWidget(self.note)
        self.body.addWidget(self.buttons)

    def _accept(self) -> None:
        problem = self.problem()
        if problem:
            self.note.setText(problem)
            return
        self.accept()

    def problem(self) -> str | None:
        return None


def _list(name: str) -> QListWidget:
    widget = named(QListWidget(), name)
    widget.setMinimumHeight(180)
    return widget


class PauseDialog(_Dialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("pauseDialog", parent)
        self.set_texts(self.tr("Pause the counter"), self.tr("Pause"))
        self.reasons = _list("pauseReasons")
        for reason in PauseReason:
            item = QListWidgetItem(pause_reason_text(reason))
            item.setData(Qt.ItemDataRole.UserRole, reason.value)
            self.reasons.addItem(item)
        self.reasons.setCurrentRow(0)
        self.reasons.itemActivated.connect(lambda _item: self._accept())
        self.body.addWidget(QLabel(self.tr("Why do you pause?")))
        self.body.addWidget(self.reasons)
        self.finish_layout()
        self.reasons.setFocus()

    def reason(self) -> str:
        return self.reasons.currentItem().data(Qt.ItemDataRole.UserRole)


class TransferDialog(_Dialog):
    def __init__(self, ctx: WindowContext, ticket: TicketView, counters: tuple[CounterView, ...], parent=None):
        super().__init__("transferDialog", parent)
        self.set_texts(self.tr("Transfer %1").replace("%1", ticket.number), self.tr("Transfer"))
        self.category = named(QComboBox(), "transferCategory")
        self.category.addItem(self.tr("Same service"), None)
        for code in ctx.branch.config.categories:
            if code != ticket.category:
                self.category.addItem(ctx.category_name(code), code)
        self.counter = named(QComboBox(), "transferCounter")
        self.counter.addItem(self.tr("Any counter"), None)
        for counter in counters:
            if counter.id != ctx.counter_id:
                self.counter.addItem(named_counter_phrase(counter.name, alone=True), counter.id)
        self.keep_place = named(QCheckBox(self.tr("Keep the customer's place in the queue")), "transferKeep")
        self.keep_place.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("To service"), self.category)
        form.addRow(self.tr("To counter"), self.counter)
        form.addRow("", self.keep_place)
        self.body.addLayout(form)
        self.finish_layout()
        self.category.setFocus()

    def choice(self) -> tuple[str | None, str | None, bool]:
        return self.category.currentData(), self.counter.currentData(), self.keep_place.isChecked()

    def problem(self) -> str | None:
        if self.category.currentData() is None and self.counter.currentData() is None:
            return self.tr("Choose another service or a counter.")
        return None


def _ticket_item(ctx: WindowContext, ticket: TicketView) -> QListWidgetItem:
    text = f"{ticket.number}   {ctx.category_name(ticket.category)}   {format_duration(ticket.live_wait_s)}"
    item = QListWidgetItem(text)
    item.setData(Qt.ItemDataRole.UserRole, ticket.id)
    return item


class CallChosenDialog(_Dialog):
    """Call a ticket out of order: the reason is required and kept with the call."""

    def __init__(self, ctx: WindowContext, waiting: tuple[TicketView, ...], chosen: str | None, parent=None):
        super().__init__("callChosenDialog", parent)
        self.set_texts(self.tr("Call out of order"), self.tr("Call"))
        self.tickets = _list("callChosenTickets")
        for ticket in waiting:
            self.tickets.addItem(_ticket_item(ctx, ticket))
            if ticket.id == chosen:
                self.tickets.setCurrentRow(self.tickets.count() - 1)
        if self.tickets.currentRow() < 0:
            self.tickets.setCurrentRow(0)
        self.reason = named(QLineEdit(), "callChosenReason")
        self.tickets.itemActivated.connect(lambda _item: self.reason.setFocus())
        self.reason.setPlaceholderText(self.tr("e.g. appointment arrived, customer needs a ground-floor counter"))
        self.body.addWidget(QLabel(self.tr("Ticket")))
        self.body.addWidget(self.tickets)
        self.body.addWidget(QLabel(self.tr("Reason (required)")))
        self.body.addWidget(self.reason)
        self.finish_layout()
        (self.reason if chosen else self.tickets).setFocus()

    def choice(self) -> tuple[str, str]:
        return self.tickets.currentItem().data(Qt.ItemDataRole.UserRole), self.reason.text().strip()

    def problem(self) -> str | None:
        if self.tickets.currentItem() is None:
            return self.tr("Nobody is waiting.")
        if not self.reason.text().strip():
            self.reason.setFocus()
            return self.tr("Calling out of order needs a reason.")
        return None


class ReturnParkedDialog(_Dialog):
    def __init__(self, ctx: WindowContext, parked: tuple[TicketView, ...], parent=None):
        super().__init__("returnParkedDialog", parent)
        self.set_texts(self.tr("Return a parked ticket"), self.tr("Return"))
        self.tickets = _list("parkedTickets")
        for ticket in parked:
            self.tickets.addItem(_ticket_item(ctx, ticket))
        self.tickets.setCurrentRow(0)
        self.tickets.itemActivated.connect(lambda _item: self._accept())
        self.body.addWidget(self.tickets)
        self.finish_layout()
        self.tickets.setFocus()

    def ticket_id(self) -> str:
        return self.tickets.currentItem().data(Qt.ItemDataRole.UserRole)
