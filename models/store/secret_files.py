"""Files that hold a secret (a PIN, a key, a password file) are readable by their owner only, or refused."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from queueing.core.errors import ConfigError


def check_owner_only(path: Path) -> None:
    """ConfigError unless only the file's owner may read or write it (a secret shared is a secret lost)."""
    try:
        mode = path.stat().st_mode
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read: {exc.strerror}") from None
    if os.name == "posix" and mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise ConfigError(f"{path}: open to other users (mode {stat.S_IMODE(mode):o}); chmod 600 it")
