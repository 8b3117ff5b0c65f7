"""`counterline appointments book|list|cancel|no-shows`: appointments from a script or a terminal.

The command line acts as a supervisor (``--staff`` names who, default ``cli:<user>``); the service checks
the role like any other caller. Times are the branch's local clock (categories.toml [branch] timezone).
"""

from __future__ import annotations

import argparse
from datetime import date, datetime
from pathlib import Path

from models.cli.numbers import record_id
from models.cli.sign_in import add_sign_in_arguments


def _local_time(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a local date and time like 2026-11-24T10:30: {text!r}") from None
    if value.tzinfo is not None:
        raise argparse.ArgumentTypeError(f"give the branch's local time without a zone, got {text!r}")
    return value


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a day like 2026-11-24: {text!r}") from None


def register(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("appointments", help="book, list or cancel customers' appointments")
    parser.add_argument("--branch", help="branch id (default: the store's only branch)")
    add_sign_in_arguments(parser)  # who books or cancels signs in
    actions = parser.add_subparsers(dest="appointments_action", metavar="ACTION", required=True)
    book = actions.add_parser("book", help="book an appointment")
    who = book.add_mutually_exclusive_group(required=True)
    who.add_argument("--customer-no", help="the customer's number, e.g. C000000001")
    who.add_argument("--card", help="the customer's bank card number (needs the branch key)")
    who.add_argument("--phone", help="the customer's phone number (needs the branch key)")
    book.add_argument("--category", required=True, help="service category code, e.g. LOANS")
    book.add_argument("--at", required=True, type=_local_time, help="local start, e.g. 2026-11-24T10:30")
    book.add_argument("--minutes", type=int, help="duration (default from resources/appointments.toml)")
    book.add_argument("--note", default="", help="a short note for the counter")
    book.add_argument("--key-file", type=Path, help="branch key file (default: COUNTERLINE_BRANCH_KEY_FILE or config)")
    book.set_defaults(func=_book)
    listing = actions.add_parser("list", help="the appointments of a day")
    listing.add_argument("--day", type=_day, help="YYYY-MM-DD (default: today at the branch)")
    listing.set_defaults(func=_list)
    cancel = actions.add_parser("cancel", help="cancel a booked appointment")
    cancel.add_argument("appointment_id", type=record_id, help="the id 'list' shows")
    cancel.set_defaults(func=_cancel)
    no_shows = actions.add_parser("no-shows", help="mark the day's booked appointments whose window closed")
    no_shows.add_argument("--day", type=_day, help="YYYY-MM-DD (default: today at the branch)")
    no_shows.set_defaults(func=_no_shows)


def _actor(service, args: argparse.Namespace):
    from models.cli.sign_in import cli_session, credentials

    return cli_session(service.store, service.branch_id, credentials(args))


def _run(args: argparse.Namespace, action) -> int:
    from models.appointments.service import AppointmentService
    from models.branch.pick import pick_branch
    from models.branch.prepare import branch_config
    from models.branch.service import BranchService
    from models.cli.store_command import opened_store

    with opened_store(args.db) as store:
        branch_id = pick_branch(store, args.branch)
        # The branch's own zone: a booking's "10:00" is the branch's ten o'clock, not the packaged file's.
        branch = BranchService(store, branch_config(store, branch_id), branch_id, "cli")
        service = AppointmentService(branch)
        action(service, _actor(service, args))
    return 0


def _line(view) -> str:
    a = view.appointment
    end = view.local_start + (a.end - a.start)
    note = f"  ({a.note})" if a.note else ""
    return (
        f"{a.id:>6}  {view.local_start:%Y-%m-%d %H:%M}-{end:%H:%M}  {a.status.value:<9}  {a.category:<8}  "
        f"{view.customer_no:<12} {view.masked_name}{note}"
    )


def _customer_id(service, actor, args: argparse.Namespace) -> int:
    if args.customer_no:
        return service.customer_by_number(actor, args.customer_no).customer_id
    from models.customers.branch_key import load_branch_key
    from models.customers.service import CustomerService
    from queueing.customers.identity_keys import LookupKind
    from queueing.customers.profiles import UnknownCustomer

    config = service.branch.config
    customers = CustomerService(
        service.store, service.branch_id, load_branch_key(args.key_file), timezone=service.timezone,
        region=config.region,
    )
    kind, value = (LookupKind.CARD_NUMBER, args.card) if args.card else (LookupKind.PHONE, args.phone)
    profile = customers.lookup(actor, kind, value)
    if profile is None:
        raise UnknownCustomer(f"no customer with this {'card' if args.card else 'phone'} in branch {service.branch_id}")
    return profile.customer_id


def _book(args: argparse.Namespace) -> int:
    def book(service, actor) -> None:
        customer = _customer_id(service, actor, args)
        view = service.book(actor, customer, args.category, args.at, args.minutes, args.note)
        print(f"booked: {_line(view)}")

    return _run(args, book)


def _list(args: argparse.Namespace) -> int:
    def show(service, actor) -> None:
        day = args.day or service.today()
        views = service.day(actor, day)
        for view in views:
            print(_line(view))
        print(f"{len(views)} appointment{'s' if len(views) != 1 else ''} on {day} in branch {service.branch_id}")

    return _run(args, show)


def _cancel(args: argparse.Namespace) -> int:
    def cancel(service, actor) -> None:
        print(f"cancelled: {_line(service.cancel(actor, args.appointment_id))}")

    return _run(args, cancel)


def _no_shows(args: argparse.Namespace) -> int:
    def mark(service, actor) -> None:
        views = service.mark_no_shows(actor, args.day)
        for view in views:
            print(f"no-show: {_line(view)}")
        print(f"{len(views)} appointment{'s' if len(views) != 1 else ''} marked as no-show")

    return _run(args, mark)
