"""Accessible names and descriptions, and the kiosk's high-contrast, large-text look.

Every interactive widget tells a screen reader what it is (name) and what it does (description). The
texts are set in each widget's ``retranslate()``, so they follow the language like the visible ones.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

# Black and white with a yellow accent (WCAG contrast above 7:1), for the kiosk's "Large text" mode;
# appended after the kiosk's own sheet so that it wins, and scaled with it (ui/common/screen_scale.py).
HIGH_CONTRAST = """
#kiosk { background: black; }
QLabel { color: white; }
QLabel#branch, QLabel#clock, QLabel#prompt, QLabel#number, QLabel#welcome { color: #ffd400; }
QLabel#note, QLabel#yourNumber, QLabel#identifyMessage, QLabel#keypadHint, QLabel#appointment { color: white; }
QFrame#ticketCard, QFrame#appointmentCard { background: black; border: 3px solid white; }
QPushButton#service, QPushButton#checkIn, QPushButton#done {
    background: #ffd400; color: black; border: 3px solid white;
}
QPushButton#service QLabel, QPushButton#checkIn QLabel { color: black; }
QPushButton#service:disabled { background: #7a6a00; }
QPushButton#lang, QPushButton#priority, QPushButton#key, QPushButton#largeText, QPushButton#guide {
    background: black; color: white; border: 3px solid white;
}
QPushButton#priority QLabel { color: white; }
QPushButton#lang:checked, QPushButton#priority:checked, QPushButton#largeText:checked, QPushButton#guide:checked {
    background: #ffd400; color: black;
}
QPushButton#priority[checked="true"] QLabel { color: black; }
QLineEdit#entry { background: black; color: #ffd400; border: 3px solid #ffd400; }
"""
LARGE_TEXT_BOOST = 1.1


def marked_wait(text: str, over_target: bool, over_maximum: bool = False) -> str:
    """A waiting time with its state in words, so that red or amber is never the only sign of a long wait."""
    if over_maximum:
        return QCoreApplication.translate("Accessibility", "%1 (over maximum)").replace("%1", text)
    if over_target:
        return QCoreApplication.translate("Accessibility", "%1 (over target)").replace("%1", text)
    return text


def describe(widget: QWidget, name: str, description: str) -> None:
    """Set what a screen reader says about ``widget``: its name and what it does."""
    widget.setAccessibleName(name)
    widget.setAccessibleDescription(description)


def shortcut_description(key: str) -> str:
    """The description of a button that a key also triggers."""
    return QCoreApplication.translate("Accessibility", "Keyboard shortcut: %1").replace("%1", key)
