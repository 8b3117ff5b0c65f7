"""A push button whose text wraps onto more lines instead of being cut, for touch screens in four languages.

QPushButton draws its text on one line per "\\n" and asks for all of its width; a Spanish service name at
24 pt then either widens the kiosk beyond the screen or is cut ("sferencias y rem"). This button draws its
text with a word-wrapped label inside and tells the layout so (height for width), so that a narrow column
gets a taller button instead of a clipped one. The text stays the button's own (``text()``) for
accessibility and tests.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QPushButton,
    QSizePolicy,
    QStyle,
    QStyleOptionButton,
    QStylePainter,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from ui.common.fit_label import ShrinkingLabel
from ui.common.object_name import named


class _WrapLabel(ShrinkingLabel):
    """The button's word-wrapped text, drawn a little smaller, never cut, when the layout gives it less height than
    its lines need (a 1024x768 kiosk in large text with an appointment shown above the service tiles)."""

    def _fits(self, font: QFont) -> bool:
        rect = self.contentsRect()
        if rect.width() <= 0:
            return True  # not laid out yet: nothing to fit into
        bound = QFontMetrics(font).boundingRect(QRect(0, 0, rect.width(), 100_000), self._text_flags(), self.text())
        return bound.width() <= rect.width() and bound.height() <= rect.height()

    def _text_flags(self) -> int:
        return int(self.alignment()) | Qt.TextFlag.TextWordWrap


class WrapButton(QPushButton):
    def __init__(self, text: str = "", parent: QWidget | None = None, objectName: str = "") -> None:
        super().__init__(parent)
        if objectName:
            self.setObjectName(objectName)
        self.label = named(_WrapLabel(self), f"{objectName or 'wrap'}Text")
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)  # a name that looks like HTML is shown as typed
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._box = QVBoxLayout(self)
        self._box.setContentsMargins(12, 8, 12, 8)
        self._box.addWidget(self.label)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.toggled.connect(lambda _on: self._follow_state())
        self.setText(text)

    def setText(self, text: str) -> None:
        # The button keeps its text (accessible name, text()) but draws none itself: the label draws it.
        super().setText(text)
        self.label.setText(text)
        self.setAccessibleName(text.replace("\n", " "))
        self.updateGeometry()

    def set_padding(self, horizontal: int, vertical: int) -> None:
        """Room between the button's edge and its text (the style sheet's padding does not reach the label)."""
        self._box.setContentsMargins(horizontal, vertical, horizontal, vertical)
        self.updateGeometry()

    def paintEvent(self, event) -> None:
        # The bevel only: the label draws the text, wrapped.
        if not self._alive():
            return
        painter = QStylePainter(self)
        option = QStyleOptionButton()
        self.initStyleOption(option)
        option.text = ""
        painter.drawControl(QStyle.ControlElement.CE_PushButton, option)

    def _follow_state(self) -> None:
        # The style sheet colours the label by the button's checked state ([checked="true"]): polish it again.
        # Only on toggle: a changeEvent hook would also run while the window is torn down, label already gone.
        if isValid(self.label):
            self.label.style().unpolish(self.label)
            self.label.style().polish(self.label)

    def _frame(self) -> QSize:
        margins = self._box.contentsMargins()
        return QSize(margins.left() + margins.right() + 4, margins.top() + margins.bottom() + 4)

    def _alive(self) -> bool:
        # Layouts ask for sizes while a window is torn down, after the label's C++ object is gone.
        return isValid(self) and isValid(self.label)

    def sizeHint(self) -> QSize:
        if not self._alive():
            return QSize(0, 0)
        return self.label.sizeHint() + self._frame()

    def minimumSizeHint(self) -> QSize:
        # As narrow as the longest word; as tall as the lines need at the width the button has now, so that a
        # layout short of room squeezes something else (or shows the window is too small) rather than the text.
        if not self._alive():
            return QSize(0, 0)
        metrics = self.label.fontMetrics()
        words = self.label.text().split() or [""]
        frame = self._frame()
        width = max(metrics.horizontalAdvance(word) for word in words) + frame.width()
        height = self.heightForWidth(max(self.width(), width)) if self.width() > 0 else self.sizeHint().height()
        return QSize(width, height)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        if not self._alive():
            return 0
        frame = self._frame()
        return self.label.heightForWidth(max(1, width - frame.width())) + frame.height()
