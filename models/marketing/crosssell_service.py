"""Application services for cross-sell: record each prompt's outcome, report conversion, reload the rules."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from decimal import Decimal
from enum import StrEnum
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.exc import DBAPIError

from models.audit.log import append_audit
from models.customers.answer_screen_sql import REFUSALS as SCREEN_REFUSALS
from models.customers.answer_screen_sql import RULEBOOK_MISSING
from models.customers.queries import (
    follow_up_of,
    from_cents,
    insert_follow_up,
    load_customer,
    of_final_customer,
    recent_pitches,
)
from models.customers.station_lookups_pg import follow_up_from
from models.customers.station_writes_pg import record_outcome
from models.customers.tables import CrossSellOutcomeRow, CustomerRow, FollowUpRow, HoldingRow
from models.customers.visit_check import check_visit
from models.customers.visit_refusals import visit_refusals_audited
from models.marketing.rulebook_publish import publish_rulebook
from models.staff.session import StaffSession, authorize, check_account
from models.store.database import Store
from models.store.utc import as_utc
from queueing.core.clock import Clock, SystemClock
from queueing.core.errors import DomainError
from queueing.core.roles import Action
from queueing.core.text_rules import FOLLOW_UP_TEXT, clean_text
from queueing.crosssell.outcome import NotSuggested, RulesNotPublished
from queueing.crosssell.report import CrossSellReport, Pitch, build_report
from queueing.crosssell.rules import Outcome, RuleBook, RuleSet
from queueing.crosssell.screen import Prompt, select_prompts
from queueing.customers.audit_chain import AuditAction
from queueing.customers.profile_facts import facts_for
from queueing.customers.profiles import NON_ASSET_KINDS, Channel, FollowUp, ProductKind, UnknownCustomer
from queueing.customers.tiers import TierTable, load_tiers
from queueing.customers.visits import ANSWER_AFTER_FINISH, refuse

DEFAULT_FOLLOW_UP_DAYS = 7
REQUEST_ID_CHARS = 64  # crosssell_outcome.request_id
# The note of an "interested" answer becomes a follow-up's text: the same rule, but it may be left out.
FOLLOW_UP_NOTE = replace(FOLLOW_UP_TEXT, required=False)
_NO_CONSENT = "customer {} opted out of marketing: no prompt outcome is recorded"
_REQUEST_TAKEN = "answer id {} is another answer's (another customer, prompt or teller): nothing is recorded"


class ReportKey(StrEnum):
    RULE = "rule_code"
    PRODUCT = "product"
    TELLER = "staff_id"


@dataclass(frozen=True)
class OutcomeRecord:
    id: int
    customer_id: int
    rule_code: str
    product: str
    outcome: Outcome
    staff_id: str
    station_id: str
    ticket_id: str | None
    at: datetime
    follow_up_id: int | None
    follow_up: FollowUp | None = None  # the note itself, returned by record_outcome only


@dataclass(frozen=True)
class ConversionRow:
    key: str  # the rule code, product or teller
    counts: dict[Outcome, int]

    @property
    def offered(self) -> int:
        return sum(n for outcome, n in self.counts.items() if outcome is not Outcome.NOT_OFFERED)

    @property
    def conversion(self) -> float:
        """Accepted out of offered (prompts not offered do not count against the teller)."""
        return self.counts.get(Outcome.ACCEPTED, 0) / self.offered if self.offered else 0.0


class CrossSellService:
    def __init__(
        self,
        store: Store,
        branch_id: str,
        rulebook: RuleBook,
        *,
        clock: Clock | None = None,
        timezone: str = "UTC",
        tiers: TierTable | None = None,
    ) -> None:
        self.store = store
        self.branch_id = branch_id
        self.rulebook = rulebook
        self.tiers = tiers or load_tiers()
        self.clock = clock or SystemClock()
        self.zone = ZoneInfo(timezone)

    def record_outcome(
        self,
        actor: StaffSession,
        customer_id: int,
        prompt: Prompt,
        outcome: Outcome,
        ticket_id: str | None = None,
        follow_up_on: date | None = None,
        note: str = "",
        request_id: str | None = None,
    ) -> OutcomeRecord:
        """Record what the customer said to ``prompt``; 'interested' also schedules a follow-up.

        Only in the visit: ``ticket_id`` must be the one ``actor`` serves now at their counter, linked to this
        customer, or one they finished at most ANSWER_AFTER_FINISH ago (queueing/customers/visits.py); NotYourVisit
        otherwise. Without a ticket only a supervisor or an administrator records an answer.

        The answer counts once when it is sent again (its first reply lost): by the ticket's outcome of the rule,
        and by ``request_id``, the caller's own id of this answer, repeated with its retry (an answer outside a
        visit has no ticket).
        """
        actor = authorize(actor, self.branch_id, Action.RECORD_OUTCOME)
        if request_id is not None and not 0 < len(request_id) <= REQUEST_ID_CHARS:
            raise DomainError(f"an answer id is 1 to {REQUEST_ID_CHARS} characters", request_id=request_id[:80])
        rule = self.rulebook.rules.by_code(prompt.rule_code)
        if rule is None or rule.product != prompt.product:
            # The prompt is the caller's: a pitch of a product no rule offers would still count (and earn).
            raise DomainError(
                f"no cross-sell rule {prompt.rule_code!r} offers {prompt.product!r}", rule=prompt.rule_code
            )
        now = self.clock.now()
        today = now.astimezone(self.zone).date()
        if outcome is Outcome.INTERESTED:
            follow_up_on = follow_up_on or today + timedelta(days=DEFAULT_FOLLOW_UP_DAYS)
            if follow_up_on < today:
                raise DomainError("the follow-up date is in the past", follow_up_on=follow_up_on.isoformat())
        follow_up: tuple[str, date] | None = None
        if outcome is Outcome.INTERESTED and follow_up_on is not None:
            said = clean_text(FOLLOW_UP_NOTE, note) or f"Interested in {prompt.product} ({prompt.rule_code}): call back"
            follow_up = (said, follow_up_on)
        audited = visit_refusals_audited(
            self.store, self.branch_id, actor, customer_id, ticket_id, "outcome", self.clock
        )
        with audited, self.store.write_session() as session:
            check_account(session, actor)
            if self.store.dialect == "postgresql":  # a station's role writes customers' rows through the server
                record, repeated = self._record_on_server(session, actor, customer_id, prompt, outcome, ticket_id,
                                                          now, follow_up, request_id)
            else:
                record, repeated = self._record_here(session, actor, customer_id, prompt, outcome, ticket_id, now,
                                                     follow_up, request_id)
            if repeated:
                # The same visit's answer to the same prompt, sent again (its first answer lost on the way back):
                # it counts once, in conversion and in the piece rate alike.
                if record.outcome is not outcome:
                    raise DomainError(
                        f"the outcome of {prompt.rule_code} for {f'ticket {ticket_id}' if ticket_id else 'this answer'}"
                        f" is already recorded as {record.outcome.value}", rule=prompt.rule_code, ticket=ticket_id,
                    )
                return record
            detail = {
                "rule": prompt.rule_code,
                "product": prompt.product,
                "outcome": outcome.value,
                "ticket": ticket_id,
                "follow_up_id": record.follow_up_id,
            }
            append_audit(session, self.branch_id, actor, AuditAction.PROMPT_OUTCOME, now, customer_id, detail)
            return record

    def _record_here(
        self, session, actor: StaffSession, customer_id: int, prompt: Prompt, outcome: Outcome,
        ticket_id: str | None, now: datetime, follow_up_with: tuple[str, date] | None, request_id: str | None,
    ) -> tuple[OutcomeRecord, bool]:  # fmt: skip
        """The record and whether it was already there (the same answer id, or the same ticket's outcome of the
        same rule).

        Anything but the account's own answer sent again needs the visit (models/customers/visit_check.py): a
        retry of an answer saved just before the link dropped at its COMMIT counts once, even when it comes back
        after the visit's grace.
        """
        earlier = self._earlier(session, actor, customer_id, prompt, ticket_id, request_id)
        if earlier is None or earlier.staff_id != actor.staff_id:
            check_visit(session, actor, customer_id, ticket_id, now, ANSWER_AFTER_FINISH)
        found = session.execute(
            select(CustomerRow.branch_id, CustomerRow.marketing_consent).where(CustomerRow.id == customer_id)
        ).first()
        if found is None or found.branch_id != self.branch_id:
            raise UnknownCustomer(f"no customer {customer_id} in branch {self.branch_id}", customer_id=customer_id)
        if not found.marketing_consent:
            raise DomainError(_NO_CONSENT.format(customer_id), customer_id=customer_id)
        if earlier is not None:
            note = session.get(FollowUpRow, earlier.follow_up_id) if earlier.follow_up_id else None
            return _record(earlier, follow_up_of(note) if note else None), True
        self._check_suggested(session, customer_id, prompt, ticket_id, now)
        follow_up = None
        if follow_up_with is not None:
            follow_up = insert_follow_up(
                session, self.branch_id, customer_id, actor.staff_id, now, Channel.COUNTER, *follow_up_with
            )
        row = CrossSellOutcomeRow(
            branch_id=self.branch_id,
            customer_id=customer_id,
            rule_code=prompt.rule_code,
            product=prompt.product,
            outcome=outcome.value,
            staff_id=actor.staff_id,
            station_id=actor.station_id,
            ticket_id=ticket_id,
            at=now,
            follow_up_id=follow_up.id if follow_up else None,
            tier=self._tier_of(session, customer_id),
            request_id=request_id,
        )
        session.add(row)
        session.flush()
        return _record(row, follow_up), False

    def _check_suggested(
        self, session, customer_id: int, prompt: Prompt, ticket_id: str | None, now: datetime
    ) -> None:  # fmt: skip
        """NotSuggested unless the visit showed ``prompt``: the same screening as the profile's (select_prompts on
        the customer's facts and cool-downs now), leaving out this visit's own answers, which started cool-downs
        after the prompts were shown (the second of two prompts stays answerable once the first is answered)."""
        customer = load_customer(session, self.branch_id, customer_id)
        if customer is None:
            raise UnknownCustomer(f"no customer {customer_id} in branch {self.branch_id}", customer_id=customer_id)
        today = now.astimezone(self.zone).date()
        longest = max((r.cooldown_days for r in self.rulebook.rules.rules), default=0)
        declines = recent_pitches(session, customer_id, now - timedelta(days=longest + 1), self.zone, ticket_id)
        rules = self.rulebook.rules
        shown = select_prompts(rules, customer, facts_for(customer, self.tiers, today), today, declines)
        if not any(p.rule_code == prompt.rule_code and p.product == prompt.product for p in shown):
            raise NotSuggested(
                f"cross-sell rule {prompt.rule_code!r} ({prompt.product}) was not suggested for customer {customer_id}"
                f" in {f'visit {ticket_id}' if ticket_id else 'this answer'}: nothing is recorded",
                rule=prompt.rule_code, customer_id=customer_id, ticket=ticket_id,
            )

    def _earlier(
        self, session, actor: StaffSession, customer_id: int, prompt: Prompt, ticket_id: str | None,
        request_id: str | None,
    ) -> CrossSellOutcomeRow | None:  # fmt: skip
        """The answer this one repeats: the one ``request_id`` names (only if it was the same account's answer to
        the same customer and rule: an id is no key to someone else's answer), else the ticket's outcome of the
        rule."""
        if request_id is not None:
            sent = session.scalar(
                select(CrossSellOutcomeRow).where(
                    CrossSellOutcomeRow.branch_id == self.branch_id, CrossSellOutcomeRow.request_id == request_id
                )
            )
            if sent is not None:
                if (sent.customer_id, sent.rule_code, sent.staff_id) != (customer_id, prompt.rule_code, actor.staff_id):
                    raise DomainError(_REQUEST_TAKEN.format(request_id), customer_id=customer_id)
                return sent
        if ticket_id is None:
            return None
        return session.scalar(
            select(CrossSellOutcomeRow)
            .where(
                CrossSellOutcomeRow.branch_id == self.branch_id,
                CrossSellOutcomeRow.customer_id == customer_id,
                CrossSellOutcomeRow.ticket_id == ticket_id,
                CrossSellOutcomeRow.rule_code == prompt.rule_code,
            )
            .order_by(CrossSellOutcomeRow.id)
            .limit(1)
        )

    def _record_on_server(
        self, session, actor: StaffSession, customer_id: int, prompt: Prompt, outcome: Outcome,
        ticket_id: str | None, now: datetime, follow_up_with: tuple[str, date] | None, request_id: str | None,
    ) -> tuple[OutcomeRecord, bool]:  # fmt: skip
        try:
            written = record_outcome(
                session, actor, customer_id, now, (prompt.rule_code, prompt.product, outcome.value), ticket_id,
                follow_up_with, self.tiers, request_id,
            )  # fmt: skip
        except DBAPIError as exc:
            # The server screens the answer against the branch's published rulebook (answer_screen_sql.py).
            state = getattr(exc.orig, "sqlstate", None)
            if state not in SCREEN_REFUSALS:
                raise
            diagnostic = getattr(getattr(exc.orig, "diag", None), "message_primary", None) or str(exc.orig)
            details = {"rule": prompt.rule_code, "customer_id": customer_id, "ticket": ticket_id, "sqlstate": state}
            if state == RULEBOOK_MISSING:
                raise RulesNotPublished(diagnostic, **details) from None
            raise NotSuggested(diagnostic, **details) from None
        if written is None:
            raise UnknownCustomer(f"no customer {customer_id} in branch {self.branch_id}", customer_id=customer_id)
        if written.get("not_your_visit"):
            raise refuse(customer_id, ticket_id)
        if written.get("no_consent"):
            raise DomainError(_NO_CONSENT.format(customer_id), customer_id=customer_id)
        if written.get("request_taken"):
            raise DomainError(_REQUEST_TAKEN.format(request_id), customer_id=customer_id)
        row, follow_up = written["outcome"], written["follow_up"]
        return OutcomeRecord(
            id=row["id"],
            customer_id=row["customer_id"],
            rule_code=row["rule_code"],
            product=row["product"],
            outcome=Outcome(row["outcome"]),
            staff_id=row["staff_id"],
            station_id=row["station_id"],
            ticket_id=row["ticket_id"],
            at=datetime.fromisoformat(row["at"]),
            follow_up_id=row["follow_up_id"],
            follow_up=follow_up_from(follow_up) if follow_up else None,
        ), bool(written.get("repeated"))

    def conversion(
        self, actor: StaffSession, since: datetime, until: datetime, by: ReportKey = ReportKey.RULE
    ) -> tuple[ConversionRow, ...]:
        """Outcome counts and conversion per rule, product or teller for outcomes in [since, until): only the answers
        of the customer each visit is linked to in the end, as the piece rate pays them (of_final_customer)."""
        actor = authorize(actor, self.branch_id, Action.VIEW_REPORTS)
        column = getattr(CrossSellOutcomeRow, by.value)
        stmt = of_final_customer(
            select(column, CrossSellOutcomeRow.outcome, func.count()).where(
                CrossSellOutcomeRow.branch_id == self.branch_id,
                CrossSellOutcomeRow.at >= since,
                CrossSellOutcomeRow.at < until,
            ),
            self.branch_id,
        ).group_by(column, CrossSellOutcomeRow.outcome)
        counts: dict[str, Counter[Outcome]] = defaultdict(Counter)
        with self.store.read_session() as session:
            check_account(session, actor)
            for key, outcome, n in session.execute(stmt):
                counts[key][Outcome(outcome)] += n
        return tuple(ConversionRow(key, dict(c)) for key, c in sorted(counts.items()))

    def _tier_of(self, session, customer_id: int) -> str:
        """The customer's tier now, from the holdings (as the profile computes it), kept with the pitch."""
        rows = session.execute(
            select(HoldingRow.kind, HoldingRow.balance_cents).where(HoldingRow.customer_id == customer_id)
        )
        aum = sum((from_cents(c) for kind, c in rows if ProductKind(kind) not in NON_ASSET_KINDS), Decimal(0))
        return self.tiers.tier_for(aum).code

    def pitches(self, actor: StaffSession, first: date, last: date) -> tuple[Pitch, ...]:
        """Every outcome recorded on the branch's local days ``first`` to ``last``, dated by that day."""
        actor = authorize(actor, self.branch_id, Action.VIEW_REPORTS)
        if last < first:
            raise DomainError(f"the period ends ({last}) before it starts ({first})")
        since = datetime.combine(first, time.min, self.zone)
        until = datetime.combine(last + timedelta(days=1), time.min, self.zone)
        stmt = select(
            CrossSellOutcomeRow.rule_code,
            CrossSellOutcomeRow.staff_id,
            CrossSellOutcomeRow.tier,
            CrossSellOutcomeRow.at,
            CrossSellOutcomeRow.outcome,
        ).where(
            CrossSellOutcomeRow.branch_id == self.branch_id,
            CrossSellOutcomeRow.at >= since,
            CrossSellOutcomeRow.at < until,
        )
        with self.store.read_session() as session:
            check_account(session, actor)
            return tuple(
                Pitch(rule, staff, tier, as_utc(at).astimezone(self.zone).date(), Outcome(outcome))
                for rule, staff, tier, at, outcome in session.execute(stmt)
            )

    def report(self, actor: StaffSession, first: date, last: date) -> CrossSellReport:
        """Offered, interested, accepted, declined and conversion per rule, teller, tier and week."""
        ranks = {t.code: t.rank for t in self.tiers.tiers}
        return build_report(self.pitches(actor, first, last), first, last, ranks)

    def outcomes(
        self, actor: StaffSession, since: datetime, until: datetime, outcome: Outcome | None = None
    ) -> tuple[OutcomeRecord, ...]:
        """Recorded outcomes in [since, until), oldest first (the piece-rate report takes the accepted ones)."""
        actor = authorize(actor, self.branch_id, Action.VIEW_REPORTS)
        stmt = select(CrossSellOutcomeRow).where(
            CrossSellOutcomeRow.branch_id == self.branch_id,
            CrossSellOutcomeRow.at >= since,
            CrossSellOutcomeRow.at < until,
        )
        if outcome is not None:
            stmt = stmt.where(CrossSellOutcomeRow.outcome == outcome.value)
        with self.store.read_session() as session:
            check_account(session, actor)
            return tuple(_record(row, None) for row in session.scalars(stmt.order_by(CrossSellOutcomeRow.at)))

    def reload_rules(self, actor: StaffSession, path: Path | str | None = None) -> RuleSet:
        """Load another (or the same, edited) rule file; a bad file raises RuleFileError and changes nothing.

        On PostgreSQL the rules are published to the branch store with the audit entry, so that the server judges
        answers by them (models/marketing/rulebook_publish.py): a rule the reload removed takes no new answer,
        as the service refuses it here (a prompt the visit showed before the reload included)."""
        actor = authorize(actor, self.branch_id, Action.RELOAD_RULES)
        rules = self.rulebook.reload(path)
        with self.store.write_session() as session:
            check_account(session, actor)
            if self.store.dialect == "postgresql":
                publish_rulebook(session, self.branch_id, rules, self.tiers, actor.staff_id, self.clock.now())
            detail = {"file": str(self.rulebook.path), "rules": len(rules.rules)}
            append_audit(session, self.branch_id, actor, AuditAction.RULES_RELOADED, self.clock.now(), None, detail)
        return rules


def _record(row: CrossSellOutcomeRow, follow_up: FollowUp | None) -> OutcomeRecord:
    return OutcomeRecord(
        id=row.id,
        customer_id=row.customer_id,
        rule_code=row.rule_code,
        product=row.product,
        outcome=Outcome(row.outcome),
        staff_id=row.staff_id,
        station_id=row.station_id,
        ticket_id=row.ticket_id,
        at=as_utc(row.at),
        follow_up_id=row.follow_up_id,
        follow_up=follow_up,
    )
