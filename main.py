"""Counterline entry point: parses the role and hands over to the part that runs it."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Sequence

# Each module has ``register(subparsers)``: it adds its sub-commands and sets
# ``func`` (args -> exit code) on them. Imported lazily so a CLI call never loads Qt.
COMMAND_MODULES = (
    "models.cli_simulate",  # queueing.simulate_cli's parser, plus --db (queueing may not import models)
    "models.cli_db",
    "models.cli_sync",
    "models.cli_customers",
    "models.cli_staff",
    "models.cli_appointments",
    "models.cli_follow_ups",
    "models.cli_call_list",
    "ui.cli_roles",
    "ui.cli_windows",
    "ui.cli_report",
    "ui.cli_feedback",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="counterline", description="Counter and queue system of a bank branch")
    parser.add_argument(
        "--db", help="SQLAlchemy URL or SQLite path of the store (default: COUNTERLINE_DB or the user data folder)"
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    # Bad configuration or an unusable store is said in one line that names it, not as a traceback.
    from models.store_errors import StoreError
    from queueing.errors import ConfigError

    try:
        return int(args.func(args) or 0)
    except (ConfigError, StoreError) as exc:
        print(f"counterline: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
