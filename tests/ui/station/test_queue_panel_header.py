"""The queue table's column titles at the narrowest station window (1024 px) in the longest language."""

import pytest
from PySide6.QtCore import Qt
from station_harness import Harness

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def station(qtbot, tmp_path):
    harness = Harness(qtbot, tmp_path, language="es")
    yield harness
    harness.close()


def test_a_squeezed_column_title_is_elided_from_its_end_with_the_whole_title_on_hover(station):
    """Squeezed, the header cut its centred titles at both ends: "ervic", "riorit" (Servicio, Prioridad)."""
    station.sign_in()
    other = station.other_station("TEST-KIOSK")
    for category in ("CASH", "TRANSFER", "CASH"):
        other.issue_ticket(category)
    panel = station.window.queue_panel
    header, model = panel.view.horizontalHeader(), panel.model
    # 1024 px squeezes a title in the usual font; an application font another test in this process registered
    # (the bundled CJK font, narrower in Latin) may not, so the window narrows further until one is squeezed.
    for width in range(1024, 639, -64):
        station.window.resize(width, 768)
        station.settle()
        metrics = header.fontMetrics()
        squeezed = [
            section
            for section, title in enumerate(model.headers())
            if metrics.horizontalAdvance(title) > header.sectionSize(section) - 12  # the sections' 6 px padding
        ]
        if squeezed:
            break
    assert squeezed, "at 1024 px or narrower in Spanish some title is wider than its column: the case of this test"
    for section in squeezed:
        title = model.headers()[section]
        drawn = metrics.elidedText(title, header.textElideMode(), header.sectionSize(section) - 12)
        assert drawn.endswith("…") and title.startswith(drawn[:-1]), drawn
        assert model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == title


def test_an_overdue_wait_is_red_and_bold_with_its_state_in_words_on_hover_and_for_a_screen_reader(station):
    """"25:35 (supera el objetivo)" in the cell took the service and priority columns' width at 1024 px."""
    station.sign_in()
    station.other_station("TEST-KIOSK").issue_ticket("CASH")
    station.other_station("TEST-KIOSK").issue_ticket("TRANSFER")
    station.clock.advance(3600)
    station.other_station("TEST-KIOSK").issue_ticket("CASH")
    station.window.refresh()
    station.settle()
    model = station.window.queue_panel.model
    waited = model.headers().index("Espera")
    cells = [model.index(row, waited) for row in range(model.rowCount())]
    late, fresh = cells[0], cells[-1]
    assert late.data() == "1:00:00", late.data()
    assert late.data(Qt.ItemDataRole.FontRole).bold()
    assert late.data(Qt.ItemDataRole.AccessibleTextRole) == "1:00:00 (supera el objetivo)"
    assert "1:00:00 (supera el objetivo)" in late.data(Qt.ItemDataRole.ToolTipRole)
    assert fresh.data() == "0:00" and fresh.data(Qt.ItemDataRole.FontRole) is None
    assert fresh.data(Qt.ItemDataRole.AccessibleTextRole) is None


def test_the_waited_column_counts_an_early_appointment_from_its_booked_time(station):
    """Checked in 30 minutes early and waiting 20 (past CASH's 10-minute target from the check-in): not late, and
    the column shows no wait yet; the wait counts from the booked time, as the overdue rules count it."""
    from datetime import timedelta

    from queueing.core.tickets import PriorityClass

    station.sign_in()
    kiosk = station.other_station("TEST-KIOSK")
    kiosk.issue_ticket("CASH", PriorityClass.APPOINTMENT, appointment_at=station.clock.now() + timedelta(minutes=30))
    station.clock.advance(20 * 60)
    station.window.refresh()
    station.settle()
    model = station.window.queue_panel.model
    cell = model.index(0, model.headers().index("Espera"))
    assert cell.data() == "0:00" and cell.data(Qt.ItemDataRole.FontRole) is None
