"""Sign-in at a synced station: upstream while online, the station's own copy of the staff while offline.

Offline a PIN is checked against the argon2 hash copied at the last sync. Taking the counter is a
command like any other (models/station/counter_session.py): its events sync with the rest of the journal.
A wrong PIN said by upstream is final: only an unreachable upstream falls back to the copy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from models.staff.mirror import STATION_ROLES
from models.staff.seen import SeenVersions
from models.staff.service import RECENT_VISITS, StaffCopyUnverifiable, StaffService, StaffView
from models.staff.session import SignInMode, StaffSession
from models.staff.signing import PUBLIC_NAME, load_verify_key
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
            station.local.store,
            station.branch_id,
            station.clock,
            how=SignInMode.OFFLINE,
            verify_key=load_verify_key(),
            seen=SeenVersions.beside(station.local.store),
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

    def verify(self, staff_id: str, pin: str, station_id: str = "") -> StaffSession:
        answered, session = self._ask_upstream(lambda s: s.verify(staff_id, pin, station_id or self.station.station_id))
        if answered:
            return session  # type: ignore[return-value]
        if self.local.verify_key is None:
            # Without the public key any row of this file would do: one edited to a known PIN hash signed in.
            raise StaffCopyUnverifiable(
                f"offline sign-in needs the branch's {PUBLIC_NAME} in this station's configuration folder; "
                "copy it from the administrator's PC, or sign in when the branch server answers"
            )
        return self.local.verify(staff_id, pin, station_id or self.station.station_id)

    def still_serving(self, session: StaffSession) -> None:
        if session.role.value in STATION_ROLES:
            # A teller's row as the copy holds it, no round trip: this runs before every queue command, and
            # the copy learns of a deactivation within a minute online (models/station/sync.py, STAFF_MIRROR_S).
            self.local.still_serving(session)
        else:
            # A supervisor's row here is kept inactive, without a PIN hash (models/staff/mirror.py): only
            # upstream can tell. Offline it passes, as nothing here could say otherwise.
            self._ask_upstream(lambda s: s.still_serving(session))

    def get(self, staff_id: str) -> StaffView | None:
        return self._either(lambda s: s.get(staff_id))

    def accounts(self) -> list[StaffView]:
        return self._either(lambda s: s.accounts())

    def most_used_transactions(self, staff_id: str, limit: int = RECENT_VISITS) -> list[str]:
        # The station's file holds every visit it pulled: no need to ask upstream.
        return self.local.most_used_transactions(staff_id, limit)
