"""Run-time language switching, locale formatting and the bundled CJK font."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtGui import QFont, QFontMetrics, QImage, QRawFont, QTextLayout
from PySide6.QtWidgets import QLabel

from queueing.core.errors import NothingWaiting
from queueing.core.tickets import TicketStatus
from resources.build_translations import LANGUAGES, PLURAL_ONLY_LANGUAGES, release, ts_path
from ui.common.fonts import register_font, ui_font
from ui.common.i18n import LanguageManager, qm_path
from ui.common.strings import common_keys, common_text, error_text, pending_sync_text, ticket_status_text

CALL_TEXT = "请A023号到3号窗口办理 / 김민용 고객님 / Señor Pérez"


@pytest.fixture(scope="session")
def qm_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The repository's .ts files compiled afresh, so the tests never read a stale .qm."""
    directory = tmp_path_factory.mktemp("qm")
    for language in LANGUAGES + PLURAL_ONLY_LANGUAGES:
        release(ts_path(language), qm_path(language, directory))
    return directory


@pytest.fixture
def i18n(qapp, qm_dir: Path):
    manager = LanguageManager(qapp, translations_dir=qm_dir)
    yield manager
    # Translators and the default locale are process-wide: leave the source texts for the next test.
    manager.uninstall()
    manager.deleteLater()


class StatusLabel(QLabel):
    """The pattern every window follows: texts set in retranslate(), called again on a language change."""

    def __init__(self, i18n: LanguageManager) -> None:
        super().__init__()
        i18n.sig_language_changed.connect(self.retranslate)
        self.retranslate()

    def retranslate(self) -> None:
        self.setText(ticket_status_text(TicketStatus.WAITING))


@pytest.mark.parametrize(
    ("language", "waiting", "lunch"),
    [
        ("zh_CN", "等候中", "午休"),
        ("ko", "대기 중", "점심시간"),
        ("es", "En espera", "Almuerzo"),
        ("en", "Waiting", "Lunch"),
    ],
)
def test_common_text_follows_the_language_installed(i18n, language, waiting, lunch):
    i18n.set_language("ko" if language == "en" else "en")
    i18n.set_language(language)
    assert (common_text("ticket.waiting"), common_text("pause.lunch")) == (waiting, lunch)
    assert i18n.language == language


def test_every_common_text_is_translated_in_every_language(i18n):
    english = {key: common_text(key) for key in common_keys()}
    for language in LANGUAGES:
        i18n.set_language(language)
        untranslated = [key for key in common_keys() if common_text(key) == english[key] and key != "priority.vip"]
        assert untranslated == [], language


def test_switching_emits_the_new_language_code(i18n, qtbot):
    with qtbot.waitSignal(i18n.sig_language_changed) as blocker:
        i18n.set_language("ko")
    assert blocker.args == ["ko"]


def test_choosing_the_current_language_again_emits_nothing(i18n, qtbot):
    i18n.set_language("es")
    with qtbot.assertNotEmitted(i18n.sig_language_changed):
        i18n.set_language("es")


def test_a_widget_retranslates_itself_on_the_signal(i18n, qtbot):
    label = StatusLabel(i18n)
    qtbot.addWidget(label)
    i18n.set_language("zh_CN")
    assert label.text() == "等候中"
    i18n.set_language("es")
    assert label.text() == "En espera"


def test_a_label_whose_text_stays_is_measured_again_in_the_new_language(i18n, qtbot):
    """Qt shapes Latin letters wider in the bundled face for Korean. A branch name reads the same in every language,
    so nothing set its text again, and the label kept its English width: 2 px short, its last letter cut."""
    font = ui_font(18)
    font.setBold(True)
    label = QLabel("Counterline Demo Branch")
    label.setFont(font)
    qtbot.addWidget(label)
    label.show()  # the labels of shown windows are measured again
    i18n.set_language("en")
    english, english_text = label.sizeHint().width(), QFontMetrics(font).horizontalAdvance(label.text())
    i18n.set_language("ko")
    korean_text = QFontMetrics(font).horizontalAdvance(label.text())
    assert korean_text > english_text  # what the test is about: the same text is wider under Korean
    assert label.sizeHint().width() >= korean_text
    i18n.set_language("en")
    assert label.sizeHint().width() == english


def test_unknown_language_is_refused(i18n):
    with pytest.raises(ValueError, match="fr"):
        i18n.set_language("fr")


def test_missing_qm_is_reported_and_changes_nothing(i18n, qapp, tmp_path):
    i18n.set_language("es")
    without_files = LanguageManager(qapp, translations_dir=tmp_path)
    with pytest.raises(FileNotFoundError, match="make translations"):
        without_files.set_language("ko")
    assert without_files.language == "en"
    assert common_text("ticket.waiting") == "En espera"
    without_files.deleteLater()


