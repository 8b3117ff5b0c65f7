"""Counters (windows) and the profiles that say what each one serves."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum


class CounterStatus(StrEnum):
    CLOSED = "closed"
    OPEN = "open"
    PAUSED = "paused"


class PauseReason(StrEnum):
    LUNCH = "lunch"
    BREAK = "break"
    BACK_OFFICE = "back_office"
    OTHER = "other"


LEVELS = (1, 2, 3, 4)


@dataclass(slots=True)
class Counter:
    id: str
    name: str
    # category code -> precedence level 1 (first) .. 4 (only when nothing better waits)
    profile: dict[str, int] = field(default_factory=dict)
    status: CounterStatus = CounterStatus.CLOSED
    staff: str | None = None
    current: str | None = None
    pause_reason: str | None = None
    status_since: datetime | None = None

    def serves(self, category: str) -> bool:
        return category in self.profile

    @property
    def is_serving_queue(self) -> bool:
        return self.status is CounterStatus.OPEN
