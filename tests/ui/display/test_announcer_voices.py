"""Which voice says each language, and what the hall gets when sound or speech is missing on the PC."""

import io
import sys

import pytest
from missing_tool import needs
from PySide6.QtCore import QLocale
from screens_harness import AUDIO_NOISE, OFFSCREEN_NOISE

from ui.display.announcer import Announcer, CallSettings
from ui.display.speech_check import run_speech_check
from ui.speech.voices import voices_for

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE, AUDIO_NOISE)


class _Engine:
    def __init__(self, *names: str) -> None:
        self.names = names

    def availableLocales(self):
        return [QLocale(name) for name in self.names]



def said(qtbot, announcer: Announcer, number: str, counter: str) -> list[str]:
    """What ``announcer`` hands its speech engine for one call, once it is idle again."""
    spoken: list[str] = []
    announcer.sig_spoken.connect(spoken.append)
    with qtbot.waitSignal(announcer.sig_idle, timeout=10000):
        announcer.announce(number, counter)
    return spoken

def test_a_language_gets_its_own_locale_else_one_of_the_same_language_else_none():
    voices = voices_for(_Engine("es_419", "en_GB", "en_US", "yue_HK", "ko_KR"), ("es", "en", "ko", "zh_CN"))
    assert {lang: loc.name() for lang, loc in voices.items()} == {"es": "es_419", "en": "en_US", "ko": "ko_KR"}
    # Cantonese is not Mandarin: a Chinese call is not read by a Cantonese voice.
    assert "zh_CN" not in voices


def test_languages_without_a_voice_are_named_and_stay_silent(qtbot, caplog):
    announcer = Announcer(CallSettings(chime=False, languages=("zh_CN", "en", "ko")), engine="mock")
    qtbot.waitUntil(lambda: announcer.can_speak, timeout=10000)
    assert announcer.spoken_languages == ("en",)
    assert "no voice for zh_CN, ko" in caplog.text
    spoken = said(qtbot, announcer, "B007", "2")
    assert spoken == ["Ticket B 0 0 7, please go to counter 2"]
    announcer.stop_speech()


def test_without_qt_multimedia_the_call_stays_visual(qtbot, monkeypatch, caplog):
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # as on a PC without audio libraries
    announcer = Announcer(CallSettings(chime=True, speech=False))
    assert not announcer.can_chime
    assert "no call chime: Qt Multimedia cannot load" in caplog.text
    announcer.announce("A001", "1")  # nothing to sound, nothing raised


def test_the_chime_loads_with_qt_multimedia(qtbot):
    try:
        from PySide6.QtMultimedia import QSoundEffect  # noqa: F401
    except ImportError as exc:  # CI installs libpulse0 (.ci/run): there a broken Qt Multimedia fails here
        needs(f"Qt Multimedia cannot load ({exc}): install libpulse0")
    announcer = Announcer(CallSettings(chime=True, speech=False))
    assert announcer.can_chime


