"""The supervisor's line about a branch store restored from a backup while the screen ran.

The branch service notices the journal ending before (or differing at) the position it had read, rebuilds its
state from the store as restored, and the overview carries the moment (Overview.store_restored_at). The screen
then shows the store's queue, and says so in words: the tickets and visits recorded after the backup are not in
it, so the hall's queue and the screen may disagree until the supervisor checks.
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QWidget

from ui.common.accessibility import describe
from ui.common.branch_time import to_branch


class RestoredNotice(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, wordWrap=True)
        self.setObjectName("restoredNotice")
        self.restored_at: datetime | None = None
        self.setStyleSheet(
            "QLabel#restoredNotice { background: #fbeaea; color: #8a2a2a; border: 1px solid #e6b8b8;"
            " border-radius: 6px; padding: 6px 10px; font-weight: 600; }"
        )
        self.hide()

    def show_restored(self, at: datetime | None) -> bool:
        """Show the notice for a restore noticed ``at`` (None: none); True when that is a restore not shown yet."""
        if at == self.restored_at:
            return False
        self.restored_at = at
        self.retranslate()
        return at is not None

    def retranslate(self) -> None:
        if self.restored_at is None:
            self.setText("")
            self.hide()
            return
        text = self.tr(
            "⚠ The branch store was restored from a backup (noticed at %1): this screen now shows what it holds. "
            "Tickets and visits recorded after that backup are missing from it; check the queue in the hall."
        )
        self.setText(text.replace("%1", f"{to_branch(self.restored_at):%H:%M}"))
        self.show()
        describe(self, self.tr("Branch store restored"), self.text())
