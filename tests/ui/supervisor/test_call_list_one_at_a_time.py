"""The call list shows a revealed phone number for one customer at a time (README: "the phone number is shown one
customer at a time with a reason"): a supervisor who reveals row after row must not end with a screen full of clear
numbers, which a glance from the queue, a screenshot or a screen share would carry away. And the list stays one a
big branch can open: a page of the largest deposits with a note saying there are more, and a days box that asks
the store once when it is stepped several times."""

from clear_customers import clear_phones
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from test_call_list_panel import (  # noqa: F401 - fixture
    SUPERVISOR,
    cells,
    choose,
    desk,
    make_window,
    pytestmark,
)

from models.marketing.call_list import MaturityPage
from ui.supervisor.call_list_panel import CallListPanel


def _reveal(qtbot, panel, row, reason):
    choose(panel, row)
    qtbot.mouseClick(panel.reveal_button, Qt.MouseButton.LeftButton)
    dialog = panel.dialog
    dialog.reason.setText(reason)
    ok = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(ok, Qt.MouseButton.LeftButton)


def test_revealing_a_second_customer_hides_the_first_ones_number(qtbot, desk):  # noqa: F811
    branch = desk[0]
    _, panel = make_window(qtbot, desk)
    phones = clear_phones(branch.store, desk[2].seal)
    first, second = panel.model.rows[1].customer_id, panel.model.rows[2].customer_id
    _reveal(qtbot, panel, 1, "Maturity call")
    qtbot.waitUntil(lambda: cells(panel, 1)[5] == phones[first], timeout=3000)
    _reveal(qtbot, panel, 2, "Maturity call, next one")
    qtbot.waitUntil(lambda: cells(panel, 2)[5] == phones[second], timeout=3000)
    shown = {c for r in range(len(panel.model.rows)) for c in cells(panel, r)}
    assert phones[first] not in shown, "two customers' clear phone numbers are on the screen at once"


def test_a_capped_list_says_there_are_more(qtbot, desk):  # noqa: F811
    calls = desk[1]
    whole = calls.maturity_page
    calls.maturity_page = lambda actor, days: whole(actor, days, limit=1)
    panel = CallListPanel(calls, SUPERVISOR, desk[2], desk[3])
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: len(panel.model.rows) == 2, timeout=3000)  # the reminder and the largest deposit
    assert cells(panel, 1)[2] == "900,000"
    assert panel.count.text() == "2 deposits to call about · 1 appointment reminder for tomorrow"
    assert panel.capped.isVisible()
    assert panel.capped.text() == "Only the 1 largest are listed: shorten the window to see the others."


def test_stepping_the_days_box_reloads_once(qtbot, desk):  # noqa: F811
    calls = desk[1]
    _, panel = make_window(qtbot, desk)
    asked: list[int] = []
    whole = calls.maturity_page

    def counted(actor, days) -> MaturityPage:
        asked.append(days)
        return whole(actor, days)

    calls.maturity_page = counted
    for days in range(31, 36):
        panel.days.setValue(days)
    qtbot.waitUntil(lambda: asked == [35], timeout=3000)
    assert not panel.capped.isVisible()
