"""The kiosk's spoken guide: off by default, on by configuration or the button (or keypad /), saying each step's
question in the kiosk's language through the speaker process; back to as configured for the next customer."""

import sys

import pytest
from PySide6.QtCore import Qt
from screens_harness import OFFSCREEN_NOISE, Branch

from ui.kiosk.guide import KioskGuide, load_spoken_guide, step_text
from ui.kiosk.window import KioskWindow

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, ".*")

# A speaker process that has a voice for every language and writes down each phrase it is handed.
FAKE_SPEAKER = """
import json, sys
log = open(sys.argv[1], "a", encoding="utf-8")
print("ready\\t" + json.dumps({"en": "v-en", "zh_CN": "v-zh", "ko": "v-ko", "es": "v-es"}), flush=True)
for line in sys.stdin:
    log.write(line)
    log.flush()
    print("done", flush=True)
"""


@pytest.fixture
def branch(tmp_path):
    b = Branch(tmp_path)
    b.open("C1")
    yield b
    b.close()


def _said(path):
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    return [tuple(line.split("\t")[1:]) for line in lines]


def _kiosk(qtbot, branch, guide):
    kiosk = KioskWindow(branch.branch, branch.i18n, None, "Demo branch", poll_ms=200, guide=guide)
    qtbot.addWidget(kiosk)
    kiosk.show()
    qtbot.waitUntil(lambda: bool(kiosk.service_buttons), timeout=3000)
    return kiosk


def _fake_guide(tmp_path, spoken=False):
    log = tmp_path / "said.txt"
    command = lambda engine, languages: [sys.executable, "-c", FAKE_SPEAKER, str(log)]  # noqa: E731
    return KioskGuide(spoken, engines=lambda: ["fake"], command=command), log


def test_off_by_default_and_no_speaker_process_until_turned_on(qtbot, branch, monkeypatch, tmp_path):
    started = []
    monkeypatch.setattr("ui.kiosk.guide.SpeakerLink", lambda *a, **k: started.append(a))
    kiosk = _kiosk(qtbot, branch, None)
    assert load_spoken_guide() is False  # the shipped kiosk.toml
    assert not kiosk.guide.on and not kiosk.guide_button.isChecked()
    kiosk.issue("CASH")
    qtbot.waitUntil(lambda: kiosk.pages.currentIndex() == 1, timeout=3000)
    assert started == []  # nothing spoken, no process started


def test_the_button_turns_it_on_and_each_step_is_said_in_the_kiosks_language(qtbot, branch, tmp_path):
    guide, log = _fake_guide(tmp_path)
    kiosk = _kiosk(qtbot, branch, guide)
    with qtbot.waitSignal(guide.sig_said, timeout=10000) as said:
        qtbot.mouseClick(kiosk.guide_button, Qt.MouseButton.LeftButton)
    first = said.args[0]
    assert first.startswith("Please choose a service.")
    assert "Key 1: Cash and deposits, 0 customers ahead" in first and "Key 2: Transfers" in first
    assert "Key 0: Priority service" in first
    with qtbot.waitSignal(guide.sig_said, timeout=3000):
        kiosk.choose_language("es")
    qtbot.waitUntil(lambda: len(_said(log)) == 2, timeout=3000)
    voice, text = _said(log)[1]
    assert voice == "v-es" and text.startswith("Elija un servicio") and "Tecla 1: Caja y depósitos" in text
    with qtbot.waitSignal(guide.sig_said, timeout=3000) as said:
        qtbot.keyClick(kiosk, Qt.Key.Key_1)  # the keypad takes a cash ticket
    assert kiosk.number_label.text() == "A001"
    # The number one character at a time, as the hall calls it: a voice read "A023" as "A zero twenty-three".
    assert said.args[0].startswith(f"{kiosk.your_number.text()} A 0 0 1. Caja y depósitos"), said.args[0]
    kiosk.back_to_start()  # the next customer: the guide as configured (off), the default language
    assert not guide.on and not kiosk.guide_button.isChecked() and branch.i18n.language == "en"
    kiosk.guide.stop()


def test_configured_on_it_speaks_for_every_customer_and_the_keypad_turns_it_off(qtbot, branch, tmp_path):
    guide, log = _fake_guide(tmp_path, spoken=True)
    kiosk = _kiosk(qtbot, branch, guide)
    qtbot.waitUntil(lambda: guide.ready, timeout=10000)
    assert kiosk.guide_button.isChecked()
    qtbot.keyClick(kiosk, Qt.Key.Key_Slash)
    assert not guide.on
    # Turned off mid-sentence, the speaker is told to stop at once.
    qtbot.waitUntil(lambda: log.exists() and "hush" in log.read_text(encoding="utf-8").splitlines(), timeout=3000)
    kiosk.back_to_start()
    assert guide.on and kiosk.guide_button.isChecked()
    kiosk.guide.stop()


