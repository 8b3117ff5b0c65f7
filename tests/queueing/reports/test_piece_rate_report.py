"""The piece-rate report, checked against a small month computed by hand."""

from dataclasses import dataclass
from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from queueing.core.tickets import TransactionLine
from queueing.core.transaction_types import load_catalogue
from queueing.records.output_tally import TypeLine
from queueing.records.quality import correct_visit
from queueing.records.teller_time import CounterSession, PauseSpan, build_sessions
from queueing.records.visits import (
    Correction,
    FieldChange,
    QualityKind,
    QualityMark,
    VisitRecord,
    build_visits,
    price_lines,
)
from queueing.reports.charts import histogram
from queueing.reports.piece_rate import parse_scheme
from queueing.reports.piece_rate_report import ReportPeriod, StaffMember, build_report

CATALOGUE = load_catalogue()
SHANGHAI = "Asia/Shanghai"
NOVEMBER = ReportPeriod(date(2026, 11, 1), date(2026, 11, 30), SHANGHAI)

# A small scheme so a month of a few visits reaches the thresholds:
# target 100 units; floor 70; base quota line 80 pays 1,000; 10.00 a unit above.
SCHEME_TEXT = """
currency = "CNY"
unit_price = 10
monthly_target_units = 100
[thresholds]
floor_share = 0.7
base_share = 0.8
base_quota_pay = 1000
[quality_bonus]
no_errors = 5
no_complaints = 3
min_visits = 3
[deductions]
minor = 1
major = 4
complaint = 2
[cross_sell]
default = 1
wealth_product = 3
"""
SCHEME = parse_scheme(SCHEME_TEXT)


@dataclass(frozen=True)
class Prompt:
    staff_id: str
    product: str
    at: datetime
    ticket_id: str | None = None


def visit(ticket, teller, finished, service, lines, rating=None, quality=(), corrections=(), tz=SHANGHAI):
    """A record finishing at local time ``finished`` (ISO with offset); lines are (code, quantity, amount)."""
    end = datetime.fromisoformat(finished).astimezone(UTC)
    raw = [{"code": code, "quantity": quantity, "amount": amount} for code, quantity, amount in lines]
    return VisitRecord(
        ticket_id=ticket, number=ticket, category="CASH", priority="regular", counter_id="C1", station_id="S1",
        teller=teller, issued_at=None, called_at=None, started_at=None, finished_at=end,
        day=end.astimezone(ZoneInfo(tz)).date(), wait_s=0.0, service_s=service,
        lines=price_lines(raw, CATALOGUE), outcome="completed", rating=rating, quality=quality,
        corrections=corrections,
    )


def mark(kind):
    return (QualityMark(f"q-{kind}", kind, datetime(2026, 11, 25, tzinfo=UTC), "SUP"),)


def utc(month, day, hour, minute=0):
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


MORTGAGE_LINES = price_lines([{"code": "MORTGAGE", "quantity": 1}], CATALOGUE)
CREDIT_LINES = price_lines([{"code": "LOAN_CREDIT", "quantity": 1}], CATALOGUE)

