"""Which voice says each language, and what the hall gets when sound or speech is missing on the PC."""

import io
import sys

import pytest
from PySide6.QtCore import QLocale
from screens_harness import OFFSCREEN_NOISE

from ui.announcer import Announcer, CallSettings, voices_for
from ui.speech_check import run_speech_check

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, ".*")  # Qt Multimedia reports the PC's audio set-up


class _Engine:
    def __init__(self, *names: str) -> None:
        self.names = names

    def availableLocales(self):
        return [QLocale(name) for name in self.names]


def test_a_language_gets_its_own_locale_else_one_of_the_same_language_else_none():
    voices = voices_for(_Engine("es_419", "en_GB", "en_US", "yue_HK", "ko_KR"), ("es", "en", "ko", "zh_CN"))
    assert {lang: loc.name() for lang, loc in voices.items()} == {"es": "es_419", "en": "en_US", "ko": "ko_KR"}
    # Cantonese is not Mandarin: a Chinese call is not read by a Cantonese voice.
    assert "zh_CN" not in voices


def test_languages_without_a_voice_are_named_and_stay_silent(qtbot, caplog):
    announcer = Announcer(CallSettings(chime=False, languages=("zh_CN", "en", "ko")), engine="mock")
    assert announcer.spoken_languages == ("en",)
    assert "no voice for zh_CN, ko" in caplog.text
    spoken = []
    announcer.sig_spoken.connect(spoken.append)
    with qtbot.waitSignal(announcer.sig_idle, timeout=10000):
        announcer.announce("B007", "2")
    assert spoken == ["Ticket B007, please go to counter 2"]


def test_without_qt_multimedia_the_call_stays_visual(qtbot, monkeypatch, caplog):
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # as on a PC without audio libraries
    announcer = Announcer(CallSettings(chime=True, speech=False))
    assert not announcer.can_chime
    assert "no call chime: Qt Multimedia cannot load" in caplog.text
    announcer.announce("A001", "1")  # nothing to sound, nothing raised


def test_the_chime_loads_wherever_qt_multimedia_does(qtbot):
    try:
        from PySide6.QtMultimedia import QSoundEffect  # noqa: F401
    except ImportError as exc:  # a PC without libpulse: the other test covers that path
        multimedia = False
        reason = str(exc)
    else:
        multimedia, reason = True, ""
    announcer = Announcer(CallSettings(chime=True, speech=False))
    assert announcer.can_chime is multimedia, reason


def test_speech_check_names_the_voices_and_says_a_sample(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr("ui.speech_check.speech_engines", lambda: ["mock"])
    config = tmp_path / "display.toml"
    config.write_text('[call]\nlanguages = ["en", "zh_CN"]\n', encoding="utf-8")
    out = io.StringIO()
    assert run_speech_check(str(config), out) == 1  # Chinese has no voice in the mock engine
    text = out.getvalue()
    assert "speech engines: mock" in text
    assert "en: en_US" in text and "zh_CN: no voice (shown, not spoken)" in text
    assert "said: Ticket A023, please go to counter 3" in text
    config.write_text('[call]\nlanguages = ["en"]\n', encoding="utf-8")
    assert run_speech_check(str(config), io.StringIO()) == 0


def test_speech_check_without_an_engine_says_what_to_install(qtbot, monkeypatch):
    monkeypatch.setattr("ui.speech_check.speech_engines", lambda: [])
    out = io.StringIO()
    assert run_speech_check(None, out) == 1
    assert "no speech engine" in out.getvalue() and "espeak-ng" in out.getvalue()
