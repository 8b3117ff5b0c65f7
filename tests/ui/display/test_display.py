import pytest
from fit_check import clipped
from screens_harness import AUDIO_NOISE, OFFSCREEN_NOISE, QUIET, Branch, Recorder

from models.store.errors import StoreUnavailable
from queueing.core.tickets import TransactionLine
from ui.display.announcer import CALL_PHRASES, Announcer, CallSettings, call_phrase, load_call_settings
from ui.display.window import SERVING_ROWS, DisplayWindow

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


@pytest.fixture
def branch(tmp_path):
    b = Branch(tmp_path)
    b.open("C1")
    b.open("C3", "T1003")
    yield b
    b.close()


def make_display(qtbot, branch, query=None):
    recorder = Recorder()
    display = DisplayWindow(branch.branch, branch.i18n, QUIET, recorder, "Demo", poll_ms=200, query=query)
    qtbot.addWidget(display)
    display.show()
    qtbot.waitUntil(lambda: display.snapshot is not None or display.reconnecting, timeout=3000)
    return display, recorder


def test_a_call_at_another_station_shows_highlighted_and_is_announced_within_a_second(qtbot, branch):
    branch.other.issue_ticket("CASH")
    branch.other.issue_ticket("TRANSFER")
    display, recorder = make_display(qtbot, branch)
    assert display.now_serving() == [] and display.serving_idle.text() == "Please wait to be called"
    branch.other.call_next("C1", "T1001")
    qtbot.waitUntil(lambda: recorder.calls == [("A001", "1")], timeout=1000)
    assert display.flash.isVisible()
    assert display.flash_label.text() == "Ticket A001, please go to counter 1"
    assert display.serving_rows[0][0].text() == "A001" and display.serving_rows[0][1].text() == "1"
    assert display.recent_labels[0].text() == "A001  →  1"
    branch.clock.advance(60)
    branch.other.call_next("C3", "T1003")
    qtbot.waitUntil(lambda: len(recorder.calls) == 2, timeout=1000)
    # Latest call first, both counters listed.
    assert display.now_serving() == [("B001", "3"), ("A001", "1")]
    assert [label.text() for label in display.recent_labels[:2]] == ["B001  →  3", "A001  →  1"]


def test_a_recall_is_announced_again_and_calls_on_screen_at_start_are_not(qtbot, branch):
    branch.other.issue_ticket("CASH")
    branch.other.call_next("C1", "T1001")
    display, recorder = make_display(qtbot, branch)
    qtbot.wait(500)
    assert recorder.calls == [] and not display.flash.isVisible()
    branch.clock.advance(30)
    branch.other.recall("C1")
    qtbot.waitUntil(lambda: recorder.calls == [("A001", "1")], timeout=1000)


def test_the_highlight_ends_after_its_time(qtbot, branch):
    branch.other.issue_ticket("CASH")
    display, recorder = make_display(qtbot, branch)
    display._flash_timer.setInterval(300)
    branch.other.call_next("C1", "T1001")
    qtbot.waitUntil(lambda: display.flash.isVisible(), timeout=1000)
    qtbot.waitUntil(lambda: not display.flash.isVisible(), timeout=2000)


def test_a_lost_store_shows_reconnecting_and_recovers_by_itself(qtbot, branch):
    lost = {"down": True}

    def query():
        if lost["down"]:
            raise StoreUnavailable("branch.db: unable to open database file")
        return branch.branch.snapshot()

    display, _ = make_display(qtbot, branch, query)
    qtbot.waitUntil(lambda: display.reconnect_label.isVisible(), timeout=1000)
    assert display.reconnecting and "Reconnecting" in display.reconnect_label.text()
    lost["down"] = False
    qtbot.waitUntil(lambda: not display.reconnect_label.isVisible(), timeout=1000)
    assert display.snapshot is not None and not display.reconnecting


def test_notices_scroll_from_the_configuration(qtbot, branch):
    display, _ = make_display(qtbot, branch)
    assert "Welcome" in display.ticker.text and "欢迎光临" in display.ticker.text
    start = display.ticker._offset
    qtbot.wait(200)
    assert display.ticker._offset < start
    assert load_call_settings().notices  # the shipped display.toml has notices


def test_display_texts_follow_the_language(qtbot, branch):
    display, _ = make_display(qtbot, branch)
    branch.i18n.set_language("zh_CN")
    assert display.serving_title.text() != "Now serving"


