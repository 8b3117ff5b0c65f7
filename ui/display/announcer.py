"""The hall's call: a chime (QSoundEffect), then the call spoken through QTextToSpeech in each configured language.

Where no speech engine is installed (``QTextToSpeech.availableEngines()`` empty) the chime sounds alone;
where Qt Multimedia itself cannot load (no audio libraries on the PC) the call stays visual and that is logged once.
The engine runs in a process of its own (``ui.speech.speaker_process``): one that never answers costs the
hall its voice, never its screen.
"""

from __future__ import annotations

import logging
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal

import resources
from queueing.config.files import config_file, load_config
from queueing.config.schemas.hall import DisplayFile
from ui.common.counter_name import numbered_counter
from ui.speech.engines import speech_engines
from ui.speech.speaker_link import OPEN_TIMEOUT_MS, RESTART_MS, SpeakerLink, given_up, speaker_command
from ui.speech.spoken_number import spoken_number

log = logging.getLogger(__name__)

CHIME_FILE = Path(resources.__file__).resolve().parent / "sounds" / "chime.wav"
CHIME_MS = 1300  # speech starts when the chime has faded
PHRASE_MAX_MS = 20000  # a phrase not reported finished by then is taken as said
# A call not yet spoken this long after it was made is dropped: by then the screen has shown it for as long, and a
# voice a minute late sends people to a counter that may have moved on (a burst of calls at opening).
STALE_CALL_MS = 45_000
# Spoken, not shown: fixed per language whatever the screen's language is, so not tr() texts.
CALL_PHRASES = {
    "en": "Ticket {number}, please go to counter {counter}",
    "zh_CN": "请{number}号到{counter}号窗口办理",
    "ko": "{number}번 고객님, {counter}번 창구로 오십시오",
    "es": "Número {number}, por favor pase a la ventanilla {counter}",
}
# A counter with a name of its own ("外汇窗口", "VIP Lounge") is called by that name alone: "counter" and
# "号窗口" belong to numbered counters ("请A001号到外汇窗口号窗口办理" is what the numbered phrase made of it).
NAMED_CALL_PHRASES = {
    "en": "Ticket {number}, please go to {counter}",
    "zh_CN": "请{number}号到{counter}办理",
    "ko": "{number}번 고객님, {counter}{to} 오십시오",
    "es": "Número {number}, por favor pase a {counter}",
}
# Qt's "mock" engine is a test double that speaks nothing; a branch PC never counts it as a voice.


@dataclass(frozen=True)
class CallSettings:
    chime: bool = True
    speech: bool = True
    languages: tuple[str, ...] = ("zh_CN", "en")
    highlight_s: float = 12.0
    notices: tuple[str, ...] = field(default_factory=tuple)


def load_call_settings(path: Path | None = None) -> CallSettings:
    """The hall's call settings: ``path``, else the branch's own display.toml, else the packaged one. A bad file
    raises ConfigError naming the file, the key and the reason."""
    doc = load_config(path or config_file("display.toml"), DisplayFile)
    return CallSettings(
        chime=doc.call.chime,
        speech=doc.call.speech,
        languages=tuple(doc.call.languages),
        highlight_s=doc.call.highlight_s,
        notices=tuple(doc.notices.lines),
    )


def call_phrase(language: str, number: str, counter: str) -> str:
    phrases = CALL_PHRASES if numbered_counter(counter) else NAMED_CALL_PHRASES
    return phrases[language].format(number=spoken_number(number), counter=counter, to=korean_to(counter))



def korean_to(name: str) -> str:
    """Korean's "to" after ``name``: 로 after a vowel or ㄹ, 으로 after another final consonant (외환 창구로,
    상담실로, 대출 창구 → 창구로; 김포점 → 김포점으로). A name not ending in Hangul gets both forms' usual
    written hedge, (으)로."""
    last = name[-1:] or " "
    if not "\uac00" <= last <= "\ud7a3":
        return "(으)로"
    final = (ord(last) - 0xAC00) % 28
    return "로" if final in (0, 8) else "으로"



