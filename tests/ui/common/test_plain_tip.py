"""Tool tips that show data (a name, a note, a refusal's reason) show its characters, never HTML."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui's Qt namespace
from PySide6.QtGui import QTextDocument

from models.staff.roster import StaffAccount
from ui.common.shown_text import plain_tip

HOSTILE = '<h1 style="font-size:60pt">Branch manager</h1><img src="file:///etc/hostname"> & co'


def drawn(tip: str) -> str:
    """What a tool tip shows: Qt draws a tip that looks like rich text as HTML."""
    if not GuiQt.mightBeRichText(tip):
        return tip
    document = QTextDocument()
    document.setHtml(tip)
    return document.toPlainText()


@pytest.mark.parametrize("text", [HOSTILE, "Li Na", "a < b > c", "line one\nline two"])
def test_a_tip_shows_the_characters_it_was_given(qapp, text):
    assert drawn(plain_tip(text)) == text


def test_the_staff_tabs_tip_shows_a_hostile_name_as_typed(qapp):
    """The Administration screen's Staff table drew a name like this as a heading and a picture off the disk."""
    from ui.admin.staff_tab import StaffModel

    model = StaffModel()
    model.set_rows((StaffAccount("T9", HOSTILE, "teller", True, False),))
    assert drawn(model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)) == HOSTILE
