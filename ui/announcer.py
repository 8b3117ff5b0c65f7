"""The hall's call: a chime (QSoundEffect), then the call spoken through QTextToSpeech in each configured language.

Where no speech engine is installed (``QTextToSpeech.availableEngines()`` empty) the chime sounds alone;
where Qt Multimedia itself cannot load (no audio libraries on the PC) the call stays visual and that is logged once.
"""

from __future__ import annotations

import logging
import tomllib
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QLocale, QObject, QTimer, QUrl, Signal

import resources

log = logging.getLogger(__name__)

CHIME_FILE = Path(resources.__file__).resolve().parent / "sounds" / "chime.wav"
DISPLAY_FILE = Path(resources.__file__).resolve().parent / "display.toml"
CHIME_MS = 1300  # speech starts when the chime has faded

# Spoken, not shown: fixed per language whatever the screen's language is, so not tr() texts.
CALL_PHRASES = {
    "en": "Ticket {number}, please go to counter {counter}",
    "zh_CN": "请{number}号到{counter}号窗口办理",
    "ko": "{number}번 고객님, {counter}번 창구로 오십시오",
    "es": "Número {number}, por favor pase a la ventanilla {counter}",
}
_LOCALES = {"en": "en_US", "zh_CN": "zh_CN", "ko": "ko_KR", "es": "es_ES"}
# Qt's "mock" engine is a test double that speaks nothing; a branch PC never counts it as a voice.
_TEST_ENGINES = {"mock"}


@dataclass(frozen=True)
class CallSettings:
    chime: bool = True
    speech: bool = True
    languages: tuple[str, ...] = ("zh_CN", "en")
    highlight_s: float = 12.0
    notices: tuple[str, ...] = field(default_factory=tuple)


def load_call_settings(path: Path = DISPLAY_FILE) -> CallSettings:
    raw = tomllib.loads(path.read_text(encoding="utf-8"))
    call = raw.get("call", {})
    languages = tuple(call.get("languages", ("zh_CN", "en")))
    unknown = [lang for lang in languages if lang not in CALL_PHRASES]
    if unknown:
        raise ValueError(f"{path}: no spoken call for {', '.join(unknown)}; choose from {', '.join(CALL_PHRASES)}")
    return CallSettings(
        chime=bool(call.get("chime", True)),
        speech=bool(call.get("speech", True)),
        languages=languages,
        highlight_s=float(call.get("highlight_s", 12)),
        notices=tuple(str(line) for line in raw.get("notices", {}).get("lines", ())),
    )


def call_phrase(language: str, number: str, counter: str) -> str:
    return CALL_PHRASES[language].format(number=number, counter=counter)


def speech_engines(allow_test_engines: bool = False) -> list[str]:
    """Installed speech engines; empty when Qt's speech module cannot load at all."""
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return []
    return [e for e in QTextToSpeech.availableEngines() if allow_test_engines or e not in _TEST_ENGINES]


def voices_for(speech, languages: tuple[str, ...]) -> dict[str, QLocale]:
    """The engine's locale to speak each language in: the exact one (es_ES), else one of the same language (es_419).

    A language the engine has no voice for is left out (espeak-ng through speech-dispatcher, for
    one, offers Cantonese but no Mandarin locale Qt can name).
    """
    available = list(speech.availableLocales())
    chosen = {}
    for language in languages:
        wanted = QLocale(_LOCALES[language])
        same = [loc for loc in available if loc.language() == wanted.language()]
        exact = [loc for loc in same if loc.territory() == wanted.territory()]
        if exact or same:
            chosen[language] = (exact or same)[0]
    return chosen


class Announcer(QObject):
    """Sounds the chime and speaks each call; calls that come while one is spoken wait their turn."""

    sig_spoken = Signal(str)
    """Carries each phrase handed to the speech engine (for the screen's log and for tests)."""
    sig_idle = Signal()
    """The engine has finished every phrase that was queued."""

    def __init__(
        self,
        settings: CallSettings | None = None,
        parent: QObject | None = None,
        engine: str | None = None,
        chime_file: Path = CHIME_FILE,
    ) -> None:
        super().__init__(parent)
        self.settings = settings or CallSettings()
        self._voices: dict[str, QLocale] = {}
        self._effect = self._make_effect(chime_file) if self.settings.chime else None
        self._speech = self._make_speech(engine) if self.settings.speech else None
        self._phrases: deque[tuple[str, str]] = deque()
        self._speaking = False
        self._delay = QTimer(self, singleShot=True, interval=CHIME_MS if self._effect else 0)
        self._delay.timeout.connect(self._speak_next)

    @property
    def can_chime(self) -> bool:
        return self._effect is not None

    @property
    def can_speak(self) -> bool:
        return self._speech is not None

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

    def _make_speech(self, engine: str | None):
        engines = [engine] if engine else speech_engines()
        if not engines:
            log.info("no speech engine installed: calls get the chime only")
            return None
        from PySide6.QtTextToSpeech import QTextToSpeech

        speech = QTextToSpeech(engines[0], self)
        if speech.state() == QTextToSpeech.State.Error:
            # An engine can be listed yet fail to load (speech-dispatcher not running): chime only then.
            log.warning(
                "speech engine %s did not start (%s): calls get the chime only", engines[0], speech.errorString()
            )
            speech.deleteLater()
            return None
        speech.stateChanged.connect(self._on_state)
        self._voices = voices_for(speech, self.settings.languages)
        silent = [lang for lang in self.settings.languages if lang not in self._voices]
        if silent:
            # A phrase read by a voice of another language is noise in the hall: those calls stay visual.
            log.warning(
                "speech engine %s has no voice for %s: calls in that language are shown, not spoken",
                engines[0],
                ", ".join(silent),
            )
        return speech

    @property
    def voices(self) -> dict[str, QLocale]:
        """The locale each spoken language is said in."""
        return dict(self._voices)

    @property
    def spoken_languages(self) -> tuple[str, ...]:
        """The configured languages the engine has a voice for, in the configured order."""
        return tuple(lang for lang in self.settings.languages if lang in self._voices)

    def chime(self) -> None:
        if self._effect is not None:
            self._effect.play()

    def announce(self, number: str, counter: str) -> None:
        """Chime, then the call in every configured language."""
        self.chime()
        if self._speech is None:
            return
        for language in self.spoken_languages:
            self._phrases.append((language, call_phrase(language, number, counter)))
        if not self._speaking and not self._delay.isActive():
            self._delay.start()

    def _speak_next(self) -> None:
        if not self._phrases or self._speech is None:
            if self._speaking:
                self._speaking = False
                self.sig_idle.emit()
            return
        language, text = self._phrases.popleft()
        self._speaking = True
        self._speech.setLocale(self._voices[language])
        self._speech.say(text)
        self.sig_spoken.emit(text)

    def _on_state(self, state) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        if state in (QTextToSpeech.State.Ready, QTextToSpeech.State.Error) and self._speaking:
            self._speak_next()
