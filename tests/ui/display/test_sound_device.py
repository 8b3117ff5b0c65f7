"""Sound that plays: the chime is 16-bit PCM WAV and reaches a real PulseAudio sink.

The test starts its own PulseAudio server with a null sink, records the sink's monitor with ``parec`` while
``python -m ui.display.play_chime`` plays the chime through Qt Multimedia, and checks that the chime's samples
arrived. The hall's spoken call goes the same way: the Announcer's speaker process speaks it with espeak-ng
into the sink. ``.ci/run`` installs pulseaudio, pulseaudio-utils and espeak-ng on a bare CI machine; where
they are missing the test fails, naming what to install (``missing_tool.needs``).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
import wave
from pathlib import Path

import numpy as np
import pytest
from missing_tool import needs

from ui.display.announcer import CHIME_FILE, Announcer, CallSettings, call_phrase
from ui.speech.espeak import ENGINE as ESPEAK
from ui.speech.espeak import espeak_program

ROOT = Path(__file__).resolve().parents[3]
RATE, CHANNELS = 44100, 2


def test_the_chime_is_16_bit_pcm_wav_at_44_1_khz():
    with wave.open(str(CHIME_FILE), "rb") as chime:
        assert chime.getcomptype() == "NONE"  # PCM
        assert chime.getsampwidth() == 2
        assert chime.getframerate() == RATE and chime.getnchannels() == CHANNELS
        frames = np.frombuffer(chime.readframes(chime.getnframes()), dtype="<i2")
    assert 0.5 < np.abs(frames).max() / 32767 < 0.9  # loud enough, never clipped


@pytest.fixture
def pulse_server(tmp_path):
    """A PulseAudio server of this test only, with one null sink named "hall"; yields its address."""
    if shutil.which("pulseaudio") is None or shutil.which("parec") is None:
        needs("pulseaudio and parec (pulseaudio-utils) are not installed; .ci/run installs them")
    socket = tmp_path / "native"
    env = {**os.environ, "HOME": str(tmp_path), "XDG_RUNTIME_DIR": str(tmp_path), "PULSE_RUNTIME_PATH": str(tmp_path)}
    server = subprocess.Popen(
        [
            "pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--disallow-exit", "--use-pid-file=no",
            "--load=module-null-sink sink_name=hall",
            f"--load=module-native-protocol-unix socket={socket} auth-anonymous=1",
        ],
        env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    deadline = time.monotonic() + 10
    while not socket.exists():
        if server.poll() is not None or time.monotonic() > deadline:
            server.kill()
            pytest.fail(f"pulseaudio did not start: {server.stderr.read().decode(errors='replace')[-500:]}")
        time.sleep(0.05)
    yield {**env, "PULSE_SERVER": f"unix:{socket}"}
    server.terminate()
    server.wait(10)


class _Recording:
    """``parec`` recording the hall sink's monitor into a file while the block runs."""

    def __init__(self, env: dict, path: Path) -> None:
        self.env, self.path = env, path

    def __enter__(self) -> _Recording:
        self._out = self.path.open("wb")
        self._recorder = subprocess.Popen(
            ["parec", "-d", "hall.monitor", "--format=s16le", f"--rate={RATE}", f"--channels={CHANNELS}"],
            env=self.env, stdout=self._out, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        time.sleep(0.3)
        return self

    def __exit__(self, *_: object) -> None:
        time.sleep(0.5)
        self._recorder.terminate()
        self._recorder.wait(10)
        self._out.close()

    def samples(self) -> np.ndarray:
        return np.fromfile(self.path, dtype="<i2").astype(np.float64) / 32767


def test_the_chime_reaches_a_real_pulseaudio_sink(pulse_server, tmp_path):
    recording = tmp_path / "hall.raw"
    with _Recording(pulse_server, recording):
        player = subprocess.run(
            [sys.executable, "-m", "ui.display.play_chime"],
            env={**pulse_server, "QT_QPA_PLATFORM": "offscreen"}, cwd=ROOT,
            capture_output=True, text=True, timeout=60,
        )  # fmt: skip
    assert player.returncode == 0, player.stdout + player.stderr
    assert "played" in player.stdout
    samples = np.fromfile(recording, dtype="<i2").astype(np.float64) / 32767
    loud = np.abs(samples) > 0.01
    assert samples.size and np.abs(samples).max() > 0.4, "the sink received silence"
    assert loud.sum() / (RATE * CHANNELS) > 0.8, "less than 0.8 s of the 1.6 s chime arrived"


def test_the_spoken_call_reaches_a_real_pulseaudio_sink(pulse_server, tmp_path, qtbot, monkeypatch):
    """The hall's call, said by espeak-ng through the Announcer's speaker process, arrives as speech in the sink."""
    if espeak_program() is None:
        needs("espeak-ng is not installed; .ci/run installs it")
    for name in ("PULSE_SERVER", "XDG_RUNTIME_DIR", "PULSE_RUNTIME_PATH"):
        monkeypatch.setenv(name, pulse_server[name])  # the speaker process inherits them
    settings = CallSettings(chime=False, speech=True, languages=("en", "zh_CN"))
    recording = _Recording(pulse_server, tmp_path / "hall.raw")
    with recording:
        announcer = Announcer(settings, engine=ESPEAK)
        try:
            with qtbot.waitSignal(announcer.sig_speech_ready, timeout=15000):
                pass
            assert announcer.spoken_languages == ("en", "zh_CN")  # espeak-ng has both voices
            spoken = []
            announcer.sig_spoken.connect(spoken.append)
            with qtbot.waitSignal(announcer.sig_idle, timeout=30000):
                announcer.announce("A023", "3")
        finally:
            announcer.stop_speech()
    assert spoken == [call_phrase("en", "A023", "3"), call_phrase("zh_CN", "A023", "3")]
    samples = recording.samples()
    loud = np.abs(samples) > 0.01
    assert samples.size and np.abs(samples).max() > 0.1, "the sink received silence"
    # Two sentences of speech last well over a second; a click or a cut-off word is far shorter.
    assert loud.sum() / (RATE * CHANNELS) > 1.0, f"only {loud.sum() / (RATE * CHANNELS):.2f} s of speech arrived"
