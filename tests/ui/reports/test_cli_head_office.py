"""`counterline report piece-rate|service` over several branches: files, languages and refusals.

The store is tests/two_branches.py's: SH (Asia/Shanghai) and MX (America/Mexico_City).
"""

import csv
from datetime import timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import insert
from two_branches import head_office_store

from main import main
from models.staff.service import hash_pin
from models.store.database import open_store
from models.store.tables import StaffRow


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "head_office.db"
    head_office_store(path)
    return path


def _report(db, kind, out, *extra, first="2026-11-02", last="2026-11-08"):
    who = str(db.parent / "hq.toml")
    return main(
        ["--db", str(db), "report", kind, "--from", first, "--to", last, "--out", str(out), "--as", who, *extra]
    )


def _rows(path):
    return list(csv.reader(path.read_text(encoding="utf-8-sig").splitlines()))


def test_one_branch_gives_the_single_branch_report(db, tmp_path, capsys):
    out = tmp_path / "sh.csv"
    assert _report(db, "piece-rate", out, "--branch", "SH") == 0
    assert "2 tellers, 3 visits" in capsys.readouterr().out
    header, *lines = _rows(out)
    assert header[:5] == ["From", "To", "Rank", "Teller ID", "Name"]
    assert [line[4] for line in lines] == ["王小明", "김민지", "Total"]
    assert {tuple(line[:2]) for line in lines} == {("2026-11-02", "2026-11-08")}  # the period, in every line


def test_piece_rate_over_two_branches_csv(db, tmp_path, capsys):
    out = tmp_path / "both.csv"
    assert _report(db, "piece-rate", out, "--branch", "SH,MX") == 0
    assert "2 branches, 3 tellers, 5 visits" in capsys.readouterr().out
    scheme, header, *lines = _rows(out)
    assert scheme[:2] == ["Pay scheme (the same for every branch)", "piece_rate.toml"]
    assert header[:7] == ["From", "To", "Branch ID", "Branch", "Rank", "Teller ID", "Name"]
    by = [(line[2], line[5], line[6], line[header.index("Visits")]) for line in lines]
    assert by == [
        ("SH", "T1", "王小明", "2"),
        ("SH", "T2", "김민지", "1"),
        ("SH", "", "Branch total", "3"),
        ("MX", "T1", "Ana Peña", "2"),
        ("MX", "", "Branch total", "2"),
        ("", "", "All branches", "5"),
    ]


def test_piece_rate_over_all_branches_xlsx_and_translated_pdf(qapp, db, tmp_path):
    out = tmp_path / "all.xlsx"
    assert _report(db, "piece-rate", out, "--all-branches") == 0
    sheet = load_workbook(out)["Tellers"]
    header = [c.value for c in sheet[2]]
    assert header[:4] == ["From", "To", "Branch ID", "Branch"]
    branches = [row[2].value for row in sheet.iter_rows(min_row=3)]
    assert branches == ["MX", "MX", "SH", "SH", "SH", None]
    assert sheet.cell(row=3, column=1).value.date().isoformat() == "2026-11-02"
    types = load_workbook(out)["Units by type"]
    assert [c.value for c in types[1]][:4] == ["Branch ID", "Teller ID", "Name", "Transaction type"]
    assert {row[0].value for row in types.iter_rows(min_row=2)} == {"MX", "SH"}
    assert _report(db, "piece-rate", tmp_path / "all.pdf", "--all-branches", "--language", "zh_CN") == 0
    assert (tmp_path / "all.pdf").read_bytes().startswith(b"%PDF")
    assert _report(db, "piece-rate", tmp_path / "all_ko.csv", "--all-branches", "--language", "ko") == 0
    assert _rows(tmp_path / "all_ko.csv")[1][2:4] == ["지점 ID", "지점"]


