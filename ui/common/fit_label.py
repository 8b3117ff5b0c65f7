"""A one-line label that draws its text smaller, never cut, when its layout gives it less width than the text needs.

The hall display and the kiosk show names people typed ("Ventanilla 3", a sub-branch's full name) in type
sized for a ticket number. A QLabel cut such a name at its edge ("anilla 3": the counter's number lost, or its
start) and, asking for the whole width, squeezed the ticket numbers beside it. This label asks for little
width and, when the text does not fit the width it got, draws it in a smaller size of the same font; the
style sheet's size is the size drawn whenever the text fits.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

SMALLEST_PT = 4.0


class FitLabel(QLabel):
    """``keep_width``: asks for its whole text's width, so that its neighbours shrink first (a ticket number)."""

    def __init__(
        self,
        text: str = "",
        parent: QWidget | None = None,
        alignment: Qt.AlignmentFlag | None = None,
        keep_width: bool = False,
    ) -> None:
        super().__init__(text, parent)
        self.keep_width = keep_width
        self.setTextFormat(Qt.TextFormat.PlainText)  # names typed by people: shown as typed, never as markup
        if alignment is not None:
            self.setAlignment(alignment)

    def minimumSizeHint(self) -> QSize:
        # Any width will do: the text shrinks into it rather than pushing its neighbours out of theirs.
        hint = super().minimumSizeHint()
        if self.keep_width:
            return hint
        return QSize(min(hint.width(), self.fontMetrics().height()), hint.height())

    def room(self) -> float:
        """The width the text is drawn in."""
        return float(self.contentsRect().width() - 2 * self.margin())

    def drawn_font(self) -> QFont:
        """The label's font, made smaller when the text would not fit otherwise."""
        font = QFont(self.font())
        text, room = self.text(), self.room()
        need = QFontMetricsF(font).horizontalAdvance(text)
        if not text or need <= room or font.pointSizeF() <= 0:
            return font
        size = max(SMALLEST_PT, font.pointSizeF() * room / need)
        font.setPointSizeF(size)
        # Widths do not scale exactly with the size (hinting): step down until it fits.
        while size > SMALLEST_PT and QFontMetricsF(font).horizontalAdvance(text) > room:
            size = max(SMALLEST_PT, size * 0.95)
            font.setPointSizeF(size)
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        font = self.drawn_font()
        if font == self.font():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setFont(font)
        align = self.alignment()
        if not align & Qt.AlignmentFlag.AlignVertical_Mask:
            align |= Qt.AlignmentFlag.AlignVCenter  # as QLabel places a line that is shorter than the label
        rect = self.contentsRect().adjusted(self.margin(), self.margin(), -self.margin(), -self.margin())
        self.style().drawItemText(painter, rect, int(align), self.palette(), self.isEnabled(), self.text(),
                                  self.foregroundRole())  # fmt: skip
        painter.end()
