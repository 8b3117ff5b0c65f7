"""Commands run step by step on one state, as the stations would, keeping the events each step made."""

from __future__ import annotations

from collections.abc import Callable

from queueing.core.commands import Commands
from queueing.core.events import Event
from queueing.core.reducer import apply
from queueing.core.state import BranchState


def run_steps(state: BranchState, commands: Commands, *steps: Callable[[Commands], list[Event]]) -> list[Event]:
    """Each step's events applied to ``state`` before the next step decides; all of them, in order."""
    done = []
    for step in steps:
        for event in step(commands):
            apply(state, event)
            done.append(event)
    return done
