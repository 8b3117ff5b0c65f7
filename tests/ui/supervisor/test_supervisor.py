import shutil

import pytest
from screens_harness import OFFSCREEN_NOISE, Branch, Recorder
from staff_sessions import session_of

from models.supervisor.service import SupervisorService
from models.supervisor.settings_files import SettingsEditor, default_settings_files
from queueing.config.files import RESOURCES
from queueing.core.roles import Role
from queueing.core.tickets import TransactionLine
from queueing.supervisor.alerts import AlertSettings
from queueing.supervisor.staffing import StaffingSettings
from ui.supervisor.dialogs import MoveTicketDialog, ProfileDialog
from ui.supervisor.window import SupervisorWindow

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def branch(tmp_path):
    b = Branch(tmp_path)
    b.open("C1")
    b.open("C2", "T1002")
    yield b
    b.close()


SUPERVISOR = session_of("DEMO", "S2001", Role.SUPERVISOR, "TEST")


@pytest.fixture
def editor(tmp_path):
    folder = tmp_path / "settings"
    folder.mkdir()
    for file in default_settings_files().values():
        shutil.copy(RESOURCES / file.path.name, folder / file.path.name)
    return SettingsEditor(default_settings_files(folder), SUPERVISOR)


def make_window(qtbot, branch, editor, staffing=None):
    supervisor = SupervisorService(
        branch.branch, AlertSettings(), staffing or StaffingSettings(closing_hour=12), SUPERVISOR
    )
    recorder = Recorder()
    window = SupervisorWindow(supervisor, branch.i18n, editor, recorder, "Demo", poll_ms=200)
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitUntil(lambda: window.overview is not None, timeout=3000)
    return window, recorder


def card(window, counter_id):
    return window.counters.cards[counter_id]


def test_live_counters_and_queue_follow_another_station_within_a_second(qtbot, branch, editor):
    window, _ = make_window(qtbot, branch, editor)
    assert list(window.counters.cards) == ["C1", "C2", "C3", "C4", "C5", "C6"]
    assert card(window, "C1").state.text() == "Open" and card(window, "C3").state.text() == "Closed"
    qtbot.waitUntil(lambda: card(window, "C1").teller.text() == "Teller: Li Na", timeout=1000)
    branch.other.issue_ticket("CASH")
    qtbot.waitUntil(lambda: window.waiting_value.text() == "1", timeout=1000)
    assert window.categories.cell(0, 1) == "1"
    branch.other.call_next("C1", "T1001")
    qtbot.waitUntil(lambda: card(window, "C1").ticket.text() == "A001", timeout=1000)
    branch.other.start("C1")
    branch.clock.advance(5 * 60)
    qtbot.waitUntil(lambda: "Serving 5:00 of standard 4:00" in card(window, "C1").timing.text(), timeout=1000)
    assert card(window, "C1").bar.isVisible()
    branch.other.pause("C2", "lunch")
    qtbot.waitUntil(lambda: card(window, "C2").state.text() == "Paused · Lunch 0 min", timeout=1000)


def test_alerts_show_and_sound_once_when_they_appear(qtbot, branch, editor):
    window, recorder = make_window(qtbot, branch, editor)
    assert window.alerts_value.text() == "0" and "No alerts" in window.alerts.empty.text()
    branch.other.issue_ticket("CASH")
    branch.clock.advance(11 * 60)
    qtbot.waitUntil(lambda: window.alerts_value.text() == "3", timeout=1000)
    texts = [window.alerts.list.item(i).text() for i in range(window.alerts.list.count())]
    # Counters 1 and 2 (both serve cash) have been free since the window first saw them while A001 waits.
    assert texts == [
        "Warning: Counter 1 idle for 11 min while 1 of its customers wait",
        "Warning: Counter 2 idle for 11 min while 1 of its customers wait",
        "Warning: Cash and deposits: 1 waiting past the target; longest A001 for 11 min",
    ]
    assert recorder.chimes == 1
    qtbot.wait(500)
    assert recorder.chimes == 1  # still the same alert: no second chime
    assert window.level_value.text() == "0%"


