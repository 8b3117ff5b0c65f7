"""Identification at the kiosk: a card or phone number gives the customer's priority class and appointment.

A customer whose tier is one of ``vip_tiers`` (default: the tiers marked ``vip`` in the branch's
tiers.toml) gets the VIP head start; anyone else found gets a regular ticket linked to their profile.
The kiosk's screen is public: the identity carries the family name's initial to greet by, never the tier.
The look-up goes through CustomerService as the kiosk's own
actor (Role.KIOSK), so it is audited like any other (a miss too). With an AppointmentService the
identity also carries the customer's appointment of the day, and ``check_in`` turns it into the
APPOINTMENT ticket when the customer is inside its arrival window.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from models.staff.session import KIOSK_STAFF_ID, machine_session
from queueing.core.tickets import PriorityClass
from queueing.customers.identity_keys import LookupKind

if TYPE_CHECKING:  # the service loads rule_engine: a kiosk without identification need not pay for it
    from models.appointments.service import ApplicableView, AppointmentService, CheckIn
    from models.customers.service import CustomerService

__all__ = ["KIOSK_STAFF_ID", "KioskIdentity", "KioskLookup"]


@dataclass(frozen=True)
class KioskIdentity:
    customer_id: str
    priority: PriorityClass
    greeting_name: str  # "P.", "王*": the family name's first letter, nothing more
    # The customer's appointment that concerns this moment (in its window, later today, or missed), if any.
    appointment: ApplicableView | None = None


class KioskLookup:
    def __init__(
        self,
        customers: CustomerService,
        station_id: str,
        vip_tiers: frozenset[str] | None = None,
        appointments: AppointmentService | None = None,
    ) -> None:
        self.customers = customers
        self.vip_tiers = customers.tiers.vip_codes if vip_tiers is None else vip_tiers
        self.appointments = appointments
        # The kiosk's own role: a profile view and appointment check-ins, under its own id in the audit log.
        self.actor = machine_session(customers.branch_id, station_id, customers.clock.now())

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
        customer_id = str(profile.customer_id)
        appointment = self.appointments.applicable(self.actor, customer_id) if self.appointments else None
        return KioskIdentity(customer_id, priority, profile.greeting_name, appointment)

    def check_in(self, appointment_id: int) -> CheckIn:
        """Check the appointment in: it is marked arrived and its APPOINTMENT ticket is issued."""
        if self.appointments is None:
            raise ValueError("this kiosk has no appointment service")
        return self.appointments.check_in(self.actor, appointment_id)