@pytest.mark.parametrize(
    ("language", "one", "three"),
    [
        ("en", "1 event waiting to sync", "3 events waiting to sync"),
        ("es", "1 registro pendiente de sincronizar", "3 registros pendientes de sincronizar"),
        ("zh_CN", "1 条记录待同步", "3 条记录待同步"),
        ("ko", "동기화 대기 중인 기록 1건", "동기화 대기 중인 기록 3건"),
    ],
)
def test_pending_sync_uses_the_languages_plural_forms(i18n, language, one, three):
    i18n.set_language(language)
    assert (pending_sync_text(1), pending_sync_text(3)) == (one, three)


def test_domain_errors_read_as_teller_messages(i18n):
    i18n.set_language("zh_CN")
    assert error_text(NothingWaiting("nobody waits for counter 3")) == "本窗口当前没有等候的客户。"
    assert error_text("some_future_code") == error_text("domain_error") == "不允许此操作。"


@pytest.mark.parametrize(
    ("language", "number", "long_date"),
    [
        ("en", "1,234,567.5", "Thursday, March 5, 2026"),
        ("es", "1.234.567,5", "jueves, 5 de marzo de 2026"),
        ("zh_CN", "1,234,567.5", "2026年3月5日星期四"),
        ("ko", "1,234,567.5", "2026년 3월 5일 목요일"),
    ],
)
def test_numbers_and_dates_follow_the_language(i18n, language, number, long_date):
    i18n.set_language(language)
    assert i18n.format_number(1234567.5, 1) == number
    assert i18n.format_date(date(2026, 3, 5), long=True) == long_date
    assert QLocale().name() == i18n.locale.name()


def test_times_use_the_languages_clock(i18n):
    i18n.set_language("es")
    assert i18n.format_time(time(14, 5)) == "14:05"
    i18n.set_language("en")
    assert i18n.format_time(time(14, 5)).replace("\u202f", " ") == "2:05 PM"


def test_aware_times_show_the_same_instant_whatever_their_zone(i18n):
    i18n.set_language("zh_CN")
    utc = datetime(2026, 3, 5, 5, 5, tzinfo=UTC)
    seoul = datetime(2026, 3, 5, 14, 5, tzinfo=timezone(timedelta(hours=9)))
    assert i18n.format_time(utc) == i18n.format_time(seoul)
    assert i18n.format_datetime(utc, long=True) == i18n.format_datetime(seoul, long=True)
    assert "2026" in i18n.format_datetime(utc)


def test_bundled_font_has_hanzi_hangul_and_spanish_letters(qapp):
    family = register_font()
    assert family == "Noto Sans CJK SC"
    raw = QRawFont.fromFont(QFont(family))
    metrics = QFontMetrics(QFont(family))
    for char in "号窗口办理叫暂停午休용김민창구호출점심ñéÑ":
        assert raw.supportsCharacter(ord(char)), char
        assert metrics.inFontUcs4(ord(char)), char
    # Customer names are arbitrary: all 11,172 Hangul syllables, and the common hanzi block.
    assert all(raw.supportsCharacter(code) for code in range(0xAC00, 0xD7A4))
    assert all(raw.supportsCharacter(code) for code in range(0x4E00, 0x9FA6, 7))


def test_registering_twice_returns_the_same_family(qapp):
    assert register_font() == register_font()


def test_mixed_call_text_is_laid_out_without_missing_glyphs(qapp):
    layout = QTextLayout(CALL_TEXT, ui_font(24))
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    assert {run.rawFont().familyName() for run in runs} == {"Noto Sans CJK SC"}
    # Glyph 0 is .notdef, the empty box a missing character would show.
    assert all(index != 0 for run in runs for index in run.glyphIndexes())
    assert sum(len(run.glyphIndexes()) for run in runs) == len(CALL_TEXT)


def _label_image(qtbot, text: str) -> QImage:
    label = QLabel(text)
    label.setFont(ui_font(32))
    label.resize(80, 80)
    qtbot.addWidget(label)
    return label.grab().toImage()


def test_label_paints_real_glyphs_not_the_missing_glyph_box(qtbot):
    # A character no font has (plane-16 private use) paints the .notdef box; without a CJK font
    # 号 and 용 paint exactly that same box.
    missing = _label_image(qtbot, chr(0x10FFFD))
    for char in "号용ñ":
        assert _label_image(qtbot, char) != missing, char


def test_translate_falls_back_to_english_for_an_unknown_string(i18n):
    i18n.set_language("ko")
    assert QCoreApplication.translate("Common", "Not in any catalogue") == "Not in any catalogue"
