"""The supervisor sees when the hall cannot hear its calls: the display reports its sound, the banner says why."""

from __future__ import annotations

import pytest
from screens_harness import OFFSCREEN_NOISE, Branch, Recorder

from models.supervisor.hall_sound import NO_DEVICE, TURNED_OFF, hall_sounds, report_hall_sound
from models.supervisor.service import SupervisorService
from queueing.supervisor.alerts import AlertSettings
from queueing.supervisor.staffing import StaffingSettings
from ui.display.announcer import Announcer, CallSettings
from ui.display.window import DisplayWindow
from ui.supervisor.window import SupervisorWindow

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def branch(tmp_path):
    b = Branch(tmp_path)
    b.open("C1")
    yield b
    b.close()


def test_reports_are_kept_per_display_and_unknown_reasons_refused(qapp, branch):
    report_hall_sound(branch.store, "DEMO", "HALL-1", NO_DEVICE, branch.clock.now())
    report_hall_sound(branch.store, "DEMO", "HALL-2", None, branch.clock.now())
    report_hall_sound(branch.store, "DEMO", "HALL-1", None, branch.clock.now())  # its speakers came back
    report_hall_sound(branch.store, "OTHER", "HALL-9", NO_DEVICE, branch.clock.now())
    assert [(r.station_id, r.problem) for r in hall_sounds(branch.store, "DEMO")] == [
        ("HALL-1", None),
        ("HALL-2", None),
    ]
    with pytest.raises(ValueError, match="unknown hall sound problem 'loud'"):
        report_hall_sound(branch.store, "DEMO", "HALL-1", "loud", branch.clock.now())


def test_a_display_with_its_chime_off_shows_on_the_supervisors_screen(qtbot, branch):
    silent = Announcer(CallSettings(chime=False, speech=False))
    display = DisplayWindow(branch.branch, branch.i18n, silent.settings, silent, "Demo", poll_ms=200)
    qtbot.addWidget(display)
    display.report_sound()
    qtbot.waitUntil(lambda: bool(hall_sounds(branch.store, "DEMO")), timeout=3000)
    assert hall_sounds(branch.store, "DEMO")[0].problem == TURNED_OFF

    supervisor = SupervisorService(branch.branch, AlertSettings(), StaffingSettings(closing_hour=12))
    window = SupervisorWindow(supervisor, branch.i18n, None, Recorder(), "Demo", poll_ms=200)
    qtbot.addWidget(window)
    window.show()
    banner = window.hall_sound
    qtbot.waitUntil(lambda: banner.isVisible(), timeout=3000)
    assert banner.text() == (
        "⚠ Hall sound off at TEST-SCREEN: the chime is turned off in display.toml. Calls are shown but not heard."
    )
    branch.clock.advance(180)  # the display stopped reporting
    banner.refresh()
    qtbot.waitUntil(lambda: "has not reported since 09:30" in banner.text(), timeout=3000)
    report_hall_sound(branch.store, "DEMO", "TEST-SCREEN", None, branch.clock.now())
    banner.refresh()
    qtbot.waitUntil(lambda: not banner.isVisible(), timeout=3000)
    window.close()
    display.close()
