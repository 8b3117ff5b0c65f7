"""Number flags of the command line, refused by argparse when out of range: one line naming the flag, exit 2.

``type=float`` alone takes "nan" and "inf": NaN compares false with every bound, so ``value <= 0`` let it
through to the simulator or a timer, and infinity passed every "> 0" check.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable


def number_in(low: float, high: float, *, above_low: bool = False) -> Callable[[str], float]:
    """An argparse ``type``: a finite number from ``low`` (more than ``low`` with ``above_low``) to ``high``."""
    lowest = f"more than {low:g}" if above_low else f"{low:g}"

    def number(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if not math.isfinite(value) or value < low or (above_low and value == low) or value > high:
            raise argparse.ArgumentTypeError(f"give a number from {lowest} to {high:g}, got {text!r}")
        return value

    return number


# The largest integer SQLite and PostgreSQL's bigint keep: a longer id overflowed in the driver (exit 3).
LARGEST_ID = 2**63 - 1


def record_id(text: str) -> int:
    """An argparse ``type``: the id of a stored record (what a list shows), 1 to the largest a store keeps."""
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if not 1 <= value <= LARGEST_ID:
        raise argparse.ArgumentTypeError(f"give an id that a list showed (1 to {LARGEST_ID}), got {text!r}")
    return value
