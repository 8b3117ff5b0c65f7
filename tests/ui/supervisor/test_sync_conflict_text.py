"""The Sync tab says why each conflict was flagged in the supervisor's language, counters by their names, times on
the branch's clock; a hostile counter name stays text, and a conflict without a code still reads."""

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from label_text import tip_text
from PySide6.QtCore import QCoreApplication

from models.sync.conflict_views import fact_of
from models.sync.conflicts import ConflictView, FactView, QuarantineView
from models.sync.refusal_codes import UNSTORABLE_TEXT
from queueing.core.conflict_reasons import ConflictFigures, ConflictReason
from queueing.core.events import Event, EventType
from queueing.core.state import Conflict
from ui.common.branch_time import branch_zone, set_branch_zone
from ui.common.i18n import LanguageManager
from ui.supervisor.conflict_text import Names, fact_line, reason_sentence, subject, what_clashed
from ui.supervisor.sync import REASON_COLUMN, TOOLTIP, ConflictsModel, QuarantineModel

AT = datetime(2026, 11, 23, 1, 2, 3, tzinfo=UTC)  # 10:02:03 in Seoul
SINCE = datetime(2026, 11, 23, 0, 30, tzinfo=UTC)  # 09:30:00 in Seoul
NAMES = Names({"C7": "7", "C9": "外汇窗口"}, {"T1": "王芳"})
# Counter 7 in a sentence, in each language; C9 has a name of its own and is called by it alone.
SEVEN = {"en": "counter 7", "zh_CN": "7 号窗口", "ko": "7번 창구", "es": "la ventanilla 7"}
LANGUAGES = tuple(SEVEN)


def _figures(**named):
    base = dict(event_type="ticket_called", station_id="ST2", staff_id="T2", at=AT)
    return ConflictFigures(**{**base, **named})


REASONS = {
    ConflictReason.CALLED_NOT_WAITING: _figures(counter_id="C7", other_counter_id="C9", status="called"),
    ConflictReason.AFTER_CLOSED: _figures(event_type="service_started", counter_id="C7", status="done"),
    ConflictReason.HELD_ELSEWHERE: _figures(event_type="service_finished", counter_id="C7", other_counter_id="C9"),
    ConflictReason.COUNTER_BUSY: _figures(counter_id="C7", number="A017", status="waiting"),
    ConflictReason.NOT_AT_COUNTER: _figures(event_type="service_started", counter_id="C7", status="waiting"),
    ConflictReason.MOVED_NOT_WAITING: _figures(event_type="ticket_transferred", other_counter_id="C9", status="called"),
    ConflictReason.ISSUED_AGAIN: _figures(event_type="ticket_issued", number="A017", other_number="A003"),
    ConflictReason.NUMBER_TWICE: _figures(event_type="ticket_issued", number="A003"),
    ConflictReason.UNKNOWN_TICKET: _figures(),
    ConflictReason.COUNTER_TAKEN: _figures(
        event_type="counter_signed_in", counter_id="C7", other_staff_id="T1", other_station_id="ST1", since=SINCE
    ),
    ConflictReason.TELLER_ELSEWHERE: _figures(
        event_type="counter_signed_in", counter_id="C7", other_counter_id="C9", other_station_id="ST1", since=SINCE
    ),
    ConflictReason.BREAK_CHANGED_LATE: _figures(
        event_type="break_scheduled", other_staff_id="T1", other_station_id="ST1", since=SINCE
    ),
}
NAMES_A_COUNTER = {r for r, f in REASONS.items() if f.counter_id}


@pytest.fixture
def language(qapp):
    i18n = LanguageManager(qapp)
    zone = branch_zone()
    set_branch_zone("Asia/Seoul")
    yield i18n
    i18n.set_language("en")  # translators live on the session's one QApplication
    set_branch_zone(zone.key)


def _conflict(reason, figures=None, ticket_id="t-1"):
    return Conflict("e-1", ticket_id, "ticket_called", reason, figures or REASONS[reason])


