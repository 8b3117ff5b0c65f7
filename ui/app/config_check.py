"""`counterline config check [DIR]`: every configuration file of a folder through the loader the app uses.

Each problem is printed on a line of its own (file, key path, reason); the exit code is 2 when any file
is refused, so a branch can check a folder before copying it onto its PCs. Qt is imported only here,
for the two hall files whose readers live with their screens.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path

from queueing.config.files import RESOURCES
from queueing.core.errors import ConfigError


def register(sub: argparse._SubParsersAction) -> None:
    config = sub.add_parser("config", help="configuration files")
    actions = config.add_subparsers(dest="config_command", metavar="ACTION", required=True)
    check = actions.add_parser("check", help="check every configuration file of a folder and print each problem")
    check.add_argument(
        "folder",
        nargs="?",
        type=Path,
        help="default: the folder --config or COUNTERLINE_CONFIG_DIR names, else the shipped resources/",
    )
    check.set_defaults(func=_check)


def loaders(folder: Path) -> dict[str, Callable[[Path], object]]:
    """File name -> the app's own loader of it; files that name categories are checked against ``folder``'s."""
    from models.demo.branch_setup import load_demo_branch
    from queueing.appointments.rules import load_appointment_rules
    from queueing.core.categories import load_branch_config
    from queueing.core.transaction_types import load_catalogue
    from queueing.crosssell.rules import load_rules
    from queueing.customers.tiers import load_tiers
    from queueing.reports.piece_rate import load_scheme
    from queueing.supervisor.alerts import load_alert_settings
    from queueing.supervisor.staffing import load_staffing_settings
    from ui.display.announcer import load_call_settings
    from ui.kiosk.session import load_kiosk_timeouts
    from ui.kiosk.ticket_printer import load_printer_settings

    def categories() -> list[str] | None:
        try:
            return list(load_branch_config(folder / "categories.toml").categories)
        except ConfigError:
            return None  # that file's own problem is reported under its name

    return {
        "categories.toml": load_branch_config,
        "tiers.toml": load_tiers,
        "transaction_types.toml": lambda path: load_catalogue(path, categories()),
        "crosssell_rules.toml": load_rules,
        "alerts.toml": load_alert_settings,
        "staffing.toml": lambda path: load_staffing_settings(path, categories()),
        "piece_rate.toml": load_scheme,
        "appointments.toml": lambda path: load_appointment_rules(path, categories()),
        "display.toml": load_call_settings,
        "printer.toml": load_printer_settings,
        "kiosk.toml": load_kiosk_timeouts,
        "demo_branch.toml": load_demo_branch,
    }


def check_folder(folder: Path) -> tuple[list[Path], list[str]]:
    """The files checked and one line per problem found."""
    from queueing.simulation.scenario import load_scenario

    if not folder.is_dir():
        raise ConfigError(file=str(folder), reason="not a folder")
    known = loaders(folder)
    checked: list[Path] = []
    problems: list[str] = []
    scenarios = sorted((folder / "scenarios").glob("*.toml")) if (folder / "scenarios").is_dir() else []
    for path in sorted(folder.glob("*.toml")) + scenarios:
        load = load_scenario if path.parent.name == "scenarios" else known.get(path.name)
        checked.append(path)
        if load is None:
            problems.append(f"{path}: not a configuration file of Counterline (misnamed?); known: {', '.join(known)}")
            continue
        try:
            load(path)
        except ConfigError as exc:
            problems.append(str(exc))
    return checked, problems


def named_folder(args: argparse.Namespace) -> Path:
    """The folder to check when none is given: the branch's, if --config or the environment named one.

    `--config DIR config check` checked the shipped resources/ and passed a DIR the app then refused. The user
    config folder itself is not taken unnamed: it also holds keys and the --as files README suggests.
    """
    from queueing.config.files import named_config_dir

    if args.config:
        return Path(args.config)
    return named_config_dir() or RESOURCES


def _check(args: argparse.Namespace) -> int:
    checked, problems = check_folder(args.folder or named_folder(args))
    for line in problems:
        print(line)
    print(f"{len(checked)} files checked, {len(problems)} refused", file=sys.stderr)
    return 2 if problems else 0
