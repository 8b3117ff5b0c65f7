"""The Follow-ups tab lists a page of the most overdue follow-ups and says when more are due (a big branch has tens
of thousands); the days box asks the store once when it is stepped several times."""

from datetime import timedelta

from test_follow_ups_panel import (  # noqa: F401 - fixture
    TELLER,
    TODAY,
    desk,
    make_window,
    pytestmark,
)

from queueing.customers.profiles import Channel


def test_a_capped_list_says_how_many_are_due(qtbot, desk):  # noqa: F811
    branch, notes = desk
    for customer in (1, 2, 3):
        notes.add_follow_up(TELLER, customer, Channel.PHONE, f"Call back {customer}", TODAY)
    branch.clock.advance(2 * 86400)
    whole = notes.due_page
    notes.due_page = lambda actor, days, owner: whole(actor, days, owner, limit=2)
    _, panel = make_window(qtbot, branch, notes)
    qtbot.waitUntil(lambda: len(panel.model.rows) == 2, timeout=3000)
    assert panel.count.text() == "2 follow-ups listed · overdue: 3"
    assert panel.capped.isVisible()
    assert panel.capped.text() == (
        "Only the 2 most overdue of 3 are listed: choose fewer days or one owner to see the others."
    )


def test_stepping_the_days_box_reloads_once(qtbot, desk):  # noqa: F811
    branch, notes = desk
    notes.add_follow_up(TELLER, 1, Channel.PHONE, "Call back", TODAY + timedelta(days=3))
    _, panel = make_window(qtbot, branch, notes)
    asked: list[int] = []
    whole = notes.due_page

    def counted(actor, days, owner):
        asked.append(days)
        return whole(actor, days, owner)

    notes.due_page = counted
    for days in range(1, 6):
        panel.days.setValue(days)
    qtbot.waitUntil(lambda: asked == [5] and len(panel.model.rows) == 1, timeout=3000)
    assert not panel.capped.isVisible()