def test_speech_check_names_the_voices_and_says_a_sample(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr("ui.display.speech_check.speech_engines", lambda: ["mock"])
    config = tmp_path / "display.toml"
    config.write_text('[call]\nlanguages = ["en", "zh_CN"]\n', encoding="utf-8")
    out = io.StringIO()
    assert run_speech_check(str(config), out) == 1  # Chinese has no voice in the mock engine
    text = out.getvalue()
    assert "speech engines: mock" in text
    assert "en: en_US" in text and "zh_CN: no voice (shown, not spoken)" in text
    assert "said: Ticket A 0 2 3, please go to counter 3" in text
    config.write_text('[call]\nlanguages = ["en"]\n', encoding="utf-8")
    assert run_speech_check(str(config), io.StringIO()) == 0


def test_speech_check_without_an_engine_says_what_to_install(qtbot, monkeypatch):
    monkeypatch.setattr("ui.display.speech_check.speech_engines", lambda: [])
    out = io.StringIO()
    assert run_speech_check(None, out) == 1
    assert "no speech engine" in out.getvalue() and "espeak-ng" in out.getvalue()


def _script(code: str):
    return lambda engine, languages: [sys.executable, "-c", code]


def test_a_speaker_that_never_answers_leaves_the_hall_its_chime_and_its_screen(qtbot, caplog):
    # As speech-dispatcher's spd_open with a daemon that does not reply: the speaker process hangs.
    announcer = Announcer(
        CallSettings(chime=False, languages=("en",)),
        engine="speechd",
        command=_script("import time; time.sleep(60)"),
        open_timeout_ms=200,
    )
    spoken = []
    announcer.sig_spoken.connect(spoken.append)
    announcer.announce("A001", "1")  # before the engine answers: nothing queued, nothing waits
    qtbot.waitUntil(lambda: "did not answer within 200 ms" in caplog.text, timeout=5000)
    assert not announcer.can_speak and spoken == []
    announcer.stop_speech()
    assert announcer._link._process.poll() is not None  # the hung speaker is gone


def test_a_speaker_that_dies_is_reported_and_calls_stay_visual(qtbot, caplog):
    ready_then_die = (
        'import sys; print("ready\\t{\\"en\\": \\"en_US\\"}", flush=True); sys.stdin.readline(); sys.exit(3)'
    )
    announcer = Announcer(
        CallSettings(chime=False, languages=("en",)), engine="speechd", command=_script(ready_then_die)
    )
    qtbot.waitUntil(lambda: announcer.can_speak, timeout=10000)
    with qtbot.waitSignal(announcer.sig_speech_failed, timeout=10000) as failed:
        announcer.announce("A002", "2")
    assert failed.args == ["the speaker process ended with code 3"]
    assert not announcer.can_speak
    announcer.announce("A003", "3")  # nothing to say it to: shown only, nothing raised
    announcer.stop_speech()


def test_an_engine_that_does_not_start_gives_way_to_the_next(qtbot, monkeypatch, caplog):
    """speechd is listed wherever its plug-in is, daemon or not: the hall then speaks with the next engine."""
    failing = [sys.executable, "-c", "import sys; print('failed\\tno daemon', flush=True); sys.exit(1)"]
    commands = {"speechd": lambda languages: failing}
    monkeypatch.setattr("ui.display.announcer.speech_engines", lambda allow_test_engines=False: ["speechd", "mock"])

    def command(engine, languages):
        from ui.speech.speaker_link import speaker_command

        return commands[engine](languages) if engine in commands else speaker_command(engine, languages)

    announcer = Announcer(CallSettings(chime=False, languages=("en",)), command=command)
    failures = []
    announcer.sig_speech_failed.connect(failures.append)
    qtbot.waitUntil(lambda: announcer.can_speak, timeout=15000)
    assert "speech engine speechd did not start (no daemon): trying mock" in caplog.text
    spoken = said(qtbot, announcer, "A001", "1")
    assert spoken == ["Ticket A 0 0 1, please go to counter 1"] and failures == []  # the old speaker's exit is ignored
    announcer.stop_speech()


def test_speech_check_tries_each_engine_as_the_display_does(qtbot, monkeypatch, tmp_path):
    monkeypatch.setattr("ui.display.speech_check.speech_engines", lambda: ["nosuch", "mock"])
    config = tmp_path / "display.toml"
    config.write_text('[call]\nlanguages = ["en"]\n', encoding="utf-8")
    out = io.StringIO()
    assert run_speech_check(str(config), out) == 0
    text = out.getvalue()
    assert "engine nosuch did not start" in text and "speaking with: mock" in text
    assert "said: Ticket A 0 2 3, please go to counter 3" in text


def test_an_engine_that_never_answers_gives_way_to_the_next(qtbot, monkeypatch, caplog):
    """speechd with no daemon replying hangs the speaker process: the hall waited for it for ever with the chime
    alone, and the engine after it (espeak-ng on a branch PC) was never tried."""
    hung = [sys.executable, "-c", "import time; time.sleep(60)"]
    monkeypatch.setattr("ui.display.announcer.speech_engines", lambda allow_test_engines=False: ["speechd", "mock"])

    def command(engine, languages):
        from ui.speech.speaker_link import speaker_command

        return hung if engine == "speechd" else speaker_command(engine, languages)

    announcer = Announcer(CallSettings(chime=False, languages=("en",)), command=command, open_timeout_ms=300)
    qtbot.waitUntil(lambda: announcer.can_speak, timeout=15000)
    assert "speechd did not start (no answer within 300 ms): trying mock" in caplog.text
    spoken = said(qtbot, announcer, "A001", "1")
    assert spoken == ["Ticket A 0 0 1, please go to counter 1"]
    announcer.stop_speech()


# A speaker whose first process dies on its first phrase (an engine crash, the process killed); later ones speak.
CRASHING_SPEAKER = """
import json, os, sys
starts = sys.argv[1]
first = not os.path.exists(starts)
open(starts, "a").write("start\\n")
print("ready\\t" + json.dumps({"en": "v-en"}), flush=True)
for line in sys.stdin:
    if first and line.startswith("say"):
        sys.exit(1)
    print("done", flush=True)
"""


def test_a_speaker_that_dies_during_the_day_is_started_again(qtbot, tmp_path):
    """The speaker process died on a phrase (an engine crash): every later call of the day got the chime alone,
    with no voice ever again until the display was restarted."""
    starts = tmp_path / "starts.txt"
    command = lambda engine, languages: [sys.executable, "-c", CRASHING_SPEAKER, str(starts)]  # noqa: E731
    announcer = Announcer(CallSettings(chime=False, languages=("en",)), engine="fake", command=command)
    qtbot.waitUntil(lambda: announcer.can_speak, timeout=10000)
    announcer.announce("A001", "1")
    qtbot.waitUntil(lambda: not announcer.can_speak, timeout=10000)  # the process died
    qtbot.waitUntil(lambda: announcer.can_speak, timeout=10000)  # and a new one was started
    assert said(qtbot, announcer, "A002", "1") == ["Ticket A 0 0 2, please go to counter 1"]
    announcer.stop_speech()


# A speaker that takes a while over each phrase, as a real voice does (about three seconds a call).
SLOW_SPEAKER = """
import json, sys, time
print("ready\\t" + json.dumps({"en": "v-en"}), flush=True)
for line in sys.stdin:
    if line.startswith("say"):
        time.sleep(float(sys.argv[1]))
        print("done", flush=True)
"""


def slow_announcer(phrase_s: float, stale_ms: int = 45_000) -> Announcer:
    command = lambda engine, languages: [sys.executable, "-c", SLOW_SPEAKER, str(phrase_s)]  # noqa: E731
    settings = CallSettings(chime=False, languages=("en",))
    return Announcer(settings, engine="fake", command=command, stale_ms=stale_ms)


def test_a_counter_calling_again_replaces_its_call_not_yet_said(qtbot):
    """Three counters call at once, then counter 1 calls its next ticket before its first call was said: the hall
    heard A001 sent to counter 1 after A004 had been called there."""
    announcer = slow_announcer(0.3)
    qtbot.waitUntil(lambda: announcer.can_speak, timeout=10000)
    spoken: list[str] = []
    announcer.sig_spoken.connect(spoken.append)
    with qtbot.waitSignal(announcer.sig_idle, timeout=10000):
        announcer.announce("B001", "2")
        announcer.announce("A001", "1")
        announcer.announce("C001", "3")
        announcer.announce("A004", "1")
    assert spoken == [
        "Ticket B 0 0 1, please go to counter 2",
        "Ticket C 0 0 1, please go to counter 3",
        "Ticket A 0 0 4, please go to counter 1",
    ]
    announcer.stop_speech()


def test_a_call_not_said_in_time_is_dropped_and_later_ones_are_said(qtbot, caplog):
    """A burst of calls queued without a limit: the last was spoken long after the screen showed it."""
    announcer = slow_announcer(1.0, stale_ms=1500)
    qtbot.waitUntil(lambda: announcer.can_speak, timeout=10000)
    spoken: list[str] = []
    announcer.sig_spoken.connect(spoken.append)
    with qtbot.waitSignal(announcer.sig_idle, timeout=10000):
        for counter in range(1, 6):
            announcer.announce(f"A00{counter}", str(counter))
    # Each phrase takes a second: the second is a second old by its turn, within 1.5 s; the third two seconds,
    # past it, and so are those after it.
    assert spoken == ["Ticket A 0 0 1, please go to counter 1", "Ticket A 0 0 2, please go to counter 2"]
    assert "dropped unsaid" in caplog.text
    spoken.clear()
    assert said(qtbot, announcer, "A006", "6") == ["Ticket A 0 0 6, please go to counter 6"]
    announcer.stop_speech()
