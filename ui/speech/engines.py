"""Which speech engines this PC has: Qt's, then the espeak-ng program (it needs no speech daemon)."""

from __future__ import annotations

_TEST_ENGINES = {"mock"}


def speech_engines(allow_test_engines: bool = False) -> list[str]:
    """Installed speech engines: Qt's, then the espeak-ng program where it is installed (it needs no daemon)."""
    from ui.speech.espeak import ENGINE as ESPEAK
    from ui.speech.espeak import espeak_program

    espeak = [ESPEAK] if espeak_program() else []
    try:
        from PySide6.QtTextToSpeech import QTextToSpeech
    except ImportError:
        return espeak
    return [e for e in QTextToSpeech.availableEngines() if allow_test_engines or e not in _TEST_ENGINES] + espeak
