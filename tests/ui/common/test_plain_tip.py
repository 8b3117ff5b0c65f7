"""Tool tips that show data (a name, a note, a refusal's reason) show its characters, never HTML."""

from __future__ import annotations

import pytest
from label_text import tip_text
from PySide6.QtCore import Qt

from models.staff.roster import StaffAccount
from ui.common.shown_text import plain_tip

HOSTILE = '<h1 style="font-size:60pt">Branch manager</h1><img src="file:///etc/hostname"> & co'


@pytest.mark.parametrize("text", [HOSTILE, "Li Na", "a < b > c", "line one\nline two"])
def test_a_tip_shows_the_characters_it_was_given(qapp, text):
    assert tip_text(plain_tip(text)) == text


def test_the_staff_tabs_tip_shows_a_hostile_name_as_typed(qapp):
    """The Administration screen's Staff table drew a name like this as a heading and a picture off the disk."""
    from ui.admin.staff_tab import StaffModel

    model = StaffModel()
    model.set_rows((StaffAccount("T9", HOSTILE, "teller", True, False),))
    assert tip_text(model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole)) == HOSTILE