def test_an_engine_that_fails_gives_way_to_the_next_and_none_disables_the_button(qtbot, branch, tmp_path, caplog):
    failing = [sys.executable, "-c", "print('failed\\tno daemon', flush=True)"]
    log = tmp_path / "said.txt"
    commands = {"broken": failing, "fake": [sys.executable, "-c", FAKE_SPEAKER, str(log)]}
    guide = KioskGuide(engines=lambda: ["broken", "fake"], command=lambda engine, languages: commands[engine])
    kiosk = _kiosk(qtbot, branch, guide)
    with qtbot.waitSignal(guide.sig_said, timeout=10000):
        kiosk.set_spoken_guide(True)
    assert "no daemon" in caplog.text
    kiosk.guide.stop()

    nothing = KioskGuide(engines=lambda: ["broken"], command=lambda engine, languages: failing)
    other = _kiosk(qtbot, branch, nothing)
    with qtbot.waitSignal(nothing.sig_unavailable, timeout=10000):
        other.set_spoken_guide(True)
    assert not other.guide_button.isEnabled() and not other.guide_button.isChecked()
    assert other.guide_button.toolTip() == "No speech engine on this PC"
    # Not left on screen drawn as before: every later customer's touch did nothing (a kiosk shows no tool tips).
    assert not other.guide_button.isVisible()
    other.back_to_start()
    assert not other.guide_button.isVisible()


def test_the_identify_and_ticket_steps_say_what_the_screen_shows(qtbot, branch, tmp_path):
    guide, _ = _fake_guide(tmp_path)
    kiosk = _kiosk(qtbot, branch, guide)
    branch.i18n.set_language("ko")
    text = step_text(kiosk)
    assert kiosk.prompt.text() in text and "1번 키: " in text
    kiosk.issue("TRANSFER")
    qtbot.waitUntil(lambda: kiosk.pages.currentIndex() == 1, timeout=3000)
    text = step_text(kiosk)
    assert " ".join(kiosk.number_label.text()) in text
    for label in (kiosk.ahead_label, kiosk.wait_label):
        assert label.text().rstrip(".") in text
    kiosk.back_to_start()


