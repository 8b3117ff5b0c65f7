"""`counterline branch init|counter|list`: setting up a real branch in a store, without the demo.

``branch init`` writes the branch and its service categories (the packaged defaults, or the
branch's own file in its configuration folder) and, when asked, the first administrator: the only
account ever made without signing in. Counters are added by a signed-in supervisor or administrator.
"""

from __future__ import annotations

import argparse
import re
import sys

from models.cli.sign_in import add_sign_in_arguments

_BRANCH_ID = re.compile(r"^[A-Za-z0-9_-]{1,32}$")


def register(sub: argparse._SubParsersAction) -> None:
    branch = sub.add_parser("branch", help="set up a branch: its id, name, time zone, counters")
    actions = branch.add_subparsers(dest="branch_action", metavar="ACTION", required=True)

    init = actions.add_parser("init", help="create the branch (and its first administrator)")
    init.add_argument("--id", required=True, dest="branch_id", help="branch id, e.g. SH01 (letters, digits, - _)")
    init.add_argument("--name", required=True, help="the branch's name")
    init.add_argument("--timezone", required=True, help="IANA time zone, e.g. Asia/Shanghai")
    init.add_argument("--admin-id", help="the first administrator's staff id (the PIN is asked for)")
    init.add_argument("--admin-name", help="the first administrator's name")
    init.add_argument("--new-pin-file", help="file holding the administrator's PIN, for scripts (owner-only)")
    init.set_defaults(func=_init)

    counter = actions.add_parser("counter", help="add a counter or change its name and what it serves (administrators)")
    counter.add_argument("--branch", help="branch id (default: the store's only branch)")
    counter.add_argument("--id", required=True, dest="counter_id", help="counter id, e.g. C1")
    counter.add_argument("--name", required=True, help="the name the hall display shows, e.g. 1")
    counter.add_argument("--serves", required=True, help="categories and precedence, e.g. CASH=1,TRANSFER=2")
    add_sign_in_arguments(counter)
    counter.set_defaults(func=_counter)

    listing = actions.add_parser("list", help="the branches of the store")
    listing.set_defaults(func=_list)


def _zone(name: str) -> str:
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from queueing.core.errors import ConfigError

    try:
        ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"--timezone {name!r}: not a known time zone (e.g. Asia/Shanghai, Europe/Madrid)") from None
    return name


def _profile(text: str) -> dict[str, int]:
    from queueing.core.errors import ConfigError

    profile = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        code, _, level = part.partition("=")
        if not code.strip() or not level.strip().isdecimal() or int(level) < 1:
            raise ConfigError(f"--serves {text!r}: give CATEGORY=PRECEDENCE pairs, e.g. CASH=1,TRANSFER=2")
        profile[code.strip().upper()] = int(level)
    if not profile:
        raise ConfigError("--serves: name at least one category")
    return profile


