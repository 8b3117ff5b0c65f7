"""`counterline feedback --counter N [--timeout S]`: the customer's feedback pad at a counter.

Only argparse here at import time: Qt is imported inside the function, so other commands never load it.
"""

from __future__ import annotations

import argparse

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
    from ui.app.composition import run_feedback

    return run_feedback(args)