def test_call_phrases_in_four_languages():
    assert call_phrase("en", "A023", "3") == "Ticket A 0 2 3, please go to counter 3"
    assert call_phrase("zh_CN", "A023", "3") == "请A 0 2 3号到3号窗口办理"
    assert "A 0 2 3번" in call_phrase("ko", "A023", "3") and "3번 창구" in call_phrase("ko", "A023", "3")
    assert call_phrase("es", "A023", "3") == "Número A 0 2 3, por favor pase a la ventanilla 3"
    assert set(CALL_PHRASES) == {"en", "zh_CN", "ko", "es"}


def test_a_ticket_number_is_called_one_character_at_a_time():
    """A voice read "A023" as "A zero twenty-three" (A 零 二十三): the ticket shows digits, and A023 and A203
    sounded alike."""
    assert call_phrase("en", "B107", "12") == "Ticket B 1 0 7, please go to counter 12"
    assert call_phrase("zh_CN", "VIP07", "外汇窗口") == "请V I P 0 7号到外汇窗口办理"


@pytest.mark.parametrize(
    ("language", "counter", "said"),
    [
        ("zh_CN", "外汇窗口", "请A 0 2 3号到外汇窗口办理"),
        ("zh_CN", "12", "请A 0 2 3号到12号窗口办理"),
        ("zh_CN", "3A", "请A 0 2 3号到3A号窗口办理"),
        ("en", "Foreign exchange", "Ticket A 0 2 3, please go to Foreign exchange"),
        ("es", "Caja rápida", "Número A 0 2 3, por favor pase a Caja rápida"),
        ("ko", "외환 창구", "A 0 2 3번 고객님, 외환 창구로 오십시오"),
        ("ko", "상담실", "A 0 2 3번 고객님, 상담실로 오십시오"),
        ("ko", "김포점", "A 0 2 3번 고객님, 김포점으로 오십시오"),
        ("ko", "VIP Room", "A 0 2 3번 고객님, VIP Room(으)로 오십시오"),
    ],
)
def test_a_counter_with_a_name_of_its_own_is_called_by_that_name(language, counter, said):
    """"Counter" and "号窗口" are for numbered counters: "请A 0 2 3号到外汇窗口号窗口办理" was said before."""
    assert call_phrase(language, "A023", counter) == said


def test_the_hall_screen_shows_a_named_counter_by_its_name(qtbot, branch):
    admin = branch.station.staff.verify("A3001", "000000")
    profile = dict(next(c for c in branch.branch.snapshot().counters if c.id == "C1").profile)
    branch.branch.configure_counter(admin, "C1", "外汇窗口", profile)
    display, _ = make_display(qtbot, branch)
    branch.i18n.set_language("zh_CN")
    branch.other.issue_ticket("CASH")
    branch.other.call_next("C1", "T1001")
    qtbot.waitUntil(lambda: display.flash.isVisible(), timeout=3000)
    call = next(c for c in display.snapshot.recent_calls if c.counter_name == "外汇窗口")
    assert display.call_text(call) == f"请 {call.number} 号到 外汇窗口 办理"


def test_without_a_speech_engine_only_the_chime_sounds(qtbot, monkeypatch):
    monkeypatch.setattr("ui.display.announcer.speech_engines", lambda allow_test_engines=False: [])
    announcer = Announcer(CallSettings(chime=False, speech=True))
    assert not announcer.can_speak
    spoken = []
    announcer.sig_spoken.connect(spoken.append)
    announcer.announce("A001", "1")
    qtbot.wait(100)
    assert spoken == []


@pytest.mark.qt_log_ignore(AUDIO_NOISE)
def test_the_call_is_spoken_in_each_configured_language_in_turn(qtbot):
    from ui.display.announcer import speech_engines

    # PySide6-Addons ships the mock engine: its absence is a broken install, not a reason to skip.
    assert "mock" in speech_engines(allow_test_engines=True), "Qt's mock speech engine is missing from PySide6-Addons"
    # The mock engine has English voices (en_US, en_GB) and Finnish and Norwegian ones, nothing else.
    announcer = Announcer(CallSettings(chime=False, languages=("en", "es", "en")), engine="mock")
    qtbot.waitUntil(lambda: announcer.can_speak, timeout=10000)
    assert announcer.spoken_languages == ("en", "en")
    spoken = []
    announcer.sig_spoken.connect(spoken.append)
    announcer.announce("A023", "3")
    announcer.announce("A024", "1")
    with qtbot.waitSignal(announcer.sig_idle, timeout=10000):
        pass
    assert spoken == [call_phrase("en", n, c) for n, c in (("A023", "3"), ("A023", "3"), ("A024", "1"), ("A024", "1"))]
    announcer.stop_speech()


