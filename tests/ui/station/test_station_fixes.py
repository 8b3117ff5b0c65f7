"""Station fixes: quantity keys from the search box, the lock screen's PIN, a counter still held after a restart,
and an unknown counter refused before any window opens."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from station_harness import Harness, wait_until

from models.branch.prepare import prepare_demo_station
from models.staff.tables import CounterSessionRow
from models.store.database import open_store
from ui.app.application import unknown_counter
from ui.app.composition import run_station

K = Qt.Key
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def station(qtbot, tmp_path):
    harness = Harness(qtbot, tmp_path)
    yield harness
    harness.close()


def test_plus_and_minus_change_the_quantity_while_the_search_box_has_the_focus(station):
    dialog = station.finish_dialog_with_one("cash dep")
    assert station.focused() is dialog.search
    station.key(K.Key_Plus)
    station.key(K.Key_Plus, Qt.KeyboardModifier.KeypadModifier)
    assert dialog.quantities == {"CASH_DEP": 3}
    assert dialog.search.text() == "cash dep"  # the + never went into the search text
    station.key(K.Key_Minus, Qt.KeyboardModifier.KeypadModifier)
    assert dialog.quantities == {"CASH_DEP": 2}
    station.key(K.Key_Delete)  # the search text is not empty: Delete edits it
    assert dialog.quantities == {"CASH_DEP": 2}
    dialog.search.clear()
    station.key(K.Key_Delete)
    assert dialog.quantities == {}
    dialog.reject()


def test_the_lock_screen_asks_the_pin_only_and_clears_a_wrong_one(station):
    station.sign_in()
    station.window.lock()
    page = station.window.lock_page
    page.pin.setFocus()
    station.type("0000")
    station.key(K.Key_Return)
    wait_until(lambda: page.error.text() != "")
    assert page.error.text() == "Wrong PIN. Please try again."
    assert "staff" not in page.error.text().lower()
    assert page.pin.text() == ""
    station.type("1111")
    station.key(K.Key_Return)
    wait_until(lambda: not station.window.locked)


def test_a_counter_held_after_a_restart_names_its_teller_and_a_supervisor_releases_it(station, monkeypatch):
    station.other_station("CRASHED-PC").sign_in("C1", "T1002")
    page = station.window.sign_in_page
    page.staff_id.setFocus()
    station.type("T1001")
    station.key(K.Key_Tab)
    station.type("1111")
    station.key(K.Key_Return)
    wait_until(lambda: page.error.text() != "")
    assert "Kim Min-jun (T1002)" in page.error.text() and "counter 1" in page.error.text()
    assert "signed in at 11/23/26 9:30" in page.error.text()  # branch time, not the stored UTC
    assert page.release_button.isVisible()

    answers = iter([("T1003", "3333"), ("S2001", "999999")])  # a teller may not; the supervisor may

    def exec_with(self):
        staff_id, pin = next(answers)
        self.staff_id.setText(staff_id)
        self.pin.setText(pin)
        return self.DialogCode.Accepted

    monkeypatch.setattr("ui.station.release.ReleaseDialog.exec", exec_with)
    page.release_button.click()
    wait_until(lambda: "role" in page.error.text())
    with station.store.read_session() as s:
        assert s.get(CounterSessionRow, ("DEMO", "C1")).staff_id == "T1002"
    page.release_button.click()
    wait_until(lambda: page.error.text() == "Counter released. You can sign in now.")
    with station.store.read_session() as s:
        assert s.get(CounterSessionRow, ("DEMO", "C1")) is None
    page.staff_id.clear()
    page.pin.clear()
    station.sign_in()
    assert station.counter().staff_id == "T1001"


def test_an_unknown_counter_is_refused_in_one_line_before_any_pin(tmp_path, capsys):
    store = open_store(str(tmp_path / "s.db"))
    station = prepare_demo_station(store, "TEST-C9")
    assert unknown_counter(station, "C1") is None
    line = unknown_counter(station, "C9")
    assert line.startswith("counterline: the branch has no counter C9; its counters are C1, C2")
    store.close()
    args = SimpleNamespace(
        counter="9", language="en", upstream=None, db=str(tmp_path / "s.db"), branch=None, printer=None, lock_minutes=5
    )
    assert run_station(args) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert err == [line]


def test_the_lock_screen_shows_a_name_that_looks_like_markup_as_typed(qtbot):
    """The teller's name is an administrator's free text: it must not restyle or hide the lock screen's line."""
    from PySide6.QtCore import Qt

    from ui.station.signin import LockPage

    page = LockPage()
    qtbot.addWidget(page)
    page.name = "<span style='font-size:1pt'>Li Na</span>"
    page.retranslate()
    assert page.who.textFormat() == Qt.TextFormat.PlainText and page.name in page.who.text()