def test_service_report_csv(db, tmp_path, capsys):
    out = tmp_path / "service.csv"
    assert _report(db, "service", out, "--all-branches") == 0
    assert "2 branches, 7 tickets issued, 5 served, 1 no-shows" in capsys.readouterr().out
    header, *lines = _rows(out)
    assert header[:7] == ["From", "To", "Branch ID", "Branch", "Category", "Category name", "Tickets issued"]
    rows = {(line[2] or line[3], line[4] or line[5]): dict(zip(header, line, strict=True)) for line in lines}
    cash = rows[("SH", "CASH")]
    assert (cash["Tickets issued"], cash["Served"], cash["No-shows"]) == ("3", "2", "1")
    assert (cash["Mean wait (min)"], cash["90th percentile wait (min)"], cash["Target wait (min)"]) == (
        "10.0",
        "14.0",
        "10.0",
    )
    assert (cash["Served within target"], cash["Mean service time (min)"]) == ("0.5", "7.0")
    total = rows[("All branches", "")]
    assert (total["Tickets issued"], total["90th percentile wait (min)"], total["Served within target"]) == (
        "7",
        "18.0",
        "0.6",
    )
    assert rows[("MX", "Branch total")]["Mean wait (min)"] == "13.5"  # (420 + 1200) / 2 s


