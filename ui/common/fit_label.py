"""A one-line label that draws its text smaller, never cut, when its layout gives it less width than the text needs.

The hall display and the kiosk show names people typed ("Ventanilla 3", a sub-branch's full name) in type
sized for a ticket number. A QLabel cut such a name at its edge ("anilla 3": the counter's number lost, or its
start) and, asking for the whole width, squeezed the ticket numbers beside it. This label asks for little
width and, when the text does not fit the width it got, draws it in a smaller size of the same font; the
style sheet's size is the size drawn whenever the text fits. The same holds for height: a hall display on a
1280x800 screen has less room for its seven latest calls than the 36 pt rows ask, and draws them a little smaller
rather than cut their descenders off.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QWidget

SMALLEST_PT = 4.0
# The least share of its line height a label asks the layout for: a screen short of room draws it smaller down
# to this, and no smaller, so that a hall's text stays readable and a layout short of more says so.
LEAST_HEIGHT_SHARE = 0.75


class ShrinkingLabel(QLabel):
    """A label that draws its text in a smaller size of its font, down to SMALLEST_PT, where it would not fit
    otherwise (``_fits``); the style sheet's size is the size drawn whenever the text fits."""

    def _fits(self, font: QFont) -> bool:
        raise NotImplementedError

    def _first_guess(self, font: QFont) -> float:
        """The size to try first when the font's own does not fit."""
        return font.pointSizeF()

    def _text_rect(self) -> QRect:
        return self.contentsRect()

    def _text_flags(self) -> int:
        return int(self.alignment())

    def _text_in(self, font: QFont) -> str:
        """The text as drawn in ``font``."""
        return self.text()

    def drawn_font(self) -> QFont:
        """The label's font, made smaller when the text would not fit otherwise."""
        font = QFont(self.font())
        if not self.text() or font.pointSizeF() <= 0 or self._fits(font):
            return font
        size = max(SMALLEST_PT, self._first_guess(font))
        font.setPointSizeF(size)
        # Sizes do not scale exactly with the point size (hinting): step down until it fits.
        while size > SMALLEST_PT and not self._fits(font):
            size = max(SMALLEST_PT, size * 0.95)
            font.setPointSizeF(size)
        return font

    def paintEvent(self, event: QPaintEvent) -> None:
        font = self.drawn_font()
        text = self._text_in(font)
        if font == self.font() and text == self.text():
            super().paintEvent(event)
            return
        painter = QPainter(self)
        painter.setFont(font)
        self.style().drawItemText(painter, self._text_rect(), self._text_flags(), self.palette(), self.isEnabled(),
                                  text, self.foregroundRole())  # fmt: skip
        painter.end()


class FitLabel(ShrinkingLabel):
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
        height = math.ceil(hint.height() * LEAST_HEIGHT_SHARE)
        if self.keep_width:
            return QSize(hint.width(), height)
        return QSize(min(hint.width(), self.fontMetrics().height()), height)

    def room(self) -> float:
        """The width the text is drawn in."""
        return float(self.contentsRect().width() - 2 * self.margin())

    def room_height(self) -> float:
        """The height the text is drawn in."""
        return float(self.contentsRect().height() - 2 * self.margin())

    def _fits(self, font: QFont) -> bool:
        metrics = QFontMetricsF(font)
        return metrics.horizontalAdvance(self.text()) <= self.room() and metrics.height() <= self.room_height()

    def _first_guess(self, font: QFont) -> float:
        # The size at which the text's width and height would scale into the room: one step instead of many.
        metrics = QFontMetricsF(font)
        share = min(self.room() / max(metrics.horizontalAdvance(self.text()), 1.0),
                    self.room_height() / max(metrics.height(), 1.0))  # fmt: skip
        return font.pointSizeF() * share

    def _text_rect(self) -> QRect:
        return self.contentsRect().adjusted(self.margin(), self.margin(), -self.margin(), -self.margin())

    def _text_flags(self) -> int:
        align = self.alignment()
        if not align & Qt.AlignmentFlag.AlignVertical_Mask:
            align |= Qt.AlignmentFlag.AlignVCenter  # as QLabel places a line that is shorter than the label
        return int(align)


class WrapFitLabel(FitLabel):
    """A FitLabel for a name that may be long: where it does not fit on one line, it is broken at its spaces onto
    as many lines as the label's height holds, in the largest size at which it fits whole.

    A counter named "Ventanilla de atención preferente para empresas y autónomos 12" on one line of the hall's
    counter column was drawn in 4 pt and still cut; on three lines it is read. A name that fits on one line is
    drawn as FitLabel draws it. The lines are broken here, not by Qt's word wrap, so the label keeps no height
    for width (its row keeps the height the ticket numbers give it) and ``drawn_text()`` is what is drawn.
    """

    def drawn_text(self) -> str:
        return self._text_in(self.drawn_font())

    def _text_in(self, font: QFont) -> str:
        if FitLabel._fits(self, font):
            return self.text()
        return "\n".join(self._lines(font))

    def _lines(self, font: QFont) -> list[str]:
        """The text broken at spaces, each line as long as fits the room (a word longer than the room alone); the
        spaces inside a line are kept as typed ("A001  →  Ventanilla")."""
        metrics = QFontMetricsF(font)
        room = self.room()
        lines: list[str] = []
        gap = ""
        for part in re.findall(r"\s+|\S+", self.text()):
            if part.isspace():
                gap = part
                continue
            if lines and metrics.horizontalAdvance(lines[-1] + gap + part) <= room:
                lines[-1] += gap + part
            else:
                lines.append(part)
            gap = ""
        return lines or [self.text()]

    def _fits(self, font: QFont) -> bool:
        if FitLabel._fits(self, font):
            return True
        metrics = QFontMetricsF(font)
        lines = self._lines(font)
        widest = max(metrics.horizontalAdvance(line) for line in lines)
        return widest <= self.room() and metrics.lineSpacing() * len(lines) <= self.room_height()

    def _first_guess(self, font: QFont) -> float:
        # Wrapped, a text may fit in a size well above the one that fits it on one line: the search starts there.
        metrics = QFontMetricsF(font)
        area = max(metrics.horizontalAdvance(self.text()) * metrics.lineSpacing(), 1.0)
        share = min(1.0, math.sqrt(max(self.room(), 0.0) * max(self.room_height(), 0.0) / area))
        return font.pointSizeF() * share
