"""Visits under their minimum service time: no units until a supervisor approves them, through the store.

The minimum comes from transaction_types.toml (CASH_DEP 0.3 min = 18 s, ACCT_OPEN 1 min = 60 s).
"""

from datetime import date

import pytest
from sqlalchemy import func, insert, select, update
from staff_sessions import session_of

from models.audit.log import AuditLogRow
from models.reports.records_service import RecordsService
from models.store.tables import EventRow, StaffRow
from queueing.core.errors import DomainError
from queueing.core.roles import PermissionDenied, Role
from queueing.core.tickets import TransactionLine as Line
from queueing.core.transaction_types import load_catalogue
from queueing.records.quality import OwnVisit
from queueing.records.visits import ShortDecision
from queueing.reports.piece_rate import load_scheme

SUPERVISOR = session_of("B1", "S1", Role.SUPERVISOR, "ST1")
NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))


@pytest.fixture
def records(service):
    people = (
        ("T1", "王小明", "teller"), ("T2", "김민지", "teller"),
        ("S1", "Supervisor Sun", "supervisor"), ("S2", "Supervisor Song", "supervisor"),
    )
    with service.store.write_session() as session:
        session.execute(
            insert(StaffRow),
            [{"branch_id": "B1", "id": i, "name": n, "role": r, "pin_hash": "-", "active": True} for i, n, r in people],
        )
    return RecordsService(service, load_catalogue())


def serve(service, clock, counter, lines, service_s):
    ticket_id = service.issue_ticket("CASH").tickets[0].id
    clock.advance(30)
    service.call_ticket(counter, ticket_id, "test")
    service.start(counter)
    clock.advance(service_s)
    service.finish(counter, lines)
    return ticket_id


@pytest.fixture
def day(records, service, clock):
    """T1: one normal deposit (1 unit), one 1.4 s deposit (1 unit withheld), one 20 s account opening (short)."""
    normal = serve(service, clock, "C1", [Line("CASH_DEP", 1, 5_000)], 120)
    blink = serve(service, clock, "C1", [Line("CASH_DEP", 1, 5_000)], 1.4)
    opening = serve(service, clock, "C1", [Line("ACCT_OPEN")], 20)
    return normal, blink, opening


def t1_row(records):
    report = records.report(SUPERVISOR, records.period(*NOVEMBER), load_scheme())
    return next(r for r in report.rows if r.teller == "T1")


def test_short_visits_earn_nothing_until_approved(records, day):
    normal, blink, opening = day
    row = t1_row(records)
    assert row.output.visits == 3
    assert row.output.standard_units == pytest.approx(1.0)
    assert (row.output.short_pending, row.output.short_withheld_units) == (2, pytest.approx(2.0))
    assert [v.ticket_id for v in records.short_visits(SUPERVISOR, records.period(*NOVEMBER))] == [blink, opening]

    records.review_short(SUPERVISOR, opening, ShortDecision.APPROVED, "customer had everything ready")
    records.review_short(SUPERVISOR, blink, "rejected", "1.4 s is no deposit")
    row = t1_row(records)
    assert row.output.standard_units == pytest.approx(2.0)
    assert (row.output.short_pending, row.output.short_rejected, row.output.short_approved) == (0, 1, 1)
    assert row.output.short_approved_units == pytest.approx(1.0)
    assert {t.code: t.units for t in row.output.units_by_type} == {"CASH_DEP": 1.0, "ACCT_OPEN": 1.0}
    # The list keeps decided visits, with who decided.
    decided = {v.ticket_id: v.short_review for v in records.short_visits(SUPERVISOR, records.period(*NOVEMBER))}
    assert decided[opening].decision is ShortDecision.APPROVED and decided[opening].by == "S1"


def test_the_fast_report_equals_the_one_from_records(records, day):
    normal, blink, opening = day
    records.review_short(SUPERVISOR, opening, ShortDecision.APPROVED)
    period = records.period(*NOVEMBER)
    fast = records.report(SUPERVISOR, period, load_scheme())
    full, _ = records.report_and_visits(SUPERVISOR, period, load_scheme())
    assert fast.rows == full.rows


def test_a_teller_may_not_approve_own_short_visits(records, day):
    _, blink, _ = day
    teller = session_of("B1", "T1", Role.TELLER, "ST1")
    with pytest.raises(PermissionDenied):
        records.review_short(teller, blink, ShortDecision.APPROVED)
    # A supervisor who served at a counter himself may not decide about his own pay either.
    with records.store.write_session() as session:  # T1 is made a supervisor, and signs in as one
        session.execute(update(StaffRow).where(StaffRow.id == "T1").values(role="supervisor"))
    acting = session_of("B1", "T1", Role.SUPERVISOR, "ST1")
    with pytest.raises(OwnVisit):
        records.review_short(acting, blink, ShortDecision.APPROVED)
    assert t1_row(records).output.short_pending == 2


