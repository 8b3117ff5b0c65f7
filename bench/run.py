"""Run the benchmarks: every bench/bench_*.py module, a table, and bench/results.json.

    .venv/bin/python bench/run.py              # all of them (`make bench`)
    .venv/bin/python bench/run.py -k station   # only modules whose name contains "station"
    .venv/bin/python bench/run.py --quick      # small sizes, for a quick look

A module has ``run(ctx) -> list[dict]``; see bench/README.md for the row format.
Targets are reported (PASS/MISS), not asserted: the exit code is non-zero only
when a module raised.
"""

from __future__ import annotations

import argparse
import functools
import importlib
import json
import math
import re
import shutil
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
# Run as a script: the repository root must be importable for bench.*, models and queueing.
if str(BENCH_DIR.parent) not in sys.path:
    sys.path.insert(0, str(BENCH_DIR.parent))

FIELDS = ("name", "value", "unit", "baseline", "ratio", "target")
_CLAUSE = re.compile(r"^\s*(<=|>=|<|>)\s*([-+0-9.eE]+)\s*([a-zA-Z%/]*)\s*$")


def _year_store() -> Path:
    from bench.history import cached_history

    return cached_history()


@dataclass
class BenchContext:
    """What a benchmark module gets: the history store (built on first use, cached) and its own scratch folder."""

    tmp_dir: Path
    quick: bool = False
    history_factory: Callable[[], Path] = _year_store

    @property
    def history_path(self) -> Path:
        """The cached year store. Never write to it: work on ``fresh_copy()``."""
        return self.history_factory()

    def fresh_copy(self, name: str = "history.db") -> Path:
        """A private copy of the history store in the scratch folder, to write to freely."""
        target = self.tmp_dir / name
        shutil.copyfile(self.history_path, target)
        return target


# -- targets -------------------------------------------------------------------
def _holds(op: str, left: float, right: float) -> bool:
    return {"<=": left <= right, ">=": left >= right, "<": left < right, ">": left > right}[op]


def judge(row: dict[str, Any]) -> str:
    """PASS, MISS, '-' (no target) or '?' (a target this runner cannot read).

    ``target``: a number (the value must be at most it), or clauses joined by "and"
    or commas such as "<= 10 ms and <= 3x": a number followed by x bounds the ratio.
    """
    target = row.get("target")
    if target is None or target == "":
        return "-"
    if isinstance(target, bool):
        return "?"
    if isinstance(target, int | float):
        return "PASS" if row["value"] <= target else "MISS"
    verdicts = []
    for clause in re.split(r"\band\b|,", str(target)):
        match = _CLAUSE.match(clause)
        if not match:
            return "?"
        op, number, unit = match.group(1), float(match.group(2)), match.group(3)
        subject = row.get("ratio") if unit == "x" else row["value"]
        if subject is None:
            return "?"
        verdicts.append(_holds(op, float(subject), number))
    return "PASS" if all(verdicts) else "MISS"


def complete(row: dict[str, Any], module: str) -> dict[str, Any]:
    """The row with every field present and the ratio filled in; ValueError if it is not a result."""
    if not isinstance(row, dict) or not row.get("name"):
        raise ValueError(f"{module}: a result row needs a name, got {row!r}")
    value = row.get("value")
    if not isinstance(value, int | float) or isinstance(value, bool) or math.isnan(value):
        raise ValueError(f"{module}: row {row['name']!r} has no numeric value ({value!r})")
    out = {key: row.get(key) for key in FIELDS} | {k: v for k, v in row.items() if k not in FIELDS}
    out["unit"] = out["unit"] or ""
    baseline = out["baseline"]
    if out["ratio"] is None and isinstance(baseline, int | float) and baseline:
        out["ratio"] = value / baseline
    out["status"] = judge(out)
    return out


# -- running ---------------------------------------------------------------------
def discover(patterns: Sequence[str]) -> list[str]:
    names = sorted(p.stem for p in BENCH_DIR.glob("bench_*.py"))
    return [n for n in names if not patterns or any(p in n for p in patterns)]


def run_module(name: str, ctx: BenchContext) -> list[dict[str, Any]]:
    """The module's rows, or one error row if it raised (the traceback goes to stderr)."""
    started = time.perf_counter()
    try:
        module = importlib.import_module(f"bench.{name}")
        rows = [complete(row, name) for row in module.run(ctx)]
        if not rows:
            raise ValueError(f"{name}: run() returned no results")
    except Exception as exc:  # a broken benchmark must not stop the others
        traceback.print_exc()
        error = f"{type(exc).__name__}: {exc}"
        return [dict.fromkeys(FIELDS) | {"name": name, "unit": "", "status": "ERROR", "error": error}]
    print(f"  {name}: {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    return rows


def _fmt(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.4g}" if abs(value) < 1e5 else f"{value:,.0f}"
    return str(value)


def format_table(rows: Sequence[dict[str, Any]]) -> str:
    header = ("name", "value", "unit", "baseline", "ratio", "target", "status")
    cells = [header] + [
        (
            r["name"],
            _fmt(r["value"]),
            r["unit"],
            _fmt(r["baseline"]),
            _fmt(r["ratio"]) + ("x" if r["ratio"] is not None else ""),
            _fmt(r["target"]),
            r["status"] if r["status"] != "ERROR" else f"ERROR {r.get('error', '')}",
        )
        for r in rows
    ]
    widths = [max(len(str(c[i])) for c in cells) for i in range(len(header) - 1)]
    lines = ["  ".join(str(c[i]).ljust(widths[i]) for i in range(len(header) - 1)) + "  " + c[-1] for c in cells]
    lines.insert(1, "-" * len(lines[0]))
    notes = [f"  {r['name']}: {r['note']}" for r in rows if r.get("note")]
    return "\n".join(lines + (["", "notes:"] + notes if notes else []))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run Counterline's benchmarks (bench/bench_*.py)")
    parser.add_argument("-k", action="append", default=[], metavar="TEXT", help="only modules whose name has TEXT")
    parser.add_argument("--quick", action="store_true", help="small sizes: a smoke run, not a measurement")
    parser.add_argument("--out", type=Path, default=BENCH_DIR / "results.json", help="where to write the results")
    args = parser.parse_args(argv)
    names = discover(args.k)
    if not names:
        print(f"no benchmark module matches {args.k}", file=sys.stderr)
        return 2
    rows: list[dict[str, Any]] = []
    history = functools.cache(_year_store)  # built (or found) once, by the first module that asks
    with tempfile.TemporaryDirectory(prefix="counterline-bench-") as tmp:
        for name in names:
            scratch = Path(tmp) / name
            scratch.mkdir()
            rows.extend(run_module(name, BenchContext(scratch, args.quick, history)))
    args.out.write_text(json.dumps(rows, indent=2, default=str) + "\n", encoding="utf-8")
    print(format_table(rows))
    print(f"\nresults: {args.out}")
    return 1 if any(r["status"] == "ERROR" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
