"""Holding Python's cyclic garbage collector during one bounded bulk step."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    """No cyclic collection inside the block; the collector runs again as before after it.

    For a push of thousands of events: every one of them lives until the batch is
    done, so the collector would scan them (and the whole heap, once enough have
    survived) again and again, finding nothing: none of these objects is in a
    cycle, and reference counting frees them all when the batch is dropped.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
