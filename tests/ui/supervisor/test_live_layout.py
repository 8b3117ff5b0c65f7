"""The Live tab at the desk sizes a supervisor has: every counter card whole, whatever the language and the names."""

import pytest
from PySide6.QtCore import QEventLoop
from screens_harness import OFFSCREEN_NOISE, Branch, Recorder
from staff_sessions import session_of

from models.supervisor.service import SupervisorService
from queueing.core.roles import Role
from queueing.supervisor.alerts import AlertSettings
from queueing.supervisor.staffing import StaffingSettings
from ui.supervisor.window import SupervisorWindow

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

SUPERVISOR = session_of("DEMO", "S2001", Role.SUPERVISOR, "TEST")


@pytest.fixture
def branch(tmp_path):
    b = Branch(tmp_path)
    yield b
    b.close()


def busy_window(qtbot, branch, width: int, height: int) -> SupervisorWindow:
    """Every counter open with a customer or on a break: the widest state each card can show."""
    tellers = {"C1": "T1001", "C2": "T1002", "C3": "T1003", "C4": "S2001", "C5": "A3001", "C6": "T1001"}
    for counter_id, teller in list(tellers.items())[:5]:
        branch.open(counter_id, teller)
        branch.other.issue_ticket("CASH")
    for counter_id in ("C1", "C2", "C3"):
        branch.other.call_next(counter_id, tellers[counter_id])
        branch.other.start(counter_id)
    branch.other.pause("C4", "back_office")
    branch.other.pause("C5", "lunch")
    supervisor = SupervisorService(branch.branch, AlertSettings(), StaffingSettings(closing_hour=12), SUPERVISOR)
    window = SupervisorWindow(supervisor, branch.i18n, None, Recorder(), "Demo", poll_ms=200)
    qtbot.addWidget(window)
    window.resize(width, height)
    window.show()
    qtbot.waitUntil(lambda: window.overview is not None, timeout=3000)
    return window


def settle() -> None:
    """Run the layout requests the new texts posted (no waiting on a clock)."""
    for _ in range(3):
        QEventLoop().processEvents()


def cut_cards(window: SupervisorWindow) -> list[str]:
    """The counter cards that reach past the right edge of the area that shows them."""
    viewport = window.counters.parentWidget()
    cut = []
    for counter_id, card in window.counters.cards.items():
        right = card.mapTo(viewport, card.rect().topRight()).x()
        if right >= viewport.width():
            cut.append(f"{counter_id}: right edge {right} px, shown up to {viewport.width()} px")
    return cut


@pytest.mark.parametrize("language", ["en", "zh_CN", "ko", "es"])
def test_at_1280x800_every_counter_card_is_shown_whole(qtbot, branch, language):
    """Three cards to a row did not fit 1280 px: the third column ran under the splitter, its state and buttons cut."""
    window = busy_window(qtbot, branch, 1280, 800)
    branch.i18n.set_language(language)
    qtbot.waitUntil(lambda: window.counters.cards["C5"].state.text() != "", timeout=2000)
    settle()
    assert cut_cards(window) == []
    assert not window.counters_scroll.horizontalScrollBar().isVisible()


def test_at_1920x1080_three_cards_to_a_row(qtbot, branch):
    window = busy_window(qtbot, branch, 1920, 1080)
    settle()
    assert window.counters.columns == 3 and cut_cards(window) == []


def test_a_long_counter_or_teller_name_wraps_in_its_card_instead_of_widening_the_grid(qtbot, branch):
    """Names are typed by people (counter names up to 100 characters, staff names up to 200)."""
    long_counter = "Foreign exchange, remittances and international payments for business customers only"
    branch.other.run(lambda c: c.configure_counter("C1", long_counter, {"CASH": 1}))
    window = busy_window(qtbot, branch, 1280, 800)
    window._on_staff({"T1001": "Teller" + "x" * 194})  # one word of 200 characters: nowhere to wrap
    qtbot.waitUntil(lambda: "x" * 50 in window.counters.cards["C1"].teller.text(), timeout=2000)
    settle()
    assert cut_cards(window) == []
    assert long_counter in window.counters.cards["C1"].name.toolTip()  # the whole name, where the card cuts it
