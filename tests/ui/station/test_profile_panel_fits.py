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


def problems_at_1024(h: Harness, language: str) -> list[str]:
    """The served customer's window in ``language`` at 1024x768: what grew past the screen or is cut."""
    h.serve_customer_with_prompts()
    h.i18n.set_language(language)
    h.window.resize(1024, 768)
    h.settle()
    settle()
    return ([grown(h.window, 1024, 768)] if grown(h.window, 1024, 768) else []) + clipped(h.window)


@pytest.mark.parametrize("language", ["en", "zh_CN", "ko", "es"])
def test_profile_with_suggestions_fits_1024x768(qtbot, tmp_path, qapp, language):
    install_app_font(qapp)
    apply_style(qapp)
    h = Harness(qtbot, tmp_path)
    try:
        h.with_customers(KEY)
        problems = problems_at_1024(h, language)
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


# A counter's name may have 100 characters (queueing.core.text_rules.COUNTER_NAME), and so may a masked name: a
# Spanish customer's two family names and particles, written whole behind the given name's initial.
LONG_COUNTER = "Ventanilla de Atención Preferente para Personas Mayores y Empresas — Sucursal Centro Histórico Norte"
LONG_NAME = "M*** Fernández-Villaverde y Rodríguez de la Santísima Trinidad Montenegro-Valladares de los Caballeros"


@pytest.mark.parametrize("language", ["en", "zh_CN", "ko", "es"])
def test_a_long_counter_name_and_a_long_customer_name_fit_1024x768(qtbot, tmp_path, qapp, language):
    """Found by review: the counter's title asked for its whole name's width and held the window at 1209 px on a
    1024-pixel screen, and the customer's name, on one line, made the profile wider than its panel, so that the
    ID number and the cards beside it were cut off at the panel's edge."""
    from sqlalchemy import update

    from models.customers.tables import CustomerRow

    install_app_font(qapp)
    apply_style(qapp)
    h = Harness(qtbot, tmp_path)
    try:
        h.with_customers(KEY)
        with h.store.write_session() as session:
            session.execute(update(CustomerRow).values(name_masked=LONG_NAME[:100]))
        h.branch.run(lambda c: c.configure_counter("C1", LONG_COUNTER, {"CASH": 1, "TRANSFER": 2}))
        problems = problems_at_1024(h, language)
        body = h.window.profile_panel.body_scroll
        if body.widget().width() > body.viewport().width():
            problems.append(f"the profile is {body.widget().width()} px wide in {body.viewport().width()} px")
        assert problems == [], f"{language}: " + "\n".join(problems)
    finally:
        h.close()
