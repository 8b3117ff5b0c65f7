"""The one type a window depends on for staff: the branch's StaffService, or a synced station's StationStaff."""

from __future__ import annotations

from typing import Protocol

from models.staff.service import StaffView
from models.staff.session import StaffSession


class StaffFacade(Protocol):
    def verify(self, staff_id: str, pin: str, station_id: str = "") -> StaffSession:
        """The session of a right PIN; raises for a wrong one, a locked or an inactive account."""
        ...

    def still_serving(self, session: StaffSession) -> None:
        """AccountEnded if the session's account was deactivated or given another role since it signed in."""
        ...

    def get(self, staff_id: str) -> StaffView | None: ...

    def accounts(self) -> list[StaffView]: ...

    def most_used_transactions(self, staff_id: str, limit: int = ...) -> list[str]: ...
