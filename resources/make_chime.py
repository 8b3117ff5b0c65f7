"""Writes resources/sounds/chime.wav, the hall display's call chime: ``python -m resources.make_chime``.

Two soft bell tones, E6 then C6 (a falling major third, like a doorbell), each with a quick attack,
an exponential decay and a faint octave partial for a bell colour. 16-bit PCM, stereo, 44.1 kHz, 1.6 s:
the WAV form every Qt Multimedia backend plays (PulseAudio, PipeWire, ALSA, Windows, macOS); a 22.05 kHz
mono file was refused as "format not supported" by some.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

RATE = 44100
CHANNELS = 2
LENGTH_S = 1.6
CHIME_FILE = Path(__file__).resolve().parent / "sounds" / "chime.wav"


def _bell(freq: float, start_s: float, dur_s: float, samples: list[float]) -> None:
    offset = int(start_s * RATE)
    for i in range(min(int(dur_s * RATE), len(samples) - offset)):
        t = i / RATE
        envelope = min(1.0, t / 0.01) * math.exp(-3.2 * t)
        partials = (
            math.sin(2 * math.pi * freq * t)
            + 0.25 * math.sin(4 * math.pi * freq * t)
            + 0.08 * math.sin(6 * math.pi * freq * t)
        )
        samples[offset + i] += envelope * partials


def write_chime(path: Path = CHIME_FILE) -> Path:
    samples = [0.0] * int(LENGTH_S * RATE)
    _bell(1318.5, 0.0, 1.0, samples)
    _bell(1046.5, 0.42, 1.18, samples)
    peak = max(abs(s) for s in samples)
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(CHANNELS)
        out.setsampwidth(2)
        out.setframerate(RATE)
        frames = (struct.pack("<h", int(s / peak * 0.6 * 32767)) * CHANNELS for s in samples)
        out.writeframes(b"".join(frames))
    return path


if __name__ == "__main__":
    print(write_chime())
