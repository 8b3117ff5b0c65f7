"""The kiosk's thermal printer, on a thread of its own: a printer that hangs never stops the next ticket.

A USB or ``/dev/usb/lp0`` printer that is out of paper or has its cover open stops taking data, and a
write to it can wait for ever. Sent on the window's command runner, such a slip kept the runner busy,
and a busy runner refuses every touch: the kiosk issued no ticket until it was restarted. Here slips go
one at a time (a thermal printer takes one connection) on a daemon thread, which the program may end
without waiting for; a slip not done within its printer's time limit is reported failed, so the customer
is told to remember the number while the printer still hangs.
"""

from __future__ import annotations

import logging
import queue
import threading

from PySide6.QtCore import QObject, QTimer, Signal

from models.branch.records import TicketView
from ui.kiosk.ticket_printer import PrinterFailed, PrinterSettings, TicketSlip, print_escpos

log = logging.getLogger(__name__)

GRACE_MS = 2000  # beyond the printer's own time limit, before a slip still under way counts as failed


class PrintQueue(QObject):
    """Sends slips to the ESC/POS printer in order, off the GUI thread; ``sig_failed`` for each that failed."""

    sig_failed = Signal(object, object)
    """Carries the TicketView whose slip did not print and the exception that says why (on the GUI thread)."""

    _sig_ended = Signal(str, object)  # from the printing thread: the ticket id and the failure, or None

    def __init__(self, settings: PrinterSettings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self._jobs: queue.Queue[tuple[TicketView, TicketSlip]] = queue.Queue()
        self._waiting: dict[str, tuple[TicketView, QTimer]] = {}  # sent, not ended nor given up on
        self._sig_ended.connect(self._ended)
        self._thread: threading.Thread | None = None
        # Slips given up on (the customer was told the number) that the printing thread has not taken yet: a
        # printer refilled after an hour must not print that hour's tickets for whoever stands at the kiosk then.
        self._given_up: set[str] = set()
        self._given_up_lock = threading.Lock()

    def submit(self, ticket: TicketView, slip: TicketSlip) -> None:
        timer = QTimer(self, singleShot=True)
        # Queued behind others, a slip waits for them too: its time runs from now, its printer's limit each.
        timer.setInterval(round(self.settings.timeout_s * 1000) * (len(self._waiting) + 1) + GRACE_MS)
        timer.timeout.connect(lambda: self._overdue(ticket.id))
        self._waiting[ticket.id] = (ticket, timer)
        timer.start()
        self._jobs.put((ticket, slip))
        if self._thread is None:
            self._thread = threading.Thread(target=self._work, name="kiosk-printer", daemon=True)
            self._thread.start()

    @property
    def pending(self) -> int:
        """Slips sent and neither printed, failed nor given up on."""
        return len(self._waiting)

    def _work(self) -> None:
        while True:
            ticket, slip = self._jobs.get()
            with self._given_up_lock:
                if ticket.id in self._given_up:
                    self._given_up.discard(ticket.id)
                    continue
            try:
                print_escpos(self.settings, slip)
            except Exception as exc:  # PrinterFailed, or whatever a device raised
                failure: Exception | None = exc
            else:
                failure = None
            with self._given_up_lock:  # given up on while it printed: nothing left to skip
                self._given_up.discard(ticket.id)
            try:
                self._sig_ended.emit(ticket.id, failure)
            except RuntimeError:  # the window is gone: nobody to tell
                return

    def _ended(self, ticket_id: str, failure: Exception | None) -> None:
        waiting = self._waiting.pop(ticket_id, None)
        if waiting is None:  # already reported as overdue, maybe after the slip had printed
            with self._given_up_lock:
                self._given_up.discard(ticket_id)
            return
        ticket, timer = waiting
        timer.stop()
        timer.deleteLater()
        if failure is not None:
            self.sig_failed.emit(ticket, failure)

    def _overdue(self, ticket_id: str) -> None:
        waiting = self._waiting.pop(ticket_id, None)
        if waiting is None:
            return
        ticket, timer = waiting
        timer.deleteLater()
        with self._given_up_lock:
            self._given_up.add(ticket_id)
        waited = timer.interval() / 1000
        kind = self.settings.escpos_kind
        self.sig_failed.emit(ticket, PrinterFailed(f"ESC/POS printer ({kind}): no answer in {waited:g} s"))
