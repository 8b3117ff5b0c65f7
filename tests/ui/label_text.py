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


def _drawn(html: str) -> str:
    document = QTextDocument()
    document.setHtml(html)
    return document.toPlainText()


def shown_text(label: QLabel) -> str:
    """The label's text as drawn: the markup rendered away when it renders markup."""
    return _drawn(label.text()) if renders_markup(label) else label.text()


def tip_text(tip: str | None) -> str | None:
    """A tool tip's text as drawn: Qt draws a tip that looks like HTML as HTML."""
    return _drawn(tip) if tip is not None and QtGui.Qt.mightBeRichText(tip) else tip
