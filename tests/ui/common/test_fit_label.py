"""FitLabel: a name or number drawn smaller, never cut, when its layout gives it less width or height than it asks."""

from __future__ import annotations

import math

from PySide6.QtGui import QFontMetricsF

from ui.common.fit_label import LEAST_HEIGHT_SHARE, FitLabel
from ui.common.fonts import ui_font


def label(qtbot, text: str, width: int, height: int, keep_width: bool = False) -> FitLabel:
    fit = FitLabel(text, keep_width=keep_width)
    fit.setFont(ui_font(36))
    fit.resize(width, height)
    qtbot.addWidget(fit)
    return fit


def test_a_label_with_room_draws_in_its_own_size(qtbot):
    fit = label(qtbot, "A001  →  3", 600, 200)
    assert fit.drawn_font().pointSizeF() == 36


def test_a_label_short_of_width_draws_smaller_and_fits(qtbot):
    fit = label(qtbot, "Ventanilla de atención preferente 3", 200, 200)
    drawn = fit.drawn_font()
    assert drawn.pointSizeF() < 36
    assert QFontMetricsF(drawn).horizontalAdvance(fit.text()) <= fit.room()


def test_a_label_short_of_height_draws_smaller_and_fits(qtbot):
    """A 1280x800 hall display gave its seven latest calls 44 px each where the 36 pt line is 46 px high."""
    line = math.ceil(QFontMetricsF(ui_font(36)).height())
    fit = label(qtbot, "A001  →  3", 600, line - 6)
    drawn = fit.drawn_font()
    assert drawn.pointSizeF() < 36
    assert QFontMetricsF(drawn).height() <= fit.room_height()


def test_it_asks_the_layout_for_at_least_three_quarters_of_its_line(qtbot):
    for keep_width in (False, True):
        fit = label(qtbot, "A001", 600, 200, keep_width=keep_width)
        full = fit.sizeHint().height()
        assert fit.minimumSizeHint().height() == math.ceil(full * LEAST_HEIGHT_SHARE) < full


def test_only_a_number_keeps_its_width(qtbot):
    number = label(qtbot, "A001", 600, 200, keep_width=True)
    name = label(qtbot, "Ventanilla 3", 600, 200)
    assert number.minimumSizeHint().width() >= QFontMetricsF(number.font()).horizontalAdvance("A001") - 1
    assert name.minimumSizeHint().width() < QFontMetricsF(name.font()).horizontalAdvance("Ventanilla 3")


def test_no_text_draws_in_its_own_size(qtbot):
    assert label(qtbot, "", 10, 10).drawn_font().pointSizeF() == 36
