"""`counterline db ...`: create, migrate and check the store."""

from __future__ import annotations

import argparse
import sys

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


def _upgrade(args: argparse.Namespace) -> int:
    try:
        # Read in full, large or not: migrating a damaged file would spread the damage.
        store = open_store(args.db, full_check=True)
    except StoreError as exc:
        print(f"counterline: {exc}", file=sys.stderr)
        return 2
    print(f"{store.label}: schema at {store.current_revision()}")
    store.close()
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