def test_supervisor_actions_open_close_reprofile_and_move(qtbot, branch, editor):
    window, _ = make_window(qtbot, branch, editor)
    window.close_counter("C2")
    qtbot.waitUntil(lambda: card(window, "C2").state.text() == "Closed", timeout=2000)
    assert card(window, "C2").toggle.text() == "Open"
    window.change_profile("C2", "2", {"FX": 1, "CASH": 3})  # a counter's profile is an administrator's
    qtbot.waitUntil(lambda: window.status.objectName() == "statusLineBad", timeout=2000)
    assert "Foreign exchange (1)" not in card(window, "C2").profile.text()
    window.open_counter("C2", "T1003")
    qtbot.waitUntil(lambda: card(window, "C2").teller.text() == "Teller: María López", timeout=2000)
    ticket = branch.other.issue_ticket("CASH").ticket
    qtbot.waitUntil(lambda: window.waiting.ticket_ids == [ticket.id], timeout=1000)
    window.move_ticket(ticket.id, "FX", None)
    qtbot.waitUntil(lambda: window.waiting.cell(0, 1) == "Foreign exchange", timeout=2000)
    assert window.status.text() == "Ticket moved."


def test_a_refused_action_says_why(qtbot, branch, editor):
    window, _ = make_window(qtbot, branch, editor)
    window.close_counter("C3")  # already closed
    qtbot.waitUntil(lambda: window.status.text() != "", timeout=2000)
    assert window.status.objectName() == "statusLineBad"


def test_charts_tab_draws_the_day(qtbot, branch, editor):
    for _ in range(3):
        branch.other.issue_ticket("CASH")
    branch.clock.advance(120)
    branch.other.call_next("C1", "T1001")
    window, _ = make_window(qtbot, branch, editor)
    window.tabs.setCurrentWidget(window.charts)
    qtbot.waitUntil(lambda: window.charts.charts is not None, timeout=3000)
    assert sum(window.charts.charts.arrivals) == 3
    assert window.charts.charts.wait_histogram[1] == 1  # 2 minutes: the 2-4 minute bin


def test_after_midnight_the_charts_show_the_new_day_before_its_first_ticket(qtbot, branch, editor):
    """Today's charts refreshed only when the journal moved: past midnight they showed yesterday's customers
    under "Today's charts" until the day's first ticket (found by the supervisor review)."""
    for _ in range(3):
        branch.other.issue_ticket("CASH")
    window, _ = make_window(qtbot, branch, editor, StaffingSettings(opening_hour=9, closing_hour=11))
    window.tabs.setCurrentWidget(window.staffing_page)
    qtbot.waitUntil(lambda: window.staffing.day is not None, timeout=10000)
    advised = window.staffing.day
    window.tabs.setCurrentWidget(window.charts)
    qtbot.waitUntil(lambda: window.charts.charts is not None and sum(window.charts.charts.arrivals) == 3, timeout=3000)
    branch.clock.advance(15 * 3600)  # 09:30 to 00:30 the next day, branch time; nothing happens in the store
    qtbot.waitUntil(lambda: sum(window.charts.charts.arrivals) == 0, timeout=3000)
    assert sum(window.charts.charts.still_waiting) == 0
    # The staffing advice for "the next working day" was Tuesday's; on Tuesday it is worked out again.
    qtbot.waitUntil(lambda: window.staffing.day not in (None, advised), timeout=10000)


def test_staffing_tab_computes_advice_for_the_next_working_day(qtbot, branch, editor):
    window, _ = make_window(qtbot, branch, editor, StaffingSettings(opening_hour=9, closing_hour=11))
    window.tabs.setCurrentWidget(window.staffing_page)  # the advice above the break plan
    qtbot.waitUntil(lambda: window.staffing.day is not None, timeout=10000)
    assert "Tuesday" in window.staffing.title.text()  # Monday 23 November: the next working day is the 24th
    # A fresh branch has no Tuesdays behind it: no "0 counters (100%)" per hour, but what the emptiness means.
    panel = window.staffing
    assert panel.table.rowCount() == 0
    assert panel.table_empty.shown and panel.chart.empty.shown
    assert panel.table_empty.label.text().startswith("No history yet")


def test_staffing_advice_with_history_fills_the_table_and_hides_the_note(qtbot):
    from datetime import date

    from queueing.supervisor.staffing import StaffingHour
    from ui.supervisor.staffing import StaffingPanel

    panel = StaffingPanel()
    qtbot.addWidget(panel)
    panel.show()
    hours = [
        StaffingHour(9, 12.0, 300.0, 600.0, 2, 0.9, 0.91, 2, 1),
        StaffingHour(10, 0.0, 0.0, 600.0, 0, 1.0, None, 0, 1),
    ]
    panel.show_advice(date(2026, 11, 24), hours, "Tuesday", 0.8)
    assert panel.table.rowCount() == 2 and panel.table.item(0, 0).text() == "09:00"
    assert not panel.table_empty.shown and not panel.chart.empty.shown