def test_a_bad_guide_setting_is_named(tmp_path):
    from queueing.core.errors import ConfigError

    bad = tmp_path / "kiosk.toml"
    bad.write_text("[guide]\nspoken = 'yes'\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="spoken"):
        load_spoken_guide(bad)
    bad.write_text("[guide]\nspoken = true\n", encoding="utf-8")
    assert load_spoken_guide(bad) is True


def test_a_ticket_the_store_refused_is_said_to_the_customer_who_listens(qtbot, branch, tmp_path, monkeypatch):
    """A customer who cannot see the screen pressed 1 and the store refused: the guide stayed silent, so they
    waited for a ticket that never came."""
    from models.store.errors import LockedStore

    guide, _log = _fake_guide(tmp_path, spoken=True)
    kiosk = _kiosk(qtbot, branch, guide)
    qtbot.waitUntil(lambda: guide.ready, timeout=10000)

    def locked(*_args, **_kwargs):
        raise LockedStore("branch.db: database is locked")

    monkeypatch.setattr(branch.branch, "issue_ticket", locked)
    said: list[str] = []
    guide.sig_said.connect(said.append)
    qtbot.keyClick(kiosk, Qt.Key.Key_1)
    qtbot.waitUntil(lambda: any("no ticket could be issued" in text for text in said), timeout=3000)
    kiosk.guide.stop()


def test_an_engine_that_never_answers_gives_way_to_the_next(qtbot, branch, tmp_path, monkeypatch, caplog):
    """speech-dispatcher with no daemon replying hangs the speaker process: the guide waited for it for ever, silent
    with its button on, and never tried the engine after it."""
    monkeypatch.setattr("ui.kiosk.guide.OPEN_TIMEOUT_MS", 300, raising=False)
    hung = [sys.executable, "-c", "import time; time.sleep(60)"]
    log = tmp_path / "said.txt"
    commands = {"speechd": hung, "fake": [sys.executable, "-c", FAKE_SPEAKER, str(log)]}
    guide = KioskGuide(engines=lambda: ["speechd", "fake"], command=lambda engine, languages: commands[engine])
    kiosk = _kiosk(qtbot, branch, guide)
    with qtbot.waitSignal(guide.sig_said, timeout=5000) as said:
        kiosk.set_spoken_guide(True)
    assert said.args[0].startswith("Please choose a service.")
    assert "did not start" in caplog.text
    kiosk.guide.stop()


def test_a_ticket_that_did_not_print_is_said_to_the_customer_who_listens(qtbot, branch, tmp_path):
    """The thermal printer is out of order: the screen turns to "please remember your number", but the guide had
    already said "please take your ticket" and said nothing more; a customer who cannot read the screen waited at
    the slot for a ticket that never came, and never heard to remember the number."""
    from ui.kiosk.ticket_printer import PrinterSettings

    guide, log = _fake_guide(tmp_path, spoken=True)
    broken = PrinterSettings(escpos_kind="file", path=str(tmp_path / "no" / "such" / "lp0"))
    kiosk = KioskWindow(branch.branch, branch.i18n, broken, "Demo branch", poll_ms=200, guide=guide)
    qtbot.addWidget(kiosk)
    kiosk.show()
    qtbot.waitUntil(lambda: bool(kiosk.service_buttons) and guide.ready, timeout=10000)
    kiosk.issue("CASH")
    qtbot.waitUntil(lambda: kiosk.problem_label.isVisible(), timeout=3000)
    qtbot.waitUntil(lambda: "remember your number" in (_said(log) or [("", "")])[-1][1], timeout=3000)
    kiosk.back_to_start()
    kiosk.guide.stop()


def test_the_number_to_remember_is_said_one_character_at_a_time(qtbot, branch, tmp_path):
    """With no slip, the number said last is the one the customer must remember: "remember your number: A001" was
    read as a word ("A one", "A zero zero one"), not as the ticket shows it and the hall will call it."""
    from ui.kiosk.ticket_printer import PrinterSettings

    broken = PrinterSettings(escpos_kind="file", path=str(tmp_path / "no" / "such" / "lp0"))
    kiosk = KioskWindow(branch.branch, branch.i18n, broken, "Demo branch", poll_ms=200)
    qtbot.addWidget(kiosk)
    kiosk.show()
    qtbot.waitUntil(lambda: bool(kiosk.service_buttons), timeout=3000)
    kiosk.issue("CASH")
    qtbot.waitUntil(lambda: kiosk.problem_label.isVisible(), timeout=3000)
    said = step_text(kiosk)
    assert said.endswith("Please remember your number: A 0 0 1."), said
    assert "A001" not in said
    kiosk.back_to_start()


# A speaker whose first process dies on its first phrase (an engine crash, the process killed); later ones speak.
CRASHING_SPEAKER = """
import json, os, sys
starts, log = sys.argv[1], open(sys.argv[2], "a", encoding="utf-8")
first = not os.path.exists(starts)
open(starts, "a").write("start\\n")
print("ready\\t" + json.dumps({"en": "v-en", "zh_CN": "v-zh", "ko": "v-ko", "es": "v-es"}), flush=True)
for line in sys.stdin:
    if first and line.startswith("say"):
        sys.exit(1)
    log.write(line)
    log.flush()
    print("done", flush=True)
"""


def test_a_guide_whose_speaker_died_during_the_day_speaks_again(qtbot, branch, tmp_path):
    """The speaker process died on a phrase: the guide took it for an engine that cannot start, disabled its button
    ("No speech engine on this PC") and was silent for every later customer until the kiosk was restarted."""
    starts, log = tmp_path / "starts.txt", tmp_path / "said.txt"
    command = lambda engine, languages: [sys.executable, "-c", CRASHING_SPEAKER, str(starts), str(log)]  # noqa: E731
    guide = KioskGuide(True, engines=lambda: ["fake"], command=command)
    kiosk = _kiosk(qtbot, branch, guide)
    qtbot.waitUntil(lambda: starts.exists() and len(starts.read_text().splitlines()) == 2, timeout=15000)
    kiosk.back_to_start()
    with qtbot.waitSignal(guide.sig_said, timeout=15000):
        kiosk.choose_language("es")
    assert kiosk.guide_button.isEnabled() and not guide.unavailable
    qtbot.waitUntil(lambda: any(text.startswith("Elija un servicio") for _, text in _said(log)), timeout=5000)
    kiosk.guide.stop()
