"""The hall's speaker: a small process that owns the speech engine.

Started as ``python -m ui.speech.speaker_process ENGINE LANG...``.

Qt's speech-dispatcher backend waits without any time limit for the daemon's reply, in its
constructor (``spd_open``) and in ``say``, and holds Python's interpreter lock while it waits:
a wedged daemon used to freeze the whole hall display. In a process of its own the engine can
only silence itself; the display (``ui.speech.speaker_link``) notices and keeps its chime and screen.

The protocol is one line per message, tab-separated, UTF-8:
  display -> speaker:  ``say<TAB>locale<TAB>text``, ``hush`` (stop the phrase being said)
  speaker -> display:  ``ready<TAB>{"en": "en_US", ...}`` (the voice per language), ``done``, ``failed<TAB>reason``
The speaker ends when its standard input closes. The engine is one of Qt's (``speechd``, ``flite``) or
``espeak-ng``, the program of that name (``ui.speech.espeak``); for it the "locale" is an espeak-ng voice.
"""

from __future__ import annotations

import io
import json
import os
import sys

from PySide6.QtCore import QCoreApplication, QLocale, QSocketNotifier

from ui.speech.voices import voices_for


class _Lines:
    """The lines the display has sent, read off the pipe itself: every one a wake-up brings.

    ``sys.stdin.readline()`` took one line per notification and left the rest in Python's buffer, where
    the notifier (which watches the pipe, not the buffer) never saw them: two phrases sent together, and
    from then on every phrase said was the one before."""

    def __init__(self) -> None:
        self.fd = sys.stdin.fileno()
        self.rest = b""

    def read(self) -> list[str] | None:
        """The complete lines now available; None when the display closed the pipe."""
        data = os.read(self.fd, 65536)
        if not data:
            return None
        *lines, self.rest = (self.rest + data).split(b"\n")
        return [line.decode("utf-8", "replace") for line in lines]


def _send(*fields: str) -> None:
    sys.stdout.write("\t".join(fields) + "\n")
    sys.stdout.flush()


class Speaker:
    def __init__(self, app: QCoreApplication, engine: str, languages: tuple[str, ...]) -> None:
        from PySide6.QtTextToSpeech import QTextToSpeech

        self.app = app
        self.speech = QTextToSpeech(engine)
        self.saying = False
        self.states = (QTextToSpeech.State.Ready, QTextToSpeech.State.Error)
        self.failed = self.speech.state() == QTextToSpeech.State.Error
        if self.failed:
            _send("failed", self.speech.errorString() or "the engine reported an error")
            return
        self.speech.stateChanged.connect(self._on_state)
        voices = {lang: loc.name() for lang, loc in voices_for(self.speech, languages).items()}
        self.lines = _Lines()
        self.notifier = QSocketNotifier(self.lines.fd, QSocketNotifier.Type.Read)
        self.notifier.activated.connect(self._read)
        _send("ready", json.dumps(voices))

    def _read(self) -> None:
        lines = self.lines.read()
        if lines is None:
            self.app.quit()
            return
        for line in lines:
            self._handle(line)

    def _handle(self, line: str) -> None:
        command, *fields = line.split("\t")
        if command == "say" and len(fields) == 2:
            self.saying = True
            self.speech.setLocale(QLocale(fields[0]))
            self.speech.say(fields[1])
        elif command == "hush":
            self.speech.stop()

    def _on_state(self, state) -> None:
        if self.saying and state in self.states:
            self.saying = False
            _send("done")


class EspeakSpeaker:
    """The same protocol over the espeak-ng program: a phrase is one run of it, "done" when the run ends."""

    def __init__(self, app: QCoreApplication, languages: tuple[str, ...]) -> None:
        from ui.speech.espeak import EspeakSpeech, espeak_program, espeak_voices

        self.app = app
        program = espeak_program()
        self.failed = program is None
        if program is None:
            _send("failed", "the espeak-ng program is not installed")
            return
        self.speech = EspeakSpeech(program)
        self.speech.sig_done.connect(lambda: _send("done"))
        self.lines = _Lines()
        self.notifier = QSocketNotifier(self.lines.fd, QSocketNotifier.Type.Read)
        self.notifier.activated.connect(self._read)
        _send("ready", json.dumps(espeak_voices(languages, program)))

    def _read(self) -> None:
        lines = self.lines.read()
        if lines is None:
            self.speech.stop()
            self.app.quit()
            return
        for line in lines:
            self._handle(line)

    def _handle(self, line: str) -> None:
        command, *fields = line.split("\t")
        if command == "say" and len(fields) == 2:
            self.speech.say(fields[0], fields[1])
        elif command == "hush":
            self.speech.stop()
            _send("done")


def main(argv: list[str]) -> int:
    if not argv:
        print("usage: python -m ui.speech.speaker_process ENGINE [LANGUAGE ...]", file=sys.stderr)
        return 2
    for stream in (sys.stdin, sys.stdout):
        if isinstance(stream, io.TextIOWrapper):  # the pipes from the display; always so when it starts us
            stream.reconfigure(encoding="utf-8")
    app = QCoreApplication(sys.argv[:1])
    from ui.speech.espeak import ENGINE as ESPEAK

    languages = tuple(argv[1:])
    speaker = EspeakSpeaker(app, languages) if argv[0] == ESPEAK else Speaker(app, argv[0], languages)
    if speaker.failed:
        return 1
    return app.exec()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
