"""A counter with a name of its own ("外汇窗口", "Foreign exchange") is called by that name alone (README, "A counter
named by number"), on the station and supervisor screens as on the hall display: not "外汇窗口 号窗口" or
"Ventanilla Caja de divisas". A numbered one keeps its word: "Counter 1" / "1 号窗口" / "1번 창구" / "Ventanilla 1"."""

import pytest
from screens_harness import OFFSCREEN_NOISE, Branch, Recorder
from station_harness import Harness

from models.supervisor.service import SupervisorService
from queueing.core.errors import CounterTaken
from queueing.supervisor.alerts import Alert, AlertKind, AlertSettings, Severity
from queueing.supervisor.staffing import StaffingSettings
from ui.station.release import counter_taken_text
from ui.supervisor.alerts import AlertsPanel
from ui.supervisor.window import SupervisorWindow

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
NAMES = {"zh_CN": "外汇窗口", "ko": "외환 창구", "es": "Caja de divisas", "en": "Foreign exchange"}


def _rename(branch, staff, name):
    admin = staff.verify("A3001", "000000")
    profile = dict(next(c for c in branch.snapshot().counters if c.id == "C1").profile)
    branch.configure_counter(admin, "C1", name, profile)


@pytest.mark.parametrize("language", list(NAMES))
def test_supervisor_card_calls_a_named_counter_by_its_name(qtbot, tmp_path, language):
    b = Branch(tmp_path)
    try:
        _rename(b.branch, b.station.staff, NAMES[language])
        b.i18n.set_language(language)
        service = SupervisorService(b.branch, AlertSettings(), StaffingSettings(closing_hour=12))
        window = SupervisorWindow(service, b.i18n, None, Recorder(), "Demo", poll_ms=200)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.overview is not None, timeout=3000)
        qtbot.waitUntil(lambda: NAMES[language] in window.counters.cards["C1"].name.text(), timeout=2000)
        assert window.counters.cards["C1"].name.text() == NAMES[language]
    finally:
        b.close()


@pytest.mark.parametrize("language", list(NAMES))
def test_station_calls_a_named_counter_by_its_name(qtbot, tmp_path, language):
    h = Harness(qtbot, tmp_path, language=language)
    try:
        _rename(h.branch, h.station.staff, NAMES[language])
        h.sign_in()
        h.settle()
        assert h.window.status.counter.text() == NAMES[language]
    finally:
        h.close()


NUMBERED = {"en": "Counter 1", "zh_CN": "1 号窗口", "ko": "1번 창구", "es": "Ventanilla 1"}
IN_A_SENTENCE = {"en": "counter 1", "zh_CN": "1 号窗口", "ko": "1번 창구", "es": "la ventanilla 1"}


@pytest.mark.parametrize("language", list(NAMES))
def test_station_titles_pickers_and_refusal_call_a_named_counter_by_its_name(qtbot, tmp_path, language):
    h = Harness(qtbot, tmp_path, language=language)
    try:
        _rename(h.branch, h.station.staff, NAMES[language])
        h.window.refresh()
        h.settle()
        page = h.window.sign_in_page
        assert page.counter.itemText(page.counter.findData("C1")) == NAMES[language]
        exc = CounterTaken("held", holder="T1002", since=None, holder_name="Wang Fang")
        refusal = counter_taken_text(exc, NAMES[language], str)
        assert NAMES[language] in refusal and NUMBERED[language] not in refusal, refusal
        name = NAMES[language]
        for glued in (f"counter {name}", f"{name} 号窗口", f"{name}号窗口", f"{name}번 창구", f"ventanilla {name}"):
            assert glued.lower() not in refusal.lower(), refusal
        h.sign_in()
        h.settle()
        assert h.window.counter_panel.title.text() == NAMES[language]
    finally:
        h.close()


@pytest.mark.parametrize("language", list(NAMES))
def test_a_numbered_counter_keeps_its_word(qtbot, tmp_path, language):
    h = Harness(qtbot, tmp_path, language=language)
    try:
        h.sign_in()
        h.settle()
        assert h.window.status.counter.text() == NUMBERED[language]
        exc = CounterTaken("held", holder="T1002", since=None, holder_name="Wang Fang")
        refusal = counter_taken_text(exc, "1", str)
        assert IN_A_SENTENCE[language] in refusal, refusal
    finally:
        h.close()


@pytest.mark.parametrize("language", list(NAMES))
def test_alerts_call_a_named_counter_by_its_name(qapp, language):
    from ui.common.i18n import LanguageManager

    manager = LanguageManager(qapp)
    try:
        manager.set_language(language)
        panel = AlertsPanel()
        idle = Alert(AlertKind.IDLE_COUNTER, Severity.WARNING, "C1", {"counter_name": NAMES[language], "idle_s": 600,
                                                                       "waiting": 3})  # fmt: skip
        text = panel.alert_text(idle, None, language)
        assert text.startswith(NAMES[language]) and "%" not in text, text
        numbered = Alert(AlertKind.IDLE_COUNTER, Severity.WARNING, "C1", {"counter_name": "1", "idle_s": 600,
                                                                           "waiting": 3})  # fmt: skip
        assert panel.alert_text(numbered, None, language).startswith(NUMBERED[language])
    finally:
        manager.set_language("en")
