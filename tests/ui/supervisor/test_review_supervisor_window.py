"""Adversarial review of the supervisor's queue screen (window level)."""

import shutil

import pytest
from screens_harness import OFFSCREEN_NOISE, Branch, Recorder
from staff_sessions import session_of

from models.supervisor.service import SupervisorService
from models.supervisor.settings_files import SettingsEditor, default_settings_files
from queueing.config.files import RESOURCES
from queueing.core.roles import Role
from queueing.supervisor.alerts import AlertSettings
from queueing.supervisor.staffing import StaffingSettings
from ui.supervisor.window import SupervisorWindow

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)

SUPERVISOR = session_of("DEMO", "S2001", Role.SUPERVISOR, "TEST")


@pytest.fixture
def branch(tmp_path):
    b = Branch(tmp_path)
    b.open("C1")
    yield b
    b.close()


@pytest.fixture
def editor(tmp_path):
    folder = tmp_path / "settings"
    folder.mkdir()
    for file in default_settings_files().values():
        shutil.copy(RESOURCES / file.path.name, folder / file.path.name)
    return SettingsEditor(default_settings_files(folder), SUPERVISOR)


def make_window(qtbot, branch, editor):
    supervisor = SupervisorService(branch.branch, AlertSettings(), StaffingSettings(closing_hour=12), SUPERVISOR)
    recorder = Recorder()
    window = SupervisorWindow(supervisor, branch.i18n, editor, recorder, "Demo", poll_ms=200)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitUntil(lambda: window.overview is not None, timeout=3000)
    return window, recorder


def test_an_alert_that_turns_critical_sounds_again(qtbot, branch, editor):
    """A cash customer past the 10-minute target: a warning, with the chime. Nobody acts; at 31 minutes the same
    customer is past the 30-minute maximum and the alert turns critical. The key (kind:subject) does not change,
    so the screen treats it as the same alert and stays silent at the moment it matters most."""
    window, recorder = make_window(qtbot, branch, editor)
    branch.other.close_counter("C1")  # no idle alerts: only the overdue one
    branch.other.issue_ticket("CASH")
    branch.clock.advance(11 * 60)
    qtbot.waitUntil(lambda: window.alerts.list.count() >= 1 and window.alerts.list.isVisible(), timeout=2000)
    qtbot.waitUntil(lambda: recorder.chimes == 1, timeout=1000)
    branch.clock.advance(20 * 60)  # 31 minutes: past the maximum
    qtbot.waitUntil(
        lambda: any(
            window.alerts.list.item(i).text().startswith("Critical: Cash") for i in range(window.alerts.list.count())
        ),
        timeout=2000,
    )
    qtbot.wait(300)
    assert recorder.chimes == 2
