"""`counterline station --counter N` and `counterline demo`: the teller station window.

Only argparse here at import time: Qt is imported inside the functions, so other commands never load it.
"""

from __future__ import annotations

import argparse
import os

LANGUAGE_CHOICES = ("en", "zh_CN", "ko", "es")
# The idle timer (QTimer) counts milliseconds in a signed 32-bit int: 35,791 minutes at most. More raised
# OverflowError at sign-in, and NaN (which compares false with 0) turned the lock off without a word.
MAX_LOCK_MINUTES = 35_000


def _lock_minutes(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number of minutes: {text!r}") from None
    if not 0 <= value <= MAX_LOCK_MINUTES:  # NaN and infinity fail it too
        raise argparse.ArgumentTypeError(f"give 0 (never) to {MAX_LOCK_MINUTES} minutes, got {text!r}")
    return value


def _window_options(parser: argparse.ArgumentParser, counter_required: bool) -> None:
    parser.add_argument(
        "--counter",
        required=counter_required,
        default=None if counter_required else "C1",
        help="counter id (C1) or number (1)",
    )
    parser.add_argument("--branch", help="branch id (default: the store's only branch; the demo: its own)")
    parser.add_argument("--language", default="en", choices=LANGUAGE_CHOICES, help="start-up language")
    parser.add_argument("--printer", help="ticket printer name, or a .pdf file to print into")
    parser.add_argument(
        "--lock-minutes",
        type=_lock_minutes,
        default=5.0,
        help=f"lock the screen after this many idle minutes (0: never; at most {MAX_LOCK_MINUTES})",
    )


def register(sub: argparse._SubParsersAction) -> None:
    station = sub.add_parser("station", help="open the teller station window at a counter")
    _window_options(station, counter_required=True)
    station.add_argument(
        "--upstream",
        default=os.environ.get("COUNTERLINE_UPSTREAM"),
        help="the branch's shared store (SQLAlchemy URL, e.g. postgresql+psycopg://...); "
        "default COUNTERLINE_UPSTREAM, or none: --db is the only store; never a password (see --upstream-service)",
    )
    station.add_argument(
        "--upstream-service",
        metavar="NAME",
        help="the branch's PostgreSQL as a libpq service (PGSERVICEFILE; its password in PGPASSFILE, both mode 600)",
    )
    # The collector is back on once the window is built (main.py, ui/app/composition.py).
    station.set_defaults(func=_station, collector_after_start=True)
    demo = sub.add_parser("demo", help="open the demo branch (store in the user data folder, demo PINs)")
    _window_options(demo, counter_required=False)
    demo.set_defaults(func=_demo, collector_after_start=True)


def _station(args: argparse.Namespace) -> int:
    from models.sync.upstream_secrets import upstream_url

    args.upstream = upstream_url(args.upstream, args.upstream_service)  # checked before any window opens
    from ui.app.composition import run_station

    return run_station(args)


def _demo(args: argparse.Namespace) -> int:
    from ui.app.composition import run_demo

    return run_demo(args)
