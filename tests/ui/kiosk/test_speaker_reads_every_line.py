"""The speaker process takes every line a wake-up brings: two phrases that reach its pipe together (the kiosk guide's
"say" right after another) left the second in Python's buffer, unsaid until a later line came, and from then on
every phrase said was the one before (ui/speech/speaker_process.py)."""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]

FAKE_ESPEAK = """#!/bin/sh
if [ "$1" = "--voices" ]; then
  echo "Pty Language       Age/Gender VoiceName          File                 Other Languages"
  echo " 5  en-us           --/M      English_(America)  gmw/en-US            (en 3)"
  echo " 5  es              --/M      Spanish_(Spain)    roa/es"
  exit 0
fi
for last; do :; done
echo "$last" >> "$SAID_LOG"
"""


def _wait_for(predicate, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def test_two_phrases_written_together_are_both_taken(tmp_path):
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    fake = bin_dir / "espeak-ng"
    fake.write_text(FAKE_ESPEAK)
    fake.chmod(0o755)
    log = tmp_path / "said.log"
    env = {**os.environ, "PATH": f"{bin_dir}:{os.environ['PATH']}", "SAID_LOG": str(log)}
    speaker = subprocess.Popen(
        [sys.executable, "-m", "ui.speech.speaker_process", "espeak-ng", "en", "es"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=ROOT, env=env,
    )  # fmt: skip
    try:
        kind, _, voices = speaker.stdout.readline().decode().rstrip("\n").partition("\t")
        assert kind == "ready" and json.loads(voices) == {"en": "en-us", "es": "es"}
        # One write, two lines: what SpeakerLink.say twice in one event-loop turn puts in the pipe.
        speaker.stdin.write(b"say\ten-us\tPlease choose a service\nsay\tes\tPor favor elija un servicio\n")
        speaker.stdin.flush()
        said = lambda: log.read_text().splitlines() if log.exists() else []  # noqa: E731
        _wait_for(lambda: "Por favor elija un servicio" in said(), 3)
        assert said()[-1:] == ["Por favor elija un servicio"], said()
    finally:
        speaker.stdin.close()
        speaker.wait(5)
