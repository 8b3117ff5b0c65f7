"""An in-memory engine: commands applied straight to state (simulator, tests).

The store's application services do the same, with a transaction in between.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from queueing.core.categories import BranchConfig
from queueing.core.clock import Clock
from queueing.core.commands import Commands
from queueing.core.events import Event, StationContext
from queueing.core.reducer import apply
from queueing.core.state import BranchState


class Engine:
    def __init__(
        self,
        config: BranchConfig,
        clock: Clock,
        branch_id: str = "B1",
        station_id: str = "S1",
        new_id: Callable[[], str] | None = None,
    ) -> None:
        self.state = BranchState(config)
        self.ctx = StationContext(branch_id, station_id, clock, new_id)
        self.commands = Commands(self.state, self.ctx)
        self.journal: list[Event] = []
        self._listeners: list[Callable[[Event], None]] = []

    def subscribe(self, listener: Callable[[Event], None]) -> None:
        self._listeners.append(listener)

    def execute(self, decide: Callable[..., list[Event]], *args: Any) -> list[Event]:
        """Run one command (a function of the command set, and of ``args`` after it) and apply its events.

        ``execute(Commands.start, counter_id)`` is ``execute(lambda c: c.start(counter_id))`` without the lambda.
        """
        events = decide(self.commands, *args)
        state, journal, listeners = self.state, self.journal, self._listeners
        for event in events:
            apply(state, event)
            journal.append(event)
            for listener in listeners:
                listener(event)
        return events
