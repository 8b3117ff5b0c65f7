"""Errors about the store file or server, each naming the file and the problem."""

from __future__ import annotations


class StoreError(Exception):
    """The store cannot be used; the message says which file or URL and why."""


class NotAStore(StoreError):
    pass


class CorruptStore(StoreError):
    pass


class NewerSchema(StoreError):
    pass


class StoreUnavailable(StoreError):
    """The upstream server cannot be reached (network down, server stopped)."""


class StationFileInUse(StoreError):
    """Another process already runs a station on this file: two would number the same events twice."""
