"""A one-line label that gives up width: its text is drawn cut with "…" where the layout gives it less than it needs.

A status bar holds names people typed (a teller's name may have 200 characters, a counter's 100) beside states
whose words run long in Spanish ("Sin conexión · 12 eventos pendientes de sincronizar · ..."). A QLabel asks for
its whole text's width as its minimum, so one such text pushed the station past a 1024-pixel screen. This label
asks for no width at least, keeps the whole text as its size hint (so that it gets it where there is room), and
when cut shows the whole text in its tool tip. ``text()`` stays the whole text; ``drawn_text()`` is what is drawn.
Plain text always: what it shows is data or our own words.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import QLabel, QWidget

from ui.common.shown_text import plain_tip


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)

    def setText(self, text: str) -> None:
        super().setText(text)
        self._tip()

    def minimumSizeHint(self) -> QSize:
        return QSize(0, super().minimumSizeHint().height())

    def drawn_text(self) -> str:
        """The text as the width the label got lets it be drawn: whole, or cut at its end with "…"."""
        width = max(self.contentsRect().width() - 2 * self.margin(), 0)
        return self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._tip()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        self.drawFrame(painter)
        rect = self.contentsRect().adjusted(self.margin(), self.margin(), -self.margin(), -self.margin())
        # The style draws it, so that a style sheet's colour (the connection's green or red) holds.
        self.style().drawItemText(
            painter, rect, int(self.alignment()), self.palette(), self.isEnabled(), self.drawn_text(),
            self.foregroundRole(),
        )  # fmt: skip

    def _tip(self) -> None:
        cut = self.drawn_text() != self.text()
        self.setToolTip(plain_tip(self.text()) if cut else "")
