"""Dialogs block their own window only: in the demo a supervisor's dialog must not freeze the kiosk or station."""

import pytest
from PySide6.QtCore import Qt
from screens_harness import OFFSCREEN_NOISE, Branch

from queueing.core.transaction_types import load_catalogue
from ui.station.finish_dialog import FinishDialog
from ui.supervisor.dialogs import MoveTicketDialog, OpenCounterDialog, ProfileDialog

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)


def test_supervisor_and_station_dialogs_are_window_modal(qtbot, tmp_path):
    branch = Branch(tmp_path)
    try:
        branch.open("C1")
        ticket = branch.other.issue_ticket("CASH").ticket
        snapshot = branch.other.snapshot()
        counter = snapshot.counters[0]
        config = branch.branch.config
        dialogs = [
            OpenCounterDialog(counter, {"T1001": "Li Na"}),
            ProfileDialog(counter, config, "en"),
            MoveTicketDialog(ticket, snapshot.counters, config, "en"),
            FinishDialog(load_catalogue(), "CASH", [], "en", ticket.number),
        ]
        for dialog in dialogs:
            qtbot.addWidget(dialog)
            assert dialog.windowModality() == Qt.WindowModality.WindowModal, type(dialog).__name__
    finally:
        branch.close()
