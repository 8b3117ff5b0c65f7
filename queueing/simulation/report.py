"""Figures of a simulation run: waits, service level, utilisation, estimate accuracy."""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any

from queueing.simulation.simulator import CustomerRecord, SimulationResult


def percentile(values: Sequence[float], share: float) -> float:
    """Linear-interpolated percentile (share 0-1) of ``values``; 0 for none."""
    if not values:
        return 0.0
    ordered = sorted(values)
    pos = share * (len(ordered) - 1)
    low = math.floor(pos)
    high = min(low + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (pos - low)


def _mean(values: Sequence[float]) -> float:
    return sum(values) / len(values) if values else 0.0


def wait_figures(records: Sequence[CustomerRecord], targets: dict[str, float]) -> dict[str, Any]:
    """Waits of the served customers among ``records``; ``within_target`` uses each category's target."""
    served = [r for r in records if r.outcome == "served"]
    waits = [r.wait_s for r in served]
    within = sum(1 for r in served if r.wait_s <= targets[r.category])
    return {
        "customers": len(records),
        "served": len(served),
        "no_shows": sum(1 for r in records if r.outcome == "no_show"),
        "unserved": sum(1 for r in records if r.outcome == "unserved"),
        "mean_wait_s": round(_mean(waits), 1),
        "p50_wait_s": round(percentile(waits, 0.5), 1),
        "p90_wait_s": round(percentile(waits, 0.9), 1),
        "max_wait_s": round(max(waits, default=0.0), 1),
        "within_target": round(within / len(served), 4) if served else 0.0,
    }


def ewt_figures(records: Sequence[CustomerRecord]) -> dict[str, Any]:
    """How well the wait shown at issue matched the real wait, against the naive formula."""
    rated = [r for r in records if r.outcome == "served" and r.estimate_mean_s is not None]
    naive = [r for r in records if r.outcome == "served" and r.naive_s is not None]
    return {
        "estimated": len(rated),
        "mae_s": round(_mean([abs(r.estimate_mean_s - r.wait_s) for r in rated]), 1),
        "bias_s": round(_mean([r.estimate_mean_s - r.wait_s for r in rated]), 1),
        "naive_mae_s": round(_mean([abs(r.naive_s - r.wait_s) for r in naive]), 1),
        "p90_coverage": round(_mean([1.0 if r.wait_s <= r.estimate_p90_s else 0.0 for r in rated]), 4),
    }


def summarise(result: SimulationResult) -> dict[str, Any]:
    """The run's figures as JSON-ready data; customers in the warm-up are left out."""
    spec = result.spec
    targets = {code: cat.target_wait_s for code, cat in spec.config.categories.items()}
    counted = [r for r in result.customers if r.counted]
    summary: dict[str, Any] = {"scenario": spec.name, "seed": result.seed, "days": spec.days}
    summary.update(wait_figures(counted, targets))
    summary["utilisation"] = round(result.utilisation, 4)
    summary["ewt"] = ewt_figures(counted)
    summary["by_category"] = {
        code: {**wait_figures(rows, targets), "ewt": ewt_figures(rows)}
        for code in sorted({r.category for r in counted})
        for rows in [[r for r in counted if r.category == code]]
    }
    summary["per_day"] = [
        {"day": day + 1, **wait_figures([r for r in counted if r.day == day], targets)} for day in range(spec.days)
    ]
    return summary


def _minutes(seconds: float) -> str:
    return f"{seconds / 60.0:5.1f} min"


def format_report(summary: dict[str, Any]) -> str:
    """A plain-text report of ``summarise``'s figures."""
    ewt = summary["ewt"]
    lines = [
        f"Simulation: {summary['scenario']}  (seed {summary['seed']}, {summary['days']} day(s))",
        f"Customers {summary['customers']}: served {summary['served']}, no-shows {summary['no_shows']}"
        + (f", unserved {summary['unserved']}" if summary["unserved"] else ""),
        (
            f"Wait      mean {_minutes(summary['mean_wait_s'])}   median {_minutes(summary['p50_wait_s'])}"
            f"   p90 {_minutes(summary['p90_wait_s'])}   max {_minutes(summary['max_wait_s'])}"
        ),
        f"Within target {summary['within_target']:.1%}   counter utilisation {summary['utilisation']:.1%}",
        (
            f"Wait estimate at issue: MAE {ewt['mae_s']:.0f} s (naive {ewt['naive_mae_s']:.0f} s), "
            f"bias {ewt['bias_s']:+.0f} s, p90 covers {ewt['p90_coverage']:.1%}"
        ),
        "",
        f"{'category':<10}{'customers':>10}{'mean':>11}{'p90':>11}{'max':>11}{'in target':>11}{'EWT MAE':>10}",
    ]
    for code, row in summary["by_category"].items():
        lines.append(
            f"{code:<10}{row['customers']:>10}{_minutes(row['mean_wait_s']):>11}{_minutes(row['p90_wait_s']):>11}"
            f"{_minutes(row['max_wait_s']):>11}{row['within_target']:>11.1%}{row['ewt']['mae_s']:>8.0f} s"
        )
    theory = summary.get("erlang_c")
    if theory and not theory["stable"]:
        lines += ["", f"Erlang C: a load of {theory['load']:.2f} erlangs needs more than {theory['counters']} counters"]
    elif theory:
        lines += [
            "",
            (
                f"Erlang C (M/M/{theory['counters']}, load {theory['load']:.2f} erlangs): "
                f"P(wait) {theory['p_wait']:.1%}, "
                f"mean wait {theory['mean_wait_s']:.0f} s (simulated {summary['mean_wait_s']:.0f} s), "
                f"within target {theory['within_target']:.1%} (simulated {summary['within_target']:.1%})"
            ),
        ]
    return "\n".join(lines)
