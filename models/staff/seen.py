"""The newest signed version of each account a station has seen, kept beside the station's file, not in it.

A station's copy of the staff is signed by the branch (models/staff/signing.py), but a signature
alone cannot tell an old copy from the current one: an account's row from last month, validly
signed while it was still active, restored over today's deactivated row would sign in again
offline. Each signing raises the account's version, and the station remembers, outside its
database file, the highest version it copied from upstream; an older one is refused. Like the
station's anchor (models/station/identity.py) it guards against the file being rolled back, not
against someone who also deletes what lies beside it: upstream's copy wins again at the next sync.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from models.store.atomic_file import replaced_on_success
from models.store.database import Store
from models.store.location import sqlite_file

SUFFIX = ".staff-seen"


class SeenVersions:
    """Staff id -> the highest signed version seen; ``path`` None (a server store) remembers nothing."""

    def __init__(self, path: Path | None) -> None:
        self.path = path

    @classmethod
    def beside(cls, local: Store) -> SeenVersions:
        file = sqlite_file(local.url)
        return cls(None if file is None else file.with_name(file.name + SUFFIX))

    def read(self) -> dict[str, int]:
        if self.path is None or not self.path.exists():
            return {}
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            return {str(k): int(v) for k, v in raw.items()}
        except (OSError, ValueError, AttributeError, TypeError):
            return {}  # unreadable proves nothing; the signatures are still checked and upstream answers at sync

    def newest(self, staff_id: str) -> int:
        return self.read().get(staff_id, 0)

    def raise_to(self, versions: dict[str, int]) -> None:
        """Remember these versions where they are higher than what was seen; never lowers one."""
        if self.path is None:
            return
        seen = self.read()
        merged = {**seen, **{k: v for k, v in versions.items() if v > seen.get(k, 0)}}
        if merged == seen:
            return
        with replaced_on_success(self.path) as tmp:
            tmp.write_text(json.dumps(merged, sort_keys=True), "utf-8")
            with open(tmp, "rb") as handle:
                os.fsync(handle.fileno())
