from datetime import UTC, date, datetime

import pytest

from queueing.core.transaction_types import load_catalogue
from queueing.records.visits import VisitRecord, price_lines
from queueing.reports.piece_rate import load_scheme
from queueing.reports.piece_rate_branches import build_branches_report
from queueing.reports.piece_rate_report import ReportPeriod, StaffMember, build_report

CATALOGUE = load_catalogue()
WEEK = (date(2026, 11, 2), date(2026, 11, 8))


def visit(ticket, teller, service_s, lines, day=date(2026, 11, 3), rating=None):
    end = datetime(day.year, day.month, day.day, 3, tzinfo=UTC)
    return VisitRecord(
        ticket_id=ticket, number=ticket, category="CASH", priority="regular", counter_id="C1", station_id="S1",
        teller=teller, issued_at=None, called_at=None, started_at=None, finished_at=end, day=day,
        wait_s=0.0, service_s=service_s, lines=price_lines(lines, CATALOGUE), outcome="completed", rating=rating,
    )  # fmt: skip


def test_grand_total_counts_every_visit_once_and_keeps_each_branch_report():
    scheme = load_scheme()
    a_visits = [
        visit("a1", "T1", 900, [{"code": "PAYROLL", "quantity": 55}], rating=5),  # 600 s standard: overran
        visit("a2", "T1", 100, [{"code": "CASH_DEP", "quantity": 1, "amount": 25_000}]),  # 180 s: within
        visit("a3", "T1", 100, [{"code": "CASH_DEP", "quantity": 1}], day=date(2026, 11, 9)),  # after the week
    ]
    b_visits = [visit("b1", "T1", 1800, [{"code": "MORTGAGE", "quantity": 1}], rating=2)]  # 1800 s: not over
    a = build_report(a_visits, ReportPeriod(*WEEK, "Asia/Shanghai"), scheme, (), [StaffMember("T1", "王芳")])
    b = build_report(b_visits, ReportPeriod(*WEEK, "America/Mexico_City"), scheme, (), [StaffMember("T1", "Ana")])
    report = build_branches_report(*WEEK, "piece_rate.toml", [("A", "Alpha", a, a_visits), ("B", "Beta", b, b_visits)])
    assert [(s.branch_id, s.report) for s in report.branches] == [("A", a), ("B", b)]
    t = report.totals
    assert (t.tellers, t.output.visits, t.output.ratings, t.output.avg_rating) == (2, 3, 2, 3.5)
    assert t.output.overrun_share == pytest.approx(1 / 3)  # one of three timed visits, not the mean of 1/2 and 0
    assert t.output.standard_units == pytest.approx(a.totals.output.standard_units + b.totals.output.standard_units)
    assert t.net_units == pytest.approx(a.totals.net_units + b.totals.net_units)
    assert t.pay == round(a.totals.pay + b.totals.pay, 2)
    assert report.currency == scheme.currency


def test_no_branch_is_refused():
    with pytest.raises(ValueError, match="at least one branch"):
        build_branches_report(*WEEK, "piece_rate.toml", [])
