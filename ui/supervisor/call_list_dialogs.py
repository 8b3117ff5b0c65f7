"""The call list's words and its reason dialog (showing a phone number takes a typed reason)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from queueing.customers.profiles import CallResult
from ui.common.object_name import named
from ui.common.plain_label import plain_label

MIN_REASON_CHARS = 5  # models.customers.service.MIN_REASON_CHARS


def call_result_text(result: CallResult) -> str:
    texts = {
        CallResult.REACHED: lambda: QCoreApplication.translate("CallList", "Reached", "call result"),
        CallResult.NO_ANSWER: lambda: QCoreApplication.translate("CallList", "No answer", "call result"),
        CallResult.APPOINTMENT_BOOKED: lambda: QCoreApplication.translate(
            "CallList", "Appointment booked", "call result"
        ),
        CallResult.DECLINED: lambda: QCoreApplication.translate("CallList", "Declined", "call result"),
    }
    return texts[result]()


class RevealDialog(QDialog):
    sig_reason = Signal(str)
    """The reason typed for showing the phone number, when confirmed."""

    def __init__(self, customer: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("revealDialog")
        self.setWindowTitle(self.tr("Show phone number"))
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        about = plain_label(
            self.tr("Why do you need the full number of %1? It is written to the audit log.").replace("%1", customer),
            word_wrap=True,
        )
        layout.addWidget(about)
        self.reason = named(QLineEdit(), "revealReason")
        self.reason.setMaxLength(200)
        self.reason.setText(self.tr("Maturity call"))
        self.reason.selectAll()
        layout.addWidget(self.reason)
        self.note = named(QLabel(), "error")
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Show"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        reason = self.reason.text().strip()
        if len(reason) < MIN_REASON_CHARS:
            self.note.setText(self.tr("Please give a reason of at least %1 characters.")
                              .replace("%1", str(MIN_REASON_CHARS)))
            return
        self.sig_reason.emit(reason)
        self.accept()
