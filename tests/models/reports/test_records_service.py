"""Service-time records and the piece-rate report through the store: BranchService -> RecordsService -> report.

The month below is small enough to compute by hand; every figure is also checked
against the reference path (the pure builder replaying the whole journal).
"""

import copy
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import insert, select
from staff_sessions import session_of

from models.branch.journal import events_after
from models.reports.records_service import RecordsService, VisitNotFound
from models.store.tables import EventRow, StaffRow
from queueing.core.commands import Commands
from queueing.core.errors import DomainError
from queueing.core.events import StationContext
from queueing.core.reducer import apply
from queueing.core.roles import PermissionDenied, Role
from queueing.core.tickets import TransactionLine as Line
from queueing.core.transaction_types import load_catalogue
from queueing.records.teller_time import build_sessions
from queueing.records.visits import QualityKind
from queueing.reports.piece_rate import load_scheme
from queueing.reports.piece_rate_report import build_report

SUPERVISOR = session_of("B1", "S1", Role.SUPERVISOR, "ST1")
NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))


@pytest.fixture
def records(service):
    # Rows written directly: the PIN hash does not matter here and argon2 is slow on purpose.
    people = (
        ("T1", "王小明", "teller"),
        ("T2", "김민지", "teller"),
        ("T3", "Ana Peña", "teller"),
        ("S1", "Supervisor Sun", "supervisor"),
        ("A1", "Admin", "administrator"),
    )
    with service.store.write_session() as session:
        session.execute(
            insert(StaffRow),
            [{"branch_id": "B1", "id": i, "name": n, "role": r, "pin_hash": "-", "active": True} for i, n, r in people],
        )
    return RecordsService(service, load_catalogue())


def serve(service, clock, counter, category, lines, service_s, wait_s=60.0):
    """Issue a ticket, call it at ``counter`` after ``wait_s``, serve it for ``service_s`` and finish."""
    ticket_id = service.issue_ticket(category).tickets[0].id
    clock.advance(wait_s)
    service.call_ticket(counter, ticket_id, "next in the test")
    service.start(counter)
    clock.advance(service_s)
    service.finish(counter, lines)
    return ticket_id


def reference_report(records, period, scheme, now):
    """The same report from the pure path: every event replayed, sessions from the counter events."""
    with records.store.read_session() as session:
        events = [event for _, event in events_after(session, records.branch_id, 0)]
    return build_report(
        records.visits_from_journal(period), period, scheme, build_sessions(events), records.staff(), (), now
    )


@pytest.fixture
def month(records, service, clock):
    """Three visits on 23 November (local time, Asia/Shanghai), rated, marked and one corrected."""
    v1 = serve(service, clock, "C1", "CASH", [Line("CASH_DEP", 1, 35_000)], 240)
    records.rate(v1, 4)
    records.rate(v1, 5)  # the last press counts
    v2 = serve(service, clock, "C1", "CASH", [Line("ACCT_OPEN"), Line("ENQUIRY")], 600)
    records.rate(v2, 3)
    v3 = serve(service, clock, "C2", "TRANSFER", [Line("TRF_DOM", 1, 250_000)], 300)
    records.rate(v3, 2)
    records.record_quality(SUPERVISOR, v1, QualityKind.ERROR_MINOR, "wrong receipt")
    records.record_quality(SUPERVISOR, v3, QualityKind.COMPLAINT)
    records.correct(SUPERVISOR, v2, "the enquiry was no transaction", transactions=[Line("ACCT_OPEN")])
    clock.advance(3600)
    return v1, v2, v3


