"""Lunch cover on the supervisor's screen: the alert with its advice, its sound, and the break plan it reads."""

from datetime import time

import pytest
from screens_harness import OFFSCREEN_NOISE, Branch, Recorder
from staff_sessions import session_of

from models.supervisor.service import SupervisorService
from queueing.core.roles import Role
from queueing.supervisor.alerts import AlertKind, AlertSettings
from queueing.supervisor.break_plan import RotaBreak
from queueing.supervisor.staffing import StaffingSettings
from ui.supervisor.window import SupervisorWindow

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
SUPERVISOR = session_of("DEMO", "S2001", Role.SUPERVISOR, "TEST")
TELLER = session_of("DEMO", "T1001", Role.TELLER, "TEST")
# Kim Min-jun (T1002, counter 2) goes to lunch at 10:05; the branch opens at 09:30 in the test.
ROTA = (RotaBreak("T1002", frozenset(range(5)), time(10, 5), 45),)


@pytest.fixture
def branch(tmp_path):
    b = Branch(tmp_path)
    b.open("C1")
    b.open("C2", "T1002")
    yield b
    b.close()


def make_window(qtbot, branch, session=SUPERVISOR):
    settings = StaffingSettings(closing_hour=12, rota=ROTA, min_open={"CASH": 2})
    supervisor = SupervisorService(branch.branch, AlertSettings(), settings, session)
    recorder = Recorder()
    window = SupervisorWindow(supervisor, branch.i18n, None, recorder, "Demo", poll_ms=200)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitUntil(lambda: window.overview is not None and bool(window.staff_names), timeout=3000)
    return window, recorder


def cover(window):
    return [a for a in window.overview.alerts if a.kind is AlertKind.BREAK_COVER]


def test_the_alert_comes_before_the_break_with_advice_and_a_sound(qtbot, branch, tmp_path):
    window, recorder = make_window(qtbot, branch)
    assert cover(window) == [] and recorder.chimes == 0
    branch.clock.advance(5 * 60)  # 09:35: the lunch is 30 minutes away
    qtbot.waitUntil(lambda: len(cover(window)) == 2, timeout=2000)
    qtbot.waitUntil(lambda: recorder.chimes == 1, timeout=1000)
    texts = [window.alerts.list.item(i).text() for i in range(window.alerts.list.count())]
    cash = next(t for t in texts if "Cash and deposits" in t)
    assert cash == (
        "Critical: Lunch cover, Cash and deposits: if Kim Min-jun (T1002) goes on break at 10:05, too few counters "
        "stay open for it (target 10 min; 1 counter open for it during the break, minimum 2). Keep 2 counters open "
        "for Cash and deposits until 10:50. Open counter 3 for Cash and deposits 10:05–10:50."
    )
    fx = next(t for t in texts if "Foreign exchange" in t)
    assert "0 counters open for it during the break, minimum 1" in fx and "Open counter 3 for Foreign exchange" in fx
    # Still there on the next polls: it sounded once.
    branch.clock.advance(60)
    qtbot.wait(600)
    assert recorder.chimes == 1
    window.alerts.grab().save(str(tmp_path / "lunch_cover_alert.png"))


def test_moving_the_break_on_the_staffing_tab_clears_the_alert(qtbot, branch, tmp_path):
    window, recorder = make_window(qtbot, branch)
    branch.clock.advance(5 * 60)
    qtbot.waitUntil(lambda: len(cover(window)) == 2, timeout=2000)
    panel = window.breaks_panel
    window.tabs.setCurrentWidget(window.staffing_page)
    qtbot.waitUntil(lambda: len(panel.model.rows) == 1, timeout=3000)
    rota = ("Kim Min-jun (T1002)", "10:05", "10:50", "45", "Rota (staffing.toml)")
    assert panel.model.cells(panel.model.rows[0]) == rota
    # The counter is closed at the break: the plan moves it after the lunch rush the supervisor expects.
    panel.set_break("T1002", "13:30", 30)
    moved = ("13:30", "14:00", "30", "Wang Fang")
    qtbot.waitUntil(lambda: [panel.model.cells(r)[1:] for r in panel.model.rows] == [moved], timeout=3000)
    assert panel.status.text() == "Break set."
    qtbot.waitUntil(lambda: cover(window) == [], timeout=2000)
    panel.set_break("T1002", "10:00", 181)
    qtbot.waitUntil(lambda: panel.status.text().startswith("Not done: This break cannot be set"), timeout=3000)
    qtbot.waitUntil(lambda: not window.staffing.title.text().startswith("Computing"), timeout=30000)
    window.staffing_page.grab().save(str(tmp_path / "staffing_breaks.png"))


def test_a_break_another_screen_moved_meanwhile_is_not_moved_twice(qtbot, branch):
    window, _ = make_window(qtbot, branch)
    panel = window.breaks_panel
    window.tabs.setCurrentWidget(window.staffing_page)
    qtbot.waitUntil(lambda: len(panel.model.rows) == 1, timeout=3000)
    shown = panel.model.rows[0]
    # Another supervisor's screen moves the rota break first; this screen still shows it.
    panel.breaks.schedule(SUPERVISOR, "T1002", shown.day, "12:00", 30, replaces=shown.id)
    panel.set_break("T1002", "13:30", 30, replaces=shown.id)
    qtbot.waitUntil(lambda: panel.status.text().startswith("Not done: Someone else moved"), timeout=3000)
    qtbot.waitUntil(lambda: [panel.model.cells(r)[1] for r in panel.model.rows] == ["12:00"], timeout=3000)


def test_a_teller_watching_the_screen_gets_no_break_plan(qtbot, branch):
    window, _ = make_window(qtbot, branch, TELLER)
    assert window.breaks_panel is None and window.staffing_page is window.staffing


def test_the_wait_advice_in_words_and_hostile_names_stay_text(qapp, branch):
    from datetime import UTC, datetime

    from queueing.supervisor.alerts import Alert, Severity
    from ui.supervisor.alerts import AlertsPanel

    panel = AlertsPanel()
    panel.names = {"T1002": "%2 <b>Li</b> %5"}
    facts = {
        "break_id": "b", "staff_id": "T1002", "counter_name": "2", "category": "CASH",
        "start": datetime(2026, 11, 23, 4, 0, tzinfo=UTC), "end": datetime(2026, 11, 23, 4, 45, tzinfo=UTC),
        "under_way": False, "open_during": 3, "wait_s": 9 * 60 + 10, "wait_without_s": 100.0, "target_s": 300.0,
        "min_open": 1, "needed": 4, "open_counter": None, "move_to": "13:00",
    }  # fmt: skip
    text = panel.alert_text(Alert(AlertKind.BREAK_COVER, Severity.WARNING, "b/CASH", facts), branch.branch.config, "en")
    assert text == (
        "Lunch cover, Cash and deposits: if %2 <b>Li</b> %5 (T1002) goes on break at 12:00, the expected wait rises "
        "to 9 min (target 5 min; 3 counters open for it during the break, minimum 1). Keep 4 counters open for Cash "
        "and deposits until 12:45. Or move the break of %2 <b>Li</b> %5 (T1002) to 13:00."
    )
    branch.i18n.set_language("zh_CN")
    alert = Alert(AlertKind.BREAK_COVER, Severity.WARNING, "b/CASH", facts)
    text = panel.alert_text(alert, branch.branch.config, "zh_CN")
    assert text.startswith("午间顶岗，现金存取：如果 %2 <b>Li</b> %5 (T1002) 在 12:00 休息，预计等候将升至 9 分钟")
