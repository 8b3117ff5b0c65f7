"""The teller's work page with a served customer's profile and two suggestions, at 1024x768, in every language:
the window stays within the screen (it once needed 1013 px of height) and no text is cut; the profile scrolls in
its panel. tests/ui/app/test_layouts_fit.py walks the same page at every desk size."""


import pytest
from fit_check import clipped, grown
from PySide6.QtCore import QCoreApplication, QEventLoop
from station_harness import Harness

from ui.common.fonts import install_app_font
from ui.common.style import apply_style
from ui.station.profile_panel import PromptCard

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
KEY = bytes(range(32))


def settle():
    loop = QEventLoop()
    for _ in range(3):
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        QCoreApplication.sendPostedEvents()


@pytest.mark.parametrize("language", ["en", "zh_CN", "ko", "es"])
def test_profile_with_suggestions_fits_1024x768(qtbot, tmp_path, qapp, language):
    install_app_font(qapp)
    apply_style(qapp)
    h = Harness(qtbot, tmp_path)
    try:
        h.with_customers(KEY)
        h.serve_customer_with_prompts()
        h.i18n.set_language(language)
        h.window.resize(1024, 768)
        h.settle()
        settle()
        problems = ([grown(h.window, 1024, 768)] if grown(h.window, 1024, 768) else []) + clipped(h.window)
        assert problems == [], f"{language}: " + "\n".join(problems)
    finally:
        h.close()


def test_the_profile_scrolls_in_its_panel_rather_than_growing_the_window(qtbot, tmp_path, qapp):
    install_app_font(qapp)
    apply_style(qapp)
    h = Harness(qtbot, tmp_path)
    try:
        h.with_customers(KEY)
        h.serve_customer_with_prompts()
        h.window.resize(1024, 768)
        h.settle()
        settle()
        scroll = h.window.profile_panel.body_scroll
        assert scroll.verticalScrollBar().maximum() > 0, "at 1024x768 the profile needs more height than it has"
        assert h.window.profile_panel.findChildren(PromptCard), "the suggestions are in the panel, below the fold"
    finally:
        h.close()
