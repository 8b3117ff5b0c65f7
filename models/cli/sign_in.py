"""Signing in on the command line: a staff id and PIN asked for, or read from a file given with ``--as``.

An administrative command acts as the person who signed in, checked by the same staff service
(PIN lock included) as at a counter. The ``--as`` file, for scripts, is TOML with ``id`` and ``pin``
and must be readable by its owner alone.
"""

from __future__ import annotations

import argparse
import getpass
import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from models.store.secret_files import check_owner_only
from queueing.config.files import read_text
from queueing.core.errors import ConfigError

if TYPE_CHECKING:  # building the parser stays cheap: the store's modules load when a command runs
    from models.staff.session import StaffSession
    from models.store.database import Store

CLI_STATION = "cli"


@dataclass(frozen=True)
class Credentials:
    staff_id: str
    pin: str = ""


def add_sign_in_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--as-staff", metavar="ID", help="your staff id (your PIN is asked for)")
    parser.add_argument(
        "--as",
        dest="as_file",
        type=Path,
        metavar="FILE",
        help="a file with id and pin (TOML, owner-only permissions), for scripts",
    )


def read_secret_file(path: Path) -> str:
    """The text of an owner-only file (a new PIN for scripts), without the spaces and line end around it."""
    check_owner_only(path)
    # UTF-8 with or without Notepad's byte-order mark, which strip() keeps and which is no part of a PIN;
    # other bytes are refused naming the file.
    return read_text(path).strip()


def read_credentials_file(path: Path) -> Credentials:
    check_owner_only(path)
    try:
        raw = tomllib.loads(read_text(path))
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not TOML: {exc}") from None
    staff_id, pin = raw.get("id"), raw.get("pin")
    if not isinstance(staff_id, str) or not isinstance(pin, str | int):
        raise ConfigError(f'{path}: needs id = "..." and pin = "..."')
    return Credentials(staff_id, str(pin))


def credentials(args: argparse.Namespace) -> Credentials:
    if getattr(args, "as_file", None):
        return read_credentials_file(args.as_file)
    if sys.stdin is None or not sys.stdin.isatty():
        raise ConfigError("signing in needs a terminal to ask for the PIN, or --as FILE for scripts")
    staff_id = getattr(args, "as_staff", None) or input("Staff id: ").strip()
    return Credentials(staff_id, getpass.getpass(f"PIN of {staff_id}: "))


def cli_session(store: Store, branch_id: str, who: Credentials) -> StaffSession:
    """The session of ``who`` at ``branch_id``; SignInRefused or AccountLocked as at a counter."""
    from models.staff.service import StaffService

    return StaffService(store, branch_id).verify(who.staff_id, who.pin, CLI_STATION)
