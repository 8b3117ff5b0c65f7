"""`counterline staff ...`: staff accounts, administered by a signed-in administrator.

``first-admin`` creates a branch's first administrator, the only account ever made without
signing in (refused once the branch has any account). Every other change asks for an
administrator's (``unlock``: a supervisor's) staff id and PIN, or reads them from ``--as FILE``.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from models.cli.sign_in import add_sign_in_arguments
from models.cli.terminal import shown_on_terminal as shown

# The store's modules are imported inside the commands: building the CLI parser stays cheap.
ROLES = ("teller", "supervisor", "administrator")  # queueing.core.roles.Role


def register(sub: argparse._SubParsersAction) -> None:
    staff = sub.add_parser("staff", help="add, list and administer staff accounts")
    staff.add_argument("--branch", help="branch id (default: the store's only branch)")
    actions = staff.add_subparsers(dest="staff_action", metavar="ACTION", required=True)

    first = actions.add_parser("first-admin", help="create the branch's first administrator (no sign-in)")
    _account_arguments(first, role=False)
    first.set_defaults(func=_first_admin)

    add = actions.add_parser("add", help="create a staff account or replace its name, role and PIN")
    _account_arguments(add, role=True)
    add_sign_in_arguments(add)
    add.set_defaults(func=_add)

    listing = actions.add_parser("list", help="list the staff of the branch")
    listing.set_defaults(func=_list)

    for name, text in (
        ("deactivate", "a leaver: refused at once online, offline from the next sync"),
        ("reactivate", "let a deactivated account sign in again"),
        ("unlock", "lift a wrong-PIN lock (supervisors and administrators)"),
    ):
        change = actions.add_parser(name, help=text)
        change.add_argument("staff_id", metavar="ID", help="the account to change")
        add_sign_in_arguments(change)
        change.set_defaults(func=_change, change=name)

    reset = actions.add_parser("reset-pin", help="give an account a new PIN (asked for)")
    reset.add_argument("staff_id", metavar="ID")
    reset.add_argument("--new-pin-file", help="file holding the new PIN, for scripts (owner-only)")
    add_sign_in_arguments(reset)
    reset.set_defaults(func=_change, change="reset-pin")

    role = actions.add_parser("set-role", help="change an account's role (a longer PIN is asked for if needed)")
    role.add_argument("staff_id", metavar="ID")
    role.add_argument("role", choices=ROLES)
    role.add_argument("--new-pin-file", help="file holding the new PIN, for scripts (owner-only)")
    add_sign_in_arguments(role)
    role.set_defaults(func=_change, change="set-role")


def _account_arguments(parser: argparse.ArgumentParser, role: bool) -> None:
    parser.add_argument("--id", required=True, dest="new_id", help="staff id, e.g. T1001")
    parser.add_argument("--name", required=True)
    if role:
        parser.add_argument("--role", default="teller", choices=ROLES)
    parser.add_argument("--new-pin-file", help="file holding the new account's PIN, for scripts (owner-only)")


def new_pin(args: argparse.Namespace, whose: str) -> str:
    """The new PIN: from --new-pin-file (owner-only), else typed twice. Never from the command line."""
    from pathlib import Path

    from models.cli.sign_in import read_secret_file
    from queueing.core.errors import DomainError

    if args.new_pin_file:
        return read_secret_file(Path(args.new_pin_file))
    if sys.stdin is None or not sys.stdin.isatty():
        raise DomainError(f"no new PIN for {whose}: run in a terminal to be asked, or give --new-pin-file")
    pin = getpass.getpass(f"New PIN for {whose}: ")
    if getpass.getpass("Again: ") != pin:
        raise DomainError("the two PINs differ; nothing was changed")
    return pin


def _signed(store, branch_id: str):
    """The staff service signing what it writes with the administrator's key, when this PC has it."""
    from models.cli.sign_in import CLI_STATION
    from models.staff.service import StaffService
    from models.staff.signing import load_signing_key

    return StaffService(store, branch_id, station_id=CLI_STATION, signing_key=load_signing_key())


