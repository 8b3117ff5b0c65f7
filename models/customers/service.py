"""Application services for customer profiles: look-up, profile view, reveal, complaints.

Notes and follow-ups are models/marketing/follow_ups.py; the maturity call list models/marketing/call_list.py.

Every call checks the actor's role here (not only in the widgets), runs in one transaction, writes
its audit entry in that same transaction and returns frozen dataclasses, never ORM objects.
"""

from __future__ import annotations

from datetime import date, timedelta
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
from models.customers.tables import ComplaintRow, CustomerRow
from models.staff.session import StaffSession, authorize, check_account, check_session, may
from models.store.database import Store
from queueing.core.clock import Clock, SystemClock
from queueing.core.errors import DomainError, InvalidTransition
from queueing.core.roles import Action, require
from queueing.core.text_rules import COMPLAINT_CATEGORY, COMPLAINT_TEXT, REASON, clean_text
from queueing.crosssell.rules import RuleBook
from queueing.crosssell.screen import select_prompts
from queueing.customers.audit_chain import AuditAction
from queueing.customers.identity_keys import LookupKind, lookup_hash
from queueing.customers.profile_facts import facts_for
from queueing.customers.profile_view import ProfileView, build_profile_view
from queueing.customers.profiles import (
    Channel,
    Complaint,
    ComplaintStatus,
    UnknownComplaint,
    UnknownCustomer,
    full_name,
)
from queueing.customers.tiers import TierTable, load_tiers

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
    ) -> None:
        self.store = store
        self.branch_id = branch_id
        self._key = branch_key
        self.rulebook = rulebook or RuleBook()
        self.tiers = tiers or load_tiers()
        self.clock = clock or SystemClock()
        self.zone = ZoneInfo(timezone)

    def today(self) -> date:
        return self.clock.now().astimezone(self.zone).date()

    # -- profile ---------------------------------------------------------------
    def lookup(
        self, actor: StaffSession, kind: LookupKind, value: str, ticket_id: str | None = None
    ) -> ProfileView | None:
        """The profile of the customer whose ID, card or phone is ``value``, or None (both are audited)."""
        actor = authorize(actor, self.branch_id, Action.VIEW_PROFILE)
        try:
            digest = lookup_hash(self._key, kind, value)
        except ValueError as exc:
            raise DomainError(str(exc), kind=kind.value) from None
        with self.store.write_session() as session:
            check_account(session, actor)
            customer_id = find_customer_id(session, self.branch_id, kind, digest)
            if customer_id is None:
                detail = {"by": kind.value, "ticket": ticket_id}
                append_audit(session, self.branch_id, actor, AuditAction.LOOKUP_MISS, self.clock.now(), None, detail)
                return None
            return self._view(session, actor, customer_id, ticket_id, kind.value)

    def open_profile(self, actor: StaffSession, customer_id: int, ticket_id: str | None = None) -> ProfileView:
        actor = authorize(actor, self.branch_id, Action.VIEW_PROFILE)
        with self.store.write_session() as session:
            check_account(session, actor)
            return self._view(session, actor, customer_id, ticket_id, "customer_id")

    def _view(
        self, session: Session, actor: StaffSession, customer_id: int, ticket_id: str | None, by: str
    ) -> ProfileView:
        customer = load_customer(session, self.branch_id, customer_id)
        if customer is None:
            raise UnknownCustomer(f"no customer {customer_id} in branch {self.branch_id}", customer_id=customer_id)
        now, today = self.clock.now(), self.today()
        rules = self.rulebook.rules
        longest = max((r.cooldown_days for r in rules.rules), default=0)
        declines = recent_pitches(session, customer_id, now - timedelta(days=longest + 1), self.zone)
        prompts = select_prompts(rules, customer, facts_for(customer, self.tiers, today), today, declines)
        view = build_profile_view(customer, self.tiers, today, prompts)
        detail = {"by": by, "ticket": ticket_id, "prompts": [p.rule_code for p in prompts]}
        append_audit(session, self.branch_id, actor, AuditAction.PROFILE_VIEW, now, customer_id, detail)
        return view

    def reveal(self, actor: StaffSession, customer_id: int, field: RevealField, reason: str) -> str:
        """The full name or phone, for supervisors and administrators, with a typed reason; always audited."""
        actor = check_session(actor, self.branch_id)
        if not may(actor, Action.REVEAL):
            with self.store.write_session() as session:
                check_account(session, actor)
                detail = {"field": field.value, "reason": reason.strip()}
                append_audit(session, self.branch_id, actor, AuditAction.REVEAL_DENIED, self.clock.now(), customer_id,
                             detail)
            require(actor.role, Action.REVEAL)
        reason = clean_text(REASON, reason)
        if len(reason) < MIN_REASON_CHARS:
            raise DomainError(f"a reason of at least {MIN_REASON_CHARS} characters is required", field=field.value)
        with self.store.write_session() as session:
            check_account(session, actor)
            row = session.get(CustomerRow, customer_id)
            if row is None or row.branch_id != self.branch_id:
                raise UnknownCustomer(f"no customer {customer_id} in branch {self.branch_id}", customer_id=customer_id)
            value = row.phone if field is RevealField.PHONE else full_name(row.family_name, row.given_name)
            detail = {"field": field.value, "reason": reason}
            append_audit(session, self.branch_id, actor, AuditAction.REVEAL, self.clock.now(), customer_id, detail)
            return value

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
            row = session.get(ComplaintRow, complaint_id)
            if row is None or session.get(CustomerRow, row.customer_id).branch_id != self.branch_id:
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
