"""The display's end of the speaker process (``ui.speech.speaker_process``): start it, hand it phrases, hear back.

Nothing here waits for the speaker: lines are written without blocking and read on a daemon
thread that turns each into a queued Qt signal. A speaker that never answers costs the hall
its voice, never its screen.
"""

from __future__ import annotations

import atexit
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

ROOT = Path(__file__).resolve().parents[2]
STOP_WAIT_S = 2.0
# An engine silent this long after it was started gives way to the next installed one, or is reported if it is the
# last (speechd with no daemon replying hangs rather than failing): the kiosk's guide and the hall's calls.
OPEN_TIMEOUT_MS = 5000
# A speaker that worked and then died is started again after this (never in a tight loop): both users.
RESTART_MS = 3000


def speaker_command(engine: str, languages: tuple[str, ...]) -> list[str]:
    return [sys.executable, "-m", "ui.speech.speaker_process", engine, *languages]


def _die_with_parent() -> None:
    """Linux: the speaker ends if the display is killed, even while the engine holds it."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, 15)  # PR_SET_PDEATHSIG, SIGTERM
    except (OSError, AttributeError):
        pass


class SpeakerLink(QObject):
    sig_ready = Signal(dict)  # language -> locale name, for the languages the engine has a voice for
    sig_failed = Signal(str)
    sig_done = Signal()  # the phrase being said has ended

    def __init__(self, command: list[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            cwd=str(ROOT),  # ``python -m ui.speech.speaker_process`` finds the package there, installed or not
            preexec_fn=_die_with_parent if sys.platform.startswith("linux") else None,
        )
        # Both pipes exist: Popen was asked for them (PIPE), the check only tells the type checker.
        assert self._process.stdin is not None and self._process.stdout is not None
        self._stdin, self._stdout = self._process.stdin, self._process.stdout
        os.set_blocking(self._stdin.fileno(), False)
        self._stopped = False
        _RUNNING.add(self._process)
        threading.Thread(target=self._listen, name="speaker-link", daemon=True).start()

    def _listen(self) -> None:
        try:
            for raw in self._stdout:
                kind, _, rest = raw.decode("utf-8", "replace").rstrip("\n").partition("\t")
                if kind == "ready":
                    self.sig_ready.emit(json.loads(rest or "{}"))
                elif kind == "done":
                    self.sig_done.emit()
                elif kind == "failed":
                    self.sig_failed.emit(rest)
            code = self._process.wait()
            if not self._stopped and code != 0:
                self.sig_failed.emit(f"the speaker process ended with code {code}")
        except RuntimeError:  # the window that owned this link is gone: nobody to tell
            pass

    def say(self, locale_name: str, text: str) -> bool:
        """Hand one phrase to the speaker; False if it cannot take it now (it is gone or not reading)."""
        line = f"say\t{locale_name}\t{text.replace(chr(9), ' ').replace(chr(10), ' ')}\n".encode()
        try:
            written = os.write(self._stdin.fileno(), line)
        except (BlockingIOError, BrokenPipeError, OSError):
            return False
        return written == len(line)

    def hush(self) -> bool:
        """Stop the phrase being said (the speaker goes on taking phrases); False if it cannot be told now."""
        stdin = self._process.stdin
        if stdin is None:
            return False
        try:
            return os.write(stdin.fileno(), b"hush\n") == 5
        except (BlockingIOError, BrokenPipeError, OSError):
            return False

    def stop(self) -> None:
        self._stopped = True
        _stop(self._process)


def given_up(sender: QObject | None, current: SpeakerLink | None) -> bool:
    """Whether ``sender`` is a speaker its owner has replaced (``current`` is the one it listens to now): a speaker
    given up on for being slow may still answer, or report its end, and speaks for its owner no more."""
    return isinstance(sender, SpeakerLink) and sender is not current


def _stop(process: subprocess.Popen) -> None:
    _RUNNING.discard(process)
    if process.poll() is not None:
        return
    try:
        if process.stdin is not None:
            process.stdin.close()  # a speaker that still reads ends by itself
        process.wait(STOP_WAIT_S)
    except (OSError, subprocess.TimeoutExpired):
        process.kill()
        process.wait(STOP_WAIT_S)


_RUNNING: set[subprocess.Popen] = set()


@atexit.register
def _stop_all() -> None:
    for process in list(_RUNNING):
        _stop(process)
