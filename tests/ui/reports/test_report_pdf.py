"""The piece-rate report's PDF (CJK names in the embedded font) and `counterline report piece-rate` in three formats."""

import csv
import re

import pytest
from openpyxl import load_workbook
from records_harness import MONTH, SUPERVISOR, SUPERVISOR_PIN, build_month

from main import main
from models.store.database import open_store
from ui.reports.pdf_charts import service_image, units_image
from ui.reports.piece_rate_pdf import write_pdf


@pytest.fixture
def month(tmp_path):
    store = open_store(str(tmp_path / "store.db"))
    yield build_month(store), tmp_path / "store.db"
    store.close()


def _to_unicode_maps(pdf: bytes) -> str:
    """The text of the PDF's ToUnicode maps (Qt writes them uncompressed), upper case."""
    return " ".join(m.decode("latin-1") for m in re.findall(rb"begincmap(.*?)endcmap", pdf, re.S)).upper()


def test_pdf_embeds_the_cjk_font_and_maps_the_names(qapp, month, tmp_path):
    m, _ = month
    out = tmp_path / "report.pdf"
    report = m.records.report(SUPERVISOR, m.records.period(*MONTH), _scheme())
    write_pdf(report, out, "Riverside branch", m.records.type_names())
    pdf = out.read_bytes()
    assert pdf.startswith(b"%PDF")
    assert b"/BaseFont /NotoSansCJKsc-Regular" in pdf
    maps = _to_unicode_maps(pdf)
    for char in "王김민지ñú":  # 王小明, 김민지, Peña, Núñez
        assert f"<{ord(char):04X}>" in maps, char


def test_chart_images_are_drawn(qapp):
    texts = {"units_title": "Units", "units_axis": "u", "standard": "s", "net": "n", "service_title": "Times",
             "service_axis": "min"}  # fmt: skip
    units = units_image(["王小明", "B"], [10.0, 4.0], [8.0, 4.0], texts)
    boxes = service_image(["王小明", "B"], [(1.0, 2.0, 3.0, 4.0, 5.0), ()], texts)
    for image in (units, boxes):
        assert image.width() == 2000 and image.height() == 600  # drawn at twice the 1000 x 300 it shows at
        colours = {image.pixelColor(x, y).name() for x in range(0, 2000, 25) for y in range(0, 600, 25)}
        assert len(colours) > 3  # more than the white page and the grid


def _scheme():
    from queueing.reports.piece_rate import load_scheme

    return load_scheme()


def _cli(db, out, *extra):
    who = db.parent / "s1.toml"
    who.write_text(f'id = "S1"\npin = "{SUPERVISOR_PIN}"\n')
    who.chmod(0o600)
    args = ["--db", str(db), "report", "piece-rate", "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(out)]
    return main([*args, "--as", str(who), *extra])


def test_cli_csv_keeps_utf8_names(month, tmp_path, capsys):
    _, db = month
    out = tmp_path / "month.csv"
    assert _cli(db, out) == 0
    assert "4 tellers, 18 visits" in capsys.readouterr().out
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM that makes a spreadsheet read UTF-8
    rows = list(csv.DictReader(out.open(encoding="utf-8-sig")))
    assert {r["Name"] for r in rows} == {"王小明", "김민지", "Ana Peña", "Carlos Núñez", "Total"}
    assert next(r for r in rows if r["Name"] == "Total")["Visits"] == "18"


def test_cli_xlsx_keeps_types(month, tmp_path):
    _, db = month
    out = tmp_path / "month.xlsx"
    assert _cli(db, out, "--format", "xlsx") == 0
    sheet = load_workbook(out)["Tellers"]
    header = [c.value for c in sheet[1]]
    first = {h: c.value for h, c in zip(header, sheet[2], strict=True)}
    assert isinstance(first["Visits"], int) and isinstance(first["Standard units"], float)
    assert first["From"].date().isoformat() == "2026-11-01"


def test_cli_pdf_and_translated_headers(qapp, month, tmp_path):
    _, db = month
    assert _cli(db, tmp_path / "month.pdf") == 0
    assert (tmp_path / "month.pdf").read_bytes().startswith(b"%PDF")
    assert _cli(db, tmp_path / "month_zh.csv", "--language", "zh_CN") == 0
    header = (tmp_path / "month_zh.csv").read_text(encoding="utf-8-sig").splitlines()[0]
    assert ",排名,柜员编号,姓名,服务笔数" in header
    assert "网点合计" in (tmp_path / "month_zh.csv").read_text(encoding="utf-8-sig")


def test_cli_refuses_a_bad_request(month, tmp_path, capsys):
    _, db = month
    assert _cli(db, tmp_path / "month.txt") == 2
    assert "--format" in capsys.readouterr().err
    assert _cli(db, tmp_path / "x.csv", "--branch", "NOPE") == 2
    assert "no branch 'NOPE'" in capsys.readouterr().err
