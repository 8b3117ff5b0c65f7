"""Play the hall's chime once through Qt Multimedia and report what happened: ``python -m ui.display.play_chime``.

For a technician at the hall PC ("is the sound on?") and for the test that checks samples reach a real
audio device. Prints one line: the output device and whether the chime played; exit status 0 when it did.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEventLoop, QUrl
from PySide6.QtWidgets import QApplication

from ui.display.announcer import CHIME_FILE

PLAY_TIMEOUT_S = 8.0


def play(path: Path = CHIME_FILE) -> tuple[bool, str]:
    """(played, what happened): plays ``path`` once on the default output device and waits for the end."""
    from PySide6.QtMultimedia import QMediaDevices, QSoundEffect

    device = QMediaDevices.defaultAudioOutput()
    if device.isNull():
        return False, "no audio output device"
    effect = QSoundEffect()
    effect.setAudioDevice(device)
    effect.setSource(QUrl.fromLocalFile(str(path)))
    loop = QEventLoop()
    deadline = time.monotonic() + PLAY_TIMEOUT_S
    while effect.status() == QSoundEffect.Status.Loading and time.monotonic() < deadline:
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    if effect.status() != QSoundEffect.Status.Ready:
        return False, f"{device.description()}: the chime cannot be played ({effect.status().name})"
    effect.play()
    started = False
    while time.monotonic() < deadline:
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        started = started or effect.isPlaying()
        if started and not effect.isPlaying():
            break
    return started, f"{device.description()}: {'played' if started else 'did not start'}"


def main() -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    played, what = play()
    print(f"play_chime: {what}")
    QCoreApplication.processEvents()
    del app
    return 0 if played else 1


if __name__ == "__main__":
    sys.exit(main())
