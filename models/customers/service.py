"""Application services for customer profiles: look-up, profile view, reveal, complaints.

Notes and follow-ups are models/marketing/follow_ups.py; the maturity call list models/marketing/call_list.py.

Every call checks the actor's role here (not only in the widgets), runs in one transaction, writes
its audit entry in that same transaction and returns frozen dataclasses, never ORM objects.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from enum import StrEnum
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.audit.log import append_audit
from models.customers.queries import (
    complaint_of,
    find_customer_id,
    insert_complaint,
    load_customer,
    recent_pitches,
)
from models.customers.seal import CustomerSeal
from models.customers.station_lookups_pg import customer_of, profile_document, reveal_document
from models.customers.tables import ComplaintRow, CustomerRow
from models.customers.visit_check import check_visit
from models.customers.visit_refusals import visit_refusals_audited
from models.staff.session import StaffSession, authorize, check_account, check_session, may
from models.store.database import Store
from queueing.config.regions import region_of_zone
from queueing.core.clock import Clock, SystemClock
from queueing.core.errors import DomainError, InvalidTransition
from queueing.core.roles import Action, PermissionDenied, require
from queueing.core.text_rules import COMPLAINT_CATEGORY, COMPLAINT_TEXT, REASON, TextRefused, clean_text
from queueing.crosssell.rules import RuleBook
from queueing.crosssell.screen import Decline, select_prompts
from queueing.customers.audit_chain import AuditAction
from queueing.customers.identity_keys import LookupKind, lookup_hash, phone_hashes
from queueing.customers.profile_facts import facts_for
from queueing.customers.profile_view import NOTES_SHOWN, ProfileView, build_profile_view
from queueing.customers.profiles import (
    Channel,
    Complaint,
    ComplaintStatus,
    Customer,
    UnknownComplaint,
    UnknownCustomer,
)
from queueing.customers.tiers import TierTable, load_tiers
from queueing.customers.visits import refuse

MIN_REASON_CHARS = 5
DEFAULT_COMPLAINT_CATEGORY = "general"


class RevealField(StrEnum):
    """What the store holds in full. ID and card numbers are stored only hashed and masked: nothing to reveal."""

    NAME = "name"
    PHONE = "phone"


class CustomerService:
    """Profiles of one branch as seen from one station. Safe to call from worker threads (a session per call)."""

    def __init__(
        self,
        store: Store,
        branch_id: str,
        branch_key: bytes,
        *,
        rulebook: RuleBook | None = None,
        tiers: TierTable | None = None,
        clock: Clock | None = None,
        timezone: str = "UTC",
        region: str | None = None,
    ) -> None:
        """``region``: the branch's country (BranchConfig.region), in which a phone typed without its country code
        is read; by default the country of ``timezone``."""
        self.store = store
        self.branch_id = branch_id
        self._key = branch_key
        self.seal = CustomerSeal(branch_key)  # opens a sealed name or phone for a reveal
        self.rulebook = rulebook or RuleBook()
        self.tiers = tiers or load_tiers()
        self.clock = clock or SystemClock()
        self.zone = ZoneInfo(timezone)
        self.region = region or region_of_zone(timezone)

    def today(self) -> date:
        return self.clock.now().astimezone(self.zone).date()

    # -- profile ---------------------------------------------------------------
    def lookup(
        self, actor: StaffSession, kind: LookupKind, value: str, ticket_id: str | None = None
    ) -> ProfileView | None:
        """The profile of the customer whose ID, card or phone is ``value``, or None (both are audited).

        A phone is read in the branch's region and matched under each form it may be stored in (one query);
        what cannot be a phone number is refused (NumberRefused) before anything is asked or logged.
        """
        actor = authorize(actor, self.branch_id, Action.VIEW_PROFILE)
        try:
            if kind is LookupKind.PHONE:
                digests = phone_hashes(self._key, value, self.region)
            else:
                digests = (lookup_hash(self._key, kind, value),)
        except ValueError as exc:
            raise DomainError(str(exc), kind=kind.value) from None
        with self.store.write_session() as session:
            check_account(session, actor)
            customer = self._find(session, actor, kind=kind.value, digests=digests, ticket_id=ticket_id)
            if customer is None:
                detail = {"by": kind.value, "ticket": ticket_id}
                append_audit(session, self.branch_id, actor, AuditAction.LOOKUP_MISS, self.clock.now(), None, detail)
                return None
            return self._view(session, actor, customer, ticket_id, kind.value)

    def open_profile(self, actor: StaffSession, customer_id: int, ticket_id: str | None = None) -> ProfileView:
        """The profile of the customer of ``ticket_id``, the visit ``actor`` serves now (NotYourVisit otherwise);
        a supervisor or administrator may name no ticket. An id alone is no key to any customer's profile."""
        actor = authorize(actor, self.branch_id, Action.VIEW_PROFILE)
        audited = visit_refusals_audited(
            self.store, self.branch_id, actor, customer_id, ticket_id, "profile", self.clock
        )
        with audited, self.store.write_session() as session:
            check_account(session, actor)
            if self.store.dialect != "postgresql":  # there the server's function holds the rule (visit_sql.py)
                check_visit(session, actor, customer_id, ticket_id, self.clock.now())
            customer = self._find(session, actor, customer_id=customer_id, ticket_id=ticket_id)
            if customer is None:
                raise UnknownCustomer(f"no customer {customer_id} in branch {self.branch_id}", customer_id=customer_id)
            return self._view(session, actor, customer, ticket_id, "customer_id")

    def _since(self) -> datetime:
        longest = max((r.cooldown_days for r in self.rulebook.rules.rules), default=0)
        return self.clock.now() - timedelta(days=longest + 1)

    def _find(
        self,
        session: Session,
        actor: StaffSession,
        *,
        kind: str | None = None,
        digests: tuple[str, ...] = (),
        customer_id: int | None = None,
        ticket_id: str | None = None,
    ) -> tuple[Customer, tuple[Decline, ...]] | None:
        """The customer and their recent pitches, or None; ``digests`` in order of preference.

        The pitches leave out ``ticket_id``'s own answers, as CrossSellService._check_suggested does when an answer
        is recorded: one screening, so a visit's profile opened again (transferred, parked and returned, Ctrl+I
        again, the station restarted) shows the prompts the visit first showed, and each of them is answerable;
        on PostgreSQL the server's function leaves them out (0033), and its outcome function screens alike.

        On PostgreSQL through the server's function (a station's role cannot read the customer
        tables; the function logs the look-up in this same transaction), elsewhere by query.
        """
        since = self._since()
        if self.store.dialect == "postgresql":
            doc = profile_document(
                session, actor, kind=kind, digests=digests, customer_id=customer_id,
                ticket_id=ticket_id if customer_id is not None else None,  # a look-up's visit is checked nowhere
                since=since, notes=NOTES_SHOWN,
            )
            if doc is None:
                return None
            if doc.get("not_your_visit") and customer_id is not None:
                raise refuse(customer_id, ticket_id)
            declines = tuple(
                Decline(p["product"], p["rule_code"], datetime.fromisoformat(p["at"]).astimezone(self.zone).date())
                for p in doc["pitches"]
            )
            return customer_of(doc), declines
        if customer_id is None:
            if kind is None or not digests:
                raise ValueError("a look-up names a customer id, or a kind of number and its digests")
            customer_id = find_customer_id(session, self.branch_id, LookupKind(kind), digests)
            if customer_id is None:
                return None
        customer = load_customer(session, self.branch_id, customer_id)
        if customer is None:
            return None
        return customer, recent_pitches(session, customer_id, since, self.zone, outside_ticket=ticket_id)

    def _view(
        self,
        session: Session,
        actor: StaffSession,
        found: tuple[Customer, tuple[Decline, ...]],
        ticket_id: str | None,
        by: str,
    ) -> ProfileView:
        customer, declines = found
        now, today = self.clock.now(), self.today()
        prompts = select_prompts(
            self.rulebook.rules, customer, facts_for(customer, self.tiers, today), today, declines
        )
        view = build_profile_view(customer, self.tiers, today, prompts)
        detail = {"by": by, "ticket": ticket_id, "prompts": [p.rule_code for p in prompts]}
        append_audit(session, self.branch_id, actor, AuditAction.PROFILE_VIEW, now, customer.id, detail)
        return view

    def reveal(self, actor: StaffSession, customer_id: int, field: RevealField, reason: str) -> str:
        """The full name or phone, for supervisors and administrators, with a typed reason; always audited."""
        actor = check_session(actor, self.branch_id)
        if not may(actor, Action.REVEAL):
            with self.store.write_session() as session:
                check_account(session, actor)
                detail = {"field": field.value, "reason": _loggable_reason(reason)}
                append_audit(session, self.branch_id, actor, AuditAction.REVEAL_DENIED, self.clock.now(), customer_id,
                             detail)
            require(actor.role, Action.REVEAL)
        reason = clean_text(REASON, reason)
        if len(reason) < MIN_REASON_CHARS:
            raise DomainError(f"a reason of at least {MIN_REASON_CHARS} characters is required", field=field.value)
        detail = {"field": field.value, "reason": reason}
        with self.store.write_session() as session:
            check_account(session, actor)
            found = self._sealed(session, actor, customer_id, field, reason)
            if found is None:  # the server refused: its record and ours are committed, then the refusal raised
                append_audit(
                    session, self.branch_id, actor, AuditAction.REVEAL_DENIED, self.clock.now(), customer_id, detail
                )
            else:
                customer_no, sealed = found
                if field is RevealField.PHONE:
                    value = self.seal.phone(self.branch_id, customer_no, sealed)
                else:
                    value = self.seal.full_name(self.branch_id, customer_no, sealed)
                append_audit(session, self.branch_id, actor, AuditAction.REVEAL, self.clock.now(), customer_id, detail)
        if found is None:
            raise PermissionDenied(f"{actor.staff_id} may not reveal customers' details", staff=actor.staff_id)
        return value

    def _sealed(
        self, session: Session, actor: StaffSession, customer_id: int, field: RevealField, reason: str
    ) -> tuple[str, str] | None:
        """(customer number, the sealed value); None when the server's function refused the account's role."""
        if self.store.dialect == "postgresql":
            doc = reveal_document(session, actor, customer_id, field.value, reason)
            if doc is not None and doc.get("denied"):
                return None
            if doc is None:
                raise UnknownCustomer(f"no customer {customer_id} in branch {self.branch_id}", customer_id=customer_id)
            return doc["customer_no"], doc["sealed"]
        row = session.get(CustomerRow, customer_id)
        if row is None or row.branch_id != self.branch_id:
            raise UnknownCustomer(f"no customer {customer_id} in branch {self.branch_id}", customer_id=customer_id)
        return row.customer_no, row.phone_sealed if field is RevealField.PHONE else row.name_sealed

    # -- complaints --------------------------------------------------------------
    def add_complaint(
        self,
        actor: StaffSession,
        customer_id: int,
        text: str,
        channel: Channel,
        category: str = DEFAULT_COMPLAINT_CATEGORY,
    ) -> Complaint:
        """Record an open complaint (any staff member); it shows on the profile until a supervisor resolves it.

        The complaint row has no channel column: the channel it came in by is kept in the audit entry.
        """
        actor = authorize(actor, self.branch_id, Action.ADD_COMPLAINT)
        text, category = clean_text(COMPLAINT_TEXT, text), clean_text(COMPLAINT_CATEGORY, category)
        now = self.clock.now()
        with self.store.write_session() as session:
            check_account(session, actor)
            self._check_customer(session, customer_id)
            complaint = insert_complaint(session, customer_id, now, category, text)
            detail = {"complaint_id": complaint.id, "channel": channel.value, "category": category}
            append_audit(session, self.branch_id, actor, AuditAction.COMPLAINT_ADDED, now, customer_id, detail)
            return complaint

    def resolve_complaint(self, actor: StaffSession, complaint_id: int, resolution: str) -> Complaint:
        """Close an open complaint (supervisors and administrators); the resolution text goes into the audit log."""
        actor = authorize(actor, self.branch_id, Action.RESOLVE_COMPLAINT)
        resolution = clean_text(REASON, resolution)
        if len(resolution) < MIN_REASON_CHARS:
            raise DomainError(f"a resolution of at least {MIN_REASON_CHARS} characters is required")
        now = self.clock.now()
        with self.store.write_session() as session:
            check_account(session, actor)
            # Locked: on PostgreSQL another supervisor resolving it at the same time waits, then finds it resolved.
            row = session.get(ComplaintRow, complaint_id, with_for_update=True)
            customer = session.get(CustomerRow, row.customer_id) if row is not None else None
            if row is None or customer is None or customer.branch_id != self.branch_id:
                raise UnknownComplaint(
                    f"no complaint {complaint_id} in branch {self.branch_id}", complaint_id=complaint_id
                )
            if row.status != ComplaintStatus.OPEN.value:
                raise InvalidTransition(f"complaint {complaint_id} is already {row.status}", complaint_id=complaint_id)
            row.status, row.resolved_at = ComplaintStatus.RESOLVED.value, now
            session.flush()
            detail = {"complaint_id": complaint_id, "resolution": resolution}
            append_audit(session, self.branch_id, actor, AuditAction.COMPLAINT_RESOLVED, now, row.customer_id, detail)
            return complaint_of(row)

    def _check_customer(self, session: Session, customer_id: int) -> None:
        branch = session.scalar(select(CustomerRow.branch_id).where(CustomerRow.id == customer_id))
        if branch != self.branch_id:
            raise UnknownCustomer(f"no customer {customer_id} in branch {self.branch_id}", customer_id=customer_id)


def _loggable_reason(reason: object) -> str | None:
    """A refused reveal's reason as the append-only log may keep it; None when no clean reason could be (too
    long, control or direction characters, unencodable): the refusal is logged all the same."""
    try:
        return clean_text(REASON, reason)
    except TextRefused:
        return None
