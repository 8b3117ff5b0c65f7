"""A label for text that is data, not markup.

A QLabel's default text format is Qt.AutoText: text that looks like HTML (``Qt.mightBeRichText``) is
rendered as HTML. A name or a number from the customer file, a product code or a tier name from the
bank's other systems is shown as its characters: ``<b>`` in a family name must not hide, enlarge or
fake anything on a teller's screen.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget


def plain_text_labels(window: QWidget) -> None:
    """Every label ``window`` holds shows its text as typed: for a window whose labels all hold data or our own
    plain texts (the kiosk, the hall display, the feedback pad)."""
    for label in window.findChildren(QLabel):
        label.setTextFormat(Qt.TextFormat.PlainText)


def plain_label(text: str = "", word_wrap: bool = False) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(word_wrap)
    return label
