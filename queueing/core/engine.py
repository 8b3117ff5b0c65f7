"""An in-memory engine: commands applied straight to state (simulator, tests).

The store's application services do the same, with a transaction in between.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from queueing.core.categories import BranchConfig
from queueing.core.clock import Clock
from queueing.core.commands import Commands
from queueing.core.events import Event, EventType, StationContext
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
        keep_journal: bool = True,
    ) -> None:
        self.state = BranchState(config)
        self.ctx = StationContext(branch_id, station_id, clock, new_id)
        self.commands = Commands(self.state, self.ctx)
        # Every event applied, in order; stays empty with keep_journal=False (a long run nobody reads back).
        self.journal: list[Event] = []
        self._keep = keep_journal
        # Per kind of event, the listeners that want it: one look-up per event, no call for a kind nobody asked.
        self._listening: dict[EventType, list[Callable[[Event], None]]] = {kind: [] for kind in EventType}

    def subscribe(self, listener: Callable[[Event], None], kinds: Iterable[EventType] | None = None) -> None:
        """``listener`` gets every event applied from now on, or only those of ``kinds``."""
        for kind in EventType if kinds is None else kinds:
            self._listening[kind].append(listener)

    def execute(self, decide: Callable[..., list[Event]], *args: Any) -> list[Event]:
        """Run one command (a function of the command set, and of ``args`` after it) and apply its events.

        ``execute(Commands.start, counter_id)`` is ``execute(lambda c: c.start(counter_id))`` without the lambda.
        """
        return self.commit(decide(self.commands, *args))

    def commit(self, events: list[Event]) -> list[Event]:
        """Apply the events a command of ``self.commands`` just returned, as ``execute`` does: a caller that runs
        commands one after another (the simulator, at every customer) calls them straight, without ``decide``'s
        arguments packed anew for each."""
        state, listening = self.state, self._listening
        for event in events:
            apply(state, event)
            if self._keep:
                self.journal.append(event)
            for listener in listening[event.type]:
                listener(event)
        return events