VISITS = [
    # Teller A. Standard times: DRAFT_ISSUE 600 s, PAYROLL 600 s a batch, MORTGAGE 1800 s,
    # CASH_DEP 180 s, ACCT_OPEN 600 s.
    # a0 began on 31 Oct, finished 00:05 on 1 Nov: November. Draft 3 units; 600 s = standard, no overrun.
    visit("a0", "A", "2026-11-01T00:05+08:00", 600, [("DRAFT_ISSUE", 1, None)]),
    # a1 payroll of 500 people: 50 units; 900 s > 600 s, overrun; rated 5.
    visit("a1", "A", "2026-11-03T10:00+08:00", 900, [("PAYROLL", 500, None)], rating=5),
    # a2 mortgage 4 units; 1500 s < 1800 s; rated 4; a minor error.
    visit("a2", "A", "2026-11-10T10:00+08:00", 1500, [("MORTGAGE", 1, None)], rating=4,
          quality=mark(QualityKind.ERROR_MINOR)),
    # a3 deposit of 45,000: 1 + 3 further whole 10,000 = 4 units, 180 s; account opening 1 unit, 600 s.
    # Standard 780 s, served 1560 s (twice): overrun; shared 360 s deposit, 1200 s opening; rated 3.
    visit("a3", "A", "2026-11-17T10:00+08:00", 1560, [("CASH_DEP", 1, 45_000), ("ACCT_OPEN", 1, None)], rating=3),
    # a4 payroll of 200 people: 20 units; 600 s = standard.
    visit("a4", "A", "2026-11-20T10:00+08:00", 600, [("PAYROLL", 200, None)]),
    # a5 began 30 Nov 23:50 and finished 00:10 on 1 Dec: December, not counted.
    visit("a5", "A", "2026-12-01T00:10+08:00", 1200, [("MORTGAGE", 1, None)]),
    # a6 finished in October: not counted.
    visit("a6", "A", "2026-10-31T23:59+08:00", 100, [("MORTGAGE", 1, None)]),
    # Teller B. b1 international remittance 2 units, 720 s; served 1000 s: overrun; rated 2; a complaint.
    visit("b1", "B", "2026-11-05T11:00+08:00", 1000, [("TRF_INTL", 1, None)], rating=2,
          quality=mark(QualityKind.COMPLAINT)),
    # b2 exchange of 50,000: 1 + 1 further whole 20,000 = 2 units, 360 s; served 300 s.
    visit("b2", "B", "2026-11-12T11:00+08:00", 300, [("FX_EXCH", 1, 50_000)]),
    # b3 recorded as a mortgage, corrected to a credit loan: 3 units, 1200 s; served 1500 s: overrun;
    # a major error.
    visit("b3", "B", "2026-11-19T11:00+08:00", 1500, [("LOAN_CREDIT", 1, None)],
          quality=mark(QualityKind.ERROR_MAJOR),
          corrections=(Correction("fix", utc(11, 20, 2), "SUP", "wrong type",
                                  (FieldChange("transactions", MORTGAGE_LINES, CREDIT_LINES),)),)),
    # Nobody known served u1: counted apart, in no row.
    visit("u1", None, "2026-11-08T09:00+08:00", 600, [("ACCT_OPEN", 1, None)]),
]

SESSIONS = [
    # A: 23:00 local on 31 Oct to 09:00 on 1 Nov; clipped at local midnight (16:00 UTC): 9 h = 32,400 s.
    CounterSession("A", "C1", utc(10, 31, 15), utc(11, 1, 1)),
    # A: 8 h on C1 with an hour's lunch and a 15-minute break: 28,800 s, pauses 3,600 + 900.
    CounterSession("A", "C1", utc(11, 3, 1), utc(11, 3, 9), (
        PauseSpan("lunch", utc(11, 3, 4), utc(11, 3, 5)),
        PauseSpan("break", utc(11, 3, 7), utc(11, 3, 7, 15)),
    )),
    # A moved to counter C2: 4 h = 14,400 s.
    CounterSession("A", "C2", utc(11, 10, 1), utc(11, 10, 5)),
    # B: 2 h with a back-office pause from 02:30 until the close at 03:00: 1,800 s.
    CounterSession("B", "C3", utc(11, 5, 1), utc(11, 5, 3), (PauseSpan("back_office", utc(11, 5, 2, 30), None),)),
    # D signed in for an hour and served nobody; D is not on the staff list.
    CounterSession("D", "C4", utc(11, 20, 1), utc(11, 20, 2)),
]

STAFF = [StaffMember("A", "王芳"), StaffMember("B", "김민준"), StaffMember("C", "Carlos Núñez")]

PROMPTS = [
    Prompt("A", "wealth_product", utc(11, 15, 3)),  # 3 units
    Prompt("A", "mobile_banking", utc(11, 16, 3)),  # not listed: the default 1 unit
    Prompt("A", "wealth_product", utc(11, 30, 16, 30)),  # 00:30 on 1 Dec local: not counted
    Prompt("B", "loan", utc(11, 6, 3)),  # default 1 unit
]


