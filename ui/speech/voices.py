"""Which of a speech engine's locales says each of the hall's languages."""

from __future__ import annotations

from PySide6.QtCore import QLocale

LOCALES = {"en": "en_US", "zh_CN": "zh_CN", "ko": "ko_KR", "es": "es_ES"}


def voices_for(speech, languages: tuple[str, ...]) -> dict[str, QLocale]:
    """The engine's locale to speak each language in: the exact one (es_ES), else one of the same language (es_419).

    A language the engine has no voice for is left out (espeak-ng through speech-dispatcher, for
    one, offers Cantonese but no Mandarin locale Qt can name): a call read by a voice of another
    language is noise in the hall.
    """
    available = list(speech.availableLocales())
    chosen = {}
    for language in languages:
        wanted = QLocale(LOCALES[language])
        same = [loc for loc in available if loc.language() == wanted.language()]
        exact = [loc for loc in same if loc.territory() == wanted.territory()]
        if exact or same:
            chosen[language] = (exact or same)[0]
    return chosen
