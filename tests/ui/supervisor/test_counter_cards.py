"""A counter card's service bar follows the visit without a repaint per card and per refresh."""

from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from screens_harness import OFFSCREEN_NOISE

from models.branch.records import CounterView, TicketView
from queueing.core.categories import load_branch_config
from ui.supervisor.counters import CountersGrid

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


def _serving(started_s_ago: float) -> CounterView:
    ticket = TicketView(
        id="t1", number="A001", category="CASH", priority="regular", status="serving", issued_at=NOW,
        waited_s=60, counter_id="C1", staff_id="T1001", customer_id=None, called_at=NOW, started_at=NOW,
        recalls=0, transfers=0, conflict=False,
    )  # fmt: skip
    counter = CounterView("C1", "1", {"CASH": 1}, "open", "T1001", None, NOW, ticket)
    return replace(counter, current=replace(ticket, started_at=NOW - timedelta(seconds=started_s_ago)))


def test_the_service_bar_follows_the_visit_and_its_colour_changes_only_with_the_share(qtbot, monkeypatch):
    config = load_branch_config()
    grid = CountersGrid()
    qtbot.addWidget(grid)
    grid.show()
    standard = config.category("CASH").typical_service_s
    grid.show_counters((_serving(standard / 2),), config, "en", {"T1001": "Li Na"}, NOW)
    card = grid.cards["C1"]
    qtbot.waitUntil(card.bar.isVisible, timeout=1000)
    assert card.bar.value() == 500 and "#2e7d4f" in card.bar.styleSheet()
    sheets = []
    original = card.bar.setStyleSheet
    monkeypatch.setattr(card.bar, "setStyleSheet", lambda text: (sheets.append(text), original(text)))
    grid.show_counters((_serving(standard * 0.9),), config, "en", {"T1001": "Li Na"}, NOW)
    assert card.bar.value() == 900 and sheets == []  # still within the standard: same colour, no new sheet
    assert card.bar.updatesEnabled()  # painted with the window's next paint
    grid.show_counters((_serving(standard * 2),), config, "en", {"T1001": "Li Na"}, NOW)
    assert card.bar.value() == 1000 and len(sheets) == 1 and "#b83a3a" in sheets[0]
    assert "Serving" in card.timing.text()


def test_a_counter_or_teller_name_that_looks_like_markup_is_shown_as_typed(qtbot):
    """Names are an administrator's free text: ``<span style=...>`` must not restyle the supervisor's card."""
    from PySide6.QtCore import Qt

    grid = CountersGrid()
    qtbot.addWidget(grid)
    counter = replace(_serving(10), name="<i>1</i>")
    big = "<span style='font-size:60pt'>Li</span> Na"
    grid.show_counters((counter,), load_branch_config(), "en", {"T1001": big}, NOW)
    card = grid.cards["C1"]
    for label in (card.name, card.teller):
        assert label.textFormat() == Qt.TextFormat.PlainText, label.objectName()
    assert big in card.teller.text() and "<i>1</i>" in card.name.text()


def test_a_pause_stamped_by_a_station_clock_running_ahead_shows_no_negative_minutes(qtbot):
    config = load_branch_config()
    grid = CountersGrid()
    qtbot.addWidget(grid)
    paused = CounterView("C1", "1", {"CASH": 1}, "paused", "T1001", "lunch", NOW + timedelta(minutes=3), None)
    grid.show_counters((paused,), config, "en", {}, NOW)
    assert grid.cards["C1"].state.text() == "Paused · Lunch 0 min"


def test_a_category_gone_from_the_configuration_shows_its_code_and_no_standard(qtbot):
    """categories.toml changed by hand while a GOLD customer is served: the card names the code, times the visit
    and shows no service bar (no standard to measure by), where it raised UnknownCategory at every refresh."""
    grid = CountersGrid()
    qtbot.addWidget(grid)
    grid.show()
    counter = _serving(90)
    gold = replace(counter, profile={"CASH": 1, "GOLD": 2}, current=replace(counter.current, category="GOLD"))
    grid.show_counters((gold,), load_branch_config(), "en", {"T1001": "Li Na"}, NOW)
    card = grid.cards["C1"]
    assert card.timing.text() == "Serving 1:30" and not card.bar.isVisible()
    assert "GOLD (2)" in card.profile.text()
