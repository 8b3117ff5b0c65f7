"""Each teller's pay statement in the piece-rate PDF: id and name, units by type, short visits, pay, signatures."""

import re
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QSizeF
from records_harness import MONTH, SUPERVISOR, build_month, serve

from models.store.database import open_store
from queueing.core.tickets import TransactionLine as Line
from queueing.records.visits import ShortDecision
from queueing.reports.piece_rate import load_scheme
from ui.reports.piece_rate_pdf import build_document, report_html, write_pdf


@pytest.fixture
def month(tmp_path):
    store = open_store(str(tmp_path / "store.db"))
    m = build_month(store)
    m.clock.set(datetime(2026, 11, 6, 1, 0, tzinfo=UTC))
    m.branch.open_counter("C1", "T1")
    approved = serve(m.branch, m.clock, "C1", "CASH", [Line("ACCT_OPEN")], 5)
    serve(m.branch, m.clock, "C1", "CASH", [Line("CASH_DEP", 1, 1000)], 1.4)
    m.records.review_short(SUPERVISOR, approved, ShortDecision.APPROVED, "form filled in beforehand")
    yield m
    store.close()


def test_every_teller_gets_a_statement_with_breakdown_and_signature_lines(qapp, month):
    report = month.records.report(SUPERVISOR, month.records.period(*MONTH), load_scheme())
    html = report_html(report, "Riverside branch", month.records.type_names(), datetime(2026, 12, 1, tzinfo=UTC))
    statements = html.split("page-break-before: always")[1:]
    assert len(statements) == len(report.rows)
    t1 = next(s for s, row in zip(statements, report.rows, strict=True) if row.teller == "T1")
    row = next(r for r in report.rows if r.teller == "T1")
    assert "ID T1" in t1 and "王小明" in t1 and "2026-11-01 – 2026-11-30" in t1
    assert "Account opening (ACCT_OPEN)" in t1
    assert "of which approved short visits: 1" in t1
    assert "awaiting review or rejected): 1" in t1
    assert t1.count("Date") == 2 and "Supervisor" in t1 and "_" * 28 in t1
    assert f"{row.evaluation.pay:,.2f}" in t1 or f"{row.evaluation.pay:.2f}" in t1
    for t in row.output.units_by_type:
        assert f"({t.code})" in t1


def test_hostile_names_are_text_not_markup(qapp, month):
    from sqlalchemy import update

    from models.store.tables import StaffRow

    with month.branch.store.write_session() as session:
        session.execute(update(StaffRow).where(StaffRow.id == "T2").values(name="<h1>Boss</h1>&amp;"))
    report = month.records.report(SUPERVISOR, month.records.period(*MONTH), load_scheme())
    html = report_html(report, "Riverside branch", {}, datetime(2026, 12, 1, tzinfo=UTC))
    assert "<h1>Boss" not in html and "&lt;h1&gt;Boss&lt;/h1&gt;&amp;amp;" in html


def test_the_statement_pages_print(qapp, month, tmp_path):
    report = month.records.report(SUPERVISOR, month.records.period(*MONTH), load_scheme())
    out = tmp_path / "report.pdf"
    write_pdf(report, out, "Riverside branch", month.records.type_names())
    document = build_document(report, "Riverside branch", month.records.type_names(), datetime(2026, 12, 1),
                              QSizeF(1032, 700))
    # The branch pages, then one page (at least) per teller, in the document and in the file.
    assert document.pageCount() >= 2 + len(report.rows)
    assert len(re.findall(rb"/Type\s*/Page\b(?!s)", out.read_bytes())) >= 2 + len(report.rows)
