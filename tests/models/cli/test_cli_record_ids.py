"""Ids typed on the command line (the number a list showed) beyond what a store can hold: refused as bad input.

SQLite keeps 64-bit integers; a longer number, a slip of the finger, reached the driver and ended the command
with an internal error (exit 3, OverflowError) instead of one line naming the argument (exit 2).
"""

import pytest

from main import main

HUGE = str(2**63)  # one past SQLite's (and PostgreSQL's bigint) largest integer


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        (["appointments", "--as", "who.toml", "cancel", HUGE], "argument appointment_id"),
        (["follow-ups", "--as", "who.toml", "done", HUGE, "--result", "renewed for a year"], "argument follow_up_id"),
        (["audit", "export", "--out", "a.csv", "--customer", HUGE, "--as", "who.toml"], "argument --customer"),
        (["appointments", "--as", "who.toml", "cancel", "0"], "argument appointment_id"),
    ],
)
def test_an_id_no_store_can_hold_is_refused_naming_the_argument(tmp_path, monkeypatch, capsys, argv, says):
    monkeypatch.setenv("COUNTERLINE_LOG_DIR", str(tmp_path / "logs"))
    monkeypatch.chdir(tmp_path)
    with pytest.raises(SystemExit) as refused:
        main(["--db", str(tmp_path / "branch.db"), *argv])
    assert refused.value.code == 2
    err = capsys.readouterr().err
    assert says in err and "Traceback" not in err, err
    assert not (tmp_path / "logs").exists()
    assert not (tmp_path / "branch.db").exists()
