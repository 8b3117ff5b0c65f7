"""A PC's clocks moved by hand: a wall clock anyone can set, a monotonic one that only runs, and its run."""

from datetime import UTC, datetime, timedelta

from queueing.core.clock import SystemClock

NINE = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # 09:00 in Shanghai, a Monday


class PcClock(SystemClock):
    """A SystemClock, so that a station corrects it as it would the real one."""

    def __init__(self) -> None:
        self.wall, self.mono, self.run_id = NINE, 5_000.0, "run-1"

    def now(self) -> datetime:
        return self.wall

    def monotonic(self) -> float:
        return self.mono

    def elapse(self, seconds: float, wall_step_s: float = 0.0) -> None:
        """``seconds`` go by, and the wall clock is set by ``wall_step_s`` meanwhile."""
        self.mono += seconds
        self.wall += timedelta(seconds=seconds + wall_step_s)
