"""`counterline feedback --counter N [--timeout S]`: the customer's feedback pad at a counter.

Only argparse here at import time: Qt is imported inside the function, so other commands never load it.
"""

from __future__ import annotations

import argparse
import sys

LANGUAGE_CHOICES = ("en", "zh_CN", "ko", "es")


def _seconds(text: str) -> float:
    value = float(text)
    if not 1 <= value <= 600:
        raise argparse.ArgumentTypeError("the timeout is 1 to 600 seconds")
    return value


def register(sub: argparse._SubParsersAction) -> None:
    pad = sub.add_parser("feedback", help="open the customer feedback pad of a counter (five faces after each visit)")
    pad.add_argument("--counter", required=True, help="counter id (C1) or number (1)")
    pad.add_argument("--branch", help="branch id (default: the store's only branch)")
    pad.add_argument("--timeout", type=_seconds, default=30.0, help="seconds the faces stay up (default: 30)")
    pad.add_argument("--language", default="en", choices=LANGUAGE_CHOICES, help="start-up language")
    pad.set_defaults(func=_feedback)


def _feedback(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from models.branch.service import BranchService
    from models.reports.head_office import choose_branches
    from models.reports.records_service import RecordsService
    from models.store.database import open_store
    from models.store.errors import StoreError
    from queueing.core.categories import load_branch_config
    from queueing.core.transaction_types import load_catalogue
    from ui.app.application import counter_id_from, create_app, station_id_for
    from ui.feedback.window import FeedbackWindow

    counter_id = counter_id_from(args.counter)
    app, i18n = create_app(args.language)
    try:
        store = open_store(args.db)
        chosen = choose_branches(store, [args.branch] if args.branch else (), ask="say --branch")[0]
    except (StoreError, ValueError) as exc:
        print(f"counterline: {exc}", file=sys.stderr)
        return 2
    config = replace(load_branch_config(), timezone=chosen.timezone)
    # The pad is a station of its own: its ratings carry its own gapless sequence.
    branch = BranchService(store, config, chosen.id, station_id_for(counter_id) + "-pad")
    counters = {c.id: c.name for c in branch.snapshot().counters}
    if counter_id not in counters:
        print(f"counterline: branch {chosen.id} has no counter {counter_id}", file=sys.stderr)
        return 2
    window = FeedbackWindow(RecordsService(branch, load_catalogue()), counter_id, counters[counter_id], args.timeout)
    i18n.sig_language_changed.connect(lambda _lang: window.retranslate())
    window.resize(900, 520)
    window.show()
    window.start()
    print(f"counterline: feedback pad at counter {counter_id} ready", flush=True)
    return app.exec()
