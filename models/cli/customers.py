"""`counterline demo-data` and `counterline audit verify|export`: customer demo data and the audit log."""

from __future__ import annotations

import argparse
import sys
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

from models.cli.numbers import record_id
from models.cli.sign_in import add_sign_in_arguments
from queueing.core.errors import ConfigError


def register(sub: argparse._SubParsersAction) -> None:
    demo = sub.add_parser("demo-data", help="add realistic demo customers (zh_CN, ko_KR, es) to the store")
    demo.add_argument("--customers", type=int, default=10_000, help="how many customers to add (default 10000)")
    demo.add_argument("--branch", help="the demo branch (the only one demo customers may go into)")
    demo.add_argument("--seed", type=int, help="seed for a repeatable data set")
    demo.add_argument("--key-file", type=Path, help="branch key file (default: COUNTERLINE_BRANCH_KEY_FILE or config)")
    demo.set_defaults(func=_demo_data)

    audit = sub.add_parser("audit", help="verify or export the audit log")
    actions = audit.add_subparsers(dest="audit_action", metavar="ACTION", required=True)
    verify = actions.add_parser("verify", help="check the hash chain: prints OK or the first broken entry")
    verify.set_defaults(func=_verify)
    export = actions.add_parser("export", help="write audit entries to a CSV file")
    export.add_argument("--out", type=Path, required=True, help="CSV file to write")
    export.add_argument("--branch", help="branch id (default: the store's only branch)")
    export.add_argument("--since", type=date.fromisoformat, help="first day (YYYY-MM-DD, UTC)")
    export.add_argument("--until", type=date.fromisoformat, help="last day included (YYYY-MM-DD, UTC)")
    export.add_argument("--staff", help="only this staff id")
    export.add_argument("--customer", type=record_id, help="only this customer id")
    export.add_argument("--action", help="only this action (profile_view, reveal, ...)")
    add_sign_in_arguments(export)
    export.set_defaults(func=_export)


def _default_branch() -> str:
    from models.demo.branch_setup import load_demo_branch

    return load_demo_branch().id


def _open(db: str | None, upgrade: bool):
    from models.store.database import open_store

    return open_store(db, upgrade=upgrade)


def _check_demo_store(store, branch: str, demo_id: str) -> None:
    """Demo customers go into the demo branch of a store made for the demo, never beside a real branch."""
    from models.reports.head_office import store_branches

    if branch != demo_id:
        raise ConfigError(f"--branch {branch}: demo customers belong to the demo branch {demo_id} only")
    others = [b.id for b in store_branches(store) if b.id != demo_id]
    if others:
        raise ConfigError(
            f"{store.label} holds branch {', '.join(others)}: demo customers go into a store of their own"
        )


def _demo_data(args: argparse.Namespace) -> int:
    from models.customers.branch_key import load_or_create_branch_key
    from models.demo.branch_setup import load_demo_branch
    from models.demo.customers import generate_customers
    from models.store.errors import StoreError
    from queueing.core.categories import load_branch_config

    if args.customers < 1:
        print("counterline: --customers must be at least 1", file=sys.stderr)
        return 2
    try:
        demo = load_demo_branch()
        key = load_or_create_branch_key(args.key_file)
        store = _open(args.db, upgrade=True)
    except (ConfigError, StoreError) as exc:
        print(f"counterline: {exc}", file=sys.stderr)
        return 2
    branch = args.branch or demo.id
    try:
        _check_demo_store(store, branch, demo.id)
        result = generate_customers(
            store, branch, key, args.customers, today=date.today(), seed=args.seed,
            branch_name=demo.name if branch == demo.id else None, region=load_branch_config().region,
        )
    finally:
        store.close()
    print(f"{store.label}: {result.customers} customers, {result.holdings} holdings, {result.cards} cards "
          f"for branch {branch} in {result.seconds:.1f} s")
    for s in result.samples:
        print(f"  try {s.customer_no} ({s.locale}): ID {s.id_number}  card {s.card_number}  phone {s.phone}")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import OperationalError

    from models.audit.service import verify_audit
    from models.store.errors import StoreError

    try:
        store = _open(args.db, upgrade=False)
    except StoreError as exc:
        print(f"counterline: {exc}", file=sys.stderr)
        return 2
    try:
        verdicts = verify_audit(store)
    except OperationalError as exc:
        print(f"counterline: {store.label}: cannot read the audit log: {exc.orig}", file=sys.stderr)
        return 2
    finally:
        store.close()
    from models.cli.terminal import shown_on_terminal as shown

    broken = [(v, v.broken) for v in verdicts if v.broken is not None]
    for v, at in broken:  # the names come from the rows, which an intruder may have written
        print(f"BROKEN branch {shown(v.branch_id)} station {shown(v.station_id)} at entry {at.seq}: {shown(at.reason)}")
    if broken:
        return 1
    print(f"OK ({len(verdicts)} station chain{'s' if len(verdicts) != 1 else ''} checked)")
    loose = [v for v in verdicts if not v.anchored]
    if loose:
        # Without the anchored heads, entries cut off the end of these chains could not be told.
        names = ", ".join(f"{shown(v.branch_id)}/{shown(v.station_id)}" for v in loose)
        print(f"note: no head anchored on this PC for {names}: checked from their entries alone")
    return 0


def _export(args: argparse.Namespace) -> int:
    from sqlalchemy.exc import OperationalError

    from models.audit.service import AuditFilter, AuditService
    from models.branch.pick import pick_branch
    from models.cli.sign_in import cli_session, credentials
    from models.store.errors import StoreError
    from queueing.core.errors import DomainError

    if args.since and args.until and args.until < args.since:
        # Nothing lies in such a period: the export would write an empty table over the file there.
        print(f"counterline: --until {args.until} comes before --since {args.since}", file=sys.stderr)
        return 2
    until = datetime.combine(args.until, time.min, UTC) + timedelta(days=1) if args.until else None
    filters = AuditFilter(
        staff_id=args.staff,
        customer_id=args.customer,
        action=args.action,
        since=datetime.combine(args.since, time.min, UTC) if args.since else None,
        until=until,
    )
    try:
        store = _open(args.db, upgrade=False)
    except StoreError as exc:
        print(f"counterline: {exc}", file=sys.stderr)
        return 2
    try:
        # Whoever exports signs in (supervisor or administrator); the export is written to the audit log.
        branch_id = pick_branch(store, args.branch)
        actor = cli_session(store, branch_id, credentials(args))
        count = AuditService(store, branch_id).export_csv(actor, args.out, filters)
    except (OSError, OperationalError) as exc:
        print(f"counterline: cannot export: {exc}", file=sys.stderr)
        return 2
    except DomainError as exc:
        print(f"counterline: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    print(f"{count} audit entries written to {args.out}")
    return 0

