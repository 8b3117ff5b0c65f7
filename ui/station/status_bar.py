"""The status bar: teller, counter, branch, connection with the sync backlog, and the clock."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from models.sync.status import CLOCK_WARN_S
from models.sync.status_provider import SyncStatus
from ui.common.counter_name import named_counter_phrase
from ui.common.elided_label import ElidedLabel
from ui.common.object_name import named
from ui.common.strings import connection_text, pending_sync_text
from ui.common.style import ALERT, OK
from ui.station.window_context import WindowContext


class StationStatusBar(QStatusBar):
    def __init__(self, ctx: WindowContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setSizeGripEnabled(False)
        # Each gives up width, cut with "…" and whole in its tool tip: a long name, or a long state in Spanish,
        # must not push the station past a 1024-pixel screen.
        self.teller = named(ElidedLabel(), "statusTeller")
        self.counter = named(ElidedLabel(), "statusCounter")
        self.branch = named(ElidedLabel(), "statusBranch")
        self.connection = named(ElidedLabel(), "statusConnection")
        self.clock = named(QLabel(), "statusClock")
        for label in (self.teller, self.counter, self.branch):
            self.addWidget(label)
        self.addPermanentWidget(self.connection)
        self.addPermanentWidget(self.clock)
        self.counter_name = ctx.counter_id
        # False while the window's refresh cannot read the branch database: the sync status (online, for a station
        # that writes straight to it) knows nothing of that.
        self.reachable = True

    def refresh(self, now: datetime) -> None:
        staff = self.ctx.signed_in
        self.teller.setText(self.tr("Teller: %1").replace("%1", f"{staff.name} ({staff.id})" if staff else "—"))
        self.counter.setText(named_counter_phrase(self.counter_name, alone=True))
        self.branch.setText(self.ctx.branch_name)
        self.clock.setText(self.ctx.i18n.format_datetime(now))
        if not self.reachable:
            self.connection.setText("● " + self.tr("Branch database unreachable"))
            self.connection.setStyleSheet(f"color: {ALERT}; font-weight: 600;")
            return
        status = SyncStatus(*self.ctx.sync.status())
        text = connection_text(status.online)
        if status.backlog or not status.online:
            text = f"{text} · {pending_sync_text(status.backlog)}"
        clock_off = abs(status.clock_offset_s) > CLOCK_WARN_S
        if clock_off:
            # Times are corrected by the measured offset; the PC's clock still wants setting right.
            text = f"{text} · " + self.tr("This PC's clock is %1 s off the branch server's").replace(
                "%1", f"{-status.clock_offset_s:+.0f}"
            )
        self.connection.setText(f"● {text}")
        healthy = status.online and not clock_off
        self.connection.setStyleSheet(f"color: {OK if healthy else ALERT}; font-weight: 600;")
