"""Identification at the kiosk: a card or phone number gives the customer's priority class.

A customer whose tier is one of ``vip_tiers`` gets the VIP head start; anyone else found gets a
regular ticket linked to their profile. The look-up goes through CustomerService as the kiosk's own
actor, so it is audited like any other (a miss too). Appointments are not modelled by the customer
service yet, so the kiosk cannot route appointment customers.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from queueing.identity_keys import LookupKind
from queueing.roles import Actor, Role
from queueing.tickets import PriorityClass

if TYPE_CHECKING:  # the service loads rule_engine: a kiosk without identification need not pay for it
    from models.customer_service import CustomerService

DEFAULT_VIP_TIERS = frozenset({"platinum", "diamond", "private_banking"})
KIOSK_STAFF_ID = "KIOSK"


@dataclass(frozen=True)
class KioskIdentity:
    customer_id: str
    priority: PriorityClass
    tier_names: dict[str, str]

    def tier_name(self, language: str) -> str:
        return self.tier_names.get(language) or self.tier_names.get("en", "")


class KioskLookup:
    def __init__(
        self, customers: CustomerService, station_id: str, vip_tiers: frozenset[str] = DEFAULT_VIP_TIERS
    ) -> None:
        self.customers = customers
        self.vip_tiers = vip_tiers
        # The kiosk looks up with teller rights (a profile view), recorded under its own id in the audit log.
        self.actor = Actor(staff_id=KIOSK_STAFF_ID, role=Role.TELLER, station_id=station_id)

    def identify(self, kind: LookupKind, value: str) -> KioskIdentity | None:
        """The customer's identity for the ticket, or None when nobody has this card or phone.

        Raises DomainError for a value that is not a card or phone number at all.
        """
        if kind not in (LookupKind.CARD_NUMBER, LookupKind.PHONE):
            raise ValueError("the kiosk identifies by card or phone only")
        profile = self.customers.lookup(self.actor, kind, value)
        if profile is None:
            return None
        priority = PriorityClass.VIP if profile.tier_code in self.vip_tiers else PriorityClass.REGULAR
        return KioskIdentity(str(profile.customer_id), priority, dict(profile.tier_names))
