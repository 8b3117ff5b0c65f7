"""Every string the UI shows is translated into Simplified Chinese, Korean and Spanish.

After adding strings, run ``python -m resources.build_translations`` and fill in the new
<translation> elements (Qt Linguist: ``pyside6-linguist resources/translations/counterline_ko.ts``).
Failures name each message by language, context and source text.
"""

from __future__ import annotations

import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from resources.build_translations import LANGUAGES, PLURAL_ONLY_LANGUAGES, ts_path, ui_sources, update_sources

PLACEHOLDER = re.compile(r"%n|%L?\d")
# A source with a lowercase word is a word to translate; "VIP" or "%1" may stay as they are.
WORDS = re.compile(r"[a-z]{2}")
# (language, source) pairs whose right translation is the English word itself, e.g. ("es", "Total").
# The glossary's Spanish word for a supervisor is "supervisor" (resources/translations/glossary.md).
SAME_AS_SOURCE_OK: frozenset[tuple[str, str]] = frozenset({("es", "Supervisor")})


def _live_messages(ts: Path) -> list[tuple[str, ET.Element]]:
    """(context name, message) for every message still used in the code (not vanished or obsolete)."""
    found = []
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            if message.find("translation").get("type") not in ("vanished", "obsolete"):
                found.append((name, message))
    return found


def _label(language: str, context: str, message: ET.Element) -> str:
    comment = message.findtext("comment")
    return f"{language}: {context} / {message.findtext('source')!r}" + (f" ({comment})" if comment else "")


def _problems(language: str, context: str, message: ET.Element) -> list[str]:
    source = message.findtext("source") or ""
    translation = message.find("translation")
    forms = [form.text or "" for form in translation.iter("numerusform")] or [translation.text or ""]
    label = _label(language, context, message)
    if translation.get("type") == "unfinished" or not all(form.strip() for form in forms):
        return [f"{label}: not translated"]
    problems = []
    if WORDS.search(source) and (language, source) not in SAME_AS_SOURCE_OK and source in forms:
        problems.append(f"{label}: translation is the English source")
    for form in forms:
        if set(PLACEHOLDER.findall(form)) != set(PLACEHOLDER.findall(source)):
            problems.append(f"{label}: {form!r} does not keep the placeholders of the source")
    return problems


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_message_is_translated(language):
    messages = _live_messages(ts_path(language))
    assert messages, f"{ts_path(language)} holds no message"
    problems = [problem for context, message in messages for problem in _problems(language, context, message)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("language", PLURAL_ONLY_LANGUAGES)
def test_every_plural_has_its_english_forms(language):
    messages = _live_messages(ts_path(language))
    assert all(message.get("numerus") == "yes" for _, message in messages)
    problems = [problem for context, message in messages for problem in _problems(language, context, message)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("language", LANGUAGES + PLURAL_ONLY_LANGUAGES)
def test_catalogue_holds_every_string_of_the_ui(language, tmp_path):
    """Fails when ui/ gained strings but build_translations was not run (so the checks above never saw them)."""
    ts = ts_path(language)
    fresh = tmp_path / ts.name
    shutil.copy(ts, fresh)
    update_sources([fresh], ui_sources(), plural_only=language in PLURAL_ONLY_LANGUAGES)
    known = {
        (context, message.findtext("source"), message.findtext("comment")) for context, message in _live_messages(ts)
    }
    missing = [
        _label(language, context, message)
        for context, message in _live_messages(fresh)
        if (context, message.findtext("source"), message.findtext("comment")) not in known
    ]
    assert missing == [], "run `python -m resources.build_translations`, then translate:\n" + "\n".join(missing)


def test_problems_name_language_context_and_source():
    message = ET.fromstring(
        "<message><source>Waiting</source><comment>ticket status</comment>"
        '<translation type="unfinished"></translation></message>'
    )
    assert _problems("ko", "Common", message) == ["ko: Common / 'Waiting' (ticket status): not translated"]
    message.find("translation").attrib.clear()
    message.find("translation").text = "Waiting"
    assert _problems("es", "Common", message) == [
        "es: Common / 'Waiting' (ticket status): translation is the English source"
    ]
