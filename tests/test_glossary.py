"""The glossary (resources/translations/glossary.md) holds in every catalogue: each domain term in its one word per
language, and none of the words it forbids. A failure names the language, context, source and translation."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from resources.build_translations import ts_path

GLOSSARY = ts_path("en").parent / "glossary.md"

# term: (what in the English source names it, the word each translation uses for it)
TERMS = {
    "counter": (r"\bcounters?\b", {"zh_CN": "窗口", "ko": "창구", "es": "ventanilla"}),
    "teller": (r"\btellers?\b", {"zh_CN": "柜员", "ko": "창구직원", "es": "cajer"}),
    "supervisor": (r"\bsupervisors?\b", {"zh_CN": "主管", "ko": "책임자", "es": "supervisor"}),
    "appointment": (r"appointment", {"zh_CN": "预约", "ko": "예약", "es": "cita"}),
    "follow-up": (r"follow-up", {"zh_CN": "跟进", "ko": "후속", "es": "seguimiento"}),
    "park": (r"\bpark", {"zh_CN": "暂挂", "ko": "보류", "es": "apart"}),
    "no-show": (r"no-show", {"zh_CN": "过号|未到", "ko": "부재|미방문", "es": "present"}),
    "ticket": (r"\btickets?\b", {"zh_CN": "号", "ko": "번호", "es": "turno|número"}),
    "branch": (r"\bbranch(es)?\b", {"zh_CN": "网点", "ko": "지점", "es": "sucursal"}),
}
# (language, context, source) where the term rightly takes another word; each says why.
EXCEPTIONS = {
    ("ko", "SignInPage", "Teller station"),  # the PC at the counter: 창구 단말
    ("ko", "StationWindow", "Counterline · Teller station"),
    ("zh_CN", "QueuePanel", "%n ticket(s) waiting"),  # counted as people: 人
    ("ko", "QueuePanel", "%n ticket(s) waiting"),
    ("es", "QueuePanel", "%n ticket(s) waiting"),
    ("ko", "DisplayWindow", "Ticket %1, please go to counter %2"),  # the hall addresses the customer: 고객님
    ("ko", "DisplayWindow", "Ticket %1, please go to %2"),  # the same, for a counter with a name of its own
    ("ko", "ServiceReport", "Tickets issued"),  # 발권 수: the banks' word for tickets issued
}
# Words the glossary forbids (its "never" notes), per language.
FORBIDDEN = {
    "es": ["ticket", "tique", "Aparcar", "Aparcado", "Transferir", "Llamar siguiente", "Esperó", "Mover número"],
    "zh_CN": ["转移", "净值", "恢复暂挂", "过号未到"],
    "ko": ["미응답", "아무 창구", "표준 단위", "순 단위"],
}


def _messages(language: str):
    root = ET.parse(ts_path(language)).getroot()
    for context in root.iter("context"):
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation.get("type") in ("vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in translation.findall("numerusform")] or [translation.text or ""]
            yield context.findtext("name"), message.findtext("source"), " | ".join(forms)


@pytest.mark.parametrize("language", ["zh_CN", "ko", "es"])
def test_each_term_has_its_one_word(language):
    wrong = []
    for context, source, text in _messages(language):
        for term, (names, words) in TERMS.items():
            if re.search(names, source, re.I) and not re.search(words[language], text, re.I):
                if (language, context, source) not in EXCEPTIONS:
                    wrong.append(f"{term}: {context} / {source!r} -> {text!r}")
    assert wrong == [], "\n".join(wrong)


@pytest.mark.parametrize("language", ["zh_CN", "ko", "es"])
def test_no_translation_uses_a_word_the_glossary_forbids(language):
    found = [
        f"{word!r}: {context} / {source!r} -> {text!r}"
        for context, source, text in _messages(language)
        for word in FORBIDDEN[language]
        if re.search(rf"(?<!\w){re.escape(word)}(?!\w)" if word.isascii() else re.escape(word), text, re.I)
    ]
    assert found == [], "\n".join(found)


def test_the_glossary_names_every_word_checked_here():
    glossary = GLOSSARY.read_text(encoding="utf-8")
    for _names, words in TERMS.values():
        for word in words.values():
            assert any(w in glossary for w in word.split("|")), word
    for words in FORBIDDEN.values():
        for word in words:
            assert word in glossary, f"{word!r} is forbidden here but not in glossary.md"