def test_staffing_figures_are_written_the_way_the_interface_language_writes_numbers(qtbot, qapp):
    """In Spanish a comma is the decimal mark: 12.5 arrivals an hour read as twelve thousand five hundred."""
    from datetime import date

    from queueing.supervisor.staffing import StaffingHour
    from ui.common.i18n import LanguageManager
    from ui.supervisor.staffing import StaffingPanel

    i18n = LanguageManager(qapp)
    i18n.set_language("es")
    try:
        panel = StaffingPanel()
        qtbot.addWidget(panel)
        panel.show_advice(date(2026, 11, 24), [StaffingHour(9, 12.5, 330.0, 600.0, 2, 0.9, 0.91, 2, 1)], "martes", 0.8)
        assert panel.table.item(0, 1).text() == "12,5" and panel.table.item(0, 2).text() == "5,5"
    finally:
        i18n.set_language("en")


def test_settings_are_checked_before_saving(qtbot, branch, editor):
    window, _ = make_window(qtbot, branch, editor)
    panel = window.settings
    assert panel.current_key() == "categories"
    original = panel.text.toPlainText()
    panel.text.setPlainText(original.replace('prefix = "B"', 'prefix = "A"'))
    assert not panel.save()
    assert "Not saved" in panel.message.text() and "prefix" in panel.message.text()
    assert editor.read("categories") == original
    panel.text.setPlainText(original.replace("target_wait_min = 10", "target_wait_min = 9"))
    assert panel.validate() and panel.save()
    assert "target_wait_min = 9" in editor.read("categories")


def test_profile_and_move_dialogs_return_the_choice(qtbot, branch):
    counter = next(c for c in branch.branch.snapshot().counters if c.id == "C1")
    dialog = ProfileDialog(counter, branch.branch.config, "en")
    qtbot.addWidget(dialog)
    assert dialog.profile() == {"CASH": 1, "TRANSFER": 2}
    dialog.rows["TRANSFER"][0].setChecked(False)
    dialog.rows["FX"][0].setChecked(True)
    dialog.rows["FX"][1].setValue(3)
    assert dialog.profile() == {"CASH": 1, "FX": 3}
    ticket = branch.other.issue_ticket("CASH").ticket
    counters = branch.branch.snapshot().counters
    move = MoveTicketDialog(ticket, counters, branch.branch.config, "en")
    qtbot.addWidget(move)
    assert move.target() == ("TRANSFER", None)  # the first other service
    move.to_counter.setChecked(True)
    move.counters.setCurrentIndex(2)
    assert move.target() == (None, "C3")


def test_a_teller_signed_in_cannot_save_settings_or_close_counters(qtbot, branch, editor):
    supervisor = SupervisorService(branch.branch, session=session_of("DEMO", "T1001", Role.TELLER, "TEST"))
    window = SupervisorWindow(supervisor, branch.i18n, editor, Recorder(), "Demo", poll_ms=200)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.overview is not None, timeout=3000)
    original = editor.read("categories")
    window.settings.text.setPlainText(original.replace("target_wait_min = 10", "target_wait_min = 9"))
    assert not window.settings.save()
    assert editor.read("categories") == original
    window.close_counter("C1")
    qtbot.waitUntil(lambda: window.status.text() == "This action is not allowed.", timeout=2000)
    assert card(window, "C1").state.text() == "Open"


def test_sign_in_admits_supervisors_only(qtbot, branch):
    from ui.supervisor.signin import SupervisorSignIn

    dialog = SupervisorSignIn(branch.station.staff)
    qtbot.addWidget(dialog)
    dialog.staff_id.setText("S2001")
    dialog.pin.setText("0000")
    assert not dialog.try_sign_in() and dialog.message.text() == "Unknown staff id or wrong PIN."
    dialog.staff_id.setText("T1001")
    dialog.pin.setText("1111")
    assert not dialog.try_sign_in() and "Only supervisors" in dialog.message.text()
    dialog.staff_id.setText("S2001")
    dialog.pin.setText("999999")
    assert dialog.try_sign_in() and dialog.staff.role == "supervisor"



