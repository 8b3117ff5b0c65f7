"""Run-time language switching and locale-aware formatting for every Counterline window.

Usage, once per process (main.py wires it)::

    i18n = setup_i18n(app, "zh_CN")
    i18n.sig_language_changed.connect(window.retranslate)
    i18n.set_language("ko")            # every connected widget re-sets its texts

A widget sets all its visible texts in its own ``retranslate()`` (called once from ``__init__`` and
again on every ``sig_language_changed``), with ``self.tr("...")`` or
``QCoreApplication.translate("Context", "...")`` so that ``python -m resources.build_translations``
finds the strings. (Qt also sends every widget a QEvent.LanguageChange; we use the signal instead, so
that non-widget objects such as models and the tray can follow too, and a connection is easy to test.)
"""

from __future__ import annotations

from datetime import date, datetime, time
from pathlib import Path

from PySide6.QtCore import (
    QCoreApplication,
    QDate,
    QDateTime,
    QLibraryInfo,
    QLocale,
    QObject,
    QTime,
    QTranslator,
    Signal,
)
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication, QLabel

import resources
from ui.common.branch_time import branch_zone, set_branch_zone, to_branch
from ui.common.fonts import install_app_font

# Language code -> its name in that language, for a language picker.
LANGUAGES: dict[str, str] = {"en": "English", "zh_CN": "简体中文", "ko": "한국어", "es": "Español"}
SOURCE_LANGUAGE = "en"  # the language of the strings in the code
_LOCALE_NAMES = {"en": "en_US", "zh_CN": "zh_CN", "ko": "ko_KR", "es": "es_ES"}
# ISO 4217 code -> the symbol customers read; other codes are shown as the code itself.
CURRENCY_SYMBOLS = {"CNY": "¥", "KRW": "₩", "EUR": "€", "USD": "US$", "HKD": "HK$", "JPY": "JP¥", "GBP": "£"}
TRANSLATIONS_DIR = Path(resources.__file__).resolve().parent / "translations"


def qm_path(language: str, directory: Path = TRANSLATIONS_DIR) -> Path:
    """Where the compiled translation of ``language`` lives."""
    return directory / f"counterline_{language}.qm"


def remeasure_labels(app: QCoreApplication) -> None:
    """Have every label measure its text again, in the language just installed.

    Qt shapes text for the default locale's language (the bundled Noto CJK face spaces Latin letters wider for
    Korean), but a QLabel keeps the size it measured until its text or font changes. A name that reads the same
    in every language kept the old language's width and was cut: the supervisor's branch title lost 2 px in
    Korean. ``setIndent`` is the one QLabel setter that always measures again.

    Only the labels of shown windows (their hidden pages included): walking every widget the application still
    held, closed windows awaiting deletion among them, crashed PySide6 6.12 in a long test run.
    """
    if not isinstance(app, QApplication):
        return
    for window in app.topLevelWidgets():
        if not window.isVisible():
            continue
        labels = window.findChildren(QLabel)
        if isinstance(window, QLabel):
            labels.append(window)
        for label in labels:
            label.setIndent(label.indent())


