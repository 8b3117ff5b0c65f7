"""A counter still held by a teller (a station that crashed, a teller who left unsigned): who, and its release.

Signing in at such a counter is refused; the station names the holder and offers a supervisor to release
the counter with their own staff ID and PIN (the service checks the role, not this dialog).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from models.staff.facade import StaffFacade
from queueing.core.errors import CounterTaken
from ui.common.counter_name import named_counter_phrase
from ui.common.object_name import named
from ui.common.placeholders import fill


def name_the_holder(exc: CounterTaken, staff: StaffFacade) -> CounterTaken:
    """Add the holder's name to the refusal (runs on the worker: it reads the staff table)."""
    holder = exc.details.get("holder")
    found = staff.get(holder) if isinstance(holder, str) and holder else None
    exc.details["holder_name"] = found.name if found else holder
    return exc


def counter_taken_text(exc: CounterTaken, counter_name: str, format_time) -> str:
    """The refusal in words: who holds the counter since when, or that the teller is at another counter."""
    name = exc.details.get("holder_name")
    if not name:
        return QCoreApplication.translate(
            "CounterRelease",
            "You are still signed in at another counter. Sign out there, or ask a supervisor to release it.",
        )
    since = exc.details.get("since")
    text = QCoreApplication.translate(
        "CounterRelease", "%1 (%2) still holds %3: signed in at %4 and never signed out. A supervisor can release it."
    )
    # One pass: a holder named "%3" keeps their name, where replace() in turn would fill it with the id.
    counter, when = named_counter_phrase(counter_name), format_time(since) if since else "?"
    return fill(text, name, exc.details.get("holder"), counter, when)


class ReleaseDialog(QDialog):
    """Asks a supervisor's staff ID and PIN to release one counter; window-modal."""

    def __init__(self, counter_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("releaseDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowTitle(self.tr("Release %1", "a counter").replace("%1", named_counter_phrase(counter_name)))
        self.staff_id = named(QLineEdit(), "releaseStaff")
        self.pin = named(QLineEdit(), "releasePin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.staff_id.setAccessibleName(self.tr("Supervisor's staff ID"))
        self.pin.setAccessibleName(self.tr("Supervisor's PIN"))
        form = QFormLayout()
        form.addRow(self.tr("Supervisor's staff ID"), self.staff_id)
        form.addRow(self.tr("Supervisor's PIN"), self.pin)
        note = named(
            QLabel(
                self.tr("The teller who held the counter is signed out of it. Their finished visits are kept."),
                wordWrap=True,
            ),
            "muted",
        )
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Release"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(note)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _accept(self) -> None:
        if self.staff_id.text().strip() and self.pin.text():
            self.accept()
