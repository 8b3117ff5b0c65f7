"""`counterline simulate ... [--db URL]`: models.cli.simulate_run's command, able to write into a store.

queueing may not import models, so the store option lives here: this module
registers the simulator's own ``simulate`` parser, adds ``--db`` and ``--branch``,
and runs the plain simulation when no store is named.

    python main.py simulate --scenario resources/scenarios/city_weekday.toml --db /tmp/sim.db
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from models.cli import simulate_run as simulate_cli
from models.demo.sim_store import BranchNotEmpty, write_simulation
from models.store.database import open_store
from models.store.errors import StoreError
from queueing.core.errors import ConfigError
from queueing.simulation.report import format_report, summarise
from queueing.simulation.spec import SimulationSpec


def register(subparsers: argparse._SubParsersAction) -> None:
    simulate_cli.register(subparsers)
    parser = subparsers.choices["simulate"]
    store = parser.add_argument_group("writing the simulated days into a store")
    # SUPPRESS: without it this option's default would overwrite a --db given before the sub-command.
    store.add_argument(
        "--db",
        default=argparse.SUPPRESS,
        metavar="URL",
        help="write the simulated days (staff, counters, tickets, events, service records) into this store; "
        "only an explicit --db is written to, never COUNTERLINE_DB or the default store",
    )
    store.add_argument("--branch", default="SIM", help="branch id the days are written under (default SIM)")
    store.add_argument("--branch-name", default="Simulated branch", help="branch name if the branch is new")
    store.add_argument(
        "--timezone",
        metavar="ZONE",
        help="the branch's time zone, e.g. America/Mexico_City (default: the scenario's categories file); "
        "opening hours stay local",
    )
    parser.set_defaults(func=run)


def _in_timezone(spec: SimulationSpec, zone: str | None) -> SimulationSpec:
    """The spec with the branch in ``zone`` (a second branch of a head-office store is often elsewhere)."""
    if zone is None:
        return spec
    try:
        ZoneInfo(zone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"--timezone: unknown time zone {zone!r}") from None
    return replace(spec, config=replace(spec.config, timezone=zone))


def run(args: argparse.Namespace) -> int:
    if not getattr(args, "db", None):
        return simulate_cli.run(args)
    try:
        spec = _in_timezone(simulate_cli.build_spec(args), args.timezone)
    except (ConfigError, ValueError) as exc:
        print(f"simulate: {exc}", file=sys.stderr)
        return 2
    try:
        store = open_store(args.db)
    except StoreError as exc:
        print(f"simulate: {exc}", file=sys.stderr)
        return 2
    try:
        result, writer = write_simulation(store, spec, args.branch, args.branch_name, seed=args.seed)
    except (BranchNotEmpty, StoreError) as exc:
        print(f"simulate: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    summary = summarise(result)
    theory = simulate_cli.erlang_figures(spec, args)
    if theory:
        summary["erlang_c"] = theory
    print(json.dumps(summary, indent=2, ensure_ascii=False) if args.json else format_report(summary))
    counts = writer.counts
    print(
        f"simulate: wrote {counts.events} events, {counts.service_records} service records and "
        f"{counts.staff} staff accounts into {store.label} (branch {args.branch})",
        file=sys.stderr,
    )
    return 0
