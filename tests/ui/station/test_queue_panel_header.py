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