def test_refusals_leave_no_event_and_no_audit_entry(records, day, store):
    normal, blink, _ = day
    with store.read_session() as session:
        before = session.scalar(select(EventRow.position).order_by(EventRow.position.desc()).limit(1))
    with pytest.raises(DomainError, match="not shorter"):
        records.review_short(SUPERVISOR, normal, ShortDecision.APPROVED)
    with pytest.raises(DomainError, match="unknown short-visit decision"):
        records.review_short(SUPERVISOR, blink, "maybe")
    records.review_short(SUPERVISOR, blink, ShortDecision.REJECTED)
    with pytest.raises(DomainError, match="already rejected"):
        records.review_short(SUPERVISOR, blink, ShortDecision.APPROVED)
    with store.read_session() as session:
        after = session.scalars(select(EventRow.type).where(EventRow.position > before)).all()
        audit = session.execute(select(AuditLogRow.action, AuditLogRow.staff_id, AuditLogRow.detail)).all()
    assert after == ["visit_short_reviewed"]
    assert [(a, s, d["decision"], d["teller"]) for a, s, d in audit] == [
        ("short_visit_reviewed", "S1", "rejected", "T1")
    ]


def test_hostile_notes_are_refused_before_any_event(records, day):
    _, blink, _ = day
    for note in ("x" * 5000, "ok\u202e", "a\x00b"):
        with pytest.raises(DomainError):
            records.review_short(SUPERVISOR, blink, ShortDecision.APPROVED, note)
    # Markup is only text: kept as typed, escaped where it is shown.
    visit = records.review_short(SUPERVISOR, blink, ShortDecision.APPROVED, "<b>ok</b>")
    assert visit.short_review.note == "<b>ok</b>"


def test_nobody_is_paid_for_a_short_visit_they_approved_by_moving_it_to_themselves(records, day):
    """S1 serves at a counter; the visit is short. Moved to T2, approved by S1, moved back: S1 would be paid for
    a short visit S1 approved. The approval counts only while the visit is not the approver's own, and nobody
    moves a visit to themselves."""
    _, blink, _ = day
    records.correct(SUPERVISOR, blink, "served by T2", teller="T2")
    records.review_short(SUPERVISOR, blink, ShortDecision.APPROVED, "fine")
    other = session_of("B1", "S2", Role.SUPERVISOR, "ST1")
    with pytest.raises(OwnVisit):
        records.correct(SUPERVISOR, blink, "it was mine", teller="S1")
    records.correct(other, blink, "served by S1 after all", teller="S1")
    period = records.period(*NOVEMBER)
    for report in (records.report(SUPERVISOR, period, load_scheme()),
                   records.report_and_visits(SUPERVISOR, period, load_scheme())[0]):  # fmt: skip
        s1 = next(r for r in report.rows if r.teller == "S1")
        assert (s1.output.standard_units, s1.output.short_approved, s1.output.short_pending) == (0.0, 0, 1)
    # The list shows it awaiting a decision again, and another supervisor may take it.
    assert records.visit(blink).short_review is None
    assert records.review_short(other, blink, ShortDecision.APPROVED, "ok").short_review.by == "S2"


def test_a_supervisor_may_not_correct_their_own_visit(records, service, clock):
    """A supervisor who served at a counter: adding units or voiding a complaint on that visit is deciding about
    their own pay; another supervisor corrects it."""
    service.close_counter("C1")
    service.open_counter("C1", "S1")
    own = serve(service, clock, "C1", [Line("CASH_DEP", 1, 5_000)], 120)
    # A mark against oneself decides nothing in one's favour: allowed.
    records.record_quality(SUPERVISOR, own, "complaint", "rude")
    (mark,) = records.visit(own).quality
    for change in ({"transactions": [Line("ACCT_OPEN"), Line("CARD_ISSUE")]}, {"void_quality": [mark.event_id]}):
        with pytest.raises(OwnVisit):
            records.correct(SUPERVISOR, own, "mine", **change)
    other = session_of("B1", "S2", Role.SUPERVISOR, "ST1")
    assert records.correct(other, own, "the complaint was withdrawn", void_quality=[mark.event_id]).quality == ()


@pytest.mark.parametrize("change", [{"active": False}, {"role": "teller"}])
def test_a_supervisor_deactivated_or_demoted_since_signing_in_changes_no_record(records, day, store, change):
    """Quality marks, short-visit decisions and corrections change pay: the account is re-read, as elsewhere."""
    from queueing.records.visits import QualityKind

    _, blink, opening = day
    with store.write_session() as session:
        session.execute(update(StaffRow).where(StaffRow.id == "S1").values(**change))
        events = session.scalar(select(func.count()).select_from(EventRow))
    with pytest.raises(PermissionDenied):
        records.review_short(SUPERVISOR, blink, ShortDecision.APPROVED)
    with pytest.raises(PermissionDenied):
        records.record_quality(SUPERVISOR, opening, QualityKind.ERROR_MAJOR, "wrong account")
    with pytest.raises(PermissionDenied):
        records.correct(SUPERVISOR, opening, "paid twice", teller="T2")
    with store.read_session() as session:
        assert session.scalar(select(func.count()).select_from(EventRow)) == events
        assert session.scalars(select(AuditLogRow.action)).all() == []
