"""The supervisor's visit-quality dialog: a recorded mark and the visit summary, in the supervisor's language,
at branch time, with names shown as typed."""

from datetime import UTC, datetime

import pytest
from label_text import renders_markup
from screens_harness import MARKUP

from queueing.core.transaction_types import load_catalogue
from queueing.records.visits import QualityKind, QualityMark, VisitRecord, price_lines
from ui.common.branch_time import set_branch_zone
from ui.common.i18n import LanguageManager
from ui.supervisor.quality_dialog import QualityDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
END = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)  # 11:00 in Shanghai
MARKED = datetime(2026, 11, 23, 3, 5, tzinfo=UTC)  # 11:05 in Shanghai


def _visit() -> VisitRecord:
    lines = price_lines([{"code": "CASH_DEP", "quantity": 2, "amount": 4100.0}], load_catalogue())
    mark = QualityMark("ev-1", QualityKind.ERROR_MINOR, MARKED, "S2001", "wrong form")
    return VisitRecord(
        ticket_id="A023", number="A023", category="CASH", priority="regular", counter_id="C1", station_id="S1",
        teller="T1001", issued_at=None, called_at=None, started_at=None, finished_at=END, day=END.date(),
        wait_s=300.0, service_s=270.0, lines=lines, outcome="completed", rating=4, quality=(mark,),
    )  # fmt: skip


@pytest.fixture
def i18n(qapp):
    manager = LanguageManager(qapp)
    set_branch_zone("Asia/Shanghai")
    yield manager
    manager.set_language("en")
    set_branch_zone("UTC")


@pytest.mark.parametrize("language", ["en", "zh_CN", "ko", "es"])
def test_a_recorded_mark_is_listed_at_branch_time(qtbot, i18n, language):
    i18n.set_language(language)
    dialog = QualityDialog(_visit(), load_catalogue(), {"T1001": "Li Na"}, language)
    qtbot.addWidget(dialog)
    item = dialog.marks.item(0).text()
    assert "11:05" in item, f"{language}: the mark's time is not the branch's wall time: {item!r}"


@pytest.mark.parametrize("language", ["zh_CN", "ko", "es"])
def test_a_recorded_marks_kind_is_in_the_supervisors_language(qtbot, i18n, language):
    i18n.set_language(language)
    dialog = QualityDialog(_visit(), load_catalogue(), {"T1001": "Li Na"}, language)
    qtbot.addWidget(dialog)
    shown = [dialog.marks.item(0).text(), dialog.history.toPlainText()]
    assert not any("error_minor" in text for text in shown), f"{language}: {shown}"


def test_a_tellers_name_in_the_summary_is_shown_as_typed(qtbot, i18n):
    dialog = QualityDialog(_visit(), load_catalogue(), {"T1001": MARKUP}, "en")
    qtbot.addWidget(dialog)
    assert not renders_markup(dialog.summary), dialog.summary.text()


def test_a_tellers_name_that_looks_like_a_placeholder_stays_as_typed(qtbot, i18n):
    dialog = QualityDialog(_visit(), load_catalogue(), {"T1001": "%4 Li"}, "en")
    qtbot.addWidget(dialog)
    assert "served by %4 Li;" in dialog.summary.text(), dialog.summary.text()


# Spanish groups digits from five on (CLDR): 4100,00 but 41.000,00.
@pytest.mark.parametrize(("language", "amount"), [("en", "4,100.00"), ("es", "4100,00")])
def test_amounts_and_minutes_are_written_the_languages_way(qtbot, i18n, language, amount):
    i18n.set_language(language)
    dialog = QualityDialog(_visit(), load_catalogue(), {"T1001": "Li Na"}, language)
    qtbot.addWidget(dialog)
    assert f"({amount})" in dialog.summary.text(), dialog.summary.text()
    assert ("4,5" if language == "es" else "4.5") in dialog.summary.text(), dialog.summary.text()


# The counter a supervisor knows by its window ("3"), never its id; the outcome by its name, never its code.
@pytest.mark.parametrize(
    ("language", "counter", "outcome"),
    [("en", "counter 3", "Completed"), ("zh_CN", "3 号窗口", "已办结"), ("ko", "3번 창구", "완료"),
     ("es", "la ventanilla 3", "Completada")],
)  # fmt: skip
def test_the_counter_and_the_outcome_are_named_in_the_supervisors_language(qtbot, i18n, language, counter, outcome):
    i18n.set_language(language)
    dialog = QualityDialog(_visit(), load_catalogue(), {"T1001": "Li Na"}, language, counter_names={"C1": "3"})
    qtbot.addWidget(dialog)
    assert counter in dialog.summary.text() and "C1" not in dialog.summary.text(), dialog.summary.text()
    assert dialog.outcome.currentText() == outcome
    assert "completed" not in [dialog.outcome.itemText(i) for i in range(dialog.outcome.count())]


def test_the_outcome_is_chosen_among_the_known_ones(qtbot, i18n):
    dialog = QualityDialog(_visit(), load_catalogue(), {"T1001": "Li Na"}, "en", counter_names={"C1": "3"})
    qtbot.addWidget(dialog)
    assert [dialog.outcome.itemData(i) for i in range(dialog.outcome.count())] == ["completed", "incomplete",
                                                                                     "referred"]  # fmt: skip
    dialog.tabs.setCurrentIndex(1)
    dialog.outcome.setCurrentIndex(dialog.outcome.findData("referred"))
    dialog.reason.setText("sent to the loans desk")
    assert dialog.request().outcome == "referred"
