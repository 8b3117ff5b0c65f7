"""`counterline speech-check`: what the hall display will say, and in which voice, on this PC.

For whoever sets up the hall PC: it names the speech engines found, the voice chosen for each
configured language (or that the language has none), then speaks a sample call in each and waits
until the engine is done. Exit code 0 when every configured language was spoken, 1 otherwise.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer

from ui.display.announcer import Announcer, load_call_settings, speech_engines

SAMPLE = ("A023", "3")
WAIT_MS = 30000
OPEN_WAIT_MS = 10000


def run_speech_check(display_config: str | None = None, out=sys.stdout) -> int:
    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    settings = load_call_settings(Path(display_config) if display_config else None)
    engines = speech_engines()
    print(f"speech engines: {', '.join(engines) or 'none'}", file=out)
    if not engines:
        print("no speech engine: the display sounds the chime only (Debian: speech-dispatcher, espeak-ng)", file=out)
        return 1
    announcer = None
    for engine in engines:  # as the display does: the next engine when one does not start
        announcer = Announcer(settings, engine=engine, parent=app)
        failures: list[str] = []
        announcer.sig_speech_failed.connect(failures.append)
        _wait_for((announcer.sig_speech_ready, announcer.sig_speech_failed), OPEN_WAIT_MS)
        if announcer.can_speak:
            print(f"speaking with: {engine}", file=out)
            break
        announcer.stop_speech()
        reason = failures[0] if failures else f"no answer within {OPEN_WAIT_MS // 1000} s"
        print(f"engine {engine} did not start ({reason})", file=out)
    if announcer is None or not announcer.can_speak:
        print("no engine started: the display sounds the chime only", file=out)
        return 1
    for language in settings.languages:
        voice = announcer.voices.get(language)
        print(f"  {language}: {voice or 'no voice (shown, not spoken)'}", file=out)
    spoken: list[str] = []
    announcer.sig_spoken.connect(spoken.append)
    if announcer.spoken_languages:
        announcer.announce(*SAMPLE)
        _wait_for((announcer.sig_idle,), WAIT_MS)
    announcer.stop_speech()
    for text in spoken:
        print(f"  said: {text}", file=out)
    return 0 if len(spoken) == len(settings.languages) else 1


def _wait_for(signals, timeout_ms: int) -> None:
    loop = QEventLoop()
    for signal in signals:
        signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
