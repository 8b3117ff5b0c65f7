"""The station's view of the customer services: look a customer up, open a profile, record a prompt's outcome.

Plain glue over models.customers.service and models.marketing.crosssell_service; it turns the signed-in
session signing in returned on to those services, which check and audit it.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, TypeVar

from models.staff.session import StaffSession
from models.station.service import UpstreamUnreachable, is_link_failure
from queueing.customers.identity_keys import LookupKind
from queueing.customers.masking import normalize_number

if TYPE_CHECKING:  # these pull in rule_engine (a second of start-up): imported when a desk is built
    from models.customers.service import CustomerService
    from models.marketing.crosssell_service import CrossSellService
    from models.marketing.follow_ups import FollowUpService
    from queueing.crosssell.screen import Prompt
    from queueing.customers.profile_view import ProfileView
    from queueing.customers.profiles import FollowUp

T = TypeVar("T")
CARD_MIN_DIGITS = 15
_KOREAN_ID = re.compile(r"\d{6}-\d{7}")


def guess_kind(value: str) -> LookupKind:
    """What a typed number most likely is; the teller can still change the kind.

    Letters (a DNI's check letter, an X in a Chinese ID) or the 6-7 digit form of a Korean
    resident number mean an ID; 18 characters an ID; 15 or more digits a card; anything else a phone.
    """
    text = value.strip().upper()
    normalized = normalize_number(text)
    if any(c.isalpha() for c in normalized) or _KOREAN_ID.fullmatch(text) or len(normalized) == 18:
        return LookupKind.ID_NUMBER
    if len(normalized) >= CARD_MIN_DIGITS:
        return LookupKind.CARD_NUMBER
    return LookupKind.PHONE


class CustomerDesk:
    """Customer calls of one station.

    Customers live upstream only (a teller PC keeps no copy of the bank's customers), and every
    view is audited there: a synced station that works offline says so at once instead of waiting
    for a dead link, and a link that fails during a call is reported the same way.
    """

    def __init__(
        self,
        customers: CustomerService,
        crosssell: CrossSellService,
        station_id: str,
        online: Callable[[], bool] | None = None,
        notes: FollowUpService | None = None,
    ) -> None:
        self.customers = customers
        self.crosssell = crosssell
        self.station_id = station_id
        self.online = online
        if notes is None and customers is not None:
            from models.marketing.follow_ups import FollowUpService

            zone = customers.zone.key
            notes = FollowUpService(customers.store, customers.branch_id, clock=customers.clock, timezone=zone)
        self.notes = notes

    def _actor(self, staff: StaffSession) -> StaffSession:
        # The session signing in returned: the services check its seal and the account behind it.
        return staff

    def _upstream(self, call: Callable[[], T]) -> T:
        if self.online is not None and not self.online():
            raise UpstreamUnreachable("customer look-up needs the branch server; the station is offline")
        try:
            return call()
        except Exception as exc:
            if is_link_failure(exc):
                raise UpstreamUnreachable(f"customer look-up needs the branch server: {exc}") from exc
            raise

    def find(self, staff: StaffSession, kind: LookupKind, value: str, ticket_id: str | None) -> ProfileView | None:
        return self._upstream(lambda: self.customers.lookup(self._actor(staff), kind, value, ticket_id))

    def open(self, staff: StaffSession, customer_id: int, ticket_id: str | None) -> ProfileView:
        return self._upstream(lambda: self.customers.open_profile(self._actor(staff), customer_id, ticket_id))

    def record(
        self,
        staff: StaffSession,
        customer_id: int,
        prompt: Prompt,
        outcome: str,
        ticket_id: str | None,
        request_id: str | None = None,
    ) -> None:
        """``request_id``: the station's id of this answer, the same when it is sent again (it counts once)."""
        from queueing.crosssell.rules import Outcome

        self._upstream(
            lambda: self.crosssell.record_outcome(
                self._actor(staff), customer_id, prompt, Outcome(outcome), ticket_id, request_id=request_id
            )
        )

    def today(self) -> date:
        return self.notes.today()

    def owners(self, staff: StaffSession) -> dict[str, str]:
        return self._upstream(lambda: self.notes.owners(self._actor(staff)))

    def add_note(self, staff: StaffSession, customer_id: int, text: str) -> FollowUp:
        return self._upstream(lambda: self.notes.add_note(self._actor(staff), customer_id, text))

    def add_follow_up(
        self, staff: StaffSession, customer_id: int, text: str, due_on: date, owner_id: str | None
    ) -> FollowUp:
        from queueing.customers.profiles import Channel

        actor = self._actor(staff)
        return self._upstream(
            lambda: self.notes.add_follow_up(actor, customer_id, Channel.COUNTER, text, due_on, owner_id)
        )
