"""The station's actions: one QAction per counter command, with its keyboard shortcut.

Buttons, menus and the help overlay all show these same actions, so a shortcut is
defined once and the enabled state follows the counter everywhere.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QWidget

from models.branch.records import CounterView

# name -> shortcuts (the first is shown on buttons). Order is the order of the help overlay.
SHORTCUTS: dict[str, tuple[str, ...]] = {
    "call_next": ("F1",),
    "recall": ("F2",),
    "start": ("F3",),
    "finish": ("F4",),
    "no_show": ("F5",),
    "transfer": ("F6",),
    "park": ("F7",),
    "pause": ("F8",),
    "return_parked": ("F9",),
    "call_chosen": ("F10",),
    "identify": ("Ctrl+I",),
    "add_note": ("Ctrl+D",),
    "add_follow_up": ("Ctrl+U",),
    # The first unanswered suggestion on the profile panel (ui/station/profile_panel.PANEL_OUTCOMES).
    "outcome_accepted": ("Alt+1",),
    "outcome_interested": ("Alt+2",),
    "outcome_declined": ("Alt+3",),
    "outcome_not_offered": ("Alt+4",),
    "new_ticket": ("Ctrl+N",),
    "lock": ("Ctrl+L",),
    "close_counter": ("Ctrl+Shift+Q",),
    "next_language": ("Ctrl+Shift+L",),
    "help": ("F12", "?"),
}

# The actions on the identified customer: enabled while a profile is shown.
PROFILE_ACTIONS = (
    "add_note",
    "add_follow_up",
    "outcome_accepted",
    "outcome_interested",
    "outcome_declined",
    "outcome_not_offered",
)

# The actions that act on the counter, shown as buttons on the counter panel.
COUNTER_BUTTONS = (
    "call_next",
    "recall",
    "start",
    "finish",
    "no_show",
    "transfer",
    "park",
    "pause",
    "return_parked",
    "call_chosen",
    "identify",
    "new_ticket",
)


class StationActions(QObject):
    """Holds the actions; ``update_enabled`` follows the counter's state."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.by_name: dict[str, QAction] = {}
        for name, keys in SHORTCUTS.items():
            action = QAction(window)
            action.setObjectName(f"action_{name}")
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            # One press, one command: Qt repeats an action's shortcut while its key is held, and a held F2 recalled
            # the customer until the recalls ran out.
            action.setAutoRepeat(False)
            window.addAction(action)
            self.by_name[name] = action
        self.paused = False
        self.has_profile = False  # notes and follow-ups need an identified customer
        self.retranslate()

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    def retranslate(self) -> None:
        texts = {
            "call_next": self.tr("Call next"),
            "recall": self.tr("Recall"),
            "start": self.tr("Start service"),
            "finish": self.tr("Finish…"),
            "no_show": self.tr("No-show"),
            "transfer": self.tr("Transfer…"),
            "park": self.tr("Park"),
            "pause": self.tr("Resume") if self.paused else self.tr("Pause…"),
            "return_parked": self.tr("Return parked…"),
            "call_chosen": self.tr("Call out of order…"),
            "identify": self.tr("Identify customer…"),
            "add_note": self.tr("Note on the customer…"),
            "add_follow_up": self.tr("Follow-up for the customer…"),
            "outcome_accepted": self.tr("Suggestion accepted"),
            "outcome_interested": self.tr("Suggestion: customer interested"),
            "outcome_declined": self.tr("Suggestion declined"),
            "outcome_not_offered": self.tr("Suggestion not offered"),
            "new_ticket": self.tr("New ticket…"),
            "lock": self.tr("Lock screen"),
            "close_counter": self.tr("Close counter and sign out"),
            "next_language": self.tr("Next language"),
            "help": self.tr("Keyboard shortcuts"),
        }
        for name, text in texts.items():
            self.by_name[name].setText(text)

    def set_signed_in(self, signed_in: bool) -> None:
        """Without a teller at the counter, only the language switch works."""
        for name, action in self.by_name.items():
            action.setEnabled(signed_in or name in ("next_language", "help"))

    def update_enabled(self, counter: CounterView | None, parked: int, max_recalls: int) -> None:
        status = counter.status if counter else "closed"
        current = counter.current if counter else None
        free = status == "open" and current is None
        called = current is not None and current.status == "called"
        serving = current is not None and current.status == "serving"
        recalls = current.recalls if current is not None else 0
        self.paused = status == "paused"
        states = {
            "call_next": free,
            "call_chosen": free,
            "recall": called and recalls < max_recalls,
            "start": called,
            "no_show": called and recalls >= max_recalls,
            "finish": serving,
            "transfer": called or serving,
            "park": called or serving,
            "identify": called or serving,
            "pause": free or self.paused,
            "return_parked": free and parked > 0,
            "new_ticket": True,
            "close_counter": current is None,
            "lock": True,
        }
        states.update(dict.fromkeys(PROFILE_ACTIONS, self.has_profile))
        for name, enabled in states.items():
            self.by_name[name].setEnabled(enabled)
        self.retranslate()