@pytest.fixture(scope="module")
def report():
    return build_report(VISITS, NOVEMBER, SCHEME, SESSIONS, STAFF, PROMPTS)


def test_period_and_target(report):
    assert report.currency == "CNY"
    assert report.target_units == 100  # a whole calendar month
    assert [row.teller for row in report.rows] == ["A", "B", "C", "D"]
    assert report.unknown_codes == ()


def test_teller_a(report):
    a = report.rows[0]
    assert (a.teller, a.name, a.rank) == ("A", "王芳", 1)
    o = a.output
    assert o.visits == 5  # a0-a4
    assert o.standard_units == 82  # 3 + 50 + 4 + 5 + 20
    assert o.units_by_type == (
        TypeLine("ACCT_OPEN", items=1, units=1, actual_s=1200, standard_s=600),
        TypeLine("CASH_DEP", items=1, units=4, actual_s=360, standard_s=180),
        TypeLine("DRAFT_ISSUE", items=1, units=3, actual_s=600, standard_s=600),
        TypeLine("MORTGAGE", items=1, units=4, actual_s=1500, standard_s=1800),
        TypeLine("PAYROLL", items=700, units=70, actual_s=1500, standard_s=1200),
    )
    assert o.serving_s == 5160  # 600 + 900 + 1500 + 1560 + 600
    assert o.units_per_serving_hour == pytest.approx(82 / (5160 / 3600))  # 57.21
    assert o.service_ratio == pytest.approx(5160 / 4380)  # standard 600 + 600 + 1800 + 780 + 600
    assert o.overrun_share == pytest.approx(2 / 5)  # a1, a3
    assert (o.avg_rating, o.ratings) == (4.0, 3)  # (5 + 4 + 3) / 3
    assert (o.errors_minor, o.errors_major, o.complaints, o.corrected_visits, o.cross_sell_accepted) == (1, 0, 0, 0, 2)
    t = a.time
    assert t.signed_in_s == 75_600  # 32,400 + 28,800 + 14,400
    assert t.paused_by_reason == (("break", 900), ("lunch", 3600))
    assert t.paused_s == 4500
    assert t.serving_s == 5160
    assert t.idle_s == 65_940  # 75,600 - 5,160 - 4,500
    assert t.counters == ("C1", "C2")
    e = a.evaluation
    # 5 visits >= 3: a month without complaints earns 3; the minor error loses the no-error 5 and costs 1.
    assert e.standard_units == 82
    assert (e.quality_bonus_units, e.deduction_units) == (3, 1)
    assert e.cross_sell_units == 4  # wealth product 3 + mobile banking 1
    assert e.net_units == 88  # 82 + 3 - 1 + 4
    assert (e.target_units, e.attainment) == (100, 0.88)
    assert e.pay == 1080.0  # above the base line 80: 1,000 + 10 x (88 - 80)


def test_teller_b_with_a_corrected_visit(report):
    b = report.rows[1]
    assert (b.teller, b.name, b.rank) == ("B", "김민준", 2)
    o = b.output
    assert (o.visits, o.standard_units) == (3, 7)  # 2 + 2 + 3 (the corrected type's units)
    assert o.units_by_type == (
        TypeLine("FX_EXCH", items=1, units=2, actual_s=300, standard_s=360),
        TypeLine("LOAN_CREDIT", items=1, units=3, actual_s=1500, standard_s=1200),
        TypeLine("TRF_INTL", items=1, units=2, actual_s=1000, standard_s=720),
    )
    assert o.serving_s == 2800
    assert o.units_per_serving_hour == pytest.approx(9.0)  # 7 / (2800 / 3600)
    assert o.service_ratio == pytest.approx(2800 / 2280)
    assert o.overrun_share == pytest.approx(2 / 3)  # b1, b3
    assert (o.avg_rating, o.ratings) == (2.0, 1)
    assert (o.errors_minor, o.errors_major, o.complaints, o.corrected_visits, o.cross_sell_accepted) == (0, 1, 1, 1, 1)
    assert (b.time.signed_in_s, b.time.paused_s, b.time.idle_s) == (7200, 1800, 2600)  # 7,200 - 2,800 - 1,800
    assert (b.time.paused_by_reason, b.time.serving_s, b.time.counters) == ((("back_office", 1800),), 2800, ("C3",))
    e = b.evaluation
    # No bonus (an error and a complaint); deductions major 4 + complaint 2; cross-sell loan 1.
    assert (e.quality_bonus_units, e.deduction_units, e.cross_sell_units) == (0, 6, 1)
    assert e.net_units == 2  # 7 + 0 - 6 + 1
    assert (e.standard_units, e.target_units, e.attainment) == (7, 100, 0.02)
    assert e.pay == 0.0  # below the floor of 70