@pytest.mark.parametrize("lang", LANGUAGES)
def test_each_reason_is_said_in_the_language_with_counter_names_not_ids(language, lang):
    language.set_language(lang)
    for reason in REASONS:
        text = reason_sentence(_conflict(reason), NAMES)
        assert "C7" not in text and "C9" not in text and "_" not in text, (reason, text)
        if reason in NAMES_A_COUNTER:
            assert SEVEN[lang] in text, (reason, text)
        if lang != "en":
            assert text != _conflict(reason).detail and "while" not in text, (reason, text)
    both = reason_sentence(_conflict(ConflictReason.TELLER_ELSEWHERE), NAMES)
    assert "外汇窗口" in both and "10:02:03" in both and "09:30:00" in both  # the branch's clock, not UTC
    called = reason_sentence(_conflict(ConflictReason.UNKNOWN_TICKET), NAMES)
    assert QCoreApplication.translate("Common", "Ticket called", "event type") in called


def test_every_reason_has_its_sentence_here():
    assert set(REASONS) == set(ConflictReason)


def test_the_english_sentences_read_whole(language):
    language.set_language("en")
    said = {r: reason_sentence(_conflict(r), NAMES) for r in REASONS}
    assert said[ConflictReason.CALLED_NOT_WAITING] == "Called at counter 7 while the ticket was at 外汇窗口 (Called)"
    assert said[ConflictReason.AFTER_CLOSED] == "Service started at counter 7 after the ticket was closed (Done)"
    assert said[ConflictReason.ISSUED_AGAIN] == "Issued again as A017; the first number, A003, stands"
    # T1 has an account here, by name and id; T2 has none any more: its id alone.
    assert said[ConflictReason.COUNTER_TAKEN] == (
        "Teller T2 signed in at counter 7 on station ST2 at 10:02:03 while teller 王芳 (T1) was signed in there "
        "on station ST1 since 09:30:00"
    )
    assert said[ConflictReason.BREAK_CHANGED_LATE] == (
        "T2 moved this break on station ST2 at 10:02:03, after 王芳 (T1) had moved or cancelled it on station ST1 "
        "at 09:30:00: the first change stands and this move did nothing"
    )
    cancelled = replace(REASONS[ConflictReason.BREAK_CHANGED_LATE], event_type="break_cancelled")
    assert reason_sentence(_conflict(ConflictReason.BREAK_CHANGED_LATE, cancelled), NAMES).startswith(
        "T2 cancelled this break on station ST2 at 10:02:03,"
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_late_break_change_is_about_the_tellers_break_in_the_language(language, lang):
    language.set_language(lang)
    late = _conflict(ConflictReason.BREAK_CHANGED_LATE, ticket_id="")
    view = ConflictView(
        "", "rota:T1:2026-11-23", date(2026, 11, 23), "break_scheduled", late.detail, (), reasons=(late,),
        teller_id="T1",
    )
    said = subject(view, NAMES)
    assert "王芳 (T1)" in said and "rota" not in said
    expected = {
        "en": "Break of 王芳 (T1)", "zh_CN": "王芳 (T1) 的休息",
        "ko": "王芳 (T1)님의 휴식", "es": "Descanso de 王芳 (T1)",
    }
    assert said == expected[lang]


def _view(reasons=(), detail="flagged", number="A003", ticket_id="t-1"):
    fact = FactView("e-1", "ST2", "ticket_called", AT, "C7", "T2")
    return ConflictView(ticket_id, number, date(2026, 11, 23), "called", detail, (fact,), reasons=tuple(reasons))


def test_a_hostile_counter_name_is_shown_as_plain_text(qapp, language):
    language.set_language("ko")
    model = ConflictsModel()
    model.names = Names({"C7": "<b>VIP</b>\u202e%2", "C9": "외환"}, {"T2": "<i>김</i>\u202e"})
    clash = _conflict(ConflictReason.TELLER_ELSEWHERE, ticket_id="")
    model.set_rows((_view([clash], number="C7", ticket_id=""),))
    cells = [model.data(model.index(0, column)) for column in range(5)]
    assert cells[0] == "<b>VIP</b>\ufffd%2"  # markup as its characters, the override defused
    assert "<b>VIP</b>\ufffd%2에 로그인함" in cells[3] and "외환" in cells[3]  # "%2" in a name is not filled in
    assert not any("\u202e" in cell for cell in cells)
    assert "<i>김</i>\ufffd (T2)" in cells[3]  # a teller's name is data too
    assert cells[4] == "10:02:03 · ST2 · 번호 호출 · <b>VIP</b>\ufffd%2 · <i>김</i>\ufffd (T2)"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_an_old_row_without_a_code_gets_the_generic_text_and_its_stored_facts(language, lang):
    language.set_language(lang)
    generic = QCoreApplication.translate("ConflictText", "Flagged as a conflict; compare the facts")
    assert what_clashed(_view(), NAMES) == generic  # the store's bare "flagged" is not repeated
    stored = what_clashed(_view(detail="called at C2 while called at C1"), NAMES)
    assert stored == f"{generic}\ncalled at C2 while called at C1"
    # A code this version does not know (a newer station's) reads the same way, never a traceback.
    newer = Conflict("e-2", "t-1", "ticket_called", "split_ticket", REASONS[ConflictReason.UNKNOWN_TICKET])
    assert reason_sentence(newer, NAMES) == generic
    if lang != "en":
        assert generic != "Flagged as a conflict; compare the facts"


NUL_LINE = "DataError: PostgreSQL text fields cannot contain NUL (0x00) bytes"
# The refusal's cell in each language; the database's English line only in the tooltip.
UNSTORABLE = {
    "en": "A text in it holds a character the branch server cannot store",
    "zh_CN": "其中的文字含有网点服务器无法保存的字符",
    "ko": "지점 서버가 저장할 수 없는 문자가 텍스트에 들어 있음",
    "es": "Un texto contiene un carácter que el servidor de la sucursal no puede guardar",
}


def _refused(code, line=NUL_LINE, station="ST2"):
    return QuarantineView("e-9", station, 99, "counter_configured", line, AT, code)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_refused_event_is_said_in_the_language_with_the_database_line_in_the_tooltip(qapp, language, lang):
    language.set_language(lang)
    model = QuarantineModel()
    model.set_rows((_refused(UNSTORABLE_TEXT), _refused("23505", "IntegrityError: duplicate key"), _refused("22P02")))
    cells = [model.data(model.index(row, REASON_COLUMN)) for row in range(3)]
    assert cells[0] == UNSTORABLE[lang]
    assert tip_text(model.data(model.index(0, REASON_COLUMN), TOOLTIP)) == NUL_LINE
    assert model.data(model.index(0, 0), TOOLTIP) is None
    assert all("Error" not in cell and "NUL" not in cell for cell in cells), cells
    assert len(set(cells)) == 3  # a rule of the data and a value it cannot take are told apart
    assert model.data(model.index(0, 2)) != "counter_configured"  # the event type in words


def test_a_refusal_without_a_code_says_so_and_shows_the_line_as_plain_text(qapp, language):
    language.set_language("es")
    model = QuarantineModel()
    hostile = "boom <b>x</b>\u202e\n" + "y" * 400
    model.set_rows((_refused(None, hostile, station="ST\u202e9"), _refused("XX000", "internal error")))
    old, unknown = (model.data(model.index(row, REASON_COLUMN)) for row in (0, 1))
    generic = QCoreApplication.translate("RefusalText", "The branch server refused it")
    assert generic != "The branch server refused it"
    assert old.startswith(f"{generic}: boom <b>x</b>\ufffd\ufffd") and len(old) < 260
    assert unknown == f"{generic}: internal error"  # a SQLSTATE this version does not word
    assert model.data(model.index(0, 0)) == "ST\ufffd9"
    assert tip_text(model.data(model.index(0, REASON_COLUMN), TOOLTIP)).endswith("y" * 400)  # whole, in the tip


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_late_change_to_a_break_never_seen_set_is_named_by_the_breaks_id_not_as_a_counter(language, lang):
    language.set_language(lang)
    late = _conflict(ConflictReason.BREAK_CHANGED_LATE, ticket_id="")
    view = ConflictView("", "7", date(2026, 11, 23), "break_cancelled", late.detail, (), reasons=(late,))
    said = subject(view, NAMES)
    assert said == {"en": "Break 7", "zh_CN": "休息 7", "ko": "휴식 7", "es": "Descanso 7"}[lang]


def test_a_damaged_break_event_is_shown_without_the_parts_that_are_not_text(language):
    language.set_language("en")
    payload = {"break_id": "brk:x", "staff_id": "T1", "day": "2026-11-23", "start": 1300, "by": ["S1"]}
    fact = fact_of(Event("e9", "B1", "ST9", 1, "h9", EventType.BREAK_SCHEDULED, AT, payload))
    assert (fact.staff_id, fact.break_start) == (None, None)
    assert fact_line(fact, NAMES) == "10:02:03 · ST9 · Break scheduled"
