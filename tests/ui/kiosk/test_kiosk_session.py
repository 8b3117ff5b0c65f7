"""One inactivity timer per kiosk session: every touch and key restarts it; when it runs out the next customer
finds the first page, the default language and priority off."""

import pytest
from PySide6.QtCore import Qt
from screens_harness import OFFSCREEN_NOISE, Branch

from queueing.core.errors import ConfigError
from ui.kiosk.session import KIOSK_FILE, KioskTimeouts, load_kiosk_timeouts
from ui.kiosk.window import KioskWindow

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
SHORT = KioskTimeouts(choose_s=0.6, identify_s=0.6, ticket_s=0.6)


class NobodyLookup:
    """The identify page without a customer store: nobody is found."""

    def identify(self, kind, value):
        return None


@pytest.fixture
def branch(tmp_path):
    b = Branch(tmp_path)
    b.open("C1")
    yield b
    b.close()


def make_kiosk(qtbot, branch, timeouts=SHORT, lookup=None):
    kiosk = KioskWindow(branch.branch, branch.i18n, None, "Demo", poll_ms=200, lookup=lookup, timeouts=timeouts)
    qtbot.addWidget(kiosk)
    kiosk.resize(1024, 768)
    kiosk.show()
    qtbot.waitUntil(lambda: bool(kiosk.service_buttons), timeout=3000)
    return kiosk


def assert_at_start(kiosk, branch):
    assert kiosk.pages.currentIndex() == 0
    assert branch.i18n.language == "en"
    assert not kiosk.priority_button.isChecked()
    assert kiosk.identity is None


def test_priority_touched_and_left_is_off_for_the_next_customer(qtbot, branch):
    kiosk = make_kiosk(qtbot, branch)
    qtbot.mouseClick(kiosk.language_buttons["es"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.priority_button, Qt.MouseButton.LeftButton)
    assert kiosk.priority_button.isChecked() and branch.i18n.language == "es"
    assert kiosk.session.active
    qtbot.waitUntil(lambda: not kiosk.priority_button.isChecked(), timeout=2000)
    assert_at_start(kiosk, branch)
    with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000) as issued:
        kiosk.issue("CASH")
    assert issued.args[0].priority == "regular"


def test_every_touch_restarts_the_one_timer(qtbot, branch):
    kiosk = make_kiosk(qtbot, branch)
    qtbot.mouseClick(kiosk.language_buttons["ko"], Qt.MouseButton.LeftButton)
    for _ in range(5):  # 5 x 0.3 s = 1.5 s, far beyond 0.6 s, but never 0.6 s without a touch
        qtbot.wait(300)
        qtbot.mouseClick(kiosk.priority_button, Qt.MouseButton.LeftButton)
        assert branch.i18n.language == "ko"
    qtbot.waitUntil(lambda: branch.i18n.language == "en", timeout=2000)
    assert_at_start(kiosk, branch)


def test_keypad_presses_and_typed_keys_restart_the_timer(qtbot, branch):
    kiosk = make_kiosk(qtbot, branch, lookup=NobodyLookup())
    qtbot.mouseClick(kiosk.language_buttons["zh_CN"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(kiosk.identify_button, Qt.MouseButton.LeftButton)
    page = kiosk.identify_page
    assert kiosk.pages.currentWidget() is page
    keys = [b for b in page.findChildren(type(page.ok_button)) if b.objectName() == "key" and b.text().isdigit()]
    for index in range(8):  # a 16-digit card typed slowly: on-screen keys and a physical keypad in turn
        qtbot.wait(250)
        if index % 2:
            qtbot.keyClick(page.entry, Qt.Key.Key_4, Qt.KeyboardModifier.KeypadModifier)
        else:
            qtbot.mouseClick(keys[index], Qt.MouseButton.LeftButton)
        assert kiosk.pages.currentWidget() is page
    assert len(page.entry.text()) == 8
    qtbot.waitUntil(lambda: kiosk.pages.currentIndex() == 0, timeout=2000)
    assert_at_start(kiosk, branch)


def test_after_a_ticket_priority_is_off_and_the_language_comes_back(qtbot, branch):
    kiosk = make_kiosk(qtbot, branch)
    kiosk.choose_language("es")
    kiosk.priority_button.setChecked(True)
    with qtbot.waitSignal(kiosk.sig_ticket_issued, timeout=3000) as issued:
        kiosk.issue("CASH")
    assert issued.args[0].priority == "elderly"
    assert kiosk.pages.currentIndex() == 1 and branch.i18n.language == "es"  # the customer reads their ticket
    assert not kiosk.priority_button.isChecked()
    qtbot.waitUntil(lambda: kiosk.pages.currentIndex() == 0, timeout=2000)
    assert_at_start(kiosk, branch)


def test_each_page_has_its_own_time(qtbot, branch):
    kiosk = make_kiosk(qtbot, branch, KioskTimeouts(choose_s=30, identify_s=90, ticket_s=10), NobodyLookup())
    kiosk.show_identify()
    assert 80_000 < kiosk.session.remaining_ms() <= 90_000 * 1.05  # a coarse timer may run 5 % long
    kiosk.identify_page.cancel()
    assert 20_000 < kiosk.session.remaining_ms() <= 30_000 * 1.05
    kiosk.back_to_start()
    assert not kiosk.session.active


def test_the_shipped_times_load_and_bad_ones_are_named(tmp_path):
    shipped = load_kiosk_timeouts(KIOSK_FILE)
    assert shipped.identify_s >= 45  # a 19-digit card on a touch keypad
    with pytest.raises(ConfigError, match="none.toml: cannot read"):
        load_kiosk_timeouts(tmp_path / "none.toml")
    bad = tmp_path / "kiosk.toml"
    bad.write_text("[timeouts]\nidentify_s = 2\n")
    with pytest.raises(ConfigError, match=r"kiosk.toml: timeouts.identify_s: must be a number >= 5"):
        load_kiosk_timeouts(bad)
    bad.write_text("[timeouts]\nticket = 20\n")
    with pytest.raises(ConfigError, match="timeouts.ticket: unknown key"):
        load_kiosk_timeouts(bad)
    bad.write_text("")
    assert load_kiosk_timeouts(bad) == KioskTimeouts()  # every time has its default
