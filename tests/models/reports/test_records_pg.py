"""The records' store path on PostgreSQL: the same month, the same report as the journal replay."""

from datetime import UTC, datetime

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from staff_sessions import add_accounts
from test_records_service import NOVEMBER, SUPERVISOR, reference_report, serve

from models.branch.service import BranchService
from models.reports.records_service import RecordsService
from models.store.database import open_store
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.tickets import TransactionLine as Line
from queueing.core.transaction_types import load_catalogue
from queueing.records.visits import QualityKind
from queueing.reports.piece_rate import load_scheme

pytestmark = pytest.mark.postgres


def test_the_store_path_equals_the_journal_replay_on_postgres(pg_url):
    store = open_store(pg_url)
    try:
        clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
        service = BranchService(store, load_branch_config(), "B1", "ST1", clock)
        service.ensure_branch("Test branch")
        add_accounts(store, SUPERVISOR)
        service.run(lambda c: c.configure_counter("C1", "1", {"CASH": 1}))
        service.open_counter("C1", "T1")
        records = RecordsService(service, load_catalogue())
        first = serve(service, clock, "C1", "CASH", [Line("CASH_DEP", 1, 35_000)], 240)
        records.rate(first, 4)
        second = serve(service, clock, "C1", "CASH", [Line("ACCT_OPEN"), Line("ENQUIRY")], 600)
        records.record_quality(SUPERVISOR, second, QualityKind.COMPLAINT, "slow")
        records.correct(SUPERVISOR, second, "no enquiry", transactions=[Line("ACCT_OPEN")])
        clock.set(datetime(2026, 11, 30, 15, 55, tzinfo=UTC))  # across midnight into December
        serve(service, clock, "C1", "CASH", [Line("ACCT_OPEN")], 600, wait_s=0)
        period, scheme, now = records.period(*NOVEMBER), load_scheme(), clock.now()
        report = records.report(SUPERVISOR, period, scheme, now)
        assert report == reference_report(records, period, scheme, now)
        (t1,) = report.rows
        assert (t1.output.visits, t1.output.standard_units, t1.output.avg_rating) == (2, 4.0, 4.0)
        assert t1.output.complaints == 1 and t1.output.corrected_visits == 1
    finally:
        store.close()


def test_the_counted_report_is_the_reference_on_postgres(pg_url):
    """The edge-case month of test_report_equivalence on PostgreSQL: rows read unordered, lines cast to text."""
    from test_report_equivalence import Branch, _month

    store = open_store(pg_url)
    try:
        branch = Branch(store, "America/Mexico_City")
        _month(branch)
        records, scheme, now = branch.records, load_scheme(), branch.clock.now()
        period = records.period(*NOVEMBER)
        counted = records.report(SUPERVISOR, period, scheme, now)
        assert counted == records.report_and_visits(SUPERVISOR, period, scheme, now)[0]
        assert counted == reference_report(records, period, scheme, now)
        assert counted.unknown_codes == ("NOT_A_CODE",) and counted.totals.unassigned_visits == 2
    finally:
        store.close()