def _say_if_unsigned(store, branch_id: str, staff_id: str) -> None:
    """A word on stderr when ``staff_id`` was left unsigned in a branch whose accounts are signed.

    The key is looked for in the configuration folder (--config): run with another folder than branch init's,
    the account was saved unsigned without a word, and every station then refused it offline.
    """
    from sqlalchemy import select

    from models.store.tables import StaffRow
    from queueing.config.files import branch_config_dir

    with store.read_session() as session:
        rows = session.execute(select(StaffRow.id, StaffRow.signature).where(StaffRow.branch_id == branch_id))
        signatures = dict(rows.all())
    if signatures.get(staff_id) is None and any(s is not None for s in signatures.values()):
        print(
            f"counterline: {shown(staff_id)} is saved unsigned: no staff-signing.key in {branch_config_dir()}; "
            "stations will not sign it in offline until it is saved again with the configuration folder "
            "(--config) that holds the key",
            file=sys.stderr,
        )


def _run(args: argparse.Namespace, work) -> int:
    """Open the store, pick the branch, do ``work(store, branch_id)``."""
    from models.branch.pick import pick_branch
    from models.cli.store_command import opened_store

    with opened_store(args.db) as store:
        return work(store, pick_branch(store, args.branch))


def _first_admin(args: argparse.Namespace) -> int:

    def work(store, branch_id: str) -> int:
        from models.staff.service import StaffService, staffed_already

        # Said before the PIN is asked for (a typed PIN, twice, for nothing); the service checks again under its lock.
        if StaffService(store, branch_id).has_accounts():
            raise staffed_already(branch_id)
        pin = new_pin(args, args.new_id)
        staff = _signed(store, branch_id).add_first_administrator(args.new_id, args.name, pin)
        print(f"{shown(staff.id)}  {shown(staff.name)}  {shown(staff.role)}: saved (branch {shown(branch_id)})")
        _say_if_unsigned(store, branch_id, staff.id)
        return 0

    return _run(args, work)


def _add(args: argparse.Namespace) -> int:
    from models.cli.sign_in import cli_session, credentials

    def work(store, branch_id: str) -> int:
        actor = cli_session(store, branch_id, credentials(args))
        pin = new_pin(args, args.new_id)
        staff = _signed(store, branch_id).add(actor, args.new_id, args.name, args.role, pin)
        print(f"{shown(staff.id)}  {shown(staff.name)}  {shown(staff.role)}: saved")
        _say_if_unsigned(store, branch_id, staff.id)
        return 0

    return _run(args, work)


def _change(args: argparse.Namespace) -> int:
    from models.cli.sign_in import cli_session, credentials

    def work(store, branch_id: str) -> int:
        actor = cli_session(store, branch_id, credentials(args))
        service = _signed(store, branch_id)
        target = args.staff_id
        if args.change == "deactivate":
            staff = service.deactivate(actor, target)
        elif args.change == "reactivate":
            staff = service.reactivate(actor, target)
        elif args.change == "unlock":
            staff = service.unlock(actor, target)
        elif args.change == "reset-pin":
            staff = service.reset_pin(actor, target, new_pin(args, target))
        else:
            staff = service.set_role(actor, target, args.role, _role_pin(args, service, target))
        state = "active" if staff.active else "inactive"
        print(f"{shown(staff.id)}  {shown(staff.name)}  {shown(staff.role)}  {state}: {args.change} done")
        _say_if_unsigned(store, branch_id, staff.id)
        return 0

    return _run(args, work)


def _role_pin(args: argparse.Namespace, service, target: str) -> str | None:
    """A new PIN when the new role needs a longer one than the account's current role."""
    from models.staff.service import MIN_PIN_DIGITS
    from queueing.core.roles import Role

    current = service.get(target)
    if current is None or MIN_PIN_DIGITS[Role(args.role)] <= MIN_PIN_DIGITS[Role(current.role)]:
        return None
    return new_pin(args, target)


def _list(args: argparse.Namespace) -> int:
    from models.staff.service import StaffService

    def work(store, branch_id: str) -> int:
        for staff in StaffService(store, branch_id).accounts():  # rows another program may have written
            state = "" if staff.active else "  (inactive)"
            print(f"{shown(staff.id):<10} {shown(staff.role):<14} {shown(staff.name)}{state}")
        return 0

    return _run(args, work)
