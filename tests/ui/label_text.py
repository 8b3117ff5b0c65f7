"""What a person reads on a QLabel: Qt draws its text as HTML when the format says so, or (AutoText, the
default) when the text looks like HTML."""

from __future__ import annotations

from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QLabel


def renders_markup(label: QLabel) -> bool:
    kind = label.textFormat()
    return kind == Qt.TextFormat.RichText or (kind == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(label.text()))


def shown_text(label: QLabel) -> str:
    """The label's text as drawn: the markup rendered away when it renders markup."""
    if not renders_markup(label):
        return label.text()
    document = QTextDocument()
    document.setHtml(label.text())
    return document.toPlainText()


def tip_text(tip: str | None) -> str | None:
    """A tool tip's text as drawn: Qt draws a tip that looks like HTML as HTML."""
    if tip is None or not QtGui.Qt.mightBeRichText(tip):
        return tip
    document = QTextDocument()
    document.setHtml(tip)
    return document.toPlainText()
