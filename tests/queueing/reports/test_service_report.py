from datetime import date
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from queueing.reports.service_report import (
    P90,
    BranchInfo,
    CategoryInfo,
    ServiceCounts,
    build_service_report,
    percentile_at,
    percentile_ranks,
)
from queueing.simulation.report import percentile

WEEK = (date(2026, 11, 2), date(2026, 11, 8))


@given(st.lists(st.floats(min_value=0, max_value=1e5), min_size=1, max_size=60), st.sampled_from([P90, Fraction(1, 2)]))
def test_two_order_statistics_give_the_simulators_percentile(values, share):
    ordered = sorted(values)
    low, high, _ = percentile_ranks(len(ordered), share)
    # Only the two ranks the database returns are needed.
    found = percentile_at(len(ordered), share, {low: ordered[low], high: ordered[high]})
    assert found == pytest.approx(percentile(values, float(share)))


def test_ranks_by_hand():
    assert percentile_ranks(1, P90) == (0, 0, 0.0)
    assert percentile_ranks(2, P90) == (0, 1, pytest.approx(0.9))
    assert percentile_ranks(11, P90) == (9, 10, 0.0)  # exact in fractions: 0.9 * 10 is rank 9, not 8.999...
    assert percentile_at(0, P90, {}) is None
    with pytest.raises(ValueError):
        percentile_ranks(0, P90)


def test_lines_for_every_category_totals_and_an_unlisted_category():
    cash, fx = CategoryInfo("CASH", "Cash", 600.0), CategoryInfo("FX", "Foreign exchange", 720.0)
    branches = [BranchInfo("A", "Alpha", "Asia/Seoul", (cash, fx)), BranchInfo("B", "Beta", "Europe/Madrid", (cash,))]
    counts = {
        ("A", "CASH"): ServiceCounts(4, 3, 1, 900.0, 600.0, 3, 2),
        ("B", "CASH"): ServiceCounts(2, 2, 0, 200.0, 400.0, 2, 2),
        ("B", "OLD"): ServiceCounts(1, 1, 0, 100.0, 50.0, 0, 0),  # a category the branch no longer lists
    }
    p90 = {("A", "CASH"): 500.0, ("A",): 500.0, ("B",): 150.0, (): 480.0}
    report = build_service_report(*WEEK, branches, counts, p90, ("Subtotal", "Everywhere"))
    a, b = report.branches
    assert [line.category for line in a.lines] == ["CASH", "FX"]
    assert a.lines[1].counts == ServiceCounts() and a.lines[1].mean_wait_s is None
    assert (a.lines[0].mean_wait_s, a.lines[0].service_level, a.lines[0].mean_service_s) == (300.0, 2 / 3, 200.0)
    assert [(line.category, line.category_name, line.target_wait_s) for line in b.lines] == [
        ("CASH", "Cash", 600.0),
        ("OLD", "OLD", None),
    ]
    assert b.lines[1].service_level is None
    assert b.total.counts == ServiceCounts(3, 3, 0, 300.0, 450.0, 2, 2) and b.total.category_name == "Subtotal"
    assert report.total.counts.issued == 7 and report.total.branch_name == "Everywhere"
    assert report.total.service_level == 4 / 5 and report.total.p90_wait_s == 480.0
    assert len(report.lines()) == 2 + 1 + 2 + 1 + 1


def test_a_period_that_ends_before_it_starts_is_refused():
    with pytest.raises(ValueError, match="ends"):
        build_service_report(WEEK[1], WEEK[0], [], {}, {})
