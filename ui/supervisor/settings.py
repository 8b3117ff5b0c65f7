"""Settings on the supervisor's screen: categories, transaction types, cross-sell rules, alerts and staffing files.

Each file is edited as text and saved only when its own parser accepts it; the message names the line or
entry at fault. Running stations read a changed file when they next start.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPlainTextEdit, QPushButton, QVBoxLayout, QWidget

from models.supervisor.settings_files import SettingsChanged, SettingsEditor
from queueing.core.errors import CategoryInUse, ConfigError, DomainError
from ui.common.accessibility import describe
from ui.common.object_name import named


class SettingsPanel(QWidget):
    sig_saved = Signal(str)
    """Carries the key of a settings file that was saved."""

    def __init__(
        self, editor: SettingsEditor, may_save: Callable[[], None] | None = None, parent: QWidget | None = None
    ) -> None:
        """``may_save`` raises PermissionDenied when the signed-in role may not change settings."""
        super().__init__(parent)
        self.editor = editor
        self.may_save = may_save
        self._opened: str | None = None  # the file's text as it was opened: a save over someone else's is refused
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        top = QHBoxLayout()
        self.choice = QComboBox()
        self.validate_button = QPushButton()
        self.save_button = named(QPushButton(), "primary")
        top.addWidget(self.choice, 1)
        top.addWidget(self.validate_button)
        top.addWidget(self.save_button)
        layout.addLayout(top)
        self.text = QPlainTextEdit()
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.text.setFont(font)
        layout.addWidget(self.text, 1)
        self.message = QLabel(wordWrap=True)
        layout.addWidget(self.message)
        self.choice.currentIndexChanged.connect(self._load)
        self.validate_button.clicked.connect(self.validate)
        self.save_button.clicked.connect(self.save)
        self.retranslate()
        self._load()

    def _labels(self) -> dict[str, str]:
        return {
            "categories": self.tr("Service categories"),
            "transaction_types": self.tr("Transaction types"),
            "crosssell_rules": self.tr("Cross-sell rules"),
            "alerts": self.tr("Alert thresholds"),
            "staffing": self.tr("Staffing target and plan"),
        }

    def retranslate(self) -> None:
        current = self.current_key()
        self.choice.blockSignals(True)
        self.choice.clear()
        for key, label in self._labels().items():
            if key in self.editor.files:
                self.choice.addItem(label, key)
        if current is not None:
            self.choice.setCurrentIndex(max(0, self.choice.findData(current)))
        self.choice.blockSignals(False)
        self.validate_button.setText(self.tr("Check"))
        describe(self.choice, self.tr("Settings file"), self.tr("Which settings file to show and edit"))
        describe(self.text, self.tr("Settings text"), self.tr("The chosen settings file, in TOML, to edit"))
        describe(self.validate_button, self.tr("Check"), self.tr("Checks the edited settings without saving them"))
        self.save_button.setText(self.tr("Save"))
        describe(self.save_button, self.tr("Save"), self.tr("Checks the settings and saves them for the whole branch"))

    def current_key(self) -> str | None:
        return self.choice.currentData() if self.choice.count() else None

    def _load(self) -> None:
        key = self.current_key()
        if key is None:
            return
        try:
            self._opened = self.editor.read(key)
            self.text.setPlainText(self._opened)
            self._say("", ok=True)
        except ConfigError as exc:
            self._say(str(exc), ok=False)

    def _refusal(self, exc: Exception) -> str:
        """Why the file was refused: a category still in use in the supervisor's language, anything else as the
        parser words it (the file, the entry at fault and why)."""
        if isinstance(exc, SettingsChanged):
            return self.tr(
                "This file was saved from another screen since you opened it. Copy your changes, choose the file "
                "again to see what was saved, and make them there."
            )
        if isinstance(exc, CategoryInUse):
            text = self.tr(
                "The service category %1 is still in use (open tickets: %2; counters that serve it: %3). Finish or "
                "move its tickets and take it off those counters first, or keep the category."
            )
            counters = ", ".join(exc.counters) if exc.counters else "—"
            said = text.replace("%1", exc.category).replace("%2", str(exc.tickets)).replace("%3", counters)
            if exc.appointments:
                booked = self.tr("Appointments are booked in it (number and day): %1. Cancel them first.")
                said += " " + booked.replace("%1", ", ".join(exc.appointments))
            return said
        return str(exc)

    def _say(self, text: str, ok: bool) -> None:
        self.message.setText(text)
        self.message.setStyleSheet("color: #2e7d4f;" if ok else "color: #b83a3a; font-weight: 600;")

    def validate(self) -> bool:
        key = self.current_key()
        if key is None:
            return False  # no settings file to check
        try:
            self.editor.validate(key, self.text.toPlainText())
        except ConfigError as exc:
            self._say(self.tr("Not valid: %1").replace("%1", self._refusal(exc)), ok=False)
            return False
        self._say(self.tr("The file is valid."), ok=True)
        return True

    def save(self) -> bool:
        key = self.current_key()
        if key is None:
            return False  # no settings file to save into
        try:
            if self.may_save is not None:
                self.may_save()
            text = self.text.toPlainText()
            self.editor.save(key, text, self._opened)
            self._opened = text
        except (ConfigError, DomainError, OSError) as exc:
            self._say(self.tr("Not saved: %1").replace("%1", self._refusal(exc)), ok=False)
            return False
        self._say(self.tr("Saved. Stations use the new file when they next start."), ok=True)
        self.sig_saved.emit(key)
        return True
