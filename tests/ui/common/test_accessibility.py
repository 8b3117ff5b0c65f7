"""Accessibility: names and descriptions through QAccessible, touch targets, a keypad alone, text beside colour."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QComboBox,
    QHeaderView,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTabBar,
    QWidget,
)
from screens_harness import OFFSCREEN_NOISE, Branch, Recorder

from ui.common.i18n import LANGUAGES
from ui.common.style import apply_style
from ui.kiosk.session import KioskTimeouts
from ui.kiosk.window import KioskWindow

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
INTERACTIVE = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTabBar, QPlainTextEdit)
TOUCH_PX = 48


def unnamed(window: QWidget) -> list[str]:
    """Interactive widgets of ``window`` without an accessible name or description (Qt's own parts left out)."""
    problems = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, INTERACTIVE) or isinstance(widget, QHeaderView):
            continue
        if widget.objectName().startswith("qt_") or widget.window() is not window:
            continue  # a table's corner button, a menu bar's overflow, a combo box's popup list
        if isinstance(widget.parentWidget(), QTabBar):
            continue  # the tab bar's own scroll arrows
        face = QAccessible.queryAccessibleInterface(widget)
        name = face.text(QAccessible.Text.Name)
        description = face.text(QAccessible.Text.Description)
        if not name or not description:
            label = widget.text() if isinstance(widget, QAbstractButton) else ""
            problems.append(f"{type(widget).__name__}#{widget.objectName()} {label!r}: name {name!r}, "
                            f"description {description!r}")
    return problems


@pytest.fixture
def branch(tmp_path, qapp):
    apply_style(qapp)  # the application's style sheet, as every role has it
    b = Branch(tmp_path)
    for counter, staff in (("C1", "T1001"), ("C2", "T1002")):
        b.open(counter, staff)
    b.other.issue_ticket("CASH")
    yield b
    b.close()


class NobodyLookup:
    def identify(self, kind, value):
        return None


def make_kiosk(qtbot, branch):
    kiosk = KioskWindow(branch.branch, branch.i18n, None, "Demo", poll_ms=200, lookup=NobodyLookup(),
                        timeouts=KioskTimeouts(choose_s=60, identify_s=60, ticket_s=60))
    qtbot.addWidget(kiosk)
    kiosk.resize(1024, 768)
    kiosk.show()
    qtbot.waitUntil(lambda: bool(kiosk.service_buttons), timeout=3000)
    return kiosk


def test_every_kiosk_control_has_a_name_and_a_description_in_every_language(qtbot, branch):
    kiosk = make_kiosk(qtbot, branch)
    for language in LANGUAGES:
        branch.i18n.set_language(language)
        assert unnamed(kiosk) == [], language
    branch.i18n.set_language("en")
    tile = QAccessible.queryAccessibleInterface(kiosk.service_buttons["CASH"])
    assert tile.text(QAccessible.Text.Name) == "Cash and deposits, 1 customer ahead"
    assert tile.text(QAccessible.Text.Description) == "Takes a ticket for this service. Keypad key 1"


def test_station_and_supervisor_controls_have_names_and_descriptions(qtbot, tmp_path, branch):
    from station_harness import Harness

    from models.supervisor.service import SupervisorService
    from queueing.supervisor.alerts import AlertSettings
    from queueing.supervisor.staffing import StaffingSettings
    from ui.supervisor.window import SupervisorWindow

    (tmp_path / "station").mkdir()
    station = Harness(qtbot, tmp_path / "station")
    try:
        assert unnamed(station.window) == []
        station.sign_in()
        assert unnamed(station.window) == []
    finally:
        station.close()
    supervisor = SupervisorService(branch.branch, AlertSettings(), StaffingSettings(closing_hour=12))
    window = SupervisorWindow(supervisor, branch.i18n, None, Recorder(), "Demo", poll_ms=200)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.overview is not None, timeout=3000)
    assert unnamed(window) == []


def test_kiosk_touch_targets_are_at_least_48_px_at_1024x768_in_every_language_and_large_text(qtbot, branch):
    kiosk = make_kiosk(qtbot, branch)
    small = []
    for large in (False, True):
        kiosk.set_large_text(large)
        for language in LANGUAGES:
            branch.i18n.set_language(language)
            for page in (0, 2):
                kiosk.pages.setCurrentIndex(page)
                qtbot.wait(20)
                for button in kiosk.findChildren(QPushButton):
                    if button.isVisible() and min(button.width(), button.height()) < TOUCH_PX:
                        small.append(f"{language} large={large} {button.objectName()} {button.text()!r}: "
                                     f"{button.width()}x{button.height()}")
    branch.i18n.set_language("en")
    assert small == []


def test_the_kiosk_works_from_a_numeric_keypad_alone(qtbot, branch):
    kiosk = make_kiosk(qtbot, branch)
    keypad = Qt.KeyboardModifier.KeypadModifier
    qtbot.keyClick(kiosk, Qt.Key.Key_Asterisk, keypad)
    assert branch.i18n.language == "zh_CN"
    qtbot.keyClick(kiosk, Qt.Key.Key_Plus, keypad)
    assert kiosk.large_text_button.isChecked() and "#ffd400" in kiosk.styleSheet()
    qtbot.keyClick(kiosk, Qt.Key.Key_Period, keypad)
    page = kiosk.identify_page
    assert kiosk.pages.currentWidget() is page
    qtbot.keyClicks(QApplicationFocus.of(kiosk), "6228")
    assert page.entry.text() == "6228"
    qtbot.keyClick(QApplicationFocus.of(kiosk), Qt.Key.Key_Minus, keypad)
    assert kiosk.pages.currentIndex() == 0
    qtbot.keyClick(kiosk, Qt.Key.Key_0, keypad)
    assert kiosk.priority_button.isChecked()
    with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000) as issued:
        qtbot.keyClick(kiosk, Qt.Key.Key_1, keypad)
    assert issued.args[0].category == "CASH" and issued.args[0].priority == "elderly"
    assert kiosk.pages.currentIndex() == 1
    qtbot.keyClick(kiosk, Qt.Key.Key_Enter, keypad)
    assert kiosk.pages.currentIndex() == 0 and branch.i18n.language == "en"
    assert not kiosk.large_text_button.isChecked() and "#ffd400" not in kiosk.styleSheet()


class QApplicationFocus:
    @staticmethod
    def of(window: QWidget) -> QWidget:
        from PySide6.QtWidgets import QApplication

        return QApplication.focusWidget() or window


def test_a_long_wait_says_so_in_words_not_only_in_red():
    from ui.common.accessibility import marked_wait

    assert marked_wait("12:00", over_target=False) == "12:00"
    assert marked_wait("12:00", over_target=True) == "12:00 (over target)"
    assert marked_wait("31:00", over_target=True, over_maximum=True) == "31:00 (over maximum)"


def test_administration_controls_have_names_and_descriptions(qtbot, branch):
    from ui.admin.window import admin_window

    actor = branch.station.staff.verify("A3001", "000000")
    window = admin_window(branch.branch, branch.station.staff, branch.i18n, actor)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.staff_panel.model.rowCount() > 0, timeout=3000)
    for language in LANGUAGES:
        branch.i18n.set_language(language)
        assert unnamed(window) == [], language
    branch.i18n.set_language("en")
