"""A counter printer that fails after the ticket was issued must not tell the teller 'nothing was changed': the
ticket stands, and issuing it again would queue the customer twice."""

import pytest
from PySide6.QtCore import Qt
from sqlalchemy import select
from station_harness import Harness

from models.store.tables import TicketRow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "QPainter::begin")
NOT_PRINTED = {"en": "was issued but not printed", "es": "no se imprimió", "ko": "인쇄되지 않았습니다"}


@pytest.mark.parametrize("language", list(NOT_PRINTED))
def test_a_failed_printer_says_the_ticket_was_issued_and_names_it(qtbot, tmp_path, language):
    station = Harness(qtbot, tmp_path, language=language, printer=str(tmp_path / "no-such-dir" / "slip.pdf"))
    try:
        station.sign_in()
        station.key(Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        station.dialog("issueDialog")
        station.key(Qt.Key.Key_Return)
        station.settle()
        with station.store.read_session() as s:
            issued = s.scalars(select(TicketRow)).all()
        assert len(issued) == 1  # the ticket WAS issued
        banner = station.window.banner.text()
        assert "nothing was changed" not in banner and "PrintError" not in banner, banner
        assert NOT_PRINTED[language] in banner and issued[0].number in banner, banner
    finally:
        station.close()