def test_tellers_without_visits_are_listed_with_zeros(report):
    c, d = report.rows[2], report.rows[3]
    # Equal net units share the rank; the name orders them.
    assert [(r.teller, r.name, r.rank) for r in (c, d)] == [("C", "Carlos Núñez", 3), ("D", "D", 3)]
    for row in (c, d):
        assert (row.output.visits, row.output.standard_units, row.output.units_by_type) == (0, 0, ())
        assert row.output.units_per_serving_hour is None
        assert row.output.service_ratio is None and row.output.overrun_share is None
        assert row.output.avg_rating is None
        assert (row.evaluation.quality_bonus_units, row.evaluation.net_units, row.evaluation.pay) == (0, 0, 0)
    assert c.time.signed_in_s == 0
    assert (d.time.signed_in_s, d.time.idle_s, d.time.counters) == (3600, 3600, ("C4",))


def test_branch_totals(report):
    t = report.totals
    assert t.tellers == 4
    assert t.unassigned_visits == 1
    o = t.output
    assert (o.visits, o.standard_units, o.serving_s) == (8, 89, 7960)
    assert o.units_per_serving_hour == pytest.approx(89 / (7960 / 3600))
    assert o.service_ratio == pytest.approx(7960 / 6660)  # standard 4,380 + 2,280
    assert o.overrun_share == pytest.approx(4 / 8)
    assert (o.avg_rating, o.ratings) == (3.5, 4)  # (5 + 4 + 3 + 2) / 4
    assert (o.errors_minor, o.errors_major, o.complaints, o.corrected_visits, o.cross_sell_accepted) == (1, 1, 1, 1, 3)
    # A and B share no type: the branch's lines are theirs, in code order; u1 (no teller) is not among them.
    assert o.units_by_type == (
        TypeLine("ACCT_OPEN", items=1, units=1, actual_s=1200, standard_s=600),
        TypeLine("CASH_DEP", items=1, units=4, actual_s=360, standard_s=180),
        TypeLine("DRAFT_ISSUE", items=1, units=3, actual_s=600, standard_s=600),
        TypeLine("FX_EXCH", items=1, units=2, actual_s=300, standard_s=360),
        TypeLine("LOAN_CREDIT", items=1, units=3, actual_s=1500, standard_s=1200),
        TypeLine("MORTGAGE", items=1, units=4, actual_s=1500, standard_s=1800),
        TypeLine("PAYROLL", items=700, units=70, actual_s=1500, standard_s=1200),
        TypeLine("TRF_INTL", items=1, units=2, actual_s=1000, standard_s=720),
    )
    assert (t.signed_in_s, t.paused_s, t.idle_s) == (86_400, 6300, 72_140)
    assert (t.net_units, t.pay) == (90, 1080.0)


def test_chart_data(report):
    assert [(bar.teller, bar.standard_units, bar.net_units) for bar in report.units_chart] == [
        ("A", 82, 88), ("B", 7, 2), ("C", 0, 0), ("D", 0, 0)
    ]
    a, b, c, _ = report.service_chart
    # A: 600, 900, 1500, 1560, 600 s in 2-minute bins: 5, 7, 12, 13, 5.
    assert a.counts == (0, 0, 0, 0, 0, 2, 0, 1, 0, 0, 0, 0, 1, 1, 0)
    assert a.five_numbers == (600, 600, 900, 1500, 1560)
    # B: 300, 1000, 1500 s; quartiles halfway between neighbours: 650 and 1250.
    assert b.counts == (0, 0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0)
    assert b.five_numbers == (300, 650, 1000, 1250, 1500)
    assert (sum(c.counts), c.five_numbers) == (0, ())


