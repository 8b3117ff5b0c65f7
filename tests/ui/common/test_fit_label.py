"""FitLabel: a name or number drawn smaller, never cut, when its layout gives it less width or height than it asks."""

from __future__ import annotations

import math

from PySide6.QtGui import QFontMetricsF

from ui.common.fit_label import LEAST_HEIGHT_SHARE, FitLabel, WrapFitLabel
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


LONG = "Ventanilla de atención preferente para empresas y autónomos 12"


def wrap_label(qtbot, text: str, width: int, height: int) -> WrapFitLabel:
    fit = WrapFitLabel(text)
    fit.setFont(ui_font(36))
    fit.resize(width, height)
    qtbot.addWidget(fit)
    return fit


def test_a_long_name_is_broken_onto_lines_in_a_larger_size_than_one_line_allows(qtbot):
    """A 62-character counter name in a hall's counter column: on one line 4 pt and cut, on lines read whole."""
    wrapped, one_line = wrap_label(qtbot, LONG, 240, 150), label(qtbot, LONG, 240, 150)
    lines = wrapped.drawn_text().split("\n")
    drawn = QFontMetricsF(wrapped.drawn_font())
    assert len(lines) > 1 and " ".join(lines) == LONG
    assert max(drawn.horizontalAdvance(line) for line in lines) <= wrapped.room()
    assert drawn.lineSpacing() * len(lines) <= wrapped.room_height()
    assert wrapped.drawn_font().pointSizeF() > 2 * one_line.drawn_font().pointSizeF()


def test_a_name_that_fits_on_one_line_is_drawn_as_typed(qtbot):
    fit = wrap_label(qtbot, "A001  →  Ventanilla 3", 900, 200)
    assert fit.drawn_text() == "A001  →  Ventanilla 3" and fit.drawn_font().pointSizeF() == 36


def test_the_spaces_inside_a_line_stay_as_typed(qtbot):
    fit = wrap_label(qtbot, f"A001  →  {LONG}", 420, 200)
    lines = fit.drawn_text().split("\n")
    assert len(lines) > 1 and lines[0].startswith("A001  →  ")


def test_a_word_wider_than_the_room_is_drawn_smaller_not_cut(qtbot):
    word = "Ventanillapreferenteparaempresas"
    fit = wrap_label(qtbot, word, 120, 150)
    assert fit.drawn_text() == word
    assert QFontMetricsF(fit.drawn_font()).horizontalAdvance(word) <= fit.room()
