"""`counterline db ...`: create, migrate and check the store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from models.store.database import open_store
from models.store.errors import StoreError


def register(sub: argparse._SubParsersAction) -> None:
    db = sub.add_parser("db", help="create, migrate or check the store")
    actions = db.add_subparsers(dest="db_action", metavar="ACTION", required=True)
    upgrade = actions.add_parser("upgrade", help="create the store or migrate it to this version's schema")
    upgrade.set_defaults(func=_upgrade)
    status = actions.add_parser("status", help="print where the store is and its schema revision")
    status.set_defaults(func=_status)
    check = actions.add_parser("check", help="read every page of a SQLite store and report damage")
    check.set_defaults(func=_check)
    grant = actions.add_parser(
        "grant-station",
        help="create or update a PostgreSQL role for stations: no direct read of customers (run after db upgrade)",
    )
    grant.add_argument("role", metavar="ROLE", help="the role's name, e.g. counterline_station")
    grant.add_argument("--password-file", type=Path, help="an owner-only file holding the role's password")
    grant.set_defaults(func=_grant_station)


def _upgrade(args: argparse.Namespace) -> int:
    try:
        # Read in full, large or not: migrating a damaged file would spread the damage.
        store = open_store(args.db, full_check=True)
    except StoreError as exc:
        print(f"counterline: {exc}", file=sys.stderr)
        return 2
    print(f"{store.label}: schema at {store.current_revision()}")
    try:
        return _seed_rulebooks(store)
    finally:
        store.close()


def _seed_rulebooks(store) -> int:
    """The rule file and tiers.toml at hand published to every branch that has no rulebook on the server yet
    (a store upgraded past 0033): its stations' answers are refused until one is. A branch's own supervisor's
    screen publishes the branch's files at its start, and replaces this seed where they differ."""
    from datetime import UTC, datetime

    from sqlalchemy.exc import DBAPIError

    from models.marketing.rulebook_publish import publish_files
    from queueing.core.errors import ConfigError
    from queueing.crosssell.rules import load_rules
    from queueing.customers.tiers import load_tiers

    if store.dialect != "postgresql":
        return 0
    try:
        rules = load_rules()
        published = publish_files(store, None, rules, load_tiers(), "db upgrade", datetime.now(UTC), only_if_none=True)
    except (ConfigError, DBAPIError) as exc:
        print(f"counterline: the cross-sell rulebook was not published: {exc}", file=sys.stderr)
        return 1
    for done in published:
        if done.written:
            print(f"branch {done.branch_id}: cross-sell rulebook published ({done.rules} rules of {rules.source})")
    return 0


def _status(args: argparse.Namespace) -> int:
    try:
        # The same full read as `db check`, so that the two never disagree about damage.
        store = open_store(args.db, upgrade=False, full_check=True)
    except StoreError as exc:
        print(f"counterline: {exc}", file=sys.stderr)
        return 2
    print(f"store: {store.label}\nschema: {store.current_revision() or 'empty (run: counterline db upgrade)'}")
    store.close()
    return 0


def _check(args: argparse.Namespace) -> int:
    from models.store.database import known_revisions
    from models.store.location import resolve_url, sqlite_file
    from models.store.sqlite_checks import check_existing_file

    path = sqlite_file(resolve_url(args.db))
    if path is None:
        print("counterline: db check reads SQLite files; a server checks its own storage", file=sys.stderr)
        return 2
    if not path.exists():
        print(f"counterline: {path}: no such file", file=sys.stderr)
        return 2
    try:
        check_existing_file(path, known_revisions(), full=True)
    except StoreError as exc:
        print(f"counterline: {exc}", file=sys.stderr)
        return 2
    print(f"{path}: ok")
    return 0


def _grant_station(args: argparse.Namespace) -> int:
    from models.cli.sign_in import read_secret_file
    from models.sync.station_grants import grant_station

    password = read_secret_file(args.password_file) if args.password_file else None
    try:
        store = open_store(args.db)
    except StoreError as exc:
        print(f"counterline: {exc}", file=sys.stderr)
        return 2
    try:
        granted = grant_station(store, args.role, password)
    finally:
        store.close()
    print(f"role {args.role}: may not read {', '.join(granted['refused'])}; looks customers up through the functions")
    return 0
