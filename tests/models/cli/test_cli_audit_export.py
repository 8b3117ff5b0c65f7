"""`counterline audit export`: the period it is asked for, and the file already there."""

from staff_sessions import credentials_file

import main


def test_an_export_whose_last_day_comes_before_its_first_is_refused_and_keeps_the_file(
    service, store_path, tmp_path, capsys
):
    # Days typed the wrong way round select nothing: the export wrote an empty table over last month's file and
    # said "0 audit entries written", as if nobody had done anything in the period.
    who = credentials_file(service.store, "B1", tmp_path)
    out = tmp_path / "audit.csv"
    out.write_text("last month's export")
    args = ["--db", str(store_path), "audit", "export", "--out", str(out), "--as", who]
    assert main.main([*args, "--since", "2026-11-30", "--until", "2026-11-01"]) == 2
    assert "2026-11-01" in capsys.readouterr().err and out.read_text() == "last month's export"
    assert main.main([*args, "--since", "2026-11-01", "--until", "2026-11-30"]) == 0  # one day and on: written
    assert out.read_text() != "last month's export"
