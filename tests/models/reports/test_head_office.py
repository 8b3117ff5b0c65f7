"""Reports over branches on SQLite and on PostgreSQL: two branches in different time zones, figures by hand.

The week and its expected figures are in tests/two_branches.py.
"""

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from staff_sessions import add_accounts, session_of
from two_branches import EXPECTED, NOW, WEEK, build_two_branches

from models.reports.head_office import (
    StoreBranch,
    choose_branches,
    piece_rate_over_branches,
    records_for,
    service_report,
)
from models.store.database import open_store
from queueing.core.roles import PermissionDenied, Role
from queueing.core.transaction_types import load_catalogue
from queueing.reports.piece_rate import default_scheme_path, load_scheme

HEAD = session_of("SH", "HQ1", Role.ADMINISTRATOR, "HQ")  # an administrator reports on every branch


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def branches(request, tmp_path):
    url = str(tmp_path / "store.db") if request.param == "sqlite" else request.getfixturevalue("pg_url")
    store = open_store(url)
    try:
        built = build_two_branches(store)
        add_accounts(store, HEAD)
        yield built
    finally:
        store.close()


def _figures(line):
    c = line.counts
    return (c.issued, c.served, c.no_shows, line.mean_wait_s, line.p90_wait_s, line.service_level, line.mean_service_s)


def test_service_report_per_branch_and_across_branches(branches):
    chosen = choose_branches(branches.store, all_branches=True)
    assert [b.id for b in chosen] == ["MX", "SH"]
    report = service_report(HEAD, branches.store, chosen, *WEEK)
    found = {}
    for section in report.branches:
        for line in section.lines:
            found[(section.branch_id, line.category)] = _figures(line)
        found[(section.branch_id,)] = _figures(section.total)
    found[()] = _figures(report.total)
    # Every category of the branch has its line; those without tickets are empty.
    assert found[("SH", "LOANS")] == (0, 0, 0, None, None, None, None)
    expected = {key: pytest.approx(value) for key, value in EXPECTED.items()}
    assert {key: found[key] for key in EXPECTED} == expected
    assert [s.timezone for s in report.branches] == ["America/Mexico_City", "Asia/Shanghai"]


def test_service_report_of_one_branch_equals_its_part_of_the_whole(branches):
    (sh,) = choose_branches(branches.store, ["SH"])
    alone = service_report(HEAD, branches.store, [sh], *WEEK)
    assert _figures(alone.total) == pytest.approx(EXPECTED[("SH",)])
    assert _figures(alone.branches[0].total) == _figures(alone.total)


def test_service_report_names_categories_in_the_language_asked(branches):
    (sh,) = choose_branches(branches.store, ["SH"])
    report = service_report(HEAD, branches.store, [sh], *WEEK, language="zh_CN", total_names=("网点合计", "全部网点"))
    cash = next(line for line in report.branches[0].lines if line.category == "CASH")
    assert cash.category_name != "Cash and deposits" and cash.category_name
    assert (report.branches[0].total.category_name, report.total.branch_name) == ("网点合计", "全部网点")


def test_an_empty_period_gives_every_line_empty(branches):
    chosen = choose_branches(branches.store, all_branches=True)
    report = service_report(HEAD, branches.store, chosen, WEEK[0].replace(year=2025), WEEK[1].replace(year=2025))
    assert report.total.counts.issued == 0 and report.total.p90_wait_s is None
    assert all(line.counts.issued == 0 for line in report.lines())
    assert len(report.lines()) == 2 * 6 + 2 + 1  # six categories and a total per branch, and the overall total


def test_piece_rate_over_branches_keeps_each_branch_report_and_adds_them_up(branches):
    store, catalogue, scheme = branches.store, load_catalogue(), load_scheme()
    chosen = choose_branches(store, ["SH", "MX"])
    report = piece_rate_over_branches(HEAD, store, chosen, *WEEK, scheme, default_scheme_path(), catalogue, NOW)
    assert report.scheme_name == "piece_rate.toml"
    sh, mx = report.branches
    # Each branch's part is the report the branch alone gets, in its own time zone.
    for part, branch in ((sh, chosen[0]), (mx, chosen[1])):
        records = records_for(store, branch, catalogue)
        assert part.report == records.report(HEAD, records.period(*WEEK), scheme, NOW)
    assert [(r.teller, r.name, r.output.visits) for r in sh.report.rows] == [("T1", "王小明", 2), ("T2", "김민지", 1)]
    assert [(r.teller, r.name, r.output.visits) for r in mx.report.rows] == [("T1", "Ana Peña", 2)]
    assert mx.report.period.timezone == "America/Mexico_City"
    t = report.totals
    assert (t.tellers, t.output.visits) == (3, 5)
    assert t.output.standard_units == pytest.approx(sh.report.totals.output.standard_units
                                                    + mx.report.totals.output.standard_units)  # fmt: skip
    assert t.pay == pytest.approx(sh.report.totals.pay + mx.report.totals.pay)
    # Service ratio and overrun share are counted over all five visits, not averaged over branches.
    assert t.output.serving_s == pytest.approx(240 + 600 + 300 + 360 + 240)


def test_choosing_branches(branches):
    store = branches.store
    with pytest.raises(ValueError, match=r"say --branch or --all-branches \(branches in .*: MX, SH\)"):
        choose_branches(store)
    with pytest.raises(ValueError, match=r"has no branch 'NOPE' \(branches: MX, SH\)"):
        choose_branches(store, ["SH", "NOPE"])
    assert [b.id for b in choose_branches(store, ["SH", "MX", "SH"])] == ["SH", "MX"]
    assert choose_branches(store, ["SH"]) == [StoreBranch("SH", "上海分行", "Asia/Shanghai")]


def test_the_store_of_one_branch_needs_no_branch_named(service):
    assert choose_branches(service.store) == [StoreBranch("B1", "Test branch", "Asia/Shanghai")]


def test_only_an_administrator_reports_on_another_branch(branches):
    supervisor = session_of("SH", "S1", Role.SUPERVISOR, "ST1")
    add_accounts(branches.store, supervisor)
    sh, mx = choose_branches(branches.store, ["SH", "MX"])
    assert service_report(supervisor, branches.store, [sh], *WEEK).branches
    with pytest.raises(PermissionDenied, match="only an administrator"):
        service_report(supervisor, branches.store, [sh, mx], *WEEK)
    teller = session_of("SH", "T1", Role.TELLER, "ST1")
    with pytest.raises(PermissionDenied):
        service_report(teller, branches.store, [sh], *WEEK)
