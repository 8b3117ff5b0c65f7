"""`counterline call-list --days 30 [--format csv|xlsx] [--out FILE]`: time deposits maturing soon, largest
first, masked; and tomorrow's appointments to remind.

Who runs it signs in (``--as-staff ID`` or ``--as FILE``), as for the other commands. Phone numbers stay masked
here: revealing one takes a reason and is done one customer at a time on the Call list tab.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from zoneinfo import ZoneInfo

from models.cli.sign_in import add_sign_in_arguments

TITLES = ("Matures on", "Days left", "Balance", "Product", "Customer number", "Customer", "Phone",
          "Marketing consent", "Last call", "Last call at")


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("call-list", help="time deposits maturing soon (largest first, masked) and reminders")
    parser.add_argument("--branch", help="branch id (default: the store's only branch)")
    add_sign_in_arguments(parser)
    parser.add_argument("--days", type=int, default=30, help="deposits maturing within this many days (default 30)")
    parser.add_argument("--format", choices=("csv", "xlsx"), help="write a file instead of printing")
    parser.add_argument("--out", type=Path, help="the file to write (default: call-list-<today>.<format>)")
    parser.set_defaults(func=_call_list)


def rows(calls, timezone: str) -> list[tuple]:
    """One line per deposit; the last call's time (stored in UTC) in the branch's ``timezone``."""
    zone = ZoneInfo(timezone)
    return [
        (
            c.matures_on,
            c.days_left,
            c.balance,
            c.product_code,
            c.customer_no,
            c.masked_name,
            c.masked_phone,
            "yes" if c.marketing_consent else "no",
            c.last_call.result.value if c.last_call else "",
            c.last_call.at.astimezone(zone).isoformat(timespec="minutes") if c.last_call else "",
        )
        for c in calls
    ]


def _call_list(args: argparse.Namespace) -> int:
    from models.cli.follow_ups import branch_and_zone, one_line, sign_in
    from models.cli.store_command import opened_store
    from models.marketing.call_list import CallListService
    from models.reports.table_export import write_table
    from queueing.core.errors import DomainError

    with opened_store(args.db) as store:
        branch_id, zone = branch_and_zone(store, args.branch)
        actor = sign_in(store, branch_id, args)
        service = CallListService(store, branch_id, timezone=zone)
        calls = service.maturities(actor, args.days)
        reminders = service.reminders(actor)
        if args.format:
            out = args.out or Path(f"call-list-{service.today().isoformat()}.{args.format}")
            if out.suffix.lower() != f".{args.format}":
                raise DomainError(f"{out}: a {args.format} file must end in .{args.format}")
            try:
                write_table(out, TITLES, rows(calls, zone), sheet="Call list")
            except OSError as exc:
                print(f"counterline: cannot write {exc.filename or out}: {exc.strerror}", file=sys.stderr)
                return 2
            print(f"{len(calls)} deposit{'s' if len(calls) != 1 else ''} maturing within {args.days} days "
                  f"written to {out}")
        else:
            for line in rows(calls, zone):
                print("  ".join(one_line(str(v), 24) for v in line).rstrip())
            print(f"{len(calls)} deposit{'s' if len(calls) != 1 else ''} maturing within {args.days} days")
        for r in reminders:
            print(f"reminder: {r.local_start:%Y-%m-%d %H:%M}  {r.category:<8} {r.customer_no:<12} "
                  f"{r.masked_name} {r.masked_phone}{'  (called)' if r.last_call else ''}")
    return 0
