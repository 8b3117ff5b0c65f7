"""The station's status bar gives up width: an offline Spanish station with a clock warning, or a long teller and
counter name, once pushed the window past a 1024x768 screen. Cut with "…", each text is whole in its tool tip."""

import pytest
from fit_check import grown
from label_text import tip_text
from PySide6.QtCore import QCoreApplication, QEventLoop
from station_harness import Harness

from models.sync.status import SyncStatus
from ui.common.fonts import install_app_font
from ui.common.style import apply_style

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
TELLER = "María de los Ángeles Fernández-Castillo de la Torre y Villalobos"  # STAFF_NAME allows 200
COUNTER = "Ventanilla de atención preferente para empresas"  # COUNTER_NAME allows 100


class OfflineWithClockOff:
    def status(self):
        return SyncStatus(False, 12, None, -7.0)


def settle():
    loop = QEventLoop()
    for _ in range(3):
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
        QCoreApplication.sendPostedEvents()


@pytest.fixture
def station(qtbot, tmp_path, qapp):
    install_app_font(qapp)
    apply_style(qapp)
    h = Harness(qtbot, tmp_path, language="es")
    yield h
    h.close()


def _check(h, some_cut: bool) -> None:
    h.window.resize(1024, 768)
    h.settle()
    settle()
    problem = grown(h.window, 1024, 768)
    assert problem is None, f"{problem}; status: {h.window.status.connection.text()!r}"
    bar = h.window.status
    labels = (bar.teller, bar.counter, bar.branch, bar.connection)
    cut = [label for label in labels if label.drawn_text() != label.text()]
    assert cut or not some_cut, "nothing was cut: the test no longer holds more than 1024 px of status"
    for label in cut:
        assert label.drawn_text().endswith("…") and tip_text(label.toolTip()) == label.text(), label.drawn_text()


def test_offline_station_with_a_clock_warning_fits_1024_in_spanish(station):
    station.ctx.sync = OfflineWithClockOff()  # demo names, nothing long but the state itself
    station.sign_in()
    _check(station, some_cut=True)


def test_a_long_teller_and_counter_name_fit_1024(station):
    admin = station.station.staff.verify("A3001", "000000")
    profile = dict(next(c for c in station.branch.snapshot().counters if c.id == "C1").profile)
    station.branch.configure_counter(admin, "C1", COUNTER, profile)
    station.station.staff.add(admin, "T1001", TELLER, "teller", "1111")
    station.sign_in()
    _check(station, some_cut=False)  # a few pixels short: each label gives up a little, none needs to cut
    assert TELLER in station.window.status.teller.text() and station.window.status.counter.text() == COUNTER