def test_a_month_by_hand_through_the_store(records, month, clock):
    scheme = load_scheme()
    report = records.report(SUPERVISOR, records.period(*NOVEMBER), scheme)
    rows = {row.teller: row for row in report.rows}
    assert [(r.teller, r.rank) for r in report.rows] == [("T1", 1), ("T3", 2), ("T2", 2)]
    t1, t2, t3 = rows["T1"], rows["T2"], rows["T3"]
    assert t1.name == "王小明"
    # T1: a deposit of 35,000 is 1 + 2 steps of 10,000 beyond the first = 3 units; the account opening 1
    # (the enquiry was corrected away).
    assert t1.output.visits == 2
    assert t1.output.standard_units == pytest.approx(4.0)
    assert t1.output.service_ratio == pytest.approx((240 + 600) / (180 + 600))
    assert t1.output.overrun_share == pytest.approx(0.5)
    assert t1.output.units_per_serving_hour == pytest.approx(4 / (840 / 3600))
    assert t1.output.avg_rating == pytest.approx(4.0)
    assert (t1.output.errors_minor, t1.output.complaints, t1.output.corrected_visits) == (1, 0, 1)
    assert t1.evaluation.deduction_units == 2 and t1.evaluation.net_units == pytest.approx(2.0)
    # T2: a transfer of 250,000 is 1 + 1 step of 100,000 = 2 units, over its 4 minutes; a complaint takes 5.
    assert (t2.output.visits, t2.output.standard_units, t2.output.overrun_share) == (1, 2.0, 1.0)
    assert t2.output.avg_rating == 2 and t2.output.complaints == 1
    assert t2.evaluation.net_units == 0.0
    # T3 never served: listed, with nothing.
    assert (t3.output.visits, t3.output.standard_units, t3.time.signed_in_s) == (0, 0.0, 0.0)
    assert report.totals.output.visits == 3 and report.totals.output.standard_units == pytest.approx(6.0)
    assert report.target_units == 1000
    # T1 and T2 signed in at 09:00 and are still signed in: their time runs to now.
    opened = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    assert t1.time.signed_in_s == pytest.approx((clock.now() - opened).total_seconds())
    assert t1.time.serving_s == pytest.approx(840)


def test_the_store_path_equals_the_journal_replay(records, month, clock):
    scheme = load_scheme()
    period = records.period(*NOVEMBER)
    now = clock.now()
    assert records.report(SUPERVISOR, period, scheme, now) == reference_report(records, period, scheme, now)
    fast = {v.ticket_id: v for v in records.visits(period)}
    slow = {v.ticket_id: v for v in records.visits_from_journal(period)}
    assert fast.keys() == slow.keys()
    for ticket_id, visit in fast.items():
        ref = slow[ticket_id]
        for field in (
            "number",
            "teller",
            "counter_id",
            "called_at",
            "started_at",
            "finished_at",
            "day",
            "wait_s",
            "service_s",
            "lines",
            "outcome",
            "rating",
            "quality",
            "corrections",
        ):
            assert getattr(visit, field) == getattr(ref, field), field


def test_a_correction_keeps_the_original_in_the_history(records, month):
    _, v2, _ = month
    visit = records.visit(v2)
    assert [line.code for line in visit.lines] == ["ACCT_OPEN"]
    (correction,) = visit.corrections
    assert correction.by == "S1" and correction.reason == "the enquiry was no transaction"
    (change,) = correction.changes
    assert [line.code for line in change.before] == ["ACCT_OPEN", "ENQUIRY"]
    assert [line.code for line in change.after] == ["ACCT_OPEN"]


def test_changes_are_events_with_a_gapless_station_sequence(records, month, store):
    with store.read_session() as session:
        rows = session.execute(select(EventRow.station_id, EventRow.seq, EventRow.type).order_by(EventRow.position))
        rows = rows.all()
    seqs = [seq for station, seq, _ in rows if station == "ST1"]
    assert seqs == list(range(1, len(seqs) + 1))
    kinds = [kind for _, _, kind in rows]
    assert kinds.count("visit_rated") == 4 and kinds.count("visit_quality_recorded") == 2
    assert kinds.count("visit_corrected") == 1


def test_a_scheme_change_recomputes_the_report_not_the_records(records, month):
    period = records.period(*NOVEMBER)
    before = records.visits(period)
    generous = load_scheme()
    from dataclasses import replace

    generous = replace(generous, deduction_minor=0.0, deduction_complaint=0.0)
    report = records.report(SUPERVISOR, period, generous)
    assert {r.teller: r.evaluation.net_units for r in report.rows}["T1"] == pytest.approx(4.0)
    assert records.visits(period) == before


def test_a_visit_across_midnight_counts_on_the_day_it_finished(records, service, clock):
    # 23:50 local on 30 November is 15:50 UTC.
    clock.set(datetime(2026, 11, 30, 15, 50, tzinfo=UTC))
    ticket = serve(service, clock, "C1", "CASH", [Line("ACCT_OPEN")], service_s=15 * 60, wait_s=0)
    scheme = load_scheme()
    november = records.report(SUPERVISOR, records.period(*NOVEMBER), scheme)
    december = records.report(SUPERVISOR, records.period(date(2026, 12, 1), date(2026, 12, 31)), scheme)
    assert november.totals.output.visits == 0
    assert december.totals.output.visits == 1
    assert records.visit(ticket).day == date(2026, 12, 1)
    # The session that spans midnight is split between the two periods.
    t1_nov = next(r for r in november.rows if r.teller == "T1")
    t1_dec = next(r for r in december.rows if r.teller == "T1")
    opened = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    midnight = datetime(2026, 11, 30, 16, 0, tzinfo=UTC)
    assert t1_nov.time.signed_in_s == pytest.approx((midnight - opened).total_seconds())
    assert t1_dec.time.signed_in_s == pytest.approx((clock.now() - midnight).total_seconds())