def _init(args: argparse.Namespace) -> int:
    from dataclasses import replace
    from datetime import UTC, datetime

    from models.branch.service import BranchService
    from models.cli.sign_in import CLI_STATION
    from models.cli.staff import new_pin
    from models.customers.branch_key import default_key_path, load_or_create_branch_key
    from models.marketing.rulebook_publish import publish_files
    from models.reports.head_office import store_branches
    from models.staff.service import StaffService, check_new_account
    from models.staff.signing import create_signing_key, load_signing_key
    from models.store.database import open_store
    from queueing.core.categories import load_branch_config
    from queueing.core.errors import ConfigError
    from queueing.core.roles import Role
    from queueing.core.text_rules import BRANCH_NAME, clean_text
    from queueing.crosssell.rules import load_rules
    from queueing.customers.tiers import load_tiers

    if not _BRANCH_ID.match(args.branch_id):
        raise ConfigError(f"--id {args.branch_id!r}: 1 to 32 letters, digits, '-' or '_'")
    if bool(args.admin_id) != bool(args.admin_name):
        raise ConfigError("--admin-id and --admin-name go together")
    config = replace(load_branch_config(), timezone=_zone(args.timezone))
    store = open_store(args.db)
    try:
        earlier = next((b for b in store_branches(store) if b.id == args.branch_id), None)
        # A branch with no account yet is an earlier `branch init` cut off before its administrator (a dead
        # link, a full disk, a key folder it could not write): the same command finishes it. Nobody could
        # have signed in to it, so nothing it holds is anyone's work.
        resumed = earlier is not None and bool(args.admin_id) and not StaffService(store, args.branch_id).has_accounts()
        if earlier is not None:
            if not resumed:
                raise ConfigError(f"{store.label} has branch {args.branch_id} already; nothing was changed")
            # The name as ensure_branch kept it (NFC, trimmed): one typed or pasted decomposed is the same name.
            if (earlier.name, earlier.timezone) != (clean_text(BRANCH_NAME, args.name), config.timezone):
                raise ConfigError(
                    f"{store.label} has branch {args.branch_id} already ({earlier.name}, {earlier.timezone}), "
                    "without an administrator: run branch init again with that name and time zone to finish it; "
                    "nothing was changed"
                )
        pin = new_pin(args, args.admin_id) if args.admin_id else None  # asked before anything is written
        if pin is not None:
            # Checked by the staff rules before the branch is written: a refused PIN or name left a branch without
            # its administrator, and the next `branch init` was then refused as "has branch already".
            check_new_account(args.admin_id, args.admin_name, Role.ADMINISTRATOR, pin)
        # On PostgreSQL the server judges the stations' cross-sell answers by the branch's published rulebook:
        # the files are read (and a bad one refused) before anything is written.
        rulebook = (load_rules(), load_tiers()) if store.dialect == "postgresql" else None
        BranchService(store, config, args.branch_id, "setup").ensure_branch(args.name.strip())
        done = "set-up finished" if resumed else "created"
        print(f"branch {args.branch_id} ({args.name.strip()}, {args.timezone}): {done} in {store.label}")
        if rulebook is not None:
            publish_files(store, (args.branch_id,), *rulebook, "branch init", datetime.now(UTC), only_if_none=resumed)
        if load_signing_key() is None:
            private = create_signing_key()
            print(f"staff signing key: {private} (keep it here); copy {private.with_suffix('.pub')} to each station")
        if not default_key_path().exists():
            # Staff changes are audited from the first one on, and the audit chain is keyed by the branch key.
            load_or_create_branch_key()
            print(f"branch key: {default_key_path()} (owner-only); copy it to each station of the branch")
        if pin is not None:
            signed = StaffService(store, args.branch_id, station_id=CLI_STATION, signing_key=load_signing_key())
            staff = signed.add_first_administrator(args.admin_id, args.admin_name, pin)
            print(f"{staff.id}  {staff.name}  administrator: saved")
        else:
            print(f"next: counterline staff --branch {args.branch_id} first-admin --id ID --name NAME")
    finally:
        store.close()
    return 0


def _counter(args: argparse.Namespace) -> int:
    from models.branch.pick import pick_branch
    from models.branch.prepare import branch_config
    from models.branch.service import BranchService
    from models.cli.sign_in import CLI_STATION, cli_session, credentials
    from models.cli.store_command import opened_store

    profile = _profile(args.serves)
    with opened_store(args.db) as store:
        branch_id = pick_branch(store, args.branch)
        actor = cli_session(store, branch_id, credentials(args))
        branch = BranchService(store, branch_config(store, branch_id), branch_id, CLI_STATION)
        branch.configure_counter(actor, args.counter_id, args.name, profile)
    print(f"counter {args.counter_id} ({args.name}): serves {', '.join(f'{c}={n}' for c, n in profile.items())}")
    return 0


def _list(args: argparse.Namespace) -> int:
    from models.cli.store_command import opened_store
    from models.reports.head_office import store_branches

    with opened_store(args.db) as store:
        branches = store_branches(store)
    for b in branches:
        print(f"{b.id:<12} {b.timezone:<20} {b.name}")
    if not branches:
        print(f"{store.label} holds no branch", file=sys.stderr)
    return 0
