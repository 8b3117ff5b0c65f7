"""Errors about the store file or server, each naming the file and the problem."""

from __future__ import annotations


class StoreError(Exception):
    """The store cannot be used; the message says which file or URL and why."""


class NotAStore(StoreError):
    pass


class CorruptStore(StoreError):
    pass


class DiskFault(StoreError):
    """The disk under a sound store failed a read or write (full, pulled out, failing): not the file's damage."""


class NewerSchema(StoreError):
    pass


class StoreUnavailable(StoreError):
    """The upstream server cannot be reached (network down, server stopped)."""


class StationFileInUse(StoreError):
    """Another process already runs a station on this file: two would number the same events twice."""


# Both are StoreUnavailable, as the driver's OperationalError they replace was: a station whose upstream
# is a SQLite file goes offline on them, and one whose own file has them stops, as before.
class LockedStore(StoreUnavailable):
    """Another program holds the store's lock (another Counterline, a backup tool, a database browser)."""


class ReadOnlyStore(StoreUnavailable):
    """The store, or the folder SQLite keeps its journal in, cannot be written."""


class MissingFolder(StoreError):
    """The store's folder does not exist: a mistyped path is refused rather than given an empty store."""
