"""`counterline sync status`: is the station online, how many events wait to be sent, when it last synced."""

from __future__ import annotations

import argparse
import os
import sys

from sqlalchemy import func, inspect, select, text

from models.branch.prepare import branch_config
from models.cli.terminal import shown_on_terminal
from models.store.database import Store, open_store
from models.store.errors import StoreError
from models.store.location import resolve_url
from models.store.tables import EventRow
from models.sync.conflicts import ConflictView, open_conflicts, quarantined
from models.sync.pg_upstream import Deadlines, make_upstream
from models.sync.tables import InDoubtEventRow, SyncCursorRow

UPSTREAM_VAR = "COUNTERLINE_UPSTREAM"


def register(sub: argparse._SubParsersAction) -> None:
    sync = sub.add_parser("sync", help="the station's sync with the upstream store")
    actions = sync.add_subparsers(dest="sync_action", metavar="ACTION", required=True)
    status = actions.add_parser("status", help="online or offline, the backlog and the last successful sync")
    status.add_argument(
        "--upstream", default=os.environ.get(UPSTREAM_VAR), help=f"upstream SQLAlchemy URL (default: ${UPSTREAM_VAR})"
    )
    status.add_argument("--upstream-service", metavar="NAME", help="upstream as a libpq service (PGSERVICEFILE)")
    status.set_defaults(func=_status)


def reachable(url: str, deadlines: Deadlines = Deadlines()) -> tuple[bool, str]:
    """Whether upstream answers within the deadlines, and what went wrong if not."""
    store = make_upstream(url, deadlines)
    try:
        with store.deadline(deadlines.call_s), store.engine.connect() as conn:
            conn.execute(text("SELECT 1"))
        return True, ""
    except Exception as exc:  # whatever the failure (refused, silent, bad login), upstream is not usable now
        return False, str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    finally:
        store.close()


def backlog_lines(store: Store) -> list[str]:
    if "sync_cursor" not in inspect(store.engine).get_table_names():
        return ["no sync yet: this file has never synced (run the station with an upstream)"]
    lines = []
    with store.read_session() as session:
        cursors = session.scalars(select(SyncCursorRow).order_by(SyncCursorRow.branch_id, SyncCursorRow.station_id))
        for cursor in cursors:
            backlog = session.scalar(
                select(func.count())
                .select_from(EventRow)
                .where(
                    EventRow.branch_id == cursor.branch_id,
                    EventRow.station_id == cursor.station_id,
                    EventRow.seq > cursor.acked_seq,
                )
            )
            last = cursor.last_sync_at.isoformat(timespec="seconds") if cursor.last_sync_at else "never"
            lines.append(
                f"branch {cursor.branch_id} station {cursor.station_id}: backlog {backlog} event(s), last sync {last}"
            )
            doubt = session.scalar(
                select(func.count())
                .select_from(InDoubtEventRow)
                .where(InDoubtEventRow.branch_id == cursor.branch_id, InDoubtEventRow.station_id == cursor.station_id)
            )
            if doubt:
                lines.append(
                    f"  {doubt} event(s) in doubt: the link dropped at their COMMIT; the next sync asks upstream"
                )
    return lines or ["no sync yet: this file has never synced (run the station with an upstream)"]


def _branches(store: Store) -> list[str]:
    if "sync_cursor" not in inspect(store.engine).get_table_names():
        return []
    with store.read_session() as session:
        return list(dict.fromkeys(session.scalars(select(SyncCursorRow.branch_id)).all()))


def issue_lines(upstream_url: str, branches: list[str]) -> list[str]:
    """Open conflicts and quarantined events upstream, for each branch this station file syncs."""
    upstream = make_upstream(upstream_url)
    lines = []
    try:
        for branch_id in branches:
            open_ = open_conflicts(upstream, branch_config(upstream, branch_id), branch_id)
            held = quarantined(upstream, branch_id)
            lines.append(f"branch {branch_id}: {len(open_)} open conflict(s), {len(held)} quarantined event(s)")
            lines += [_conflict_line(c) for c in open_]
            lines += [f"  quarantined {q.station_id}#{q.seq} {q.type}: {q.reason}" for q in held]
    finally:
        upstream.close()
    return lines


def _subject(conflict: ConflictView) -> str:
    """A ticket's number, a counter's id, or whose break was changed late (with the break's id)."""
    return f"break of {conflict.teller_id} ({conflict.number})" if conflict.teller_id else conflict.number


def _conflict_line(conflict: ConflictView) -> str:
    # Break events reach this line as their payload holds them (no reducer checks them): shown, never obeyed.
    return f"  conflict {shown_on_terminal(_subject(conflict))} ({conflict.business_date}): " + shown_on_terminal(
        conflict.detail
    )


def _status(args: argparse.Namespace) -> int:
    from models.sync.upstream_secrets import upstream_url

    args.upstream = upstream_url(args.upstream, args.upstream_service)
    try:
        store = open_store(args.db, upgrade=False)
    except StoreError as exc:
        print(f"counterline: {exc}", file=sys.stderr)
        return 2
    try:
        print(f"station file: {store.label}")
        if args.upstream:
            online, why = reachable(args.upstream)
            label = resolve_url(args.upstream).render_as_string(hide_password=True)
            print(f"upstream: {label}: {'online' if online else 'OFFLINE (' + why + ')'}")
        else:
            online = False
            print("upstream: none (the store above is the branch's own: no sync needed)")
        for line in backlog_lines(store):
            print(line)
        if args.upstream and online:
            for line in issue_lines(args.upstream, _branches(store)):
                print(line)
    finally:
        store.close()
    return 0
