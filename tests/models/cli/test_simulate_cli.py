"""The ``simulate`` sub-command, called through main.py as a user would."""

import json
from pathlib import Path

import pytest

from main import main

SCENARIOS = Path(__file__).resolve().parents[3] / "resources" / "scenarios"
SIMPLE = ["simulate", "--counters", "3", "--arrival-rate", "30", "--service-mean", "300", "--hours", "3", "--seed", "4"]


def run_json(capsys, *args):
    assert main([*args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_simple_case_json(capsys):
    summary = run_json(capsys, *SIMPLE, "--target-wait", "300")
    for key in ("customers", "mean_wait_s", "p50_wait_s", "p90_wait_s", "max_wait_s", "within_target", "utilisation"):
        assert isinstance(summary[key], int | float)
    assert set(summary["ewt"]) >= {"mae_s", "naive_mae_s", "p90_coverage"}
    assert set(summary["by_category"]) == {"SERVICE"}
    assert summary["by_category"]["SERVICE"]["customers"] == summary["customers"]
    theory = summary["erlang_c"]
    assert theory["counters"] == 3 and theory["load"] == pytest.approx(2.5) and theory["stable"]
    assert 0 < theory["within_target"] < 1


def test_simple_case_text_report(capsys):
    assert main([*SIMPLE, "--days", "2"]) == 0
    out = capsys.readouterr().out
    assert "2 day(s)" in out and "Within target" in out and "Erlang C (M/M/3" in out


def test_lognormal_has_no_erlang_c_and_overload_says_so(capsys):
    assert "erlang_c" not in run_json(capsys, *SIMPLE, "--service-dist", "lognormal")
    overloaded = run_json(capsys, *SIMPLE, "--arrival-rate", "50")
    assert overloaded["erlang_c"] == {"counters": 3, "load": 4.1667, "stable": False}


def test_scenario(capsys):
    summary = run_json(capsys, "simulate", "--scenario", str(SCENARIOS / "city_weekday.toml"), "--days", "1")
    assert summary["days"] == 1 and summary["scenario"] == "Weekday city branch"
    assert {"CASH", "VIP", "LOANS"} <= set(summary["by_category"])
    assert summary["no_shows"] > 0 and "erlang_c" not in summary


def test_replay(capsys):
    summary = run_json(capsys, "simulate", "--replay", str(SCENARIOS / "replay_small.csv"), "--counters", "2")
    assert summary["customers"] == 20 and summary["no_shows"] == 1


def test_bad_input_is_an_error_not_a_traceback(capsys, tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text("[scenario]\nopening = \"nine\"\n", encoding="utf-8")
    assert main(["simulate", "--scenario", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "scenario.opening" in err
    assert main([*SIMPLE, "--counters", "0"]) == 2
    assert "at least one counter" in capsys.readouterr().err
    assert main([*SIMPLE, "--days", "0"]) == 2
    assert main([*SIMPLE, "--counters", "100000"]) == 2
    assert "--counters must be at most 200" in capsys.readouterr().err


@pytest.mark.parametrize(
    "data",
    [
        b"day,arrival,category,priority,service_s\n1,09:00:40,CASH,regular\n",  # was TypeError: internal error
        b"day,arrival,category,priority,service_s\n1,09:00,CASH,\xff,1\n",  # named no file
        b"day,arrival,category,priority,service_s\n1,09:00:40,CASH,regular,1e300\n",  # was OverflowError: exit 3
    ],
)
def test_a_bad_replay_file_is_one_line_naming_it(capsys, tmp_path, monkeypatch, data):
    monkeypatch.setenv("COUNTERLINE_LOG_DIR", str(tmp_path / "logs"))
    path = tmp_path / "r.csv"
    path.write_bytes(data)
    assert main(["simulate", "--replay", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"simulate: {path}: line 2") and err.count("\n") == 1


@pytest.mark.parametrize(
    ("flags", "says"),
    [
        ("--service-mean nan", "argument --service-mean: give a number from more than 0 to 86400, got 'nan'"),
        ("--service-mean inf", "argument --service-mean: give a number"),
        ("--target-wait -1", "argument --target-wait: give a number from 0 to 86400, got '-1'"),
        ("--target-wait nan", "argument --target-wait"),
        ("--service-dist lognormal --service-cv nan", "argument --service-cv"),
        ("--no-show-share 2", "argument --no-show-share: give a number from 0 to 1, got '2'"),
        ("--no-show-share -1", "argument --no-show-share"),
        ("--arrival-rate nan", "argument --arrival-rate"),  # simulated "0 customers"
        ("--arrival-rate inf", "argument --arrival-rate"),  # never ended
        ("--arrival-rate 0", "argument --arrival-rate: give a number from more than 0"),
        ("--hours nan", "argument --hours"),
        ("--warmup-hours inf", "argument --warmup-hours"),
    ],
)
def test_a_number_flag_out_of_range_is_one_line_naming_it(capsys, tmp_path, monkeypatch, flags, says):
    """nan and inf were internal errors, hangs or silent nonsense; a share of 2 was accepted."""
    monkeypatch.setenv("COUNTERLINE_LOG_DIR", str(tmp_path / "logs"))
    with pytest.raises(SystemExit) as refused:
        main(["simulate", "--hours", "2", *flags.split()])
    assert refused.value.code == 2
    assert says in capsys.readouterr().err
    assert not (tmp_path / "logs").exists()


def test_days_beyond_a_year_are_refused(capsys):
    assert main([*SIMPLE, "--days", "100000000"]) == 2
    assert "--days must be 1 to 366" in capsys.readouterr().err
