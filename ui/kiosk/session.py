"""One customer's session at the kiosk: a single inactivity timer that every touch, click and key restarts.

A customer who walks away must not leave their language, their priority choice or their identity to the
next person. One timer watches the whole kiosk window: any press, touch or key inside it (the on-screen
keypad, a physical numeric keypad, the language buttons) starts it again with the time the current page
allows, and when it runs out the kiosk goes back to its first page, default language, priority off.
The times per page come from ``resources/kiosk.toml``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QWidget

import resources
from queueing.config.files import config_file, load_config
from queueing.config.schemas.hall import KioskFile

KIOSK_FILE = Path(resources.__file__).resolve().parent / "kiosk.toml"

ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseButtonRelease,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.KeyPress,
        QEvent.Type.Wheel,
    }
)


@dataclass(frozen=True)
class KioskTimeouts:
    """Seconds of inactivity each page allows before the kiosk starts over."""

    choose_s: float = 30.0  # the service tiles, after a language, priority or identity choice
    identify_s: float = 60.0  # typing a 16- to 19-digit card number on the keypad takes time
    ticket_s: float = 15.0  # reading the number and taking the printed ticket

    def for_page(self, page: str) -> float:
        return {"choose": self.choose_s, "identify": self.identify_s, "ticket": self.ticket_s}[page]


def load_kiosk_timeouts(path: Path | None = None) -> KioskTimeouts:
    """The ``[timeouts]`` table of kiosk.toml (the branch's own, else the packaged one); a bad file raises
    ConfigError naming the file, the key and the reason."""
    doc = load_config(path or config_file("kiosk.toml"), KioskFile)
    t = doc.timeouts
    return KioskTimeouts(choose_s=t.choose_s, identify_s=t.identify_s, ticket_s=t.ticket_s)


class InactivitySession(QObject):
    """Restarts one timer on every press, touch or key inside ``window``; ``sig_expired`` when it runs out."""

    sig_expired = Signal()
    """Emitted once when the current page's time passed with no touch or key in the window."""

    def __init__(self, window: QWidget, timeouts: KioskTimeouts) -> None:
        super().__init__(window)
        self.timeouts = timeouts
        self.page = "choose"
        self._timer = QTimer(self, singleShot=True)
        self._timer.timeout.connect(self.sig_expired)
        # A press lands on the child under the finger, not on the window: every widget of the window gets
        # the filter, and widgets added later (service tiles rebuilt when counters open) get it on arrival.
        # Not on the whole application: the demo's other windows must neither pay for it nor restart it.
        self._watch(window)

    def _watch(self, widget: QWidget) -> None:
        widget.installEventFilter(self)
        for child in widget.findChildren(QWidget):
            child.installEventFilter(self)

    @property
    def active(self) -> bool:
        return self._timer.isActive()

    def remaining_ms(self) -> int:
        return self._timer.remainingTime() if self._timer.isActive() else -1

    def restart(self, page: str | None = None) -> None:
        """Start counting again, with ``page``'s time when given (the kiosk just showed that page)."""
        if page is not None:
            self.page = page
        self._timer.start(round(self.timeouts.for_page(self.page) * 1000))

    def stop(self) -> None:
        self._timer.stop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if getattr(self, "_timer", None) is None:
            return False  # the window is being torn down: its widgets still send events for a moment
        kind = event.type()
        if kind in ACTIVITY:
            self.restart()
        elif kind in (QEvent.Type.ChildAdded, QEvent.Type.ChildPolished) and isinstance(event.child(), QWidget):
            self._watch(event.child())
        return False