def test_changing_the_scheme_recomputes_the_report_not_the_records(report):
    before = list(VISITS)
    richer = parse_scheme(SCHEME_TEXT.replace("unit_price = 10", "unit_price = 20"))
    again = build_report(VISITS, NOVEMBER, richer, SESSIONS, STAFF, PROMPTS)
    assert again.rows[0].evaluation.pay == 1160.0  # 1,000 + 20 x 8
    assert again.rows[0].output == report.rows[0].output
    assert VISITS == before


def test_daylight_saving_days_in_santiago():
    zone = "America/Santiago"
    # 6 Sep 2026 lasts 23 hours (clocks skip midnight to 01:00), 4 Apr 2026 lasts 25 (23:00 happens twice).
    session = [CounterSession("A", "C1", utc(4, 1, 0), utc(9, 30, 0))]
    spring = build_report([], ReportPeriod(date(2026, 9, 6), date(2026, 9, 6), zone), SCHEME, session)
    autumn = build_report([], ReportPeriod(date(2026, 4, 4), date(2026, 4, 4), zone), SCHEME, session)
    assert spring.rows[0].time.signed_in_s == 23 * 3600
    assert autumn.rows[0].time.signed_in_s == 25 * 3600
    # The second 23:30 of 4 Apr (03:30 UTC on the 5th, after the clocks went back) is still 4 Apr.
    late = visit("x", "A", "2026-04-05T03:30+00:00", 600, [("ACCT_OPEN", 1, None)], tz=zone)
    assert late.day == date(2026, 4, 4)
    day = ReportPeriod(date(2026, 4, 4), date(2026, 4, 4), zone)
    assert build_report([late], day, SCHEME).rows[0].output.visits == 1
    # Each day is 1/30 of April's target.
    assert autumn.target_units == pytest.approx(100 / 30)


def test_open_session_counts_until_now():
    session = [CounterSession("A", "C1", utc(11, 2, 1), None)]
    result = build_report([], NOVEMBER, SCHEME, session, now=utc(11, 2, 3))
    assert result.rows[0].time.signed_in_s == 2 * 3600


def test_a_teller_correction_moves_the_visit_between_rows(engine, clock):
    engine.execute(lambda c: c.open_counter("C1", "T1"))
    (issued,) = engine.execute(lambda c: c.issue_ticket("CASH"))
    engine.execute(lambda c: c.call_next("C1"))
    engine.execute(lambda c: c.start("C1"))
    clock.advance(400)
    engine.execute(lambda c: c.finish("C1", [TransactionLine("ACCT_OPEN")]))
    (record,) = build_visits(engine.journal, CATALOGUE, SHANGHAI)
    change = correct_visit(record, "SUP", "T2 served, signed in as T1", CATALOGUE, teller="T2")
    engine.execute(lambda c: c.ctx.build(c.state.next_seq(c.ctx.station_id), [change]))
    visits = build_visits(engine.journal, CATALOGUE, SHANGHAI)
    staff = [StaffMember("T1", "One")]
    result = build_report(visits, NOVEMBER, SCHEME, build_sessions(engine.journal), staff, now=clock.now())
    rows = {row.teller: row for row in result.rows}
    assert (rows["T1"].output.visits, rows["T2"].output.visits) == (0, 1)
    assert rows["T2"].output.corrected_visits == 1
    assert rows["T2"].output.standard_units == 1
    # The session was T1's: signed-in time stays with T1, the serving time goes with the visit.
    assert rows["T1"].time.signed_in_s == 400 and rows["T2"].time.serving_s == 400


def test_histogram_edges_and_overflow():
    counts = histogram([0, 119.9, 120, 1679, 1680, 5000])
    # [0, 120) twice; [120, 240) once; 1679 s in [1560, 1680); the 15th bin is open: [1680, ...) holds two.
    assert counts == (2, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2)
