"""The alerts list at a busy moment: more alerts than it shows at once, refreshed twice a second."""

from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QEventLoop
from screens_harness import OFFSCREEN_NOISE

from queueing.core.categories import load_branch_config
from queueing.supervisor.alerts import Alert, AlertKind, Severity
from ui.supervisor.alerts import REPEAT_QUIET_S, AlertsPanel

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def idle(counter: str, name: str, idle_min: float) -> Alert:
    facts = {"counter_name": name, "idle_s": idle_min * 60, "waiting": 3}
    return Alert(AlertKind.IDLE_COUNTER, Severity.WARNING, counter, facts)


def settle() -> None:
    for _ in range(3):
        QEventLoop().processEvents()


def test_a_refresh_keeps_the_alerts_list_where_the_supervisor_scrolled_it(qtbot):
    """The list was cleared and filled again at every refresh: a supervisor reading the tenth alert was sent
    back to the first one twice a second."""
    config = load_branch_config()
    panel = AlertsPanel()
    qtbot.addWidget(panel)
    panel.resize(500, 120)
    panel.show()
    alerts = tuple(idle(f"C{i}", str(i), 5) for i in range(1, 13))
    panel.show_alerts(alerts, config, "en")
    settle()
    bar = panel.list.verticalScrollBar()
    assert bar.maximum() > 0
    bar.setValue(bar.maximum())
    panel.show_alerts(alerts, config, "en")  # the next refresh: nothing changed
    settle()
    assert bar.value() == bar.maximum()
    later = (*alerts[:-1], idle("C12", "12", 6))  # a minute later one figure changed
    panel.show_alerts(later, config, "en")
    settle()
    assert bar.value() == bar.maximum()
    assert panel.list.item(11).text() == "Warning: Counter 12 idle for 6 min while 3 of its customers wait"
    fewer = later[1:]  # one alert ended: the rest move up, the list stays down there
    panel.show_alerts(fewer, config, "en")
    settle()
    assert bar.value() == bar.maximum() > 0
    texts = [panel.list.item(i).text() for i in range(panel.list.count())]
    assert texts == [f"Warning: {panel.alert_text(a, config, 'en')}" for a in fewer]


def test_a_counter_name_holding_a_placeholder_stays_as_typed(qtbot):
    panel = AlertsPanel()
    qtbot.addWidget(panel)
    text = panel.alert_text(idle("C1", "%2 (%3)", 11), load_branch_config(), "en")
    assert text == "%2 (%3) idle for 11 min while 3 of its customers wait"  # a name of its own, called by it alone


def test_an_alert_back_soon_after_it_cleared_is_not_news_unless_it_is_worse_or_came_back_after_a_quiet_spell(qtbot):
    config = load_branch_config()
    panel = AlertsPanel()
    qtbot.addWidget(panel)
    at = datetime(2026, 11, 23, 4, 0, tzinfo=UTC)
    warning = idle("C1", "1", 5)
    critical = Alert(AlertKind.IDLE_COUNTER, Severity.CRITICAL, "C1", warning.facts)
    assert panel.show_alerts((warning,), config, "en", at) == {warning.key}
    assert panel.show_alerts((), config, "en", at + timedelta(minutes=1)) == set()
    assert panel.show_alerts((warning,), config, "en", at + timedelta(minutes=2)) == set()  # the same, back
    assert panel.show_alerts((), config, "en", at + timedelta(minutes=3)) == set()
    assert panel.show_alerts((critical,), config, "en", at + timedelta(minutes=4)) == {warning.key}  # worse: news
    assert panel.show_alerts((), config, "en", at + timedelta(minutes=5)) == set()
    quiet = timedelta(seconds=REPEAT_QUIET_S + 1)
    assert panel.show_alerts((warning,), config, "en", at + timedelta(minutes=5) + quiet) == {warning.key}
