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
    text = label.text()
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


def grown(window: QWidget, width: int, height: int) -> str | None:
    """Why the window cannot be ``width`` x ``height`` (its layout asks for more), or None; names the widest."""
    need = window.minimumSizeHint().expandedTo(window.minimumSize())
    if need.width() <= width and need.height() <= height:
        return None
    # The deepest widgets that alone ask for more than the window has: where the width or height comes from.
    over = [
        w
        for w in window.findChildren(QWidget)
        if w.minimumSizeHint().width() > width or w.minimumSizeHint().height() > height
    ]
    deepest = [w for w in over if not any(o is not w and w.isAncestorOf(o) for o in over)]
    culprits = [f"{describe(w)} asks {w.minimumSizeHint().width()}x{w.minimumSizeHint().height()}" for w in deepest]
    return f"needs at least {need.width()}x{need.height()} ({'; '.join(culprits)})"