def test_a_teller_switching_counters_keeps_one_row(records, service, clock):
    serve(service, clock, "C1", "CASH", [Line("ACCT_OPEN")], 300)
    service.close_counter("C2")
    service.close_counter("C1")
    clock.advance(600)
    service.open_counter("C2", "T1")
    serve(service, clock, "C2", "TRANSFER", [Line("TRF_INTL")], 900)
    clock.advance(60)
    service.close_counter("C2")
    report = records.report(SUPERVISOR, records.period(*NOVEMBER), load_scheme())
    t1 = next(r for r in report.rows if r.teller == "T1")
    assert t1.output.visits == 2 and t1.output.standard_units == 3.0
    assert t1.time.counters == ("C1", "C2")
    assert t1.time.signed_in_s == pytest.approx((60 + 300) + (60 + 900 + 60))
    assert t1.time.idle_s == pytest.approx(60 + 60 + 60)


def test_sessions_opened_before_the_period_count_from_its_start(records, service, clock):
    clock.set(datetime(2026, 12, 1, 1, 0, tzinfo=UTC))  # 09:00 on 1 December; opened on 23 November
    serve(service, clock, "C1", "CASH", [Line("ACCT_OPEN")], 300, wait_s=0)
    report = records.report(SUPERVISOR, records.period(date(2026, 12, 1), date(2026, 12, 31)), load_scheme())
    t1 = next(r for r in report.rows if r.teller == "T1")
    december = datetime(2026, 11, 30, 16, 0, tzinfo=UTC)
    assert t1.time.signed_in_s == pytest.approx((clock.now() - december).total_seconds())


def test_a_sign_in_clash_before_the_period_leaves_the_held_session_whole(records, service, clock):
    """T1 signs in on 23 November; on the 30th a station offline signs T2 in at the same counter (its opening is
    C1's last before December, so the sessions' lookback must reach T1's sign-in) and pushes later. T1 holds C1
    into December, on both paths."""
    service.close_counter("C1")
    service.close_counter("C2")  # T2 works nowhere else
    offline = Commands(copy.deepcopy(service.state), StationContext("B1", "ST2", clock))  # ST2 loses its link
    service.sign_in("C1", "T1")  # 09:00, 23 November
    clock.set(datetime(2026, 11, 30, 15, 0, tzinfo=UTC))  # 23:00 on the 30th
    clash = [*offline.sign_in("C1", "T2")]
    for event in clash:
        apply(offline.state, event)
    clock.advance(1800)
    clash += offline.sign_out("C1", "T2")
    service.open_counter("C2", "T3")  # 23:30: every counter's last opening is now on the 30th
    clock.advance(600)
    service.close_counter("C2")
    clock.set(datetime(2026, 12, 1, 2, 0, tzinfo=UTC))  # 10:00 on 1 December
    serve(service, clock, "C1", "CASH", [Line("ACCT_OPEN")], 300, wait_s=0)
    service.record_many(clash)
    clock.set(datetime(2026, 12, 1, 4, 0, tzinfo=UTC))  # noon
    service.sign_out("C1", "T1")
    scheme, now = load_scheme(), clock.now()
    december = records.period(date(2026, 12, 1), date(2026, 12, 31))
    report = records.report(SUPERVISOR, december, scheme, now)
    assert report == reference_report(records, december, scheme, now)
    t1 = next(r for r in report.rows if r.teller == "T1")
    assert t1.time.signed_in_s == 12 * 3600  # midnight to noon
    november = records.period(*NOVEMBER)
    report = records.report(SUPERVISOR, november, scheme, now)
    assert report == reference_report(records, november, scheme, now)
    assert {r.teller: r.time.signed_in_s for r in report.rows}["T2"] == 1800


