"""The supervisor's Sync tab: tickets two stations acted on while offline, and events upstream refused.

Both facts of a conflict stay in the journal; the supervisor reads them, deals with the
customer, and marks the conflict resolved with a note (an event, so every station learns it).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QLabel, QPushButton, QTableView, QVBoxLayout, QWidget

from models.supervisor.service import SupervisorService
from models.sync.conflicts import ConflictView, QuarantineView, SyncIssues
from ui.common.branch_time import to_branch
from ui.common.empty_state import EmptyNote
from ui.common.object_name import named
from ui.common.row_table_model import RowTableModel
from ui.common.runner import Runner
from ui.common.shown_text import plain_tip, shown_text
from ui.common.strings import event_type_text
from ui.supervisor.conflict_text import Names, fact_line, subject, what_clashed
from ui.supervisor.failures import read_failure_text
from ui.supervisor.refusal_text import refusal_text

log = logging.getLogger(__name__)

ID_ROLE = Qt.ItemDataRole.UserRole
WHAT_COLUMN = 3  # "What clashed"
WHAT_SHARE_PERCENT = 40  # of the table's width at most; the facts after it take the rest
WHAT_MIN_PX = 240
FACTS_MIN_PX = 320  # the facts beside it keep this much, however wide the columns before it came out
TOOLTIP = Qt.ItemDataRole.ToolTipRole
REASON_COLUMN = 3  # of the refused events' table


class ConflictsModel(RowTableModel):
    """Each conflict worded in the language installed now (conflict_text), its counters and tellers by their
    names."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names = Names()  # the branch's counters and staff by id, from the last refresh

    def headers(self) -> tuple[str, ...]:
        what = self.tr("Ticket, counter or break")
        return (what, self.tr("Day"), self.tr("Stations"), self.tr("What clashed"), self.tr("Facts"))

    def cells(self, c: ConflictView) -> tuple[str, ...]:
        names = self.names
        facts = "\n".join(fact_line(f, names) for f in c.facts)
        stations = ", ".join(shown_text(s) for s in c.stations)
        return (subject(c, names), c.business_date.isoformat(), stations, what_clashed(c, names), facts)

    def role_data(self, row: ConflictView, role: int) -> str | None:
        return row.key if role == ID_ROLE else None


class QuarantineModel(RowTableModel):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Station"), self.tr("Sequence"), self.tr("Event"), self.tr("Refused because"))

    def cells(self, q: QuarantineView) -> tuple[str, ...]:
        return (shown_text(q.station_id), str(q.seq), event_type_text(q.type), refusal_text(q.reason_code, q.reason))

    def cell_data(self, row: QuarantineView, column: int, role: int) -> str | None:
        # The database's own line, whole, for whoever must tell the branch's IT what was refused.
        return plain_tip(shown_text(row.reason, None)) if role == TOOLTIP and column == REASON_COLUMN else None