def test_the_display_file_offers_exactly_the_spoken_languages():
    from typing import get_args

    from queueing.config.schemas.hall import SpokenLanguage

    assert set(get_args(SpokenLanguage)) == set(CALL_PHRASES)


def test_a_bad_display_or_printer_file_is_one_config_error(tmp_path):
    from queueing.core.errors import ConfigError
    from ui.kiosk.ticket_printer import load_printer_settings

    display = tmp_path / "display.toml"
    display.write_text('[call]\nlanguages = ["zh_CN", "fr"]\nhighlight_s = nan\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="highlight_s: must be a finite number"):
        load_call_settings(display)
    display.write_text('[call]\nlanguages = ["zh_CN", "fr"]\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"call\.languages\[1\]: 'fr' is not one of the allowed values"):
        load_call_settings(display)
    printer = tmp_path / "printer.toml"
    printer.write_text('[escpos]\nkind = "network"\nport = "ninety"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="escpos.port: must be a whole number, got text"):
        load_printer_settings(printer)
    printer.write_text('[escpos]\nencoding = "rot13"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="escpos.encoding: unknown character set 'rot13'"):
        load_printer_settings(printer)


def test_branch_and_counter_names_with_markup_are_shown_as_typed(qtbot, branch):
    """The hall screen shows a branch or counter name that looks like HTML as text, in every place it shows one."""
    from screens_harness import MARKUP, markup_shown

    admin = branch.station.staff.verify("A3001", "000000")
    profile = dict(next(c for c in branch.branch.snapshot().counters if c.id == "C1").profile)
    branch.branch.configure_counter(admin, "C1", MARKUP, profile)
    branch.other.issue_ticket("CASH")
    display = DisplayWindow(branch.branch, branch.i18n, QUIET, Recorder(), MARKUP, poll_ms=200)
    qtbot.addWidget(display)
    display.show()
    qtbot.waitUntil(lambda: display.snapshot is not None, timeout=3000)
    branch.other.call_next("C1", "T1001")
    qtbot.waitUntil(lambda: display.flash.isVisible(), timeout=1000)
    assert display.serving_rows[0][1].text() == MARKUP and MARKUP in display.recent_labels[0].text()
    assert markup_shown(display) == []


def test_counter_and_branch_names_of_any_length_are_never_cut(qtbot, branch):
    """"Ventanilla 3" in the counter column at 72 pt lost its start ("anilla 3"), and pushed the ticket numbers
    beside it into "A00" on a 1024x768 screen: the hall must read every number and every counter whole."""
    from fit_check import clipped

    admin = branch.station.staff.verify("A3001", "000000")
    names = {"C1": "Window 12", "C2": "外汇窗口", "C3": "Ventanilla 3", "C4": "Corporate 4"}
    counters = {c.id: c for c in branch.branch.snapshot().counters}
    for counter_id, name in names.items():
        branch.branch.configure_counter(admin, counter_id, name, dict(counters[counter_id].profile))
    branch.open("C2", "T1002")
    branch.open("C4", "S2001")
    for category in ("CASH", "CASH", "TRANSFER", "LOANS"):
        branch.other.issue_ticket(category)
    name = "Counterline Bank Shanghai Lujiazui Financial Center Sub-branch, Pudong New Area"
    display = DisplayWindow(branch.branch, branch.i18n, QUIET, Recorder(), name, poll_ms=200)
    qtbot.addWidget(display)
    display.show()
    qtbot.waitUntil(lambda: display.snapshot is not None, timeout=3000)
    for counter_id in names:
        branch.other.call_next(counter_id)
    qtbot.waitUntil(lambda: len(display.now_serving()) == 4, timeout=1000)
    for size in ((1920, 1080), (1024, 768), (1080, 1920)):
        display.resize(*size)
        qtbot.wait(50)
        assert clipped(display) == [], size


def test_two_calls_between_two_polls_are_both_announced(qtbot, branch):
    """Two tellers press "call" in the same half second (or while the display waited for a busy store): each
    customer must hear their number; only the latest was announced, the other call was shown but never said."""
    for category in ("CASH", "TRANSFER"):
        branch.other.issue_ticket(category)
    display, recorder = make_display(qtbot, branch)
    display._poller.stop()
    branch.other.call_next("C1", "T1001")
    branch.clock.advance(5)
    branch.other.call_next("C3", "T1003")
    display._poller.poll()
    qtbot.waitUntil(lambda: len(display.now_serving()) == 2, timeout=1000)
    assert recorder.calls == [("A001", "1"), ("B001", "3")]  # in the order they were called
    assert display.flash_label.text() == "Ticket B001, please go to counter 3"
    display._poller.poll()
    qtbot.wait(300)
    assert len(recorder.calls) == 2  # each call once


def test_after_a_lost_store_each_counter_is_announced_once_with_its_latest_call(qtbot, branch):
    """Back from a lost store, the hall hears each counter's latest call once, not a backlog of every call made
    meanwhile (a recall, a customer called and already served)."""
    for category in ("CASH", "CASH", "TRANSFER"):
        branch.other.issue_ticket(category)
    display, recorder = make_display(qtbot, branch)
    display._poller.stop()
    branch.other.call_next("C1", "T1001")
    branch.clock.advance(30)
    branch.other.recall("C1")
    branch.clock.advance(30)
    branch.other.call_next("C3", "T1003")
    branch.clock.advance(30)
    branch.other.start("C1")
    branch.other.finish("C1", [TransactionLine("CASH_DEP")])
    branch.other.call_next("C1", "T1001")
    display._poller.poll()
    qtbot.waitUntil(lambda: display.recent_labels[0].text().startswith("A002"), timeout=1000)
    assert recorder.calls == [("B001", "3"), ("A002", "1")]


# The next morning the hall lists none of yesterday's calls; back from a lost store it does not call a customer who
# was served while it was away.
def _yesterday_served(branch):
    branch.other.issue_ticket("CASH")
    branch.other.call_next("C1", "T1001")
    branch.other.start("C1")
    branch.other.finish("C1", [TransactionLine("CASH_DEP")])
    branch.other.close_counter("C1")
    branch.clock.advance(23 * 3600)  # Tuesday 08:30 at the branch: the branch opens, nothing issued yet today


def _shown(display):
    return [label.text() for label in display.recent_labels if label.text()]


def test_a_display_started_next_morning_lists_no_calls_of_yesterday(qtbot, branch):
    _yesterday_served(branch)
    display = DisplayWindow(branch.branch, branch.i18n, QUIET, Recorder(), "Demo", poll_ms=200)
    qtbot.addWidget(display)
    display.show()
    qtbot.waitUntil(lambda: display.snapshot is not None, timeout=3000)
    assert _shown(display) == []  # it showed yesterday's A001 under "Latest calls"


def test_a_display_left_on_overnight_drops_yesterdays_calls(qtbot, branch):
    branch.other.issue_ticket("CASH")
    display = DisplayWindow(branch.branch, branch.i18n, QUIET, Recorder(), "Demo", poll_ms=200)
    qtbot.addWidget(display)
    display.show()
    qtbot.waitUntil(lambda: display.snapshot is not None, timeout=3000)
    branch.other.call_next("C1", "T1001")
    qtbot.waitUntil(lambda: _shown(display) == ["A001  →  1"], timeout=2000)
    branch.other.start("C1")
    branch.other.finish("C1", [TransactionLine("CASH_DEP")])
    branch.other.close_counter("C1")
    branch.clock.advance(23 * 3600)
    qtbot.wait(600)
    assert _shown(display) == []


def test_a_call_whose_customer_was_served_during_the_outage_is_not_announced(qtbot, branch):
    link = {"down": False}

    def query():
        if link["down"]:
            raise StoreUnavailable("branch server: connection refused")
        return branch.branch.snapshot()

    branch.other.issue_ticket("CASH")
    recorder = Recorder()
    display = DisplayWindow(branch.branch, branch.i18n, QUIET, recorder, "Demo", poll_ms=200, query=query)
    qtbot.addWidget(display)
    display.show()
    qtbot.waitUntil(lambda: display.snapshot is not None, timeout=3000)
    link["down"] = True
    qtbot.waitUntil(lambda: display.reconnecting, timeout=2000)
    branch.other.call_next("C1", "T1001")  # the hall hears nothing: A001 sees the teller wave, walks up
    branch.clock.advance(60)
    branch.other.start("C1")
    branch.clock.advance(300)
    branch.other.finish("C1", [TransactionLine("CASH_DEP")])  # A001 served and gone; counter 1 idle
    link["down"] = False
    qtbot.waitUntil(lambda: not display.reconnecting, timeout=2000)
    qtbot.wait(300)
    assert display.now_serving() == []  # the screen itself knows counter 1 serves nobody
    # "Ticket A001, please go to counter 1" was chimed, spoken and flashed for a finished visit
    assert recorder.calls == []
    assert not display.flash.isVisible()


def test_a_store_restored_from_a_backup_does_not_call_its_old_customers_again(qtbot, branch, tmp_path):
    """The branch's store is put back from a backup taken while A001 stood called at counter 1; two dozen calls were
    made since. The hall chimed, flashed and said "Ticket A001, please go to counter 1" again, an hour after A001
    was served: the restored queue's calls are the past, shown but never announced."""
    import sqlite3

    for _ in range(25):
        branch.other.issue_ticket("CASH")
    display, recorder = make_display(qtbot, branch)
    branch.other.call_next("C1", "T1001")
    qtbot.waitUntil(lambda: recorder.calls == [("A001", "1")], timeout=1000)
    backup = tmp_path / "backup.db"
    with sqlite3.connect(tmp_path / "branch.db") as src, sqlite3.connect(backup) as dst:
        src.backup(dst)
    for number in range(2, 25):
        branch.clock.advance(120)
        branch.other.start("C1")
        branch.other.finish("C1", [TransactionLine("CASH_DEP")])
        branch.other.call_next("C1", "T1001")
        qtbot.waitUntil(lambda n=number: recorder.calls[-1] == (f"A{n:03d}", "1"), timeout=1000)
    display._flash_timer.stop()
    display._end_flash()
    with sqlite3.connect(backup) as src, sqlite3.connect(tmp_path / "branch.db") as dst:
        src.backup(dst)  # the restore
    qtbot.waitUntil(lambda: display.recent_labels[0].text() == "A001  →  1", timeout=2000)
    qtbot.wait(300)
    assert recorder.calls[-1] == ("A024", "1") and len(recorder.calls) == 24
    assert not display.flash.isVisible()


def test_a_long_counter_name_is_shown_whole_in_now_serving_at_1024x768(qtbot, branch):
    from fit_check import clipped

    admin = branch.station.staff.verify("A3001", "000000")
    profile = dict(next(c for c in branch.branch.snapshot().counters if c.id == "C1").profile)
    long = "Ventanilla de atención preferente para empresas y autónomos 12"
    branch.branch.configure_counter(admin, "C1", long, profile)
    branch.other.issue_ticket("CASH")
    display, recorder = make_display(qtbot, branch)
    branch.other.call_next("C1", "T1001")
    qtbot.waitUntil(lambda: recorder.calls == [("A001", long)], timeout=2000)
    for size in ((1024, 768), (1920, 1080)):
        display.resize(*size)
        qtbot.wait(100)
        assert clipped(display) == []
        name = display.serving_rows[0][1]
        # Whole, on lines, in a size read across the hall rather than the 4 pt one line allowed.
        assert name.drawn_text().replace("\n", " ") == long and "\n" in name.drawn_text()
        assert name.drawn_font().pointSizeF() >= (10 if size[0] == 1024 else 20)
        # Three counters serve at most: the second pair of columns is not drawn, its room is the first's.
        assert not display.serving_rows[SERVING_ROWS][1].isVisible()


def test_six_counters_with_long_names_fill_both_pairs_whole_at_1024x768(qtbot, branch):
    """From a fourth counter serving, the second pair of columns is drawn again, and no long name is cut in it."""
    admin = branch.station.staff.verify("A3001", "000000")
    for counter in branch.branch.snapshot().counters:
        name = f"Ventanilla de atención preferente número {counter.id[1:]}"
        branch.branch.configure_counter(admin, counter.id, name, dict(counter.profile))
    for counter_id, staff_id in (("C2", "T1002"), ("C4", "SIM04"), ("C5", "SIM05"), ("C6", "SIM06")):
        branch.open(counter_id, staff_id)
    for category in ("CASH", "CASH", "TRANSFER", "LOANS", "CORP", "VIP"):
        branch.other.issue_ticket(category)
    display, _recorder = make_display(qtbot, branch)
    display.resize(1024, 768)
    staff = {"C1": "T1001", "C2": "T1002", "C3": "T1003", "C4": "SIM04", "C5": "SIM05", "C6": "SIM06"}
    for served, counter_id in enumerate(staff, 1):
        branch.clock.advance(10)
        branch.other.call_next(counter_id, staff[counter_id])
        qtbot.waitUntil(lambda n=served: len(display.now_serving()) == n, timeout=2000)
        qtbot.wait(50)
        assert display.column_heads[1][0].isVisible() == (served > SERVING_ROWS)
        assert clipped(display) == [], served
    names = [counter.drawn_text().replace("\n", " ") for _number, counter in display.serving_rows]
    assert sorted(names) == sorted(f"Ventanilla de atención preferente número {n}" for n in range(1, 7))
