"""Service-time records and the piece-rate report: the facade the supervisor panel, the feedback pad and the CLI call.

Ratings, quality marks and corrections are events, appended through
``BranchService.run`` like every other change: one transaction that catches up
with the journal first, so the station's sequence stays gapless. Reads return
frozen records (``VisitRecord``, ``PieceRateReport``), never ORM objects.

Roles: recording a quality mark or correcting a record takes a supervisor or an
administrator (checked here, not only in the dialog). A rating needs no role: the
customer gives it on the pad, for a visit that finished at most ``RATING_WINDOW`` ago.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import date, datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.audit.log import append_audit
from models.branch.facade import BranchFacade
from models.branch.journal import events_after
from models.branch.records import CommandResult
from models.reports.record_queries import (
    RATING_WINDOW,
    AcceptedPromptRow,
    load_accepted_prompts,
    load_moves,
    load_sessions,
    load_staff,
    load_visit,
    load_visits,
)
from models.reports.tally import tally_period
from models.staff.session import StaffSession, authorize_reports, check_account, check_session
from models.store.database import Store
from models.store.tables import CounterRow, ServiceRecordRow, StaffRow
from models.store.utc import as_utc
from queueing.core.commands import Commands
from queueing.core.errors import DomainError
from queueing.core.events import Event
from queueing.core.roles import PermissionDenied, Role
from queueing.core.tickets import TransactionLine
from queueing.core.transaction_types import TransactionCatalogue
from queueing.customers.audit_chain import AuditAction
from queueing.records.quality import Change, correct_visit, rate_visit, record_quality, review_short_visit
from queueing.records.teller_time import CounterSession
from queueing.records.visits import QualityKind, ShortDecision, VisitRecord, build_visits
from queueing.reports.piece_rate import PieceRateScheme
from queueing.reports.piece_rate_report import (
    PieceRateReport,
    ReportPeriod,
    StaffMember,
    build_report,
    report_from_tallies,
)

QUALITY_ROLES = frozenset({Role.SUPERVISOR, Role.ADMINISTRATOR})


class VisitNotFound(DomainError):
    """No finished visit of that ticket in this branch's records."""

    code = "visit_not_found"


def require_quality_role(actor: StaffSession, branch_id: str, store: Store) -> StaffSession:
    """Quality marks and corrections are a supervisor's (or an administrator's) to make.

    They change a teller's pay: the account is re-read in ``store``, so one deactivated or given another
    role since signing in is refused, as every other service refuses it.
    """
    actor = check_session(actor, branch_id)
    if actor.role not in QUALITY_ROLES:
        raise PermissionDenied(
            f"role {actor.role.value!r} may not record quality or correct a record",
            role=actor.role.value,
            action="record_quality",
        )
    with store.read_session() as db:
        check_account(db, actor)
    return actor


