"""The layout-fit checker itself: it must see a squeezed or oversize window, and not blame a hidden page."""

from __future__ import annotations

import pytest
from fit_check import grown
from PySide6.QtWidgets import QLabel, QLayout, QStackedWidget, QVBoxLayout, QWidget

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def column(labels: int, held: bool) -> QWidget:
    window = QWidget()
    layout = QVBoxLayout(window)
    if not held:
        layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)  # as the kiosk: the screen decides
    for index in range(labels):
        label = QLabel(f"Line {index}")
        label.setStyleSheet("font-size: 30pt;")
        layout.addWidget(label)
    return window


def shown(qtbot, window: QWidget, width: int, height: int) -> QWidget:
    qtbot.addWidget(window)
    window.show()
    window.resize(width, height)
    qtbot.wait(20)
    return window


def test_a_layout_short_of_room_names_the_squeezed_labels(qtbot):
    window = shown(qtbot, column(12, held=False), 400, 200)
    problem = grown(window, 400, 200)
    assert problem is not None and "QLabel" in problem and "Line 0" in problem


def test_a_window_its_layout_holds_larger_than_the_screen_is_reported(qtbot):
    window = shown(qtbot, column(12, held=True), 400, 200)
    problem = grown(window, 400, 200)
    assert problem is not None and "stays" in problem


def test_a_tall_hidden_page_is_not_blamed_on_the_page_shown(qtbot):
    window = QWidget()
    layout = QVBoxLayout(window)
    layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
    pages = QStackedWidget()
    pages.addWidget(QLabel("Short page"))
    pages.addWidget(column(12, held=True))
    layout.addWidget(pages)
    shown(qtbot, window, 400, 200)
    assert window.minimumSizeHint().height() > 200  # Qt's stack asks for its tallest page, shown or not
    assert grown(window, 400, 200) is None


def test_a_window_with_room_is_fine(qtbot):
    window = shown(qtbot, column(2, held=True), 400, 400)
    assert grown(window, 400, 400) is None
