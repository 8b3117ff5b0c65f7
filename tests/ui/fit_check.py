"""Does every visible text fit its widget? Font metrics against the rectangle each label and button got.

``clipped(window)`` walks every visible QLabel, button, line edit, combo box and spin box of a window and
returns one line per widget whose text (or, for editors, whose minimum size) does not fit, naming the widget
by its object name, class and text, so a failure says what to fix.
"""

from __future__ import annotations

from label_text import renders_markup
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFontMetrics, QTextDocument
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QTabBar,
    QWidget,
)

SLACK = 1  # px: rounding between font metrics and the layout


def describe(widget: QWidget) -> str:
    name = widget.objectName() or "-"
    text = widget.text() if hasattr(widget, "text") else ""
    parent = widget.parentWidget()
    where = []
    while parent is not None and len(where) < 3:
        if parent.objectName():
            where.append(parent.objectName())
        parent = parent.parentWidget()
    return f"{type(widget).__name__}#{name} {text[:50]!r} (in {'/'.join(where) or 'window'})"


def _shown(widget: QWidget, window: QWidget) -> bool:
    if not widget.isVisibleTo(window) or not widget.isVisible():
        return False
    return widget.width() > 0 and widget.height() > 0


def _label_problem(label: QLabel) -> str | None:
    # A label that cuts its text with "…" to fit (ui/common/elided_label.py) is measured by what it draws.
    text = label.drawn_text() if hasattr(label, "drawn_text") else label.text()
    if not text or label.pixmap() is not None and not label.pixmap().isNull():
        return None
    rect: QRect = label.contentsRect()
    indent = max(label.indent(), 0) if label.indent() >= 0 else 0
    rect = rect.adjusted(label.margin() + indent, label.margin(), -label.margin(), -label.margin())
    if renders_markup(label):
        doc = QTextDocument()
        doc.setDefaultFont(label.font())
        doc.setDocumentMargin(0)
        doc.setHtml(text)
        if label.wordWrap():
            doc.setTextWidth(rect.width())
        need_w, need_h = doc.idealWidth(), doc.size().height()
    else:
        # A label that shrinks its text to fit (ui/common/fit_label.py) is measured in the font it draws with.
        metrics = QFontMetrics(label.drawn_font() if hasattr(label, "drawn_font") else label.font())
        if label.wordWrap():
            bound = metrics.boundingRect(QRect(0, 0, rect.width(), 100_000), Qt.TextFlag.TextWordWrap, text)
            need_w, need_h = bound.width(), bound.height()
        else:
            lines = text.split("\n")
            need_w = max(metrics.horizontalAdvance(line) for line in lines)
            need_h = metrics.height() * len(lines)
    if need_w > rect.width() + SLACK or need_h > rect.height() + SLACK:
        return f"needs {need_w:.0f}x{need_h:.0f}, has {rect.width()}x{rect.height()}"
    return None


def _hint_problem(widget: QWidget) -> str | None:
    hint = widget.minimumSizeHint() if not isinstance(widget, QAbstractButton) else widget.sizeHint()
    if widget.width() + SLACK < hint.width() or widget.height() + SLACK < hint.height():
        return f"needs {hint.width()}x{hint.height()}, has {widget.width()}x{widget.height()}"
    return None


def clipped(window: QWidget) -> list[str]:
    """One line per visible widget of ``window`` whose text does not fit its rectangle."""
    problems = []
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window) or isinstance(widget.parentWidget(), QTabBar):
            continue
        if isinstance(widget, QLabel):
            problem = _label_problem(widget)
        elif isinstance(widget, QAbstractButton | QLineEdit | QComboBox | QAbstractSpinBox):
            if isinstance(widget, QAbstractButton) and (not widget.text() or widget.findChild(QLabel) is not None):
                continue  # no text, or a wrapping button whose label is measured as a label
            problem = _hint_problem(widget)
        else:
            continue
        if problem:
            problems.append(f"{describe(widget)}: {problem}")
    return problems


def _needs(widget: QWidget) -> tuple[int, int]:
    """The least width and height ``widget`` can be drawn in at the width it got: a wrapped text is taller narrow."""
    hint = widget.minimumSizeHint().expandedTo(widget.minimumSize())
    height = widget.heightForWidth(widget.width()) if widget.hasHeightForWidth() else hint.height()
    return hint.width(), max(height, widget.minimumHeight())


def squeezed(window: QWidget) -> list[str]:
    """One line per visible widget with no visible child that got less room than it needs: what a layout short of
    room does to a window."""
    problems = []
    for widget in window.findChildren(QWidget):
        if not _shown(widget, window) or isinstance(widget, QTabBar) or isinstance(widget.parentWidget(), QTabBar):
            continue
        children = widget.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if any(_shown(child, window) for child in children):
            continue
        need_w, need_h = _needs(widget)
        if widget.width() + SLACK < need_w or widget.height() + SLACK < need_h:
            problems.append(f"{describe(widget)} needs {need_w}x{need_h}, has {widget.width()}x{widget.height()}")
    return problems


def grown(window: QWidget, width: int, height: int) -> str | None:
    """Why the window cannot be ``width`` x ``height`` (its layout asks for more and squeezed what it shows), or
    None; names each widget squeezed."""
    need = window.minimumSizeHint().expandedTo(window.minimumSize())
    if need.width() <= width and need.height() <= height:
        return None
    if window.width() > width or window.height() > height:  # its layout held it larger than the screen
        return f"needs at least {need.width()}x{need.height()} and stays {window.width()}x{window.height()}"
    # The window's hint can ask for more than its widgets need: a QStackedWidget asks for its tallest page, shown
    # or not, and a wrapped text for its height at whatever narrow width Qt measured it. The widgets on screen
    # say whether the layout really was short of room.
    culprits = squeezed(window)
    if not culprits:
        return None
    return f"needs at least {need.width()}x{need.height()} ({'; '.join(culprits)})"