class Announcer(QObject):
    """Sounds the chime and speaks each call; calls that come while one is spoken wait their turn."""

    sig_spoken = Signal(str)
    """Carries each phrase handed to the speech engine (for the screen's log and for tests)."""
    sig_idle = Signal()
    """The engine has finished every phrase that was queued."""
    sig_speech_ready = Signal()
    """The speech engine answered and its voices are known (it opens in the speaker process)."""
    sig_speech_failed = Signal(str)
    """The speech engine did not start, or its process died (it is started again); calls get the chime only."""

    def __init__(
        self,
        settings: CallSettings | None = None,
        parent: QObject | None = None,
        engine: str | None = None,
        chime_file: Path = CHIME_FILE,
        command: Callable[[str, tuple[str, ...]], list[str]] = speaker_command,
        open_timeout_ms: int = OPEN_TIMEOUT_MS,
        stale_ms: int = STALE_CALL_MS,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or CallSettings()
        self._voices: dict[str, str] = {}  # language -> the engine's locale name that says it
        # (language, text, counter, when queued): the counter, so that its next call replaces one not yet said.
        self._phrases: deque[tuple[str, str, str, float]] = deque()
        self._stale_s = stale_ms / 1000.0
        self._speaking = False
        self._engine_name = ""
        self._effect = self._make_effect(chime_file) if self.settings.chime else None
        self._delay = QTimer(self, singleShot=True, interval=CHIME_MS if self._effect else 0)
        self._delay.timeout.connect(self._speak_next)
        # A phrase the engine never reports finished must not silence every later call.
        self._watchdog = QTimer(self, singleShot=True, interval=PHRASE_MAX_MS)
        self._watchdog.timeout.connect(self._phrase_overdue)
        self._open_timer = QTimer(self, singleShot=True, interval=open_timeout_ms)
        self._open_timer.timeout.connect(self._open_overdue)
        self._restart_timer = QTimer(self, singleShot=True, interval=RESTART_MS)
        self._restart_timer.timeout.connect(self._restart)
        self._link: SpeakerLink | None = None
        self._engines_left: list[str] = []
        self._ready = False
        if self.settings.speech:
            self._start_speech(engine, command)

    @property
    def can_chime(self) -> bool:
        return self._effect is not None

    @property
    def can_speak(self) -> bool:
        return self._ready

    def sound_problem(self) -> str | None:
        """Why the hall would not hear a call (a reason code of models.supervisor.hall_sound), or None if it would."""
        from models.supervisor.hall_sound import CHIME_ERROR, NO_DEVICE, NO_MULTIMEDIA, TURNED_OFF

        if not self.settings.chime:
            return TURNED_OFF
        if self._effect is None:
            return NO_MULTIMEDIA
        from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

        if QMediaDevices.defaultAudioOutput().isNull():
            return NO_DEVICE
        if self._effect.status() == QSoundEffect.Status.Error:
            return CHIME_ERROR
        return None

    def _make_effect(self, chime_file: Path):
        try:
            from PySide6.QtMultimedia import QSoundEffect
        except ImportError as exc:
            log.warning("no call chime: Qt Multimedia cannot load (%s)", exc)
            return None
        effect = QSoundEffect(self)
        effect.setSource(QUrl.fromLocalFile(str(chime_file)))
        effect.setVolume(0.8)
        return effect

    def _start_speech(self, engine: str | None, command: Callable[[str, tuple[str, ...]], list[str]]) -> None:
        # Without a named engine, each installed one in turn: Qt's speechd is listed wherever its plug-in is,
        # daemon or not, and espeak-ng after it still speaks when speechd does not start.
        self._engines_left = [engine] if engine else speech_engines()
        self._command = command
        if not self._engines_left:
            log.info("no speech engine installed: calls get the chime only")
            return
        self._start_next_engine()

    def _start_next_engine(self) -> None:
        self._engine_name = self._engines_left.pop(0)
        self._start_engine()

    def _start_engine(self) -> None:
        try:
            self._link = SpeakerLink(self._command(self._engine_name, self.settings.languages), self)
        except OSError as exc:
            log.warning("no speaker process (%s): calls get the chime only", exc)
            return
        self._link.sig_ready.connect(self._on_ready)
        self._link.sig_failed.connect(self._on_failed)
        self._link.sig_done.connect(self._on_finished)
        self._open_timer.start()

    def stop_speech(self) -> None:
        """End the speaker process (it also ends with the program)."""
        self._ready = False
        self._restart_timer.stop()
        if self._link is not None:
            self._link.stop()

    def _on_ready(self, voices: dict) -> None:
        if given_up(self.sender(), self._link):
            return  # a speaker given up on for being slow answers after all: the next one speaks
        self._open_timer.stop()
        self._voices = dict(voices)
        self._ready = True
        silent = [lang for lang in self.settings.languages if lang not in self._voices]
        if silent:
            # A phrase read by a voice of another language is noise in the hall: those calls stay visual.
            log.warning(
                "speech engine %s has no voice for %s: calls in that language are shown, not spoken",
                self._engine_name,
                ", ".join(silent),
            )
        self.sig_speech_ready.emit()

    def _on_failed(self, reason: str) -> None:
        # An engine can be listed yet fail to load (speech-dispatcher not running): the next one, else chime only.
        if given_up(self.sender(), self._link):
            return  # a speaker already given up on (its exit code comes after its "failed")
        if self._ready:
            # It spoke, then died (an engine crash, the process killed): the same engine again, or the hall would
            # get the chime alone for the rest of the day.
            log.warning("the speaker process of %s ended (%s): starting it again", self._engine_name, reason)
            self._ready = False
            self._phrases.clear()
            self._speaking = False
            self._watchdog.stop()
            if self._link is not None:
                self._link.stop()
            self._restart_timer.start()
            self.sig_speech_failed.emit(reason)
            return
        self._give_way(reason)

    def _restart(self) -> None:
        if self._link is not None:
            self._link.stop()
        self._start_engine()

    def _give_way(self, reason: str) -> None:
        self._open_timer.stop()
        self._ready = False
        self._phrases.clear()
        if self._engines_left:
            log.warning(
                "speech engine %s did not start (%s): trying %s", self._engine_name, reason, self._engines_left[0]
            )
            if self._link is not None:
                self._link.stop()
            self._start_next_engine()
            return
        log.warning("speech engine %s did not start (%s): calls get the chime only", self._engine_name, reason)
        self.sig_speech_failed.emit(reason)

    def _open_overdue(self) -> None:
        waited = self._open_timer.interval()
        if self._engines_left:  # a hung engine (speechd with no daemon replying) gives way to the next
            self._give_way(f"no answer within {waited} ms")
            return
        log.warning(
            "speech engine %s did not answer within %d ms: calls get the chime until it does", self._engine_name, waited
        )

    @property
    def voices(self) -> dict[str, str]:
        """The locale name each spoken language is said in."""
        return dict(self._voices)

    @property
    def spoken_languages(self) -> tuple[str, ...]:
        """The configured languages the engine has a voice for, in the configured order."""
        return tuple(lang for lang in self.settings.languages if lang in self._voices)

    def chime(self) -> None:
        if self._effect is not None:
            self._effect.play()

    def announce(self, number: str, counter: str) -> None:
        """Chime, then the call in every configured language the engine has a voice for."""
        self.chime()
        if not self._ready:
            return
        # A counter calling again before its last call was said: that call is over (the customer came, or did not),
        # and saying it now would send the hall to the wrong number.
        kept = [phrase for phrase in self._phrases if phrase[2] != counter]
        if len(kept) != len(self._phrases):
            self._phrases = deque(kept)
        now = time.monotonic()
        for language in self.spoken_languages:
            self._phrases.append((language, call_phrase(language, number, counter), counter, now))
        if not self._speaking and not self._delay.isActive():
            self._delay.start()

    def _speak_next(self) -> None:
        self._drop_stale()
        if not self._phrases:
            if self._speaking:
                self._speaking = False
                self.sig_idle.emit()
            return
        language, text, _counter, _queued = self._phrases.popleft()
        self._speaking = True
        self._watchdog.start()
        if self._link is None or not self._link.say(self._voices[language], text):
            self._watchdog.stop()
            self._phrases.clear()
            self._speaking = False
            log.warning("the speaker process does not take calls: this call is shown, not spoken")
            return
        self.sig_spoken.emit(text)

    def _drop_stale(self) -> None:
        oldest = time.monotonic() - self._stale_s
        dropped = 0
        while self._phrases and self._phrases[0][3] < oldest:
            self._phrases.popleft()
            dropped += 1
        if dropped:
            log.warning("%d phrase(s) of calls older than %.0f s dropped unsaid (shown only)", dropped, self._stale_s)

    def _on_finished(self) -> None:
        self._watchdog.stop()
        if self._speaking:
            self._speak_next()

    def _phrase_overdue(self) -> None:
        log.warning("speech engine %s did not finish a phrase in %d ms: going on", self._engine_name, PHRASE_MAX_MS)
        self._speak_next()