def test_supervisor_window_has_the_piece_rate_report_tab(qtbot, branch, editor):
    from ui.app.screens import piece_rate_panel

    supervisor = SupervisorService(branch.branch, AlertSettings(), StaffingSettings(closing_hour=12), SUPERVISOR)
    panel = piece_rate_panel(branch.branch, branch.i18n, SUPERVISOR)
    window = SupervisorWindow(supervisor, branch.i18n, editor, Recorder(), "Demo", poll_ms=200, reports=panel)
    qtbot.addWidget(window)
    index = window.tabs.indexOf(panel)
    assert index > 0 and window.tabs.tabText(index) == "Piece-rate"
    branch.i18n.set_language("zh_CN")
    assert window.tabs.tabText(index) != "Piece-rate" and panel.language == "zh_CN"


def test_an_action_whose_answer_was_lost_says_it_may_have_been_saved_in_the_supervisors_language(
    qtbot, branch, editor, monkeypatch
):
    """The link died after the COMMIT: the status line showed the driver's English message with its SQL, and a
    supervisor could not tell whether to close the counter again."""
    import psycopg
    from sqlalchemy.exc import OperationalError

    window, _ = make_window(qtbot, branch, editor)

    def answer_lost(*_args, **_kwargs):
        raise OperationalError("COMMIT", {}, psycopg.OperationalError("server closed the connection unexpectedly"))

    monkeypatch.setattr(window.supervisor, "close_counter", answer_lost)
    branch.i18n.set_language("ko")
    try:
        window.close_counter("C1")
        qtbot.waitUntil(lambda: window.status.text() != "", timeout=2000)
        assert window.status.text().startswith("지점 서버가 응답하지 않았습니다")
        assert "COMMIT" not in window.status.text() and "server closed" not in window.status.text()
    finally:
        branch.i18n.set_language("en")


def test_an_alert_that_turns_critical_sounds_again(qtbot, branch, editor):
    """A cash customer past the 10-minute target: a warning, with the chime. Nobody acts; at 31 minutes the same
    customer is past the 30-minute maximum and the alert turns critical. The key (kind:subject) does not change,
    so the screen treats it as the same alert and stays silent at the moment it matters most."""
    window, recorder = make_window(qtbot, branch, editor)
    branch.other.close_counter("C1")  # no idle alerts: only the overdue one
    branch.other.issue_ticket("CASH")
    branch.clock.advance(11 * 60)
    qtbot.waitUntil(lambda: window.alerts.list.count() >= 1 and window.alerts.list.isVisible(), timeout=2000)
    qtbot.waitUntil(lambda: recorder.chimes == 1, timeout=1000)
    branch.clock.advance(20 * 60)  # 31 minutes: past the maximum
    qtbot.waitUntil(
        lambda: any(
            window.alerts.list.item(i).text().startswith("Critical: Cash") for i in range(window.alerts.list.count())
        ),
        timeout=2000,
    )
    qtbot.wait(300)
    assert recorder.chimes == 2


def test_dropping_a_category_a_counter_serves_is_refused_in_the_supervisors_language(qtbot, branch, tmp_path):
    """The Settings tab names the category and what still uses it, translated (models refuse: CategoryInUse)."""
    import re

    folder = tmp_path / "in-use"
    folder.mkdir()
    for file in default_settings_files().values():
        shutil.copy(RESOURCES / file.path.name, folder / file.path.name)
    editor = SettingsEditor(default_settings_files(folder), SUPERVISOR, branch.branch.store)
    window, _ = make_window(qtbot, branch, editor)
    original = editor.read("categories")
    without_fx = re.sub(r'\[\[category\]\]\ncode = "FX"\n(?:[^\[].*\n)*', "", original)
    assert "FX" not in without_fx.split("[[category]]", 1)[1]
    window.settings.choice.setCurrentIndex(window.settings.choice.findData("categories"))
    window.settings.text.setPlainText(without_fx)
    assert not window.settings.save()
    text = window.settings.message.text()
    assert text.startswith("Not saved: The service category FX is still in use (open tickets: 0;"), text
    assert editor.read("categories") == original
    branch.i18n.set_language("es")
    assert not window.settings.validate()
    assert "La categoría de servicio FX sigue en uso" in window.settings.message.text()
    from queueing.core.errors import CategoryInUse

    booked = CategoryInUse("categories.toml", "FX", 0, (), ("12 (2026-11-24)",))
    assert window.settings._refusal(booked).endswith(
        "Tiene citas reservadas (número y día): 12 (2026-11-24). Cancélelas primero."
    )


