"""The ``espeak-ng`` command as a speech engine for the speaker process (``ui.speech.speaker_process``).

Qt's own engines need a daemon (speech-dispatcher) or a library (flite) that a kiosk or hall PC may
lack; the ``espeak-ng`` program speaks Mandarin, Korean, Spanish and English by itself and plays on the
PC's default audio device (PulseAudio or ALSA). Each phrase is one run of the program, so a new phrase
stops the one being said, as ``QTextToSpeech.say`` does.
"""

from __future__ import annotations

import shutil
import subprocess

from PySide6.QtCore import QObject, QProcess, Signal

ENGINE = "espeak-ng"
# espeak-ng's voice for each language the screens use (``espeak-ng --voices`` lists them).
VOICES = {"en": "en-us", "zh_CN": "cmn", "ko": "ko", "es": "es"}
LIST_TIMEOUT_S = 10


def espeak_program() -> str | None:
    return shutil.which(ENGINE)


def espeak_voices(languages: tuple[str, ...], program: str | None = None) -> dict[str, str]:
    """The espeak-ng voice for each of ``languages`` this PC has; a language without one is left out."""
    program = program or espeak_program()
    if program is None:
        return {}
    try:
        listing = subprocess.run(
            [program, "--voices"], capture_output=True, text=True, timeout=LIST_TIMEOUT_S, check=False
        ).stdout
    except (OSError, subprocess.TimeoutExpired):
        return {}
    names = {line.split()[1] for line in listing.splitlines()[1:] if len(line.split()) > 1}
    return {lang: VOICES[lang] for lang in languages if VOICES.get(lang) in names}


class EspeakSpeech(QObject):
    """Says one phrase at a time with the espeak-ng program; ``sig_done`` when it ended (said, stopped or failed)."""

    sig_done = Signal()
    """The phrase handed to ``say`` has ended."""

    def __init__(self, program: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.program = program
        self._process: QProcess | None = None

    def say(self, voice: str, text: str) -> None:
        self.stop()
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.ForwardedErrorChannel)
        process.setStandardOutputFile(QProcess.nullDevice())
        process.finished.connect(lambda *_: self._ended(process))
        process.errorOccurred.connect(lambda error: self._failed(process, error))
        self._process = process
        # "--" ends the options: a phrase starting with "-" is said, not taken as an option.
        process.start(self.program, ["-v", voice, "--", text])

    def _failed(self, process: QProcess, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart:
            self._ended(process)

    def _ended(self, process: QProcess) -> None:
        if process is self._process:
            self._process = None
            self.sig_done.emit()
        process.deleteLater()

    def stop(self) -> None:
        process, self._process = self._process, None
        if process is not None and process.state() != QProcess.ProcessState.NotRunning:
            process.kill()
            process.waitForFinished(1000)
