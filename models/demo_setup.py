"""The demo branch: branch row, categories and counters from resources/demo_branch.toml."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from models.branch_service import BranchService
from queueing.errors import ConfigError

DEMO_FILE = Path(__file__).resolve().parent.parent / "resources" / "demo_branch.toml"


@dataclass(frozen=True)
class DemoBranch:
    id: str
    name: str
    counters: tuple[dict[str, Any], ...]
    staff: tuple[dict[str, Any], ...]


def load_demo_branch(path: Path = DEMO_FILE) -> DemoBranch:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
        branch = raw["branch"]
        return DemoBranch(branch["id"], branch["name"], tuple(raw.get("counter", ())), tuple(raw.get("staff", ())))
    except (OSError, tomllib.TOMLDecodeError, KeyError) as exc:
        raise ConfigError(f"{path}: cannot load the demo branch: {exc}") from None


def ensure_counters(service: BranchService, demo: DemoBranch) -> None:
    """Configure the demo counters that the store does not have yet (as events, like any change)."""
    known = {c.id for c in service.snapshot().counters}
    for counter in demo.counters:
        if counter["id"] not in known:
            service.configure_counter(counter["id"], counter["name"], dict(counter["profile"]))
