"""`counterline report piece-rate --from DATE --to DATE [--branch ID] --format csv|xlsx|pdf --out FILE`.

CSV and XLSX in English need no Qt; a PDF, or headers in another language, start a
QGuiApplication (offscreen is fine) for the font and the translator. Qt is imported
inside the functions, so other commands never load it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from models.store import Store

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
    piece.add_argument("--from", dest="first", type=_date, required=True, help="first local date, YYYY-MM-DD")
    piece.add_argument("--to", dest="last", type=_date, required=True, help="last local date (inclusive)")
    piece.add_argument("--branch", help="branch id (default: the store's only branch)")
    piece.add_argument("--format", choices=FORMATS, help="default: from the --out file's extension")
    piece.add_argument("--out", required=True, type=Path, help="the file to write")
    piece.add_argument("--scheme", help="piece-rate scheme TOML (default: resources/piece_rate.toml)")
    piece.add_argument("--language", default="en", choices=LANGUAGE_CHOICES, help="headers and names of types")
    piece.set_defaults(func=_piece_rate)


def _format(args: argparse.Namespace) -> str:
    chosen = args.format or args.out.suffix.lstrip(".").lower()
    if chosen not in FORMATS:
        raise ValueError(f"say --format {'|'.join(FORMATS)} (the file {args.out} has no known extension)")
    return chosen


def store_branch(store: Store, wanted: str | None) -> tuple[str, str, str]:
    """(id, name, time zone) of branch ``wanted``, or of the store's only branch."""
    from sqlalchemy import select

    from models.tables import BranchRow

    with store.read_session() as session:
        rows = session.execute(select(BranchRow.id, BranchRow.name, BranchRow.timezone)).all()
    if wanted is not None:
        rows = [row for row in rows if row[0] == wanted]
        if not rows:
            raise ValueError(f"{store.label} has no branch {wanted!r}")
    if len(rows) != 1:
        known = ", ".join(sorted(row[0] for row in rows)) or "none"
        raise ValueError(f"say --branch (branches in {store.label}: {known})")
    branch_id, name, timezone = rows[0]
    return branch_id, name, timezone


def _piece_rate(args: argparse.Namespace) -> int:
    from models.store import open_store
    from models.store_errors import StoreError
    from queueing.errors import ConfigError, DomainError

    try:
        fmt = _format(args)
        store = open_store(args.db)
    except (ValueError, StoreError) as exc:
        print(f"counterline: {exc}", file=sys.stderr)
        return 1
    try:
        report, branch_name, type_names = _build(store, args)
        _write(report, fmt, args, branch_name, type_names)
    except (ValueError, DomainError, ConfigError, StoreError, OSError) as exc:
        print(f"counterline: {exc}", file=sys.stderr)
        return 1
    finally:
        store.close()
    t = report.totals
    print(f"{args.out}: {len(report.rows)} tellers, {t.output.visits} visits, {t.net_units:.2f} net units, "
          f"pay {t.pay:.2f} {report.currency}")  # fmt: skip
    return 0


def _build(store, args: argparse.Namespace):
    from models.branch_service import BranchService
    from models.records_service import RecordsService
    from queueing.categories import load_branch_config
    from queueing.piece_rate import load_scheme
    from queueing.transaction_types import load_catalogue

    branch_id, branch_name, timezone = store_branch(store, args.branch)
    config = replace(load_branch_config(), timezone=timezone)
    records = RecordsService(BranchService(store, config, branch_id, "report-cli"), load_catalogue())
    report = records.report(records.period(args.first, args.last), load_scheme(args.scheme))
    return report, branch_name, records.type_names(args.language)


def _write(report, fmt: str, args: argparse.Namespace, branch_name: str, type_names: dict[str, str]) -> None:
    from models.report_export import write_csv, write_xlsx

    if fmt != "pdf" and args.language == "en":
        # English headers are the exporter's own: no Qt needed.
        (write_csv(report, args.out) if fmt == "csv" else write_xlsx(report, args.out, type_names=type_names))
        return
    with _qt_language(args.language):
        from ui.piece_rate_texts import column_headers, total_label

        headers, total = column_headers(), total_label()
        if fmt == "csv":
            write_csv(report, args.out, headers, total)
        elif fmt == "xlsx":
            write_xlsx(report, args.out, headers, total, type_names)
        else:
            from ui.report_pdf import write_pdf

            write_pdf(report, args.out, branch_name, type_names)


@contextmanager
def _qt_language(language: str) -> Iterator[None]:
    """Qt (offscreen when there is no display) with ``language`` installed; removed again afterwards."""
    if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    from ui.fonts import register_font
    from ui.i18n import LanguageManager

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    register_font()
    manager = LanguageManager(app)  # type: ignore[arg-type]
    try:
        manager.set_language(language)
        yield
    finally:
        manager.uninstall()
        manager.deleteLater()
