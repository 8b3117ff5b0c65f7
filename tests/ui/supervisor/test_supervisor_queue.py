"""The supervisor's waiting list: a model refreshed in place, the selected ticket kept across refreshes."""

from datetime import UTC, datetime

import pytest
from screens_harness import OFFSCREEN_NOISE

from models.branch.records import TicketView
from queueing.core.categories import load_branch_config
from ui.supervisor.queue import CategoryTable, WaitingList

NOW = datetime(2026, 11, 23, 3, 0, tzinfo=UTC)


def ticket(number: str, waited_s: float, category: str = "CASH") -> TicketView:
    return TicketView(
        id=f"id-{number}", number=number, category=category, priority="regular", status="waiting", issued_at=NOW,
        waited_s=waited_s, counter_id=None, staff_id=None, customer_id=None, called_at=None, started_at=None,
        recalls=0, transfers=0, conflict=False, live_wait_s=waited_s,
    )  # fmt: skip


def test_a_refresh_of_as_many_rows_changes_cells_in_place_and_the_selection_follows_its_ticket(qtbot):
    config = load_branch_config()
    waiting = WaitingList()
    qtbot.addWidget(waiting)
    waiting.show_tickets((ticket("A001", 300), ticket("A002", 200), ticket("A003", 100)), config, "en")
    assert [waiting.cell(r, 0) for r in range(3)] == ["A001", "A002", "A003"]
    waiting.table.selectRow(1)
    assert waiting.selected_ticket() == "id-A002"
    resets, changes = [], []
    waiting.model.modelReset.connect(lambda: resets.append(1))
    waiting.model.dataChanged.connect(lambda first, last: changes.append((first.row(), last.row())))
    # A002 now waits longest of three: the rows change in place, and the selection moves with A002.
    waiting.show_tickets((ticket("A001", 310), ticket("A002", 900), ticket("A004", 5)), config, "en")
    assert resets == [] and changes == [(0, 2)]
    assert [waiting.cell(r, 0) for r in range(3)] == ["A002", "A001", "A004"]
    assert waiting.selected_ticket() == "id-A002"
    # The same rows again: nothing to repaint.
    waiting.show_tickets((ticket("A001", 310), ticket("A002", 900), ticket("A004", 5)), config, "en")
    assert changes == [(0, 2)]
    # The selected ticket is called: no row stays selected, and a shorter queue resets the rows.
    waiting.show_tickets((ticket("A001", 320),), config, "en")
    assert resets == [1] and waiting.selected_ticket() is None and waiting.model.rowCount() == 1


def test_late_waits_are_coloured_and_right_aligned(qtbot):
    from PySide6.QtCore import Qt

    config = load_branch_config()
    waiting = WaitingList()
    qtbot.addWidget(waiting)
    late = config.category("CASH").max_wait_s + 60
    waiting.show_tickets((ticket("A001", late), ticket("A002", 1)), config, "en")
    model = waiting.model
    assert model.data(model.index(0, 3), Qt.ItemDataRole.ForegroundRole) is not None
    assert model.data(model.index(1, 3), Qt.ItemDataRole.ForegroundRole) is None
    assert model.data(model.index(0, 3), Qt.ItemDataRole.TextAlignmentRole) is not None
    assert model.data(model.index(0, 0), Qt.ItemDataRole.TextAlignmentRole) is None
    assert model.headerData(3, Qt.Orientation.Horizontal) == "Waited"
    categories = CategoryTable()
    qtbot.addWidget(categories)
    assert categories.model.rowCount() == 0


@pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
def test_columns_fit_their_widest_text_and_are_measured_again_only_when_it_changes(qtbot, monkeypatch):
    config = load_branch_config()
    waiting = WaitingList()
    qtbot.addWidget(waiting)
    waiting.resize(700, 400)
    waiting.show()
    waiting.show_tickets((ticket("A001", 30), ticket("A002", 20)), config, "en")
    header = waiting.table.horizontalHeader()
    service = header.sectionSize(1)
    assert service >= waiting.table.fontMetrics().horizontalAdvance("Cash and deposits")
    fits = []
    original = waiting.table.resizeColumnsToContents
    monkeypatch.setattr(waiting.table, "resizeColumnsToContents", lambda: (fits.append(1), original()))
    # The clock moves on, the same services wait: the columns are not measured again.
    waiting.show_tickets((ticket("A001", 31), ticket("A002", 21)), config, "en")
    assert fits == []
    # A longer service name arrives: the column widens to hold it whole.
    waiting.show_tickets((ticket("A001", 32), ticket("B001", 5, "TRANSFER")), config, "en")
    assert fits == [1]
    assert header.sectionSize(1) >= waiting.table.fontMetrics().horizontalAdvance("Transfers and remittances")
    assert header.sectionSize(1) > service
    # A new language measures the titles again, though the rows are the same.
    waiting.show_tickets((ticket("A001", 32), ticket("B001", 5, "TRANSFER")), config, "es")
    assert fits == [1, 1]


def test_a_waiting_ticket_of_a_category_gone_from_the_configuration_shows_its_code(qtbot):
    waiting = WaitingList()
    qtbot.addWidget(waiting)
    waiting.show_tickets((ticket("G001", 4000, "GOLD"), ticket("A001", 100)), load_branch_config(), "en")
    assert [waiting.cell(r, 1) for r in range(2)] == ["GOLD", "Cash and deposits"]
