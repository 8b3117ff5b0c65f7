"""The kiosk's identification page: a bank card or phone number typed on a touch keypad."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QValidator
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from models.customers.kiosk_lookup import KioskIdentity, KioskLookup
from queueing.core.errors import DomainError
from queueing.customers.identity_keys import LookupKind
from ui.common.accessibility import describe
from ui.common.object_name import named
from ui.common.runner import Runner

log = logging.getLogger(__name__)

# A Chinese, Japanese or Korean input method on a full-width setting types ０..９ and the ideographic space: the
# same number. The look-up takes them too; the entry took none, and a customer's keys did nothing.
_ASCII_DIGITS = str.maketrans("０１２３４５６７８９\u3000", "0123456789 ")


class DigitsValidator(QValidator):
    """Digits and spaces only, full-width ones written as ASCII as they are typed."""

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        text = text.translate(_ASCII_DIGITS)  # one character for one: the cursor stays where it was
        ok = all(c.isascii() and (c.isdigit() or c == " ") for c in text)
        return (QValidator.State.Acceptable if ok else QValidator.State.Invalid), text, pos

IDENTIFY_STYLE = """
QPushButton#key {
    background: white; color: #1f2a37; border: 1px solid #c3ccd6; border-radius: 14px;
    font-size: 24pt; min-width: 120px; min-height: 56px; padding: 4px;
}
QPushButton#key:pressed { background: #dce8f7; }
QLineEdit#entry { font-size: 28pt; padding: 10px; border: 2px solid #1d5fa8; border-radius: 12px; background: white; }
QLabel#identifyMessage { font-size: 18pt; color: #5b6b7d; }
"""


class IdentifyPage(QWidget):
    sig_identified = Signal(object)
    """Carries the KioskIdentity of the customer who identified."""

    sig_cancelled = Signal()
    """Emitted when the customer goes back without identifying."""

    def __init__(self, lookup: KioskLookup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # IDENTIFY_STYLE is part of the kiosk's scaled style sheet (ui/common/screen_scale.py), not set here.
        self.lookup = lookup
        self.kind = LookupKind.CARD_NUMBER
        self._runner = Runner(self)
        self._asking = 0  # the look-up whose answer counts; an earlier one's is for a customer who has gone
        layout = QVBoxLayout(self)
        # The window's margins frame the page. With 18 px between rows and Qt's 9 px above and below, the page in
        # large text, a message shown, was taller than a 1280x800 kiosk and squeezed its Back button.
        layout.setContentsMargins(9, 0, 9, 0)
        layout.setSpacing(10)
        self.title = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True), "prompt")
        layout.addWidget(self.title)
        kinds = QHBoxLayout()
        kinds.addStretch(1)
        self.card_button = named(QPushButton(), "lang")
        self.card_button.setCheckable(True)
        self.card_button.setChecked(True)
        self.phone_button = named(QPushButton(), "lang")
        self.phone_button.setCheckable(True)
        self.card_button.clicked.connect(lambda: self.choose_kind(LookupKind.CARD_NUMBER))
        self.phone_button.clicked.connect(lambda: self.choose_kind(LookupKind.PHONE))
        kinds.addWidget(self.card_button)
        kinds.addWidget(self.phone_button)
        kinds.addStretch(1)
        layout.addLayout(kinds)
        self.entry = named(QLineEdit(alignment=Qt.AlignmentFlag.AlignCenter), "entry")
        # 19 digits in groups of four, as a card is printed and typed, with its four spaces.
        self.entry.setMaxLength(23)
        self.entry.setValidator(DigitsValidator(self.entry))
        self.entry.returnPressed.connect(self.submit)
        self.entry.installEventFilter(self)
        layout.addWidget(self.entry, 0, Qt.AlignmentFlag.AlignHCenter)
        self.entry.setMinimumWidth(520)
        keypad = QGridLayout()
        keypad.setSpacing(10)
        for index, key in enumerate("123456789"):
            keypad.addWidget(self._key(key, lambda _=False, k=key: self.entry.insert(k)), index // 3, index % 3)
        keypad.addWidget(self._key("⌫", lambda: self.entry.backspace()), 3, 0)
        keypad.addWidget(self._key("0", lambda: self.entry.insert("0")), 3, 1)
        self.ok_button = self._key("OK", self.submit)
        keypad.addWidget(self.ok_button, 3, 2)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addLayout(keypad)
        row.addStretch(1)
        layout.addLayout(row)
        self.message = named(QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True), "identifyMessage")
        layout.addWidget(self.message)
        self.back_button = named(QPushButton(), "done")
        self.back_button.clicked.connect(self.cancel)
        layout.addWidget(self.back_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(1)
        self.retranslate()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """A numeric keypad alone: digits and Enter work in the entry; - goes back, * switches card/phone."""
        if watched is self.entry and isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            if event.key() in (Qt.Key.Key_Minus, Qt.Key.Key_Escape):
                self.cancel()
                return True
            if event.key() == Qt.Key.Key_Asterisk:
                other = LookupKind.PHONE if self.kind is LookupKind.CARD_NUMBER else LookupKind.CARD_NUMBER
                self.choose_kind(other)
                return True
        return super().eventFilter(watched, event)

    def _key(self, text: str, action) -> QPushButton:
        button = named(QPushButton(text), "key")
        button.clicked.connect(action)
        return button

    def retranslate(self) -> None:
        self.title.setText(self.tr("Identify with your bank card or phone number"))
        self.card_button.setText(self.tr("Bank card"))
        self.phone_button.setText(self.tr("Phone number"))
        self.back_button.setText(self.tr("Back"))
        self.ok_button.setText(self.tr("OK", "confirm the number typed on the keypad"))
        self.entry.setPlaceholderText(
            self.tr("Card number") if self.kind is LookupKind.CARD_NUMBER else self.tr("Phone number")
        )
        describe(self.entry, self.entry.placeholderText(), self.tr("Type the digits, then OK or Enter"))
        describe(self.card_button, self.card_button.text(), self.tr("Identify with a bank card number. Keypad key *"))
        describe(self.phone_button, self.phone_button.text(), self.tr("Identify with a phone number. Keypad key *"))
        describe(self.back_button, self.back_button.text(), self.tr("Back to the services. Keypad key -"))
        describe(self.ok_button, self.ok_button.text(), self.tr("Look up the number typed"))
        for key in self.findChildren(QPushButton, "key"):
            if key is not self.ok_button:
                name = self.tr("Delete") if key.text() == "⌫" else key.text()
                describe(key, name, self.tr("Keypad key"))

    def reset(self) -> None:
        self._asking += 1
        self.entry.clear()
        self.message.setText("")
        self.choose_kind(LookupKind.CARD_NUMBER)

    def choose_kind(self, kind: LookupKind) -> None:
        self.kind = kind
        self.card_button.setChecked(kind is LookupKind.CARD_NUMBER)
        self.phone_button.setChecked(kind is LookupKind.PHONE)
        self.retranslate()

    def submit(self) -> None:
        value = self.entry.text().strip()
        if not value or self._runner.busy:
            return
        self.message.setText(self.tr("Looking you up…"))
        kind = self.kind
        self._asking += 1
        asked = self._asking
        self._runner.submit(
            lambda: self.lookup.identify(kind, value),
            lambda identity: self._found(identity) if asked == self._asking else None,
            lambda exc: self._failed(exc) if asked == self._asking else None,
        )

    def _found(self, identity: KioskIdentity | None) -> None:
        if identity is None:
            self.message.setText(self.tr("We could not find this number. You can still take a regular ticket."))
            return
        self.entry.clear()
        self.message.setText("")
        self.sig_identified.emit(identity)

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, DomainError):
            self.message.setText(self.tr("This does not look like a card or phone number. Please try again."))
        else:
            log.error("kiosk identification failed: %s", exc)
            self.message.setText(self.tr("Identification is not available now. You can still take a regular ticket."))

    def cancel(self) -> None:
        self.reset()
        self.sig_cancelled.emit()
