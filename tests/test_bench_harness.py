import json
import types

import pytest

from bench import bench_engine, run
from bench.history import build_history, describe


@pytest.fixture(scope="module")
def tiny_history(tmp_path_factory):
    path = tmp_path_factory.mktemp("history") / "tiny.db"
    info = build_history(path, days=2, scale=0.3)
    return path, info


def test_history_ends_on_a_live_day(tiny_history):
    path, info = tiny_history
    figures = describe(path)
    assert figures["tickets"] > 100 and figures["events"] == info.events
    assert 0 < figures["service_records"] < figures["tickets"]  # the live day still has customers waiting
    assert figures["live_day"] == info.live_at.date()


def test_bench_engine_runs_on_a_tiny_store(tiny_history, tmp_path):
    path, _ = tiny_history
    before = path.read_bytes()
    ctx = run.BenchContext(tmp_path, quick=True, history_factory=lambda: path)
    rows = [run.complete(row, "bench_engine") for row in bench_engine.run(ctx)]
    by_name = {row["name"]: row for row in rows}
    assert {"engine.issue_ticket.p95", "engine.call_next.p95", "engine.sim_day_1000"} <= set(by_name)
    for row in rows:
        assert row["value"] > 0 and row["status"] in ("PASS", "MISS", "-")
    assert by_name["engine.call_next.p95"]["ratio"] == pytest.approx(
        by_name["engine.call_next.p95"]["value"] / by_name["engine.call_next.p95"]["baseline"]
    )
    assert path.read_bytes() == before  # the benchmark wrote to its own copy


@pytest.mark.parametrize(
    ("target", "value", "ratio", "status"),
    [
        (None, 5.0, None, "-"),
        (10, 5.0, None, "PASS"),
        (10, 12.0, None, "MISS"),
        ("<= 10 ms and <= 3x", 8.0, 2.5, "PASS"),
        ("<= 10 ms and <= 3x", 8.0, 3.5, "MISS"),
        ("<= 10 ms, <= 3x", 11.0, 1.0, "MISS"),
        (">= 0.9", 0.95, None, "PASS"),
        ("<= 3x", 1.0, None, "?"),
        ("fast enough", 1.0, None, "?"),
    ],
)
def test_targets_are_judged(target, value, ratio, status):
    assert run.judge({"value": value, "ratio": ratio, "target": target}) == status


def test_the_ratio_is_filled_in_and_bad_rows_refused():
    row = run.complete({"name": "x", "value": 6.0, "unit": "ms", "baseline": 2.0, "target": "<= 3x"}, "m")
    assert row["ratio"] == 3.0 and row["status"] == "PASS" and set(run.FIELDS) <= set(row)
    with pytest.raises(ValueError, match="numeric"):
        run.complete({"name": "x", "value": None}, "m")


def test_a_module_that_raises_is_an_error_row_and_the_others_still_run(monkeypatch, tmp_path, capsys):
    def fake_import(name):
        if name.endswith("bench_broken"):
            return types.SimpleNamespace(run=lambda ctx: 1 / 0)
        return types.SimpleNamespace(run=lambda ctx: [{"name": "fine", "value": 1.0, "unit": "s", "target": 2}])

    monkeypatch.setattr(run, "discover", lambda patterns: ["bench_broken", "bench_fine"])
    monkeypatch.setattr(run.importlib, "import_module", fake_import)
    out = tmp_path / "results.json"
    assert run.main(["--out", str(out)]) == 1
    results = json.loads(out.read_text())
    assert [r["name"] for r in results] == ["bench_broken", "fine"]
    assert results[0]["status"] == "ERROR" and "ZeroDivisionError" in results[0]["error"]
    assert results[1]["status"] == "PASS"
    assert "ERROR" in capsys.readouterr().out
