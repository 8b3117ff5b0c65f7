"""`counterline staff add|list`: staff accounts with their PINs (stored as argon2 hashes)."""

from __future__ import annotations

import argparse
import getpass
import sys

# The store's modules are imported inside the commands: building the CLI parser stays cheap.
DEFAULT_BRANCH = "DEMO"
ROLES = ("teller", "supervisor", "administrator")  # queueing.roles.Role


def register(sub: argparse._SubParsersAction) -> None:
    staff = sub.add_parser("staff", help="add or list staff accounts")
    staff.add_argument("--branch", default=DEFAULT_BRANCH, help="branch id (default: %(default)s)")
    actions = staff.add_subparsers(dest="staff_action", metavar="ACTION", required=True)
    add = actions.add_parser("add", help="create a staff account or replace its name, role and PIN")
    add.add_argument("--id", required=True, dest="staff_id", help="staff id, e.g. T1001")
    add.add_argument("--name", required=True)
    add.add_argument("--role", default="teller", choices=ROLES)
    add.add_argument("--pin", help="4 to 12 digits (asked for when left out)")
    add.set_defaults(func=_add)
    listing = actions.add_parser("list", help="list the staff of the branch")
    listing.set_defaults(func=_list)


def _service(args: argparse.Namespace):
    from models.branch_service import BranchService
    from models.demo_setup import load_demo_branch
    from models.staff_service import StaffService
    from models.store import open_store
    from queueing.categories import load_branch_config

    store = open_store(args.db)
    # A staff row belongs to a branch row: create the branch (and its categories) on first use.
    branch = BranchService(store, load_branch_config(), args.branch, "cli")
    demo = load_demo_branch()
    branch.ensure_branch(demo.name if args.branch == demo.id else args.branch)
    return StaffService(store, args.branch)


def _add(args: argparse.Namespace) -> int:
    from models.store_errors import StoreError
    from queueing.errors import DomainError

    pin = _pin(args)
    if not pin:
        print(
            "counterline: staff add: no PIN: pipe it on standard input, run in a terminal to be asked, or give --pin",
            file=sys.stderr,
        )
        return 2
    try:
        service = _service(args)
        staff = service.add(args.staff_id, args.name, args.role, pin)
    except (StoreError, DomainError) as exc:
        print(f"counterline: {exc}", file=sys.stderr)
        return 2
    print(f"{staff.id}  {staff.name}  {staff.role}: saved")
    service.store.close()
    return 0


def _pin(args: argparse.Namespace) -> str | None:
    """--pin, else one line piped on standard input, else asked on the terminal (None when none comes)."""
    if args.pin:
        return args.pin
    if sys.stdin is None or not sys.stdin.isatty():
        return (sys.stdin.readline() if sys.stdin else "").strip() or None
    try:
        return getpass.getpass("PIN: ")
    except EOFError:
        return None


def _list(args: argparse.Namespace) -> int:
    from models.store_errors import StoreError

    try:
        service = _service(args)
    except StoreError as exc:
        print(f"counterline: {exc}", file=sys.stderr)
        return 2
    for staff in service.list():
        state = "" if staff.active else "  (inactive)"
        print(f"{staff.id:<10} {staff.role:<14} {staff.name}{state}")
    service.store.close()
    return 0
