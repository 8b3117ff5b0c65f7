"""The kiosk for everybody: a numeric keypad alone, large text in high contrast, screen-reader words, a spoken guide.

A mixin of KioskWindow (ui/kiosk/window.py), kept apart so that each file stays small: it uses the
window's widgets and its ``issue``, ``choose_language`` and ``show_identify``.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QPushButton, QStackedWidget, QWidget

from ui.common.accessibility import HIGH_CONTRAST, LARGE_TEXT_BOOST, describe
from ui.common.i18n import LANGUAGES, LanguageManager
from ui.common.screen_scale import ScaledStyle
from ui.common.wrap_button import WrapButton
from ui.kiosk.guide import KioskGuide, step_text
from ui.kiosk.identify import IDENTIFY_STYLE
from ui.kiosk.style import KIOSK_STYLE

log = logging.getLogger(__name__)


class KioskKeypad(QWidget):
    # What the window builds and this mixin uses (declared here so that each use is checked).
    i18n: LanguageManager
    scaled: ScaledStyle
    pages: QStackedWidget
    priority_button: WrapButton
    identify_button: WrapButton
    check_in_button: WrapButton
    large_text_button: QPushButton
    done_button: QPushButton
    guide_button: QPushButton
    guide: KioskGuide
    language_buttons: dict[str, QPushButton]
    service_buttons: dict[str, WrapButton]

    def issue(self, code: str) -> None:
        raise NotImplementedError

    def choose_language(self, language: str) -> None:
        raise NotImplementedError

    def show_identify(self) -> None:
        raise NotImplementedError

    def back_to_start(self) -> None:
        raise NotImplementedError

    def _describe(self) -> None:
        """What a screen reader says about each control (the tiles get theirs in _fill_services)."""
        describe(
            self.priority_button,
            self.priority_button.text(),
            QCoreApplication.translate(
                "KioskWindow", "Elderly, disabled and pregnant customers are called sooner. Keypad key 0"
            ),
        )
        describe(
            self.identify_button,
            self.identify_button.text(),
            QCoreApplication.translate(
                "KioskWindow", "Type your bank card or phone number to be recognised. Keypad key ."
            ),
        )
        describe(
            self.check_in_button,
            self.check_in_button.text(),
            QCoreApplication.translate("KioskWindow", "Issues your appointment ticket"),
        )
        describe(
            self.large_text_button,
            QCoreApplication.translate("KioskWindow", "Large text"),
            QCoreApplication.translate("KioskWindow", "Larger type in white and yellow on black. Keypad key +"),
        )
        describe(
            self.guide_button,
            self.guide_button.text(),
            QCoreApplication.translate("KioskWindow", "Reads each step aloud in this language. Keypad key /"),
        )
        describe(
            self.done_button,
            self.done_button.text(),
            QCoreApplication.translate("KioskWindow", "Back to the first page for the next customer"),
        )
        for code, button in self.language_buttons.items():
            describe(
                button,
                LANGUAGES[code],
                QCoreApplication.translate(
                    "KioskWindow", "Shows the kiosk in this language. Keypad key *: next language"
                ),
            )

    def set_large_text(self, on: bool) -> None:
        """High contrast and larger type, for customers who see less well; off again for the next customer."""
        if self.large_text_button.isChecked() != on:
            self.large_text_button.setChecked(on)  # toggled calls back here
            return
        sheet = KIOSK_STYLE + IDENTIFY_STYLE + (HIGH_CONTRAST if on else "")
        self.scaled.restyle(sheet, LARGE_TEXT_BOOST if on else 1.0)

    def set_spoken_guide(self, on: bool) -> None:
        """Turn the spoken guide on or off (the button, the keypad's / key); on, it says the current step."""
        if self.guide_button.isChecked() != on:
            self.guide_button.setChecked(on)  # toggled calls back here
            return
        self.guide.set_on(on)
        self.speak_step()

    def speak_step(self, *_: object) -> None:
        """The guide says what the current page asks (nothing when it is off)."""
        if self.guide.on:
            self.guide.say(self.i18n.language, step_text(self))

    def _guide_unavailable(self, reason: str) -> None:
        log.warning("kiosk spoken guide unavailable: %s", reason)
        self.guide_button.setChecked(False)
        self.guide_button.setEnabled(False)
        self.guide_button.setToolTip(QCoreApplication.translate("KioskWindow", "No speech engine on this PC"))
        # Hidden, not only disabled: the style draws it as before, and a touch screen shows no tool tip.
        self.guide_button.hide()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """The kiosk from a numeric keypad alone (keys the focused control did not take)."""
        if not self._keypad(event.key()):
            super().keyPressEvent(event)

    def _keypad(self, key: int) -> bool:
        page = self.pages.currentIndex()
        if key == Qt.Key.Key_Plus:
            self.set_large_text(not self.large_text_button.isChecked())
        elif key == Qt.Key.Key_Slash and self.guide_button.isEnabled():
            self.set_spoken_guide(not self.guide_button.isChecked())
        elif page == 1 and key in (Qt.Key.Key_Enter, Qt.Key.Key_Return):
            self.back_to_start()
        elif page != 0:
            return False
        elif Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            codes = list(self.service_buttons)
            index = key - Qt.Key.Key_1
            if index < len(codes) and self.service_buttons[codes[index]].isEnabled():
                self.issue(codes[index])
        elif key == Qt.Key.Key_0:
            self.priority_button.toggle()
        elif key == Qt.Key.Key_Asterisk:
            codes = list(LANGUAGES)
            self.choose_language(codes[(codes.index(self.i18n.language) + 1) % len(codes)])
        elif key in (Qt.Key.Key_Period, Qt.Key.Key_Comma) and self.identify_button.isVisible():
            self.show_identify()
        else:
            return False
        return True
