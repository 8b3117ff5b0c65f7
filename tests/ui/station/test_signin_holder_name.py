"""The sign-in refusal names the teller who still holds the counter: a name that looks like HTML must be shown as
typed, not rendered (an <img> in it drew a picture, <font size=7> took over the sign-in screen)."""

import pytest
from label_text import renders_markup
from PySide6.QtCore import Qt
from screens_harness import MARKUP
from station_harness import Harness, wait_until

from queueing.core.errors import CounterTaken
from ui.station.release import counter_taken_text

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.mark.parametrize("language", ["en", "zh_CN", "ko", "es"])
def test_counter_holders_name_is_not_rendered_as_html(qtbot, tmp_path, language):
    h = Harness(qtbot, tmp_path, language=language)
    try:
        admin = h.station.staff.verify("A3001", "000000")
        h.station.staff.add(admin, "T1002", MARKUP, "teller", "2222")  # an administrator typed this name
        h.other_station("OTHER").sign_in("C1", "T1002")
        h.window.sign_in_page.staff_id.setFocus()
        h.type("T1001")
        h.key(Qt.Key.Key_Tab)
        h.type("1111")
        h.key(Qt.Key.Key_Return)
        error = h.window.sign_in_page.error
        wait_until(lambda: "HACKED" in error.text())
        assert not renders_markup(error), error.text()
    finally:
        h.close()


def test_a_holders_name_that_looks_like_a_placeholder_stays_as_typed():
    exc = CounterTaken("held", holder="T1002", since=None, holder_name="%3 Li %4")
    text = counter_taken_text(exc, "1", str)
    assert "%3 Li %4 (T1002)" in text, text