def test_service_report_xlsx_pdf_and_translated_headers(qapp, db, tmp_path):
    assert _report(db, "service", tmp_path / "s.xlsx", "--branch", "MX", "--branch", "SH") == 0
    sheet = load_workbook(tmp_path / "s.xlsx")["Service"]
    header = [c.value for c in sheet[1]]
    first = {h: c.value for h, c in zip(header, sheet[2], strict=True)}
    assert (first["Branch ID"], first["Category"], first["Tickets issued"]) == ("MX", "CASH", 2)
    assert first["Mean wait (min)"] == 7.0  # 420 s, a number shown with two decimals
    assert sheet.cell(row=2, column=header.index("Mean wait (min)") + 1).number_format == "0.00"
    assert _report(db, "service", tmp_path / "s.pdf", "--all-branches", "--language", "es") == 0
    assert (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    assert _report(db, "service", tmp_path / "s_zh.csv", "--all-branches", "--language", "zh_CN") == 0
    header, *lines = _rows(tmp_path / "s_zh.csv")
    assert header[:2] == ["起", "止"] and header[6] == "取号数"
    assert lines[-1][3] == "全部网点"
    assert any(line[5] == "现金存取" for line in lines)  # category names from the store, in the language asked
    # The sheet's name is the reader's too, as the piece-rate workbook's are: it read "Service" in every language.
    assert _report(db, "service", tmp_path / "s_zh.xlsx", "--all-branches", "--language", "zh_CN") == 0
    assert load_workbook(tmp_path / "s_zh.xlsx").sheetnames == ["服务质量报表"]


def test_an_empty_period_gives_headers_and_empty_lines(db, tmp_path):
    out = tmp_path / "empty.csv"
    assert _report(db, "service", out, "--branch", "SH", first="2025-01-01", last="2025-01-31") == 0
    header, *lines = _rows(out)
    assert len(header) == 15 and len(lines) == 6 + 1 + 1
    assert all(line[6] == "0" and line[header.index("Mean wait (min)")] == "" for line in lines)
    assert {tuple(line[:2]) for line in lines} == {("2025-01-01", "2025-01-31")}  # an empty month still says which
    out = tmp_path / "empty_pr.csv"
    assert _report(db, "piece-rate", out, "--all-branches", first="2025-01-01", last="2025-01-31") == 0
    assert _rows(out)[-1][6] == "All branches"


@pytest.mark.parametrize("kind", ["piece-rate", "service"])
def test_bad_branches_are_refused_by_name(db, tmp_path, capsys, kind):
    assert _report(db, kind, tmp_path / "x.csv", "--branch", "SH,NOPE") == 2  # bad input (README, exit codes)
    assert "has no branch 'NOPE' (branches: MX, SH)" in capsys.readouterr().err
    assert _report(db, kind, tmp_path / "x.csv") == 2
    err = capsys.readouterr().err
    assert "say --branch or --all-branches (branches in" in err and "MX, SH)" in err
    assert _report(db, kind, tmp_path / "x.csv", "--branch", "SH", last="2026-11-01") == 2
    assert "before it starts" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        _report(db, kind, tmp_path / "x.csv", "--branch", "SH", "--all-branches")
    assert "not allowed with argument" in capsys.readouterr().err
    assert not (tmp_path / "x.csv").exists()


def test_a_report_needs_a_signed_in_supervisor_or_administrator(db, tmp_path, capsys):
    teller = tmp_path / "teller.toml"
    teller.write_text('id = "T1"\npin = "1111"\n')
    teller.chmod(0o600)
    argv = ["--db", str(db), "report", "service", "--from", "2026-11-02", "--to", "2026-11-08", "--branch", "SH"]
    assert main([*argv, "--out", str(tmp_path / "t.csv"), "--as", str(teller)]) == 2
    assert "unknown staff id or wrong PIN" in capsys.readouterr().err  # T1's row has no usable PIN
    assert not (tmp_path / "t.csv").exists()


def test_a_scheme_file_named_like_a_formula_is_text_in_the_export(db, tmp_path):
    from queueing.reports.piece_rate import default_scheme_path

    scheme = tmp_path / "=HYPERLINK(A1).toml"
    scheme.write_bytes(default_scheme_path().read_bytes())
    assert _report(db, "piece-rate", tmp_path / "both.csv", "--branch", "SH,MX", "--scheme", str(scheme)) == 0
    assert _rows(tmp_path / "both.csv")[0][1] == "'=HYPERLINK(A1).toml"
    assert _report(db, "piece-rate", tmp_path / "both.xlsx", "--branch", "SH,MX", "--scheme", str(scheme)) == 0
    cell = load_workbook(tmp_path / "both.xlsx")["Tellers"].cell(row=1, column=2)
    assert (cell.value, cell.data_type) == ("=HYPERLINK(A1).toml", "s")


@pytest.mark.parametrize("kind", ["crosssell", "service"])
def test_a_branchs_pdf_from_the_command_line_says_when_it_was_made_in_the_branchs_hours(
    qapp, db, tmp_path, monkeypatch, kind
):
    # The command runs at head office, in no branch's zone: the one branch reported on gives the hour.
    import ui.reports.crosssell_pdf
    import ui.reports.service_report_pdf

    pdf = ui.reports.crosssell_pdf if kind == "crosssell" else ui.reports.service_report_pdf
    module, name = pdf, "report_html" if kind == "crosssell" else "service_html"
    made = []
    html = getattr(module, name)
    monkeypatch.setattr(module, name, lambda *args: made.append(args[-1]) or html(*args))
    assert _report(db, kind, tmp_path / "mx.pdf", "--branch", "MX") == 0
    assert made[0].utcoffset() == timedelta(hours=-6)  # Mexico City's hour, not UTC's


@pytest.mark.parametrize("kind", ["piece-rate", "service"])
def test_an_administrator_of_one_branch_reports_on_every_branch(db, tmp_path, capsys, kind):
    """Head office's administrator has an account in SH alone; MX comes first in the store's branches.

    The sign-in was at the first branch reported on (MX), where HQ2 has no account: "unknown staff id or
    wrong PIN" for an account that exists, and no way to name the branch it is in.
    """
    store = open_store(str(db))
    try:
        with store.write_session() as session:
            row = {"branch_id": "SH", "id": "HQ2", "name": "Head office", "role": "administrator"}
            session.execute(insert(StaffRow).values(**row, pin_hash=hash_pin("246801", "administrator"), active=True))
    finally:
        store.close()
    who = tmp_path / "hq2.toml"
    who.write_text('id = "HQ2"\npin = "246801"\n')
    who.chmod(0o600)
    argv = ["--db", str(db), "report", kind, "--from", "2026-11-02", "--to", "2026-11-08", "--as", str(who)]
    assert main([*argv, "--all-branches", "--out", str(tmp_path / "a.csv")]) == 2
    err = capsys.readouterr().err
    assert "unknown staff id or wrong PIN" in err and "signed in at branch MX" in err and "--staff-branch" in err
    assert main([*argv, "--all-branches", "--staff-branch", "SH", "--out", str(tmp_path / "a.csv")]) == 0
    branches = {line[2] for line in _rows(tmp_path / "a.csv")[1:]}
    assert {"SH", "MX"} <= branches
    assert main([*argv, "--branch", "MX", "--staff-branch", "NOPE", "--out", str(tmp_path / "b.csv")]) == 2
    assert "has no branch 'NOPE'" in capsys.readouterr().err
