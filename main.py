"""Counterline entry point: parses the role and hands over to the part that runs it."""

from __future__ import annotations

import argparse
import gc
import importlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

# Each module has ``register(subparsers)``: it adds its sub-commands and sets
# ``func`` (args -> exit code) on them. Imported lazily so a CLI call never loads Qt.
COMMAND_MODULES = (
    "models.cli.simulate",  # models.cli.simulate_run's parser, plus --db (queueing may not import models)
    "models.cli.db",
    "models.cli.sync",
    "models.cli.customers",
    "models.cli.branch",
    "models.cli.staff",
    "models.cli.appointments",
    "models.cli.follow_ups",
    "models.cli.call_list",
    "ui.app.station_roles",
    "ui.app.window_roles",
    "ui.reports.cli",
    "ui.app.feedback_role",
    "ui.app.config_check",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="counterline", description="Counter and queue system of a bank branch")
    parser.add_argument(
        "--db", help="SQLAlchemy URL or SQLite path of the store (default: COUNTERLINE_DB or the user data folder)"
    )
    parser.add_argument(
        "--config",
        metavar="DIR",
        help="the branch's configuration folder: its TOML files replace the packaged defaults of the same name "
        "(default: COUNTERLINE_CONFIG_DIR or the user config folder)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


# Exit codes, the same for every sub-command (README, "Exit codes"): 0 done, 1 the command found what it
# looks for (a broken audit chain, a language without a voice), and these:
EXIT_BAD_INPUT = 2  # an argument, file, store or text was refused: one line on stderr says which and why
EXIT_INTERNAL = 3  # a fault of Counterline itself: the traceback is in a log file, the line says where
EXIT_INTERRUPTED = 130


# Set on a sub-command (``set_defaults``) whose run turns the cyclic garbage collector back on itself once its
# window is built (ui/app/composition.py); every other command runs with the collector on.
COLLECTOR_AFTER_START = "collector_after_start"


def main(argv: Sequence[str] | None = None) -> int:
    # Starting makes some hundred thousand objects that live as long as the process (modules, classes, mapped
    # tables, Qt wrappers): the cyclic collector would walk them again and again, a tenth of a station's start-up.
    # It is off until the command runs, or until a window role has built its window.
    gc.disable()
    try:
        return _main(argv)
    finally:
        gc.enable()


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, COLLECTOR_AFTER_START, False):
        gc.enable()
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_BAD_INPUT
    from models.store.errors import StoreError
    from queueing.core.errors import ConfigError, DomainError

    try:
        use_config_folder(args.config)
        refuse_empty_db(getattr(args, "db", None))
        return int(args.func(args) or 0)
    except (ConfigError, StoreError, DomainError, OSError) as exc:
        # Bad configuration, an unusable store or path, a refused command: one line that names it, no traceback.
        print(f"counterline: {exc}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        print("counterline: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:  # the last line of defence: whatever it is, the user gets one line and a log
        from models.sync.link_errors import lost_link_line

        lost = lost_link_line(exc)
        if lost is not None:  # the server or its link died under a query: not Counterline's fault
            print(f"counterline: {lost}", file=sys.stderr)
            return EXIT_BAD_INPUT
        log = write_crash_log(exc, args.command)
        where = f"the details are in {log}" if log else "and no log file could be written"
        print(f"counterline: internal error ({type(exc).__name__}); {where}", file=sys.stderr)
        return EXIT_INTERNAL


def use_config_folder(folder: str | None) -> None:
    """Point the configuration loader at the branch's folder; a folder named but missing is bad input."""
    from queueing.config.files import CONFIG_DIR_ENV, named_config_dir, user_config_folder
    from queueing.core.errors import ConfigError

    if folder is not None:
        if not Path(folder).is_dir():
            raise ConfigError(f"--config {folder}: no such folder")
        os.environ[CONFIG_DIR_ENV] = str(Path(folder).resolve())
    elif (named := named_config_dir()) is not None:
        # Named as deliberately as --config: a misspelt folder ran on the packaged defaults without a word.
        # The default is set here when there is none, and need not exist: it is not the user's to refuse (a
        # second run in this process, or a program this one starts, finds it in the environment).
        if not named.is_dir():
            raise ConfigError(f"{CONFIG_DIR_ENV}={named}: no such folder")
    elif not os.environ.get(CONFIG_DIR_ENV):
        os.environ[CONFIG_DIR_ENV] = user_config_folder()


def refuse_empty_db(db: str | None) -> None:
    """An empty --db is bad input before any command reads it: some open the default store for it, and
    ``simulate --db ""`` would simulate without writing what it was asked to write."""
    from models.store.errors import StoreError
    from models.store.location import EMPTY_DB

    if db is not None and not db.strip():
        raise StoreError(EMPTY_DB)


def write_crash_log(exc: BaseException, command: str) -> Path | None:
    """The traceback of ``exc`` in a new file of the user log folder; None when that cannot be written.

    The command line itself is not written: it may hold a PIN.
    """
    import traceback
    from datetime import UTC, datetime

    from platformdirs import user_log_dir

    folder = Path(os.environ.get("COUNTERLINE_LOG_DIR") or user_log_dir("Counterline", "Counterline"))
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%fZ")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / f"crash-{stamp}-{os.getpid()}.log"
        text = f"counterline {command}\n" + "".join(traceback.format_exception(exc))
        path.write_text(text, encoding="utf-8", errors="backslashreplace")
        return path
    except OSError:
        return None


if __name__ == "__main__":
    sys.exit(main())
