"""The kiosk's spoken guide: each step's question read aloud in the kiosk's language, for customers who see less well.

Off by default. ``kiosk.toml``'s ``[guide] spoken = true`` turns it on for every customer; otherwise a
customer turns it on with the on-screen button or the keypad's ``/`` key, and the next customer finds it
as configured again. The speech runs in the hall's speaker process (``ui.speech.speaker_process``): an engine
that hangs costs the kiosk its voice, never its screen. The process starts the first time the guide is
turned on; when an engine does not start, the next installed one is tried.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from queueing.config.files import config_file, load_config
from queueing.config.schemas.hall import KioskFile
from ui.common.i18n import LANGUAGES
from ui.speech.speaker_link import OPEN_TIMEOUT_MS, RESTART_MS, SpeakerLink, given_up, speaker_command
from ui.speech.spoken_number import spoken_number

log = logging.getLogger(__name__)


def load_spoken_guide(path: Path | None = None) -> bool:
    """Whether the guide speaks from the start (``[guide] spoken`` of kiosk.toml); a bad file raises ConfigError."""
    return load_config(path or config_file("kiosk.toml"), KioskFile).guide.spoken


class KioskGuide(QObject):
    """Says the current step's text in the kiosk's language while it is on; a newer step cuts the one being said."""

    sig_said = Signal(str)
    """Carries each text handed to the speech engine."""
    sig_unavailable = Signal(str)
    """No installed engine started (carries the last reason): the guide cannot speak on this PC."""
    sig_ready = Signal()
    """An engine started and its voices are known."""

    def __init__(
        self,
        spoken: bool = False,
        engines: Callable[[], list[str]] | None = None,
        command: Callable[[str, tuple[str, ...]], list[str]] = speaker_command,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.configured = spoken
        self._on = False
        self._engines_of = engines or _installed_engines
        self._engines: list[str] | None = None  # asked the first time the guide is turned on
        self._command = command
        self._link: SpeakerLink | None = None
        self._voices: dict[str, str] = {}
        self._pending: tuple[str, str] | None = None  # the step to say once the engine is ready
        self._open_timer = QTimer(self, singleShot=True)
        self._open_timer.timeout.connect(lambda: self._failed(f"no answer within {OPEN_TIMEOUT_MS} ms"))
        self._engine: str | None = None  # the engine of the speaker now (or last) started
        self._restart_timer = QTimer(self, singleShot=True, interval=RESTART_MS)
        self._restart_timer.timeout.connect(self._restart)
        self.unavailable = False
        self.set_on(spoken)

    @property
    def on(self) -> bool:
        return self._on

    @property
    def ready(self) -> bool:
        return bool(self._voices)

    def set_on(self, on: bool) -> None:
        self._on = on
        if on and self._link is None and not self.unavailable and not self._restart_timer.isActive():
            self._start_next()
        if not on:
            self._pending = None
            if self._link is not None:
                self._link.hush()  # turned off mid-sentence: silent at once

    def reset(self) -> None:
        """The next customer's guide: as configured."""
        self.set_on(self.configured)

    def say(self, language: str, text: str) -> None:
        """Say ``text`` (a step's question) in ``language`` when the guide is on and has a voice for it."""
        if not self._on or not text.strip():
            return
        if not self._voices:
            self._pending = (language, text)
            return
        voice = self._voices.get(language)
        if voice is None:
            log.info("the spoken guide has no voice for %s: this step is shown only", language)
            return
        if self._link is not None and self._link.say(voice, text):
            self.sig_said.emit(text)

    def stop(self) -> None:
        """End the speaker process (it also ends with the program)."""
        self._open_timer.stop()
        self._restart_timer.stop()
        if self._link is not None:
            self._link.stop()
            self._link = None

    def _start_next(self) -> None:
        if self._engines is None:
            self._engines = list(self._engines_of())
        if not self._engines:
            self._give_up("no speech engine is installed")
            return
        self._start(self._engines.pop(0))

    def _start(self, engine: str) -> None:
        self._engine = engine
        try:
            self._link = SpeakerLink(self._command(engine, tuple(LANGUAGES)), self)
        except OSError as exc:
            self._failed(str(exc))
            return
        self._link.sig_ready.connect(self._on_ready)
        self._link.sig_failed.connect(self._failed)
        self._open_timer.start(OPEN_TIMEOUT_MS)

    def _restart(self) -> None:
        if self._link is None and self._engine is not None:
            self._start(self._engine)

    def _on_ready(self, voices: dict) -> None:
        if given_up(self.sender(), self._link):
            return
        self._open_timer.stop()
        self._voices = dict(voices)
        if not self._voices:
            self._failed("the engine has no voice for any of the kiosk's languages")
            return
        self.sig_ready.emit()
        pending, self._pending = self._pending, None
        if pending is not None:
            self.say(*pending)

    def _failed(self, reason: str) -> None:
        if given_up(self.sender(), self._link):
            return
        self._open_timer.stop()
        spoke = bool(self._voices)
        self._voices = {}
        if self._link is not None:
            self._link.stop()
            self._link = None
        if spoke:
            # It spoke, then died (an engine crash, the process killed): the same engine again, not "no engine".
            log.warning("spoken guide: the speaker process ended (%s): starting it again", reason)
            self._restart_timer.start()
            return
        log.warning("spoken guide: engine did not start (%s)", reason)
        if self._engines:
            self._start_next()
        else:
            self._give_up(reason)

    def _give_up(self, reason: str) -> None:
        self.unavailable = True
        self._pending = None
        self.sig_unavailable.emit(reason)


def _installed_engines() -> list[str]:
    from ui.speech.engines import speech_engines

    return speech_engines()


def step_text(kiosk) -> str:
    """What the kiosk's current page asks, as the guide says it (built from the texts on screen, so it is
    in the kiosk's language and never says something the screen does not show)."""
    page = kiosk.pages.currentWidget()
    if page is kiosk.identify_page and page is not None:
        entry = page.entry
        parts = [page.title.text(), entry.placeholderText(), entry.accessibleDescription(), page.message.text()]
    elif kiosk.pages.currentIndex() == 1:
        number = kiosk.number_label.text()
        # No slip came out: the number to remember is said as the ticket shows it, one character at a time.
        problem = kiosk.problem_label.text().replace(number, spoken_number(number)) if number else ""
        parts = [
            f"{kiosk.your_number.text()} {spoken_number(number)}",
            kiosk.category_label.text(),
            kiosk.ahead_label.text(),
            kiosk.wait_label.text(),
            problem if kiosk.printer_problem else kiosk.take_label.text(),
        ]
    else:
        key = QCoreApplication.translate("KioskGuide", "Key %1: %2")
        # What went wrong (no ticket issued, no counter open) first: it is why the page is said again.
        parts = [kiosk.closed_note.text(), kiosk.welcome.text()]
        if kiosk.appointment_card.isVisibleTo(kiosk):
            parts.append(kiosk.appointment_label.text())
        parts.append(kiosk.prompt.text())
        for position, button in enumerate(kiosk.service_buttons.values(), start=1):
            if position <= 9:
                name = button.text().split(". ", 1)[-1].replace("\n", ", ")
                parts.append(key.replace("%1", str(position)).replace("%2", name))
        parts.append(key.replace("%1", "0").replace("%2", kiosk.priority_button.text()))
    return ". ".join(p.strip().rstrip(".") for p in parts if p and p.strip()) + "."