class LanguageManager(QObject):
    """Installs the QTranslator of the chosen language and formats numbers and dates for it."""

    sig_language_changed = Signal(str)
    """Emitted after another language was installed. Carries the new language code ("en", "zh_CN",
    "ko" or "es"). Connect a widget's ``retranslate()`` to it; translations and ``locale`` are
    already in place when it fires."""

    def __init__(self, app: QCoreApplication, translations_dir: Path = TRANSLATIONS_DIR) -> None:
        super().__init__(app)
        self._app = app
        self._dir = translations_dir
        self._translators: list[QTranslator] = []
        self._language: str | None = None  # nothing installed yet: source texts, "event(s)" plurals
        self._locale = QLocale(_LOCALE_NAMES[SOURCE_LANGUAGE])

    @property
    def language(self) -> str:
        return self._language or SOURCE_LANGUAGE

    @property
    def locale(self) -> QLocale:
        return QLocale(self._locale)

    def set_language(self, language: str) -> None:
        """Switch every translated text to ``language``; a no-op when it is already the current one.

        Raises ValueError for an unsupported code and FileNotFoundError when its .qm was not built;
        the previous language then stays installed.
        """
        if language not in LANGUAGES:
            raise ValueError(f"unsupported language {language!r}; choose one of {', '.join(LANGUAGES)}")
        if language == self._language:
            return
        translators = self._load_translators(language)
        self.uninstall()
        for new in translators:
            self._app.installTranslator(new)
        self._translators = translators
        self._language = language
        self._locale = QLocale(_LOCALE_NAMES[language])
        # New QLocale() objects and editors created from now on (QDateEdit, QDoubleSpinBox) follow too.
        QLocale.setDefault(self._locale)
        remeasure_labels(self._app)
        self.sig_language_changed.emit(language)

    def uninstall(self) -> None:
        """Remove this manager's translators; texts fall back to the source strings. Emits nothing."""
        for old in self._translators:
            self._app.removeTranslator(old)
            old.deleteLater()
        self._translators = []
        self._language = None
        self._locale = QLocale(_LOCALE_NAMES[SOURCE_LANGUAGE])
        QLocale.setDefault(self._locale)

    def _load_translators(self, language: str) -> list[QTranslator]:
        # English has a .qm too: it only holds plural forms ("1 event" / "3 events").
        ours = QTranslator(self)
        path = qm_path(language, self._dir)
        if not ours.load(str(path)):
            raise FileNotFoundError(f"translation {path} is missing or unreadable; run `make translations`")
        translators = [ours]
        # Qt's own texts (standard buttons, context menus) come with PySide6; without them they stay English.
        qt_base = QTranslator(self)
        qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        if qt_base.load(f"qtbase_{language}", qt_dir):
            translators.append(qt_base)
        return translators

    @property
    def timezone(self) -> str:
        """The IANA zone every time is shown in: the branch's (see ui/common/branch_time.py)."""
        return branch_zone().key

    def set_timezone(self, name: str) -> None:
        """Show times in the branch's zone ``name``; the PC's own zone is never used."""
        set_branch_zone(name)

    def format_number(self, value: float, decimals: int = 0) -> str:
        """A number with the language's grouping and decimal separators (es: 1.234.567,5)."""
        return self._locale.toString(float(value), "f", decimals)

    def format_money(self, value: float, currency: str, decimals: int = 0) -> str:
        """An amount the way the language writes money: "¥4,100" (en, zh), "4.100 ¥" (es), "₩4,100" (ko)."""
        symbol = CURRENCY_SYMBOLS.get(currency.upper(), currency)
        return self._locale.toCurrencyString(float(value), symbol, decimals)

    def format_date(self, value: date, long: bool = False) -> str:
        """A calendar date, short (2026/3/5) or long (2026年3月5日星期四)."""
        if isinstance(value, datetime):
            value = _local(value).date()
        return self._locale.toString(QDate(value.year, value.month, value.day), _format_type(long))

    def format_time(self, value: time | datetime, long: bool = False) -> str:
        """A time of day; an aware datetime is shown in the branch's time zone."""
        if isinstance(value, datetime):
            value = _local(value).time()
        return self._locale.toString(QTime(value.hour, value.minute, value.second), _format_type(long))

    def format_datetime(self, value: datetime, long: bool = False) -> str:
        """Date and time together; an aware datetime is shown in the branch's time zone."""
        value = _local(value)
        qt_value = QDateTime(QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second))
        return self._locale.toString(qt_value, _format_type(long))


def _local(value: datetime) -> datetime:
    # The core keeps aware UTC times; everybody reads the branch's wall clock, whatever the PC's zone.
    return to_branch(value)


def _format_type(long: bool) -> QLocale.FormatType:
    return QLocale.FormatType.LongFormat if long else QLocale.FormatType.ShortFormat


def setup_i18n(app: QGuiApplication, language: str = SOURCE_LANGUAGE) -> LanguageManager:
    """Install the bundled font and the given language; the one call main.py makes."""
    install_app_font(app)
    manager = LanguageManager(app)
    manager.set_language(language)
    return manager
