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
    station.window.resize(1024, 768)
    station.settle()
    panel = station.window.queue_panel
    header, model = panel.view.horizontalHeader(), panel.model
    metrics = header.fontMetrics()
    squeezed = [
        section
        for section, title in enumerate(model.headers())
        if metrics.horizontalAdvance(title) > header.sectionSize(section) - 12  # the sections' 6 px padding
    ]
    assert squeezed, "at 1024 px in Spanish some title is wider than its column: the case this test is about"
    for section in squeezed:
        title = model.headers()[section]
        drawn = metrics.elidedText(title, header.textElideMode(), header.sectionSize(section) - 12)
        assert drawn.endswith("…") and title.startswith(drawn[:-1]), drawn
        assert model.headerData(section, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole) == title
