"""`counterline follow-ups list|done`: the follow-ups due at the branch, and closing one with its result.

Who runs it signs in (``--as-staff ID`` asks for the PIN, ``--as FILE`` for scripts); the service checks
the session and writes the audit entry like any other caller. Customers are shown masked.
"""

from __future__ import annotations

import argparse

from models.cli.numbers import record_id
from models.cli.sign_in import add_sign_in_arguments


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("follow-ups", help="list the customer follow-ups due, or mark one done")
    parser.add_argument("--branch", help="branch id (default: the store's only branch)")
    add_sign_in_arguments(parser)  # who lists or closes follow-ups signs in
    actions = parser.add_subparsers(dest="follow_ups_action", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="open follow-ups due today or overdue (or within --days)")
    listing.add_argument("--days", type=int, default=0, help="also those due within this many days (default 0)")
    listing.add_argument("--owner", help="only this owner's follow-ups (staff id)")
    listing.set_defaults(func=_list)
    done = actions.add_parser("done", help="mark a follow-up done with what came of it")
    done.add_argument("follow_up_id", type=record_id, help="the id 'list' shows")
    done.add_argument("--result", required=True, help="what came of it, e.g. 'renewed for 12 months'")
    done.set_defaults(func=_done)


def one_line(text: str, limit: int = 80) -> str:
    """A note as one terminal line: control characters (a hostile note's escapes) become spaces."""
    flat = "".join(c if c.isprintable() else " " for c in text).strip()
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def branch_and_zone(store, wanted: str | None) -> tuple[str, str]:
    """The branch a command works on (``--branch`` or the store's only one) and its time zone."""
    from models.branch.pick import pick_branch
    from models.reports.head_office import store_branches

    branch_id = pick_branch(store, wanted)
    return branch_id, next(b.timezone for b in store_branches(store) if b.id == branch_id)


def sign_in(store, branch_id: str, args: argparse.Namespace):
    """The session of who runs the command, checked by the staff service as at a counter."""
    from models.cli.sign_in import cli_session, credentials

    return cli_session(store, branch_id, credentials(args))


def _run(args: argparse.Namespace, action) -> int:
    from models.cli.store_command import opened_store
    from models.marketing.follow_ups import FollowUpService

    with opened_store(args.db) as store:
        branch_id, zone = branch_and_zone(store, args.branch)
        service = FollowUpService(store, branch_id, timezone=zone)
        action(service, sign_in(store, branch_id, args))
    return 0


def _list(args: argparse.Namespace) -> int:
    def show(service, actor) -> None:
        due = service.due(actor, args.days, args.owner)
        for d in due:
            f = d.follow_up
            late = f"{d.overdue_days}d late" if d.overdue_days > 0 else ("today" if d.overdue_days == 0 else "")
            print(
                f"{f.id:>6}  {f.next_action_on}  {late:<9} {f.owner:<10} {d.customer_no:<12} "
                f"{d.masked_name:<14} {d.masked_phone:<13} {one_line(f.text)}"
            )
        print(f"{len(due)} follow-up{'s' if len(due) != 1 else ''} due in branch {service.branch_id}")

    return _run(args, show)


def _done(args: argparse.Namespace) -> int:
    def done(service, actor) -> None:
        f = service.mark_done(actor, args.follow_up_id, args.result)
        print(f"done: follow-up {f.id} ({one_line(f.text, 40)}): {one_line(f.result or '')}")

    return _run(args, done)