def test_a_branch_store_restored_from_a_backup_is_said_on_the_screen(qtbot, branch, editor, tmp_path):
    """The store put back from a backup while the screen runs: the screen shows the restored queue and says, in
    words, that it was restored and what is missing."""
    import sqlite3

    branch.other.issue_ticket("CASH")
    backup = tmp_path / "backup.db"
    path = tmp_path / "branch.db"
    with sqlite3.connect(path) as src, sqlite3.connect(backup) as dst:
        src.backup(dst)
    for _ in range(4):
        branch.other.issue_ticket("CASH")
    window, _ = make_window(qtbot, branch, editor)
    qtbot.waitUntil(lambda: len(window.overview.snapshot.waiting) == 5, timeout=2000)
    assert not window.restored.isVisible()
    with sqlite3.connect(backup) as src, sqlite3.connect(path) as dst:
        src.backup(dst)
    qtbot.waitUntil(lambda: window.restored.isVisible(), timeout=3000)
    assert window.restored.text().startswith("⚠ The branch store was restored from a backup (noticed at ")
    assert len(window.overview.snapshot.waiting) == 1
    branch.i18n.set_language("es")
    assert window.restored.text().startswith("⚠ El almacén de la sucursal se restauró")


def test_an_alert_that_flickers_at_its_threshold_sounds_once_not_at_every_return(qtbot, branch, editor):
    """Lunch: counter 2 paused, counter 1 alone on cash with six waiting (more than four a counter). Each call
    takes the queue to five and clears the alert, the next customer brings it back: the screen chimed at every
    return, every minute or two through the busiest hour."""
    window, recorder = make_window(qtbot, branch, editor)
    branch.other.pause("C2", "lunch")
    for _ in range(6):
        branch.other.issue_ticket("CASH")
    key = "understaffed:CASH"
    qtbot.waitUntil(lambda: key in window.alerts.keys, timeout=2000)
    qtbot.waitUntil(lambda: recorder.chimes == 1, timeout=1000)
    for _ in range(4):
        branch.clock.advance(30)
        branch.other.call_next("C1", "T1001")
        qtbot.waitUntil(lambda: key not in window.alerts.keys, timeout=2000)
        branch.other.start("C1")
        branch.other.finish("C1", [TransactionLine("CASH_DEP")])
        branch.clock.advance(30)
        branch.other.issue_ticket("CASH")
        qtbot.waitUntil(lambda: key in window.alerts.keys, timeout=2000)
    qtbot.wait(300)
    assert recorder.chimes == 1


def test_a_teller_name_another_program_wrote_does_not_reorder_or_swamp_the_live_tab(qtbot, branch, editor):
    """The services refuse direction overrides and names over 200 characters, but a store written by another
    program (or an older version) may hold them; the Administration screen shows such a name safely. The Live
    tab's counter card took it raw: U+202E turned the rest of the line around, and 200 characters made the
    teller line seven lines tall, pushing the called number out of a 1024x768 screen."""
    from sqlalchemy import update

    from models.store.tables import StaffRow

    hostile = "Li\u202eaN " + "é" * 196
    with branch.store.write_session() as session:
        session.execute(update(StaffRow).where(StaffRow.id == "T1001").values(name=hostile))
    window, _ = make_window(qtbot, branch, editor)
    window.resize(1024, 768)
    qtbot.waitUntil(lambda: "Li" in card(window, "C1").teller.text(), timeout=2000)
    text = card(window, "C1").teller.text()
    assert "\u202e" not in text and len(text) < 80 and text.endswith("…"), text
    # The open-counter dialog, the lunch-cover alerts and the break plan read the same names.
    assert all("\u202e" not in name and len(name) <= 60 for name in window.staff_names.values())


def test_a_poll_that_hangs_is_said_until_the_store_answers_again(qtbot, branch, editor):
    """A silent link (a pulled cable) neither answers nor fails: the supervisor's live counters and queue froze
    with no word, and a failed poll's message left after the status line's few seconds while nothing moved."""
    import threading

    window, _ = make_window(qtbot, branch, editor)
    window._status_timer.setInterval(100)  # the status line's usual few seconds, shortened
    window._poller._stall_ms = 300  # SILENT_LINK_MS, shortened
    release = threading.Event()
    overview = window.supervisor.overview
    window._poller._query = lambda: (release.wait(20), overview())[1]  # the store stops answering
    qtbot.waitUntil(lambda: "does not answer" in window.status.text(), timeout=5000)
    qtbot.wait(600)
    assert "does not answer" in window.status.text() and window.status.objectName() == "statusLineBad"
    release.set()
    qtbot.waitUntil(lambda: window.status.text() == "", timeout=5000)