def test_a_report_reads_the_sign_ins_of_a_month_before_its_period_not_of_every_year(records, service, monkeypatch):
    """A real branch's store holds years of sign-ins (two a teller a day): the clash rules need those before the
    period, and a month of them is more than any session lasts (record_queries.SIGN_IN_LOOKBACK)."""
    from models.reports import record_queries
    from queueing.records.teller_time import SIGN_IN_EVENTS

    asked = []
    real = record_queries._events

    def spy(session, branch_id, types, since, until=None):
        if tuple(types) == tuple(SIGN_IN_EVENTS):
            asked.append((since, until))
        return real(session, branch_id, types, since, until)

    monkeypatch.setattr(record_queries, "_events", spy)
    december = records.period(date(2026, 12, 1), date(2026, 12, 31))
    records.report(SUPERVISOR, december, load_scheme(), datetime(2027, 1, 5, tzinfo=UTC))
    ((since, until),) = asked
    start, end = december.bounds()
    assert since is not None and start - since == record_queries.SIGN_IN_LOOKBACK
    assert until == end


def test_only_a_supervisor_or_administrator_records_quality(records, month):
    v1, _, _ = month
    teller = session_of("B1", "T1", Role.TELLER, "ST1")
    with pytest.raises(PermissionDenied):
        records.record_quality(teller, v1, QualityKind.COMPLAINT)
    with pytest.raises(PermissionDenied):
        records.correct(teller, v1, "mine", outcome="referred")
    admin = session_of("B1", "A1", Role.ADMINISTRATOR, "ST1")
    assert records.record_quality(admin, v1, "error_major").count(QualityKind.ERROR_MAJOR) == 1


def test_refusals(records, month, clock):
    v1, _, _ = month
    with pytest.raises(VisitNotFound):
        records.rate("no-such-ticket", 5)
    with pytest.raises(DomainError):
        records.rate(v1, 6)
    with pytest.raises(DomainError):
        records.correct(SUPERVISOR, v1, "   ", outcome="referred")
    clock.advance(timedelta(days=1).total_seconds())
    with pytest.raises(DomainError, match="too long ago"):
        records.rate(v1, 1)


def test_voiding_a_quality_mark_takes_it_out_of_the_report(records, month):
    v1, _, _ = month
    (mark,) = records.visit(v1).quality
    records.correct(SUPERVISOR, v1, "the receipt was right after all", void_quality=[mark.event_id])
    report = records.report(SUPERVISOR, records.period(*NOVEMBER), load_scheme())
    assert next(r for r in report.rows if r.teller == "T1").output.errors_minor == 0


def test_the_pad_sees_the_latest_finished_visit_at_its_counter(records, service, clock):
    since = clock.now()
    assert records.latest_finished("C1", since) is None
    first = serve(service, clock, "C1", "CASH", [Line("ACCT_OPEN")], 120)
    serve(service, clock, "C2", "TRANSFER", [Line("TRF_INTL")], 120)
    assert records.latest_finished("C1", since).ticket_id == first
    assert records.latest_finished("C1", records.visit(first).finished_at) is None


def test_accepted_cross_sell_prompts_count_for_the_teller(records, month, store):
    from customer_fixtures import add_customer

    from models.customers.tables import CrossSellOutcomeRow

    customer = add_customer(store, family="王", given="芳", id_number="110101198001011234", phone="13800138000")
    at = datetime(2026, 11, 23, 2, 0, tzinfo=UTC)
    outcomes = (
        ("credit_card", "accepted", at),
        ("fund", "accepted", at),
        ("insurance", "declined", at),
        ("loan", "accepted", datetime(2026, 10, 31, 15, 59, tzinfo=UTC)),
    )  # the last: 23:59 on 31 October
    with store.write_session() as session:
        session.execute(insert(CrossSellOutcomeRow), [
            {"branch_id": "B1", "customer_id": customer, "rule_code": "R1", "product": product, "outcome": outcome,
             "staff_id": "T1", "station_id": "ST1", "ticket_id": None, "at": when, "follow_up_id": None}
            for product, outcome, when in outcomes
        ])  # fmt: skip
    report = records.report(SUPERVISOR, records.period(*NOVEMBER), load_scheme())
    t1 = next(r for r in report.rows if r.teller == "T1")
    assert t1.output.cross_sell_accepted == 2
    assert t1.evaluation.cross_sell_units == 2 + 3  # credit_card 2, fund 3 (resources/piece_rate.toml)


def test_the_store_indexes_the_journal_by_type_and_time(store):
    from sqlalchemy import inspect

    indexes = {ix["name"]: ix["column_names"] for ix in inspect(store.engine).get_indexes("event")}
    assert indexes["ix_event_branch_type_at"] == ["branch_id", "type", "at"]


