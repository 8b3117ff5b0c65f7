"""`counterline report piece-rate|service --from DATE --to DATE [--branch ID ...|--all-branches] --format csv|xlsx|pdf
--out FILE`.

One branch gives the piece-rate report as a branch has always had it; several (``--branch A --branch B``,
``--branch A,B`` or ``--all-branches``) give each branch's report with its total and a total of all of them.
The service report covers any set of branches the same way.

CSV and XLSX in English need no Qt; a PDF, or headers in another language, start a
QGuiApplication (offscreen is fine) for the font and the translator. Qt is imported
inside the functions, so other commands never load it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from models.cli.sign_in import add_sign_in_arguments

if TYPE_CHECKING:
    from models.store.branches import StoreBranch
    from models.store.database import Store

FORMATS = ("csv", "xlsx", "pdf")
LANGUAGE_CHOICES = ("en", "zh_CN", "ko", "es")


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date (YYYY-MM-DD): {text!r}") from None


def register(sub: argparse._SubParsersAction) -> None:
    report = sub.add_parser("report", help="write a report of the branch's records")
    kinds = report.add_subparsers(dest="report_kind", metavar="REPORT", required=True)
    piece = kinds.add_parser("piece-rate", help="tellers' visits, units, quality, time and pay for a period")
    _common_arguments(piece)
    _staff_branch_argument(piece)
    piece.add_argument(
        "--scheme",
        help="piece-rate scheme TOML for every branch of the run (default: piece_rate.toml of the --config folder, "
        "else resources/)",
    )
    piece.set_defaults(func=_piece_rate)
    service = kinds.add_parser(
        "service", help="per branch and category: tickets, served, no-shows, waits, service level, service time"
    )
    _common_arguments(service)
    _staff_branch_argument(service)
    service.set_defaults(func=_service)
    crosssell = kinds.add_parser(
        "crosssell", help="cross-sell prompts offered, interested, accepted, declined and conversion per rule, "
        "teller, customer tier and week"
    )
    _common_arguments(crosssell)
    crosssell.set_defaults(func=_crosssell)


def _branch_ids(text: str) -> list[str]:
    ids = [part.strip() for part in text.split(",")]
    if not all(ids):
        raise argparse.ArgumentTypeError(f"an empty branch id in {text!r}")
    return ids


def _common_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="first", type=_date, required=True, help="first local date, YYYY-MM-DD")
    parser.add_argument("--to", dest="last", type=_date, required=True, help="last local date (inclusive)")
    which = parser.add_mutually_exclusive_group()
    which.add_argument(
        "--branch",
        dest="branches",
        action="extend",
        type=_branch_ids,
        default=[],
        metavar="ID[,ID...]",
        help="branch id; repeat it or give a comma list for several (default: the store's only branch)",
    )
    which.add_argument("--all-branches", action="store_true", help="every branch of the store")
    parser.add_argument("--format", choices=FORMATS, help="default: from the --out file's extension")
    parser.add_argument("--out", required=True, type=Path, help="the file to write")
    parser.add_argument("--language", default="en", choices=LANGUAGE_CHOICES, help="headers and names")
    add_sign_in_arguments(parser)


def _staff_branch_argument(parser: argparse.ArgumentParser) -> None:
    # Staff ids belong to a branch: head office's administrator has an account in one branch, and a report
    # over several must say which, or it signs in at the first reported on (--all-branches: by id).
    parser.add_argument(
        "--staff-branch",
        metavar="ID",
        help="the branch of the account you sign in with (default: the first branch reported on)",
    )


def _format(args: argparse.Namespace) -> str:
    chosen = args.format or args.out.suffix.lstrip(".").lower()
    if chosen not in FORMATS:
        raise ValueError(f"say --format {'|'.join(FORMATS)} (the file {args.out} has no known extension)")
    return chosen


def _piece_rate(args: argparse.Namespace) -> int:
    return _run(args, _piece_rate_in)


def _piece_rate_in(store: Store, args: argparse.Namespace, fmt: str) -> str:
    """Build and write the report; the summary line to print."""
    from models.reports.head_office import choose_branches

    branches = choose_branches(store, args.branches, args.all_branches)
    actor = _sign_in(store, branches, args)
    if len(branches) > 1:
        return _branches_piece_rate(actor, store, branches, args, fmt)
    report, branch_name, type_names = _build(actor, store, branches[0], args)
    _write(report, fmt, args, branch_name, type_names)
    t = report.totals
    return (f"{len(report.rows)} tellers, {t.output.visits} visits, {t.net_units:.2f} net units, "
            f"pay {t.pay:.2f} {report.currency}")  # fmt: skip


def _sign_in(store: Store, branches: Sequence[StoreBranch], args: argparse.Namespace):
    """The session of who asks for the report, signed in at --staff-branch or the first branch reported on."""
    from models.cli.sign_in import cli_session, credentials
    from models.reports.head_office import choose_branches
    from models.staff.service import SignInRefused

    named = getattr(args, "staff_branch", None)
    branch_id = choose_branches(store, [named])[0].id if named else branches[0].id
    try:
        return cli_session(store, branch_id, credentials(args))
    except SignInRefused as exc:
        if named or len(branches) == 1:
            raise
        # The same words for every id (which ids are accounts stays untold), and where it was asked.
        raise SignInRefused(
            f"{exc} (signed in at branch {branch_id}, the first reported on: "
            "--staff-branch ID names your account's branch)"
        ) from None


def _build(actor, store: Store, branch, args: argparse.Namespace):
    from models.reports.head_office import records_for
    from queueing.core.transaction_types import load_catalogue
    from queueing.reports.piece_rate import load_scheme

    records = records_for(store, branch, load_catalogue())
    report = records.report(actor, records.period(args.first, args.last), load_scheme(args.scheme))
    return report, branch.name, records.type_names(args.language)


def _write(report, fmt: str, args: argparse.Namespace, branch_name: str, type_names: dict[str, str]) -> None:
    from models.reports.export import write_csv, write_xlsx

    if fmt != "pdf" and args.language == "en":
        # English headers are the exporter's own: no Qt needed.
        (write_csv(report, args.out) if fmt == "csv" else write_xlsx(report, args.out, type_names=type_names))
        return
    with _qt_language(args.language):
        from ui.reports.piece_rate_texts import column_headers, total_label

        headers, total = column_headers(), total_label()
        if fmt == "csv":
            write_csv(report, args.out, headers, total)
        elif fmt == "xlsx":
            write_xlsx(report, args.out, headers, total, type_names)
        else:
            from ui.common.branch_time import set_branch_zone
            from ui.reports.piece_rate_pdf import write_pdf

            set_branch_zone(report.period.timezone)  # "generated at" in branch time, as the figures are
            write_pdf(report, args.out, branch_name, type_names)


def _branches_piece_rate(actor, store: Store, branches, args: argparse.Namespace, fmt: str) -> str:
    from models.reports.export_branches import write_branches_csv, write_branches_xlsx
    from models.reports.head_office import piece_rate_over_branches
    from queueing.core.transaction_types import load_catalogue
    from queueing.reports.piece_rate import default_scheme_path, load_scheme

    catalogue = load_catalogue()
    scheme_path = args.scheme or default_scheme_path()
    report = piece_rate_over_branches(
        actor, store, branches, args.first, args.last, load_scheme(scheme_path), scheme_path, catalogue
    )
    type_names = {code: kind.name(args.language) for code, kind in catalogue.types.items()}
    if fmt != "pdf" and args.language == "en":
        (write_branches_csv if fmt == "csv" else write_branches_xlsx)(report, args.out)
    else:
        with _qt_language(args.language):
            from ui.reports.piece_rate_texts import branch_texts, column_headers

            headers = {**column_headers(), **branch_texts()}
            if fmt == "csv":
                write_branches_csv(report, args.out, headers)
            elif fmt == "xlsx":
                write_branches_xlsx(report, args.out, headers, type_names)
            else:
                from ui.reports.piece_rate_pdf_branches import write_branches_pdf

                write_branches_pdf(report, args.out)
    t, n = report.totals, len(report.branches)
    return (f"{n} branches, {t.tellers} tellers, {t.output.visits} visits, {t.net_units:.2f} net units, "
            f"pay {t.pay:.2f} {report.currency} (scheme {report.scheme_name})")  # fmt: skip


def _service(args: argparse.Namespace) -> int:
    return _run(args, _service_in)


def _run(args: argparse.Namespace, build: Callable[[Store, argparse.Namespace, str], str]) -> int:
    """Open the store, build and write the report whole (a failed run leaves no half file), print its summary."""
    from models.store.atomic_file import replaced_on_success
    from models.store.database import open_store
    from models.store.errors import StoreError
    from queueing.core.errors import ConfigError, DomainError

    try:
        fmt = _format(args)
        store = open_store(args.db)
    except (ValueError, StoreError) as exc:
        print(f"counterline: {exc}", file=sys.stderr)
        return 2
    try:
        with replaced_on_success(args.out) as part:
            summary = build(store, argparse.Namespace(**{**vars(args), "out": part}), fmt)
    except (ValueError, DomainError, ConfigError, StoreError, OSError) as exc:
        print(f"counterline: {exc}", file=sys.stderr)
        return 2
    finally:
        store.close()
    print(f"{args.out}: {summary}")
    return 0


def _service_in(store: Store, args: argparse.Namespace, fmt: str) -> str:
    from models.reports.head_office import choose_branches, service_report
    from models.reports.service_export import write_service_csv, write_service_xlsx

    branches = choose_branches(store, args.branches, args.all_branches)
    actor = _sign_in(store, branches, args)
    if fmt != "pdf" and args.language == "en":
        report = service_report(actor, store, branches, args.first, args.last)
        (write_service_csv if fmt == "csv" else write_service_xlsx)(report, args.out)
    else:
        with _qt_language(args.language):
            from ui.reports.service_report_texts import service_headers, total_names

            report = service_report(actor, store, branches, args.first, args.last, args.language, total_names())
            if fmt == "csv":
                write_service_csv(report, args.out, service_headers())
            elif fmt == "xlsx":
                write_service_xlsx(report, args.out, service_headers())
            else:
                from ui.common.branch_time import set_branch_zone
                from ui.reports.service_report_pdf import write_service_pdf

                if len(branches) == 1:  # one branch's report: "generated at" in its hours (several: UTC, as ever)
                    set_branch_zone(branches[0].timezone)
                write_service_pdf(report, args.out)
    c = report.total.counts
    return (f"{len(report.branches)} branches, {c.issued} tickets issued, {c.served} served, "
            f"{c.no_shows} no-shows, {c.expired} expired")  # fmt: skip


def _crosssell(args: argparse.Namespace) -> int:
    return _run(args, _crosssell_in)


def _crosssell_in(store: Store, args: argparse.Namespace, fmt: str) -> str:
    """One branch's conversion figures (the outcomes live in its own rows and time zone)."""
    from models.marketing.crosssell_export import write_crosssell
    from models.marketing.crosssell_service import CrossSellService
    from models.reports.head_office import choose_branches
    from queueing.crosssell.rules import RuleBook

    branches = choose_branches(store, args.branches, args.all_branches)
    if len(branches) != 1:
        raise ValueError("the cross-sell report covers one branch: say --branch ID")
    branch = branches[0]
    actor = _sign_in(store, [branch], args)
    service = CrossSellService(store, branch.id, RuleBook(), timezone=branch.timezone)
    report = service.report(actor, args.first, args.last)
    if fmt != "pdf" and args.language == "en":
        write_crosssell(report, args.out, fmt)
    else:
        with _qt_language(args.language):
            from ui.reports.crosssell_texts import report_texts

            if fmt == "pdf":
                from ui.common.branch_time import set_branch_zone
                from ui.reports.crosssell_pdf import write_crosssell_pdf

                set_branch_zone(branch.timezone)  # "generated at" in branch time, as the days counted are
                write_crosssell_pdf(report, args.out, branch.name)
            else:
                write_crosssell(report, args.out, fmt, report_texts())
    t = report.total
    rate = "—" if t.conversion is None else f"{t.conversion:.1%}"
    return f"{t.offered} prompts offered, {t.interested} interested, {t.accepted} accepted, conversion {rate}"


@contextmanager
def _qt_language(language: str) -> Iterator[None]:
    """Qt (offscreen when there is no display) with ``language`` installed; removed again afterwards."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from ui.common.fonts import register_font
    from ui.common.i18n import LanguageManager

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    register_font()
    manager = LanguageManager(app)
    try:
        manager.set_language(language)
        yield
    finally:
        manager.uninstall()
        manager.deleteLater()
