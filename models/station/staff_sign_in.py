"""Sign-in at a synced station: upstream while online, the station's own copy of the staff while offline.

Offline a PIN is checked against the argon2 hash copied at the last sync, and the session is kept
in the station's file; ``replay_sessions`` brings upstream up to date when the station syncs.
A wrong PIN said by upstream is final: only an unreachable upstream falls back to the copy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from models.staff.mirror import hold_locally
from models.staff.service import RECENT_VISITS, SessionView, StaffService, StaffView
from models.staff.session import SignInMode, StaffSession
from models.staff.signing import load_verify_key
from models.station.service import UNREACHABLE, StationService

T = TypeVar("T")


class StationStaff:
    """StaffService's calls for one synced station (the window uses it in place of a StaffService)."""

    def __init__(self, station: StationService) -> None:
        self.station = station
        self.branch_id = station.branch_id
        self.upstream = StaffService(station.upstream_store, station.branch_id, station.clock)
        # Offline, an account counts only as the branch signed it, when this station was given the public key.
        self.local = StaffService(
            station.local.store, station.branch_id, station.clock, how=SignInMode.OFFLINE, verify_key=load_verify_key()
        )

    def _ask_upstream(self, call: Callable[[StaffService], T]) -> tuple[bool, T | None]:
        """(True, answer) from upstream while online; (False, None) when offline or the link just failed."""
        if not self.station.online:
            return False, None
        try:
            with self.station.upstream_deadline():
                return True, call(self.upstream)
        except UNREACHABLE as exc:
            self.station.link_lost(exc)
            return False, None

    def _either(self, call: Callable[[StaffService], T]) -> T:
        answered, answer = self._ask_upstream(call)
        return answer if answered else call(self.local)  # type: ignore[return-value]

    def verify(self, staff_id: str, pin: str) -> StaffSession:
        return self._either(lambda s: s.verify(staff_id, pin, self.station.station_id))

    def get(self, staff_id: str) -> StaffView | None:
        return self._either(lambda s: s.get(staff_id))

    def list(self) -> list[StaffView]:
        return self._either(lambda s: s.list())

    def session_at(self, counter_id: str) -> SessionView | None:
        return self._either(lambda s: s.session_at(counter_id))

    def sign_in(self, staff_id: str, pin: str, counter_id: str, station_id: str) -> StaffSession:
        """Upstream decides who holds the counter when it can be asked; offline the station's copy checks the PIN."""
        answered, staff = self._ask_upstream(lambda s: s.sign_in(staff_id, pin, counter_id, station_id))
        if not answered:
            staff = self.local.verify(staff_id, pin, station_id)
        assert staff is not None
        hold_locally(self.local.store, self.branch_id, staff.id, counter_id, station_id, self.station.clock.now())
        return staff

    def sign_out(self, staff_id: str, counter_id: str) -> None:
        self.local.sign_out(staff_id, counter_id)
        self._ask_upstream(lambda s: s.sign_out(staff_id, counter_id))  # offline: the next sync replays it

    def most_used_transactions(self, staff_id: str, limit: int = RECENT_VISITS) -> list[str]:
        # The station's file holds every visit it pulled: no need to ask upstream.
        return self.local.most_used_transactions(staff_id, limit)
