"""ElidedLabel: asks for no width at least, draws its text cut with "…" where it got less than the text needs, and
then holds the whole text, as typed, in its tool tip."""

from label_text import renders_markup, tip_text

from ui.common.elided_label import ElidedLabel

NAME = "María de los Ángeles Fernández-Castillo de la Torre y Villalobos <b>T1001</b>"


def test_a_narrow_label_cuts_its_text_and_tips_it_whole(qtbot):
    label = ElidedLabel(NAME)
    qtbot.addWidget(label)
    label.show()
    assert label.minimumSizeHint().width() == 0
    assert label.sizeHint().width() >= label.fontMetrics().horizontalAdvance(NAME)
    label.resize(120, label.sizeHint().height())
    assert label.drawn_text().endswith("…") and len(label.drawn_text()) < len(NAME)
    assert label.text() == NAME and tip_text(label.toolTip()) == NAME
    assert not renders_markup(label)


def test_a_label_with_room_draws_it_all_and_has_no_tip(qtbot):
    label = ElidedLabel(NAME)
    qtbot.addWidget(label)
    label.show()
    label.resize(label.sizeHint())
    assert label.drawn_text() == NAME and label.toolTip() == ""
    label.setText("Demo")
    assert label.drawn_text() == "Demo" and label.toolTip() == ""
