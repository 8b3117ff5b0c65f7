"""The sign-in screen (staff id, PIN, counter) and the lock screen (PIN only)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QFrame, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from models.branch.records import CounterView
from ui.common.accessibility import describe
from ui.common.counter_name import named_counter_phrase
from ui.common.object_name import named
from ui.common.plain_label import plain_label


def _centred(card: QFrame) -> QVBoxLayout:
    """A fixed-width card centred on the page; returns the card's own layout."""
    card.setObjectName("card")
    card.setFixedWidth(460)
    return QVBoxLayout(card)


class _Page(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card = QFrame()
        self.inner = _centred(self.card)
        self.inner.setContentsMargins(32, 28, 32, 28)
        self.inner.setSpacing(12)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(self.card, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)
        # Plain text: a refusal can name a teller, and a name is data (``<img>`` in it must not draw a picture).
        self.error = named(plain_label(word_wrap=True), "error")

    def show_error(self, text: str) -> None:
        self.error.setText(text)


class SignInPage(_Page):
    sig_sign_in = Signal(str, str, str)
    """The teller asks to sign in: carries (staff id, PIN, counter id)."""

    sig_release = Signal(str)
    """A supervisor is to release the counter another teller still holds: carries the counter id."""

    def __init__(self, demo_pins: tuple[tuple[str, str, str], ...] = (), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.demo_pins = demo_pins
        self.title = named(QLabel(), "screenTitle")
        self.subtitle = named(QLabel(), "muted")
        self.staff_id = named(QLineEdit(), "signInStaff")
        self.pin = named(QLineEdit(), "signInPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.counter = named(QComboBox(), "signInCounter")
        self.button = named(QPushButton(), "primary")
        self.hint = named(QLabel(), "hint")
        self.hint.setWordWrap(True)
        self.release_button = named(QPushButton(), "releaseCounter")
        self.release_button.hide()
        self.release_button.clicked.connect(lambda: self.sig_release.emit(self.counter.currentData() or ""))
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(3)]
        for label, field in zip(self.labels, (self.staff_id, self.pin, self.counter), strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        for widget in (self.title, self.subtitle):
            self.inner.addWidget(widget)
        self.inner.addLayout(self.form)
        self.inner.addWidget(self.error)
        self.inner.addWidget(self.release_button)
        self.inner.addWidget(self.button)
        self.inner.addWidget(self.hint)
        self.hint.setVisible(bool(demo_pins))
        for field in (self.staff_id, self.pin):
            field.returnPressed.connect(self._submit)
        self.button.clicked.connect(self._submit)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Sign in"))
        self.subtitle.setText(self.tr("Teller station"))
        labels = (self.tr("Staff ID"), self.tr("PIN"), self.tr("Counter"))
        for label, text in zip(self.labels, labels, strict=True):
            label.setText(text)
        self.button.setText(self.tr("Sign in and open the counter"))
        describe(self.staff_id, self.tr("Staff ID"), self.subtitle.text())
        describe(self.pin, self.tr("PIN"), self.subtitle.text())
        describe(self.counter, self.tr("Counter"), self.subtitle.text())
        describe(self.button, self.button.text(), self.subtitle.text())
        describe(
            self.release_button,
            self.release_button.text(),
            self.tr("A supervisor signs out the teller who still holds this counter"),
        )
        self.release_button.setText(self.tr("Supervisor: release this counter"))
        pins = ", ".join(f"{staff_id} / {pin}" for staff_id, _name, pin in self.demo_pins)
        self.hint.setText(self.tr("Demo mode. Staff ID / PIN: %1").replace("%1", pins))

    def set_counters(self, counters: tuple[CounterView, ...], chosen: str) -> None:
        current = self.counter.currentData() or chosen
        self.counter.clear()
        for counter in counters:
            self.counter.addItem(named_counter_phrase(counter.name, alone=True), counter.id)
        index = self.counter.findData(current)
        self.counter.setCurrentIndex(max(0, index))

    def show_error(self, text: str, can_release: bool = False) -> None:
        super().show_error(text)
        self.release_button.setVisible(can_release)

    def reset(self) -> None:
        self.pin.clear()
        self.error.clear()
        self.release_button.hide()
        (self.pin if self.staff_id.text() else self.staff_id).setFocus()

    def _submit(self) -> None:
        if not self.staff_id.text().strip():
            self.staff_id.setFocus()
            return
        if not self.pin.text():
            self.pin.setFocus()
            return
        self.error.clear()
        self.release_button.hide()
        self.sig_sign_in.emit(self.staff_id.text().strip(), self.pin.text(), self.counter.currentData() or "")


class LockPage(_Page):
    sig_unlock = Signal(str)
    """The teller typed a PIN to unlock: carries the PIN."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = named(QLabel(), "screenTitle")
        self.who = named(plain_label(), "muted")  # the teller's name: shown as typed, never as markup
        self.pin = named(QLineEdit(), "lockPin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.button = named(QPushButton(), "primary")
        for widget in (self.title, self.who, self.pin, self.error, self.button):
            self.inner.addWidget(widget)
        self.pin.returnPressed.connect(self._submit)
        self.button.clicked.connect(self._submit)
        self.name = ""
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Station locked"))
        self.who.setText(self.tr("Signed in: %1. Enter your PIN to continue.").replace("%1", self.name))
        self.pin.setPlaceholderText(self.tr("PIN"))
        describe(self.pin, self.tr("PIN"), self.who.text())
        describe(self.button, self.button.text() or self.tr("Unlock"), self.who.text())
        self.button.setText(self.tr("Unlock"))

    def lock(self, name: str) -> None:
        self.name = name
        self.pin.clear()
        self.error.clear()
        self.retranslate()
        self.pin.setFocus()

    def refuse(self) -> None:
        """The PIN was wrong: say so (only the PIN was asked) and empty the field for the next try."""
        self.show_error(self.tr("Wrong PIN. Please try again."))
        self.pin.clear()
        self.pin.setFocus()

    def _submit(self) -> None:
        if self.pin.text():
            self.sig_unlock.emit(self.pin.text())
