import csv
from datetime import UTC, date, datetime

import pytest
from openpyxl import load_workbook

from models.reports.export import COLUMNS, write_csv, write_xlsx
from queueing.core.transaction_types import load_catalogue
from queueing.records.teller_time import CounterSession
from queueing.records.visits import VisitRecord, price_lines
from queueing.reports.piece_rate import load_scheme
from queueing.reports.piece_rate_report import ReportPeriod, StaffMember, build_report

CATALOGUE = load_catalogue()


def visit(ticket, teller, service, lines, rating=None):
    end = datetime(2026, 11, 10, 3, 0, tzinfo=UTC)
    return VisitRecord(
        ticket_id=ticket, number=ticket, category="CASH", priority="regular", counter_id="C1", station_id="S1",
        teller=teller, issued_at=None, called_at=None, started_at=None, finished_at=end, day=date(2026, 11, 10),
        wait_s=0.0, service_s=service, lines=price_lines(lines, CATALOGUE), outcome="completed", rating=rating,
    )


@pytest.fixture(scope="module")
def report():
    visits = [
        visit("1", "A", 900, [{"code": "PAYROLL", "quantity": 55}], rating=5),  # 6 units, standard 600 s
        visit("2", "A", 300, [{"code": "CASH_DEP", "quantity": 1, "amount": 25_000}]),  # 2 units, 180 s
        visit("3", "B", 1800, [{"code": "MORTGAGE", "quantity": 1}], rating=4),  # 4 units, 1800 s
    ]
    staff = [StaffMember("A", "王芳"), StaffMember("B", "김민준"), StaffMember("C", "Núñez")]
    sessions = [CounterSession("A", "C1", datetime(2026, 11, 10, 1, tzinfo=UTC), datetime(2026, 11, 10, 5, tzinfo=UTC))]
    period = ReportPeriod(date(2026, 11, 1), date(2026, 11, 30), "Asia/Shanghai")
    return build_report(visits, period, load_scheme(), sessions, staff)


def test_csv_keeps_cjk_names_behind_a_bom(report, tmp_path):
    path = tmp_path / "piece_rate.csv"
    write_csv(report, path, headers={"name": "姓名"})
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    header = rows[0]
    assert len(header) == len(COLUMNS) + 2 and header[:5] == ["From", "To", "Rank", "Teller ID", "姓名"]
    body = {row[3]: dict(zip(header, row, strict=True)) for row in rows[1:]}
    assert [row[4] for row in rows[1:]] == ["王芳", "김민준", "Núñez", "Total"]
    assert {(row[0], row[1]) for row in rows[1:]} == {("2026-11-01", "2026-11-30")}  # every line says its month
    a = body["A"]
    assert (a["Rank"], a["Visits"], a["Standard units"], a["Average rating"]) == ("1", "2", "8.0", "5.0")
    assert a["Service time / standard"] == "1.538"  # 1200 / 780
    assert a["Overrun share"] == "1.0"
    assert a["Signed-in hours"] == "4.0"
    assert a["Serving hours"] == "0.33"  # 1200 s
    assert body["C"]["Average rating"] == ""  # no rating: an empty cell, not a zero
    total = body[""]
    assert (total["Rank"], total["Visits"], total["Standard units"], total["Target units"]) == ("", "3", "12.0", "")


def test_xlsx_has_real_numbers_and_dates(report, tmp_path):
    path = tmp_path / "piece_rate.xlsx"
    write_xlsx(report, path, type_names={t.code: t.name("zh_CN") for t in CATALOGUE.types.values()})
    book = load_workbook(path)
    assert book.sheetnames == ["Tellers", "Units by type"]
    sheet = book["Tellers"]
    header = [cell.value for cell in sheet[1]]
    assert header[:5] == ["From", "To", "Rank", "Teller ID", "Name"]
    col = {title: index for index, title in enumerate(header)}
    first = [cell for cell in sheet[2]]
    assert first[col["From"]].value == datetime(2026, 11, 1)  # a date cell (openpyxl reads dates as datetimes)
    assert first[col["From"]].is_date and first[col["From"]].number_format == "yyyy-mm-dd"
    assert first[col["Name"]].value == "王芳"
    assert first[col["Visits"]].value == 2 and first[col["Visits"]].data_type == "n"
    assert first[col["Standard units"]].value == 8
    assert first[col["Service time / standard"]].value == pytest.approx(1200 / 780)
    assert first[col["Overrun share"]].number_format == "0.0%"
    assert first[col["Pay"]].number_format == "#,##0.00"
    assert first[col["Average rating"]].value == 5
    no_rating = [cell for cell in sheet[4]]
    assert no_rating[col["Name"]].value == "Núñez" and no_rating[col["Average rating"]].value is None
    total = [cell.value for cell in sheet[5]]
    assert total[col["Name"]] == "Total" and total[col["Visits"]] == 3 and total[col["Standard units"]] == 12
    types = book["Units by type"]
    rows = [[cell.value for cell in row] for row in types.iter_rows(min_row=2)]
    assert [(r[0], r[2], r[3], r[4], r[5]) for r in rows] == [
        ("A", "CASH_DEP", "现金存款", 1, 2),
        ("A", "PAYROLL", "代发工资（数量为人数）", 55, 6),
        ("B", "MORTGAGE", "个人住房贷款", 1, 4),
    ]


def test_names_that_look_like_formulas_stay_text(tmp_path):
    period = ReportPeriod(date(2026, 11, 1), date(2026, 11, 30), "UTC")
    report = build_report([], period, load_scheme(), staff=[StaffMember("X", "=HYPERLINK(\"http://x\")")])
    write_csv(report, tmp_path / "r.csv")
    write_xlsx(report, tmp_path / "r.xlsx")
    rows = list(csv.reader((tmp_path / "r.csv").read_text(encoding="utf-8-sig").splitlines()))
    assert rows[1][4] == "'=HYPERLINK(\"http://x\")"
    cell = load_workbook(tmp_path / "r.xlsx")["Tellers"]["E2"]
    assert cell.value == '=HYPERLINK("http://x")' and cell.data_type == "s"


def test_a_name_that_opens_with_a_tab_or_return_stays_text(tmp_path):
    # A spreadsheet drops a leading tab or carriage return and evaluates what follows.
    period = ReportPeriod(date(2026, 11, 1), date(2026, 11, 30), "UTC")
    staff = [StaffMember("X", "\t=1+1"), StaffMember("Y", "\r@SUM(A1)")]
    write_csv(build_report([], period, load_scheme(), staff=staff), tmp_path / "r.csv")
    with (tmp_path / "r.csv").open(encoding="utf-8-sig", newline="") as handle:
        names = sorted(row[4] for row in list(csv.reader(handle))[1:3])
    assert names == ["'\t=1+1", "'\r@SUM(A1)"]