def test_the_counted_report_equals_the_one_from_records(records, month, service, clock):
    """report() counts rows per teller without making records; it must give report_and_visits' report exactly:
    visits of a counter with no teller, a code the catalogue does not know, the same lines many times over,
    a correction that moves a visit to another teller, and a visit outside the period."""
    v1, _, _ = month
    service.close_counter("C2")
    service.open_counter("C2")  # no teller signed in: its visits are unassigned
    serve(service, clock, "C2", "TRANSFER", [Line("TRF_DOM", 1, 9_000)], 200)
    for seconds in (100, 250, 410, 90):
        records.rate(serve(service, clock, "C1", "CASH", [Line("CASH_DEP", 1, 35_000)], seconds), 5)
    serve(service, clock, "C1", "CASH", [Line("NOT_A_CODE", 2)], 120)
    records.correct(SUPERVISOR, v1, "served by T3", teller="T3")
    clock.set(datetime(2026, 12, 1, 2, 0, tzinfo=UTC))
    serve(service, clock, "C1", "CASH", [Line("ACCT_OPEN")], 300)  # December: outside the period
    scheme = load_scheme()
    period = records.period(*NOVEMBER)
    now = clock.now()
    counted = records.report(SUPERVISOR, period, scheme, now)
    assert counted == records.report_and_visits(SUPERVISOR, period, scheme, now)[0]
    assert counted == reference_report(records, period, scheme, now)
    assert counted.totals.unassigned_visits == 1 and counted.unknown_codes == ("NOT_A_CODE",)
    t3 = next(r for r in counted.rows if r.teller == "T3")
    assert t3.output.visits == 1 and t3.output.errors_minor == 1


def test_a_teller_who_left_mid_month_is_named_on_the_report(records, month, store):
    """T2 served on 23 November and was deactivated (or became a supervisor) before the report: the row and the
    pay statement still name the person, not the bare id; a leaver with no visits gets no empty row."""
    from sqlalchemy import update

    with store.write_session() as session:
        session.execute(update(StaffRow).where(StaffRow.id == "T2").values(active=False))
        session.execute(update(StaffRow).where(StaffRow.id == "T3").values(active=False))
    scheme = load_scheme()
    period = records.period(*NOVEMBER)
    counted, (from_records, _) = records.report(SUPERVISOR, period, scheme), records.report_and_visits(
        SUPERVISOR, period, scheme
    )
    for report in (counted, from_records):
        rows = {row.teller: row for row in report.rows}
        assert rows["T2"].name == "김민지" and rows["T2"].output.visits == 1
        assert "T3" not in rows  # deactivated and never served in the period


def test_a_mark_from_a_pc_whose_clock_is_behind_the_stations_still_lands(records, service, store, clock):
    """The station's clock runs ten minutes ahead: its visit 'finishes' at 00:05 on 1 December (local), while the
    supervisor's PC, on time, marks it at 23:58 on 30 November. The mark is on the visit and in December's report,
    as the journal replay has it."""
    from models.branch.service import BranchService
    from queueing.core.categories import load_branch_config
    from queueing.core.clock import ManualClock

    clock.set(datetime(2026, 11, 30, 15, 55, tzinfo=UTC))
    ticket = serve(service, clock, "C1", "CASH", [Line("ACCT_OPEN")], service_s=9 * 60, wait_s=60)
    assert records.visit(ticket).day == date(2026, 12, 1)
    on_time = ManualClock(datetime(2026, 11, 30, 15, 58, tzinfo=UTC))
    desk = BranchService(store, load_branch_config(), "B1", "SV", on_time)
    RecordsService(desk, records.catalogue).record_quality(SUPERVISOR, ticket, QualityKind.COMPLAINT, "rude")
    assert records.visit(ticket).count(QualityKind.COMPLAINT) == 1
    december = records.period(date(2026, 12, 1), date(2026, 12, 31))
    now, scheme = clock.now(), load_scheme()
    report = records.report(SUPERVISOR, december, scheme, now)
    assert next(r for r in report.rows if r.teller == "T1").output.complaints == 1
    assert report == reference_report(records, december, scheme, now)
    assert [v.quality for v in records.visits(december)] == [v.quality for v in records.visits_from_journal(december)]


def test_a_correction_moves_a_visit_only_to_an_account_of_the_branch(records, month):
    """A typo or another branch's id would put a teller nobody knows on the pay report."""
    v1, _, _ = month
    for nobody in ("T9", "t1", ""):
        with pytest.raises(DomainError, match="no account"):
            records.correct(SUPERVISOR, v1, "served by someone else", teller=nobody)
    assert records.visit(v1).teller == "T1"
    assert records.correct(SUPERVISOR, v1, "served by Ana", teller="T3").teller == "T3"