class RecordsService:
    """Records and reports of the branch ``branch`` works on. Safe to call from worker threads."""

    def __init__(self, branch: BranchFacade, catalogue: TransactionCatalogue) -> None:
        self.branch = branch
        self.store = branch.store
        self.branch_id = branch.branch_id
        self.timezone = branch.config.timezone
        self.catalogue = catalogue

    # -- reading -------------------------------------------------------------
    def today(self) -> date:
        """The branch's date now, in its own time zone: a month's pay is run on the branch's first morning,
        still the last evening of the month before in UTC."""
        return self.branch.clock.now().astimezone(ZoneInfo(self.timezone)).date()

    def period(self, first: date, last: date) -> ReportPeriod:
        if last < first:
            raise DomainError(f"the period ends ({last}) before it starts ({first})")
        return ReportPeriod(first, last, self.timezone)

    def visits(self, period: ReportPeriod) -> list[VisitRecord]:
        """The period's visits (by the local date they finished), from the store's rows."""
        start, end = period.bounds()
        with self.store.read_session() as session:
            return load_visits(session, self.branch_id, start, end, self.catalogue, self.timezone)

    def visits_from_journal(self, period: ReportPeriod) -> list[VisitRecord]:
        """The same visits replayed from every event of the branch: slow, the reference for checks."""
        with self.store.read_session() as session:
            events = [event for _, event in events_after(session, self.branch_id, 0)]
        visits = build_visits(events, self.catalogue, self.timezone)
        return [v for v in visits if period.first <= v.day <= period.last]

    def visit(self, ticket_id: str) -> VisitRecord:
        """One visit with its whole history of ratings, quality marks and corrections."""
        with self.store.read_session() as session:
            found = load_visit(session, self.branch_id, ticket_id, self.catalogue, self.timezone)
        if found is None:
            raise VisitNotFound(f"no finished visit of ticket {ticket_id}", ticket_id=ticket_id)
        return found

    def last_finished_at(self, counter_id: str) -> datetime | None:
        """When the last visit at ``counter_id`` finished, as the store holds it (the finishing station's clock):
        where a feedback pad starts asking from, whatever its own PC clock says."""
        with self.store.read_session() as session:
            last = session.scalar(
                select(func.max(ServiceRecordRow.finished_at)).where(
                    ServiceRecordRow.branch_id == self.branch_id, ServiceRecordRow.counter_id == counter_id
                )
            )
        return as_utc(last) if last is not None else None

    def latest_finished(
        self, counter_id: str, after: datetime, skip: Collection[str] = ()
    ) -> VisitRecord | None:
        """The last visit finished at ``counter_id`` after ``after`` (what the feedback pad asks each second),
        leaving out the tickets in ``skip`` (visits dated ahead by a fast clock, already asked about)."""
        where = [
            ServiceRecordRow.branch_id == self.branch_id,
            ServiceRecordRow.counter_id == counter_id,
            ServiceRecordRow.finished_at > after,
        ]
        if skip:
            where.append(ServiceRecordRow.ticket_id.not_in(list(skip)))
        with self.store.read_session() as session:
            ticket_id = session.scalar(
                select(ServiceRecordRow.ticket_id).where(*where).order_by(ServiceRecordRow.finished_at.desc()).limit(1)
            )
            if ticket_id is None:
                return None
            return load_visit(session, self.branch_id, ticket_id, self.catalogue, self.timezone)

    def staff(self) -> list[StaffMember]:
        with self.store.read_session() as session:
            return load_staff(session, self.branch_id)

    def report(
        self, actor: StaffSession, period: ReportPeriod, scheme: PieceRateScheme, now: datetime | None = None
    ) -> PieceRateReport:
        """The piece-rate report: records and sessions from the store, the scheme as given (a new scheme, a new
        report, the same records). Sessions still open count until ``now`` (default: the branch clock).

        The visits are counted per teller as they are read (models/reports/tally.py), not made into
        records first: the same report as ``report_and_visits`` gives, in a fraction of the time.
        """
        authorize_reports(actor, [self.branch_id], self.store)
        start, end = period.bounds()
        with self.store.read_session() as session:
            counted = tally_period(session, self.branch_id, start, end, self.catalogue, self.timezone)
            sessions, staff, prompts, moved = self._beside_visits(session, start, end)
        at = now or self.branch.clock.now()
        return report_from_tallies(counted, period, scheme, sessions, staff, prompts, at, moved)

    def _beside_visits(self, session: Session, start: datetime, end: datetime) -> tuple[
        list[CounterSession], list[StaffMember], list[AcceptedPromptRow], dict[str, tuple[str, str | None]]
    ]:
        """What a report reads besides the visits: counter sessions, staff, accepted prompts and their visits' moves."""
        sessions = load_sessions(session, self.branch_id, start, end)
        staff = load_staff(session, self.branch_id)
        prompts = load_accepted_prompts(session, self.branch_id, start, end)
        return sessions, staff, prompts, load_moves(session, self.branch_id, (p.ticket_id for p in prompts))

    def report_and_visits(
        self, actor: StaffSession, period: ReportPeriod, scheme: PieceRateScheme, now: datetime | None = None
    ) -> tuple[PieceRateReport, list[VisitRecord]]:
        """The report and the visits it counted from (a total over branches counts them again, all together)."""
        authorize_reports(actor, [self.branch_id], self.store)
        start, end = period.bounds()
        with self.store.read_session() as session:
            visits = load_visits(session, self.branch_id, start, end, self.catalogue, self.timezone)
            sessions, staff, prompts, moved = self._beside_visits(session, start, end)
        report = build_report(visits, period, scheme, sessions, staff, prompts, now or self.branch.clock.now(), moved)
        return report, visits

    def short_visits(self, actor: StaffSession, period: ReportPeriod) -> list[VisitRecord]:
        """The period's visits under their minimum service time, decided or not, oldest first (the review list)."""
        authorize_reports(actor, [self.branch_id], self.store)
        found = [visit for visit in self.visits(period) if visit.short]
        return sorted(found, key=lambda v: (v.finished_at, v.ticket_id))

    def staff_names(self) -> dict[str, str]:
        """Every account of the branch, any role: id -> name (who served and who decided)."""
        with self.store.read_session() as session:
            rows = session.execute(select(StaffRow.id, StaffRow.name).where(StaffRow.branch_id == self.branch_id))
            return {staff_id: name for staff_id, name in rows}

    def counter_names(self) -> dict[str, str]:
        """Every counter of the branch: id -> name (a visit names its counter by id)."""
        with self.store.read_session() as session:
            rows = session.execute(select(CounterRow.id, CounterRow.name).where(CounterRow.branch_id == self.branch_id))
            return {counter_id: name for counter_id, name in rows}

    def type_names(self, language: str = "en") -> dict[str, str]:
        return {code: kind.name(language) for code, kind in self.catalogue.types.items()}

    # -- changes -------------------------------------------------------------
    def _append(self, change: Change) -> CommandResult:
        def decide(c: Commands) -> list[Event]:
            return c.ctx.build(c.state.next_seq(c.ctx.station_id), [change])

        return self.branch.run(decide)

    def rate(self, ticket_id: str, rating: int) -> VisitRecord:
        """The customer's rating from the feedback pad (1 to 5); a later press replaces an earlier one."""
        change = rate_visit(ticket_id, rating)
        visit = self.visit(ticket_id)
        if self.branch.clock.now() - visit.finished_at > RATING_WINDOW:
            raise DomainError(f"visit {visit.number} finished too long ago to be rated", ticket_id=ticket_id)
        self._append(change)
        return self.visit(ticket_id)

    def record_quality(
        self, actor: StaffSession, ticket_id: str, kind: QualityKind | str, note: str = ""
    ) -> VisitRecord:
        """An error (minor or major) or a complaint against a visit."""
        actor = require_quality_role(actor, self.branch_id, self.store)
        change = record_quality(ticket_id, kind, actor.staff_id, note)
        self.visit(ticket_id)  # a mark names a visit that exists
        self._append(change)
        return self.visit(ticket_id)

    def review_short(
        self, actor: StaffSession, ticket_id: str, decision: ShortDecision | str, note: str = ""
    ) -> VisitRecord:
        """Approve (paid) or reject (not paid) a visit under its minimum service time; journalled and audited.

        Checked here, whatever the screen allows: a supervisor's role, never the teller who served the visit,
        one decision per visit.
        """
        actor = require_quality_role(actor, self.branch_id, self.store)
        visit = self.visit(ticket_id)
        change = review_short_visit(visit, decision, actor.staff_id, note)
        decided = change[1]["decision"]
        detail = {"ticket_id": ticket_id, "number": visit.number, "teller": visit.teller, "decision": decided}

        self._append(change)
        # The journal's event is the decision (it syncs, and names who took it); the audit entry follows it in
        # the store's audit chain, as the other desk services write theirs (a station's facade runs the event).
        with self.store.write_session() as session:
            append_audit(
                session, self.branch_id, actor, AuditAction.SHORT_VISIT_REVIEWED, self.branch.clock.now(), None, detail
            )
        return self.visit(ticket_id)

    def correct(
        self,
        actor: StaffSession,
        ticket_id: str,
        reason: str,
        transactions: Sequence[TransactionLine] | None = None,
        teller: str | None = None,
        outcome: str | None = None,
        void_quality: Sequence[str] = (),
    ) -> VisitRecord:
        """Correct a record with a reason; the record keeps the values before and after in its history.
        A visit moves only to an account of this branch."""
        actor = require_quality_role(actor, self.branch_id, self.store)
        visit = self.visit(ticket_id)
        if teller is not None and teller != visit.teller and teller not in self.staff_names():
            # A typo or another branch's id would put somebody nobody knows on the pay report.
            raise DomainError(f"branch {self.branch_id} has no account {teller!r}", teller=teller)
        change = correct_visit(
            visit, actor.staff_id, reason, self.catalogue, transactions, teller, outcome, void_quality
        )
        self._append(change)
        return self.visit(ticket_id)
