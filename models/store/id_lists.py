"""Ids asked for in IN lists of a bounded length."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TypeVar

# Ids per IN list: well under SQLite's and PostgreSQL's limits on bound parameters.
IDS_PER_QUERY = 500

T = TypeVar("T")


def id_chunks(ids: Sequence[T], size: int = IDS_PER_QUERY) -> Iterator[Sequence[T]]:
    """``ids`` in consecutive slices of at most ``size``, one query's worth each."""
    for first in range(0, len(ids), size):
        yield ids[first : first + size]
