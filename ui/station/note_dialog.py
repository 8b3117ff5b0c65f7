"""The teller's note (Ctrl+D) and follow-up (Ctrl+U) dialogs on the served customer's record.

Keyboard alone: type the text, Tab to the due date (arrows change it) and the owner, Ctrl+Enter saves.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QComboBox, QDateEdit, QFormLayout, QPlainTextEdit, QWidget

from ui.station.dialogs import _Dialog

if TYPE_CHECKING:  # queueing.customers.profile_view pulls in rule_engine; only the frozen view is handled here
    from queueing.customers.profile_view import ProfileView
    from queueing.customers.profiles import FollowUp

MAX_NOTE_CHARS = 2000  # queueing.core.text_rules.FOLLOW_UP_TEXT
DEFAULT_DUE_DAYS = 1
NOTES_SHOWN = 3  # queueing.customers.profile_view.NOTES_SHOWN


class DueDateEdit(QDateEdit):
    """A date whose day answers the arrow keys when Tab reaches it (a due date moves by days, not years)."""

    def focusInEvent(self, event) -> None:
        super().focusInEvent(event)
        self.setSelectedSection(QDateEdit.Section.DaySection)


class NoteDialog(_Dialog):
    """A note; with ``owners`` also the follow-up's due date and owner."""

    def __init__(
        self,
        customer: str,
        today: date,
        owners: dict[str, str] | None = None,
        me: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        follow_up = owners is not None
        super().__init__("followUpDialog" if follow_up else "noteDialog", parent)
        title = self.tr("Follow-up for %1") if follow_up else self.tr("Note on %1")
        self.set_texts(title.replace("%1", customer), self.tr("Save"))
        self.today = today
        self.text = QPlainTextEdit(objectName="noteText")
        self.text.setTabChangesFocus(True)  # Tab reaches the date and the owner
        self.text.setMinimumHeight(120)
        self.text.setPlaceholderText(
            self.tr("What the customer wants, and what to do next") if follow_up else self.tr("Note for colleagues")
        )
        form = QFormLayout()
        form.addRow(self.tr("Text"), self.text)
        self.due: DueDateEdit | None = None
        self.owner: QComboBox | None = None
        if follow_up:
            due = today + timedelta(days=DEFAULT_DUE_DAYS)
            self.due = DueDateEdit(QDate(due.year, due.month, due.day), objectName="dueDate", calendarPopup=True)
            self.due.setDisplayFormat("yyyy-MM-dd ddd")
            self.due.setMinimumDate(QDate(today.year, today.month, today.day))
            self.owner = QComboBox(objectName="owner")
            for staff_id, name in owners.items():
                self.owner.addItem(f"{name} ({staff_id})", staff_id)
            if me is not None and self.owner.findData(me) >= 0:
                self.owner.setCurrentIndex(self.owner.findData(me))
            form.addRow(self.tr("Due on"), self.due)
            form.addRow(self.tr("Owner"), self.owner)
        self.body.addLayout(form)
        self.finish_layout()
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, activated=self._accept, context=Qt.ShortcutContext.WindowShortcut)
        self.text.setFocus()

    def problem(self) -> str | None:
        text = self.text.toPlainText().strip()
        if not text:
            return self.tr("Please write the note.")
        if len(text) > MAX_NOTE_CHARS:
            return self.tr("At most %1 characters, please.").replace("%1", str(MAX_NOTE_CHARS))
        return None

    def written(self) -> str:
        return self.text.toPlainText().strip()

    def due_on(self) -> date | None:
        if self.due is None:
            return None
        value = self.due.date()
        return date(value.year(), value.month(), value.day())

    def owner_id(self) -> str | None:
        return self.owner.currentData() if self.owner is not None else None


def with_note(profile: ProfileView, note: FollowUp) -> ProfileView:
    """The profile as it reads after ``note`` was written: newest note first, a follow-up among the open ones."""
    notes = (note, *profile.recent_notes)[:NOTES_SHOWN]
    planned = profile.open_follow_ups
    if note.is_open:
        planned = tuple(sorted((*planned, note), key=lambda n: (n.next_action_on, n.id)))
    return replace(profile, recent_notes=notes, open_follow_ups=planned)