class SyncIssuesPanel(QWidget):
    """Lists open conflicts and quarantined events; refreshed when shown and on request."""

    def __init__(self, supervisor: SupervisorService, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.supervisor = supervisor
        self.runner = Runner(self)
        self.issues: SyncIssues | None = None
        self.conflicts = ConflictsModel(self)
        self.quarantine = QuarantineModel(self)
        self.conflicts_title = named(QLabel(), "sectionTitle")
        self.quarantine_title = named(QLabel(), "sectionTitle")
        self.conflicts_view = _table(self.conflicts)
        self.quarantine_view = _table(self.quarantine)
        self.conflicts_empty = EmptyNote(self.conflicts_view)
        self.quarantine_empty = EmptyNote(self.quarantine_view)
        self.resolve = QPushButton()
        self.refresh_button = QPushButton()
        self.status = QLabel()
        self.clocks = named(QLabel(wordWrap=True), "statusLineBad")
        buttons = QHBoxLayout()
        buttons.addWidget(self.resolve)
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.addWidget(self.conflicts_title)
        layout.addWidget(self.conflicts_view, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.quarantine_title)
        layout.addWidget(self.quarantine_view, 1)
        layout.addWidget(self.clocks)
        layout.addWidget(self.status)
        self.resolve.clicked.connect(self.ask_resolve)
        self.refresh_button.clicked.connect(self.refresh)
        self.retranslate()

    def retranslate(self) -> None:
        self.conflicts_empty.set_text(self.tr("No open conflicts"))
        self.quarantine_empty.set_text(self.tr("No refused events"))
        self.conflicts_title.setText(self.tr("Open conflicts"))
        self.quarantine_title.setText(self.tr("Events the branch server refused"))
        self.resolve.setText(self.tr("Mark resolved…"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.resolve.setAccessibleName(self.tr("Mark the selected conflict resolved"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the sync issues"))
        self.conflicts.retranslate()
        self.quarantine.retranslate()
        self._show_counts()

    def refresh(self) -> None:
        self.runner.submit(self.supervisor.sync_issues, self._shown, self._failed)

    def _shown(self, issues: SyncIssues) -> None:
        self.issues = issues
        self.conflicts.names = Names(dict(issues.counter_names), dict(issues.staff_names))
        self.conflicts.set_rows(issues.conflicts)
        self.quarantine.set_rows(issues.quarantined)
        for view in (self.conflicts_view, self.quarantine_view):
            view.resizeColumnsToContents()  # ids and stations read whole; the last column takes the rest
        # A reason is a sentence (two for a ticket flagged twice): sized to its one line it would squeeze the
        # facts beside it to a word per line, so it wraps within a share of the table instead, a smaller one
        # where a language's longer column titles before it leave the facts less than their minimum.
        table = self.conflicts_view
        width = table.viewport().width()
        before = sum(table.columnWidth(column) for column in range(WHAT_COLUMN))
        share = max(WHAT_MIN_PX, min(width * WHAT_SHARE_PERCENT // 100, width - before - FACTS_MIN_PX))
        if table.columnWidth(WHAT_COLUMN) > share:
            table.setColumnWidth(WHAT_COLUMN, share)
        for view in (self.conflicts_view, self.quarantine_view):
            view.resizeRowsToContents()
        self.resolve.setEnabled(bool(issues.conflicts))
        self._show_counts()

    def _show_counts(self) -> None:
        if self.issues is None:
            return
        self.clocks.setText(
            "\n".join(
                self.tr("Station %1: clock %2 s off the branch server's (measured %3); its times are corrected")
                .replace("%1", c.station_id)
                .replace("%2", f"{-c.offset_s:+.0f}")
                .replace("%3", f"{to_branch(c.measured_at):%H:%M}")
                for c in self.issues.clocks
            )
        )
        self.status.setText(
            self.tr("%1 open conflict(s), %2 refused event(s)")
            .replace("%1", str(len(self.issues.conflicts)))
            .replace("%2", str(len(self.issues.quarantined)))
        )

    def _failed(self, exc: Exception) -> None:
        self.status.setText(read_failure_text(exc))

    def selected_ticket(self) -> str | None:
        rows = self.conflicts_view.selectionModel().selectedRows()
        if not rows and self.conflicts.rows:
            return self.conflicts.rows[0].key
        return self.conflicts.data(rows[0], ID_ROLE) if rows else None

    def ask_resolve(self) -> None:
        ticket_id = self.selected_ticket()
        if ticket_id is None:
            return
        note, ok = QInputDialog.getText(self, self.tr("Mark resolved"), self.tr("What was done for the customer?"))
        if ok:
            self.resolve_with(ticket_id, note)

    def resolve_with(self, ticket_id: str, note: str) -> None:
        self.runner.submit(
            lambda: self.supervisor.resolve_conflict(ticket_id, note),
            lambda _result: self.refresh(),
            self._failed,
        )


def _table(model: RowTableModel) -> QTableView:
    view = QTableView()
    view.setModel(model)
    view.horizontalHeader().setStretchLastSection(True)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setWordWrap(True)
    view.verticalHeader().hide()
    return view
