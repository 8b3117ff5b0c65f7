"""The demo branch: branch row, categories and counters from resources/demo_branch.toml."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import msgspec

from models.branch.facade import BranchFacade
from models.branch.service import BranchService
from queueing.config.files import load_config
from queueing.config.schemas.demo_branch import DemoBranchFile

DEMO_FILE = Path(__file__).resolve().parents[2] / "resources" / "demo_branch.toml"


@dataclass(frozen=True)
class DemoBranch:
    id: str
    name: str
    counters: tuple[dict[str, Any], ...]
    staff: tuple[dict[str, Any], ...]
    simulated: tuple[dict[str, Any], ...] = ()  # tellers the demo's traffic plays (id, name)


def load_demo_branch(path: Path = DEMO_FILE) -> DemoBranch:
    doc = load_config(path, DemoBranchFile)
    return DemoBranch(
        doc.branch.id,
        doc.branch.name,
        tuple(msgspec.structs.asdict(c) for c in doc.counter),
        tuple(msgspec.structs.asdict(s) for s in doc.staff),
        tuple(msgspec.structs.asdict(s) for s in doc.simulated_teller),
    )


def ensure_counters(service: BranchService, demo: DemoBranch) -> None:
    """Configure the demo counters that the store does not have yet (as events, like any change)."""
    known = {c.id for c in service.snapshot().counters}
    for counter in demo.counters:
        if counter["id"] not in known:
            set_up_counter(service, counter["id"], counter["name"], dict(counter["profile"]))


def set_up_counter(service: BranchFacade, counter_id: str, name: str, profile: dict[str, int]) -> None:
    """A counter written while a store is set up (demo, tests), before any account exists to sign in with.

    Not for a running branch: there ``configure_counter`` takes an administrator's session.
    """
    service.run(lambda c: c.configure_counter(counter_id, name, profile))
