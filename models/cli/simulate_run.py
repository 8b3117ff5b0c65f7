"""The ``simulate`` sub-command: whole branch days on a simulated clock, with a report.

    python main.py simulate --counters 4 --arrival-rate 40 --service-mean 300 --days 20
    python main.py simulate --scenario resources/scenarios/city_weekday.toml --json
    python main.py simulate --replay resources/scenarios/replay_small.csv --counters 3
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from models.cli.numbers import number_in
from queueing.core.errors import ConfigError
from queueing.waits import erlang

if TYPE_CHECKING:
    from queueing.core.transaction_types import TransactionCatalogue
    from queueing.simulation.spec import SimulationSpec

MAX_DAYS = 366  # as a scenario file's days
MAX_COUNTERS = 200  # as a scenario file's counters: 100000 made the simulator build every counter, then hang

# The simulator, scenarios and report are imported where they are used: main.py registers this parser at
# every start, a station's included, and a station runs no simulation.


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "simulate",
        help="simulate branch days through the queue engine and report waits",
        description="Run whole branch days through the queue engine on a simulated clock. "
        "Without --scenario or --replay: one queue, first come first served, Poisson arrivals, "
        "compared with Erlang C when service is exponential.",
    )
    parser.add_argument("--scenario", metavar="FILE.toml", help="a scenario file (see resources/scenarios/)")
    parser.add_argument(
        "--replay",
        metavar="FILE.csv",
        help="replay customers (arrival, category, priority, service_s) on the scenario's counters, "
        "or on --counters windows serving every category",
    )
    simple = parser.add_argument_group("simple case (without --scenario)")
    # The bounds a scenario file has for the same figures (queueing/config/schemas/scenario.py).
    simple.add_argument("--counters", type=int, default=4, help="open counters (default 4)")
    simple.add_argument(
        "--arrival-rate",
        type=number_in(0, 100_000, above_low=True),
        default=40.0,
        metavar="PER_HOUR",
        help="customers per hour",
    )
    simple.add_argument(
        "--service-mean",
        type=number_in(0, 86_400, above_low=True),
        default=300.0,
        metavar="SECONDS",
        help="mean service time",
    )
    simple.add_argument("--service-dist", choices=("exp", "lognormal"), default="exp")
    simple.add_argument(
        "--service-cv", type=number_in(0, 10), default=0.6, help="coefficient of variation for lognormal"
    )
    simple.add_argument(
        "--hours", type=number_in(0, 14, above_low=True), default=8.0, help="opening hours per day (default 8)"
    )
    simple.add_argument(
        "--target-wait", type=number_in(0, 86_400), default=600.0, metavar="SECONDS", help="target wait"
    )
    simple.add_argument(
        "--warmup-hours", type=number_in(0, 14), default=0.0, help="leave out customers of the first hours"
    )
    simple.add_argument(
        "--no-show-share", type=number_in(0, 1), default=0.0, help="share of called customers who never come (0 to 1)"
    )
    parser.add_argument("--days", type=int, help="days to simulate (default 1, or the scenario's)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.set_defaults(func=run)


def build_spec(args: argparse.Namespace) -> SimulationSpec:
    """The spec the flags describe; ConfigError or ValueError if they do not make one."""
    from queueing.simulation.scenario import load_replay, load_scenario, replay_base
    from queueing.simulation.spec import simple_spec

    if args.days is not None and not 1 <= args.days <= MAX_DAYS:
        raise ValueError(f"--days must be 1 to {MAX_DAYS}")
    if args.counters > MAX_COUNTERS:
        raise ValueError(f"--counters must be at most {MAX_COUNTERS}, as in a scenario file")
    if args.scenario:
        spec = load_scenario(args.scenario)
    elif args.replay:
        spec = replay_base(args.counters, args.hours)
    else:
        spec = simple_spec(
            counters=args.counters,
            arrival_rate_per_hour=args.arrival_rate,
            service_mean_s=args.service_mean,
            service_dist=args.service_dist,
            hours=args.hours,
            days=args.days or 1,
            target_wait_s=args.target_wait,
            service_cv=args.service_cv,
            warmup_hours=args.warmup_hours,
            no_show_share=args.no_show_share,
        )
    spec = with_transaction_mix(spec)
    if args.replay:
        return load_replay(args.replay, spec)  # the file decides the days
    return replace(spec, days=args.days) if args.days else spec


def with_transaction_mix(spec: SimulationSpec, catalogue: TransactionCatalogue | None = None) -> SimulationSpec:
    """The spec whose visits record the branch's transaction types of their category (resources/transaction_types.toml),
    so that a simulated store's piece-rate report has units and pay."""
    from queueing.core.transaction_types import load_catalogue

    catalogue = catalogue or load_catalogue()
    mix = {code: tuple(t.code for t in catalogue.for_category(code)) for code in spec.config.categories}
    return replace(spec, transaction_mix={code: codes for code, codes in mix.items() if codes})


def erlang_figures(spec: SimulationSpec, args: argparse.Namespace) -> dict[str, Any] | None:
    """Erlang C's figures for the simple exponential case, which the simulation should match."""
    from queueing.simulation.spec import SIMPLE_CATEGORY

    if args.scenario or args.replay or args.service_dist != "exp" or args.no_show_share > 0:
        return None
    rate = args.arrival_rate / 3600.0
    mean = spec.service[SIMPLE_CATEGORY].mean_s
    load = erlang.offered_load(rate, mean)
    if load >= args.counters:
        return {"counters": args.counters, "load": round(load, 4), "stable": False}
    return {
        "counters": args.counters,
        "load": round(load, 4),
        "stable": True,
        "p_wait": round(erlang.erlang_c(args.counters, load), 4),
        "mean_wait_s": round(erlang.mean_wait(args.counters, rate, mean), 1),
        "within_target": round(erlang.service_level(args.counters, rate, mean, args.target_wait), 4),
    }


def run(args: argparse.Namespace) -> int:
    from queueing.simulation.report import format_report, summarise
    from queueing.simulation.simulator import simulate

    try:
        spec = build_spec(args)
    except (ConfigError, ValueError) as exc:
        print(f"simulate: {exc}", file=sys.stderr)
        return 2
    summary = summarise(simulate(spec, args.seed, keep_events=False))
    theory = erlang_figures(spec, args)
    if theory:
        summary["erlang_c"] = theory
    if args.json:
        print(json.dumps(summary, indent=2, ensure_ascii=False))
    else:
        print(format_report(summary))
    return 0
