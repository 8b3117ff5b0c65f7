"""What a station window works with: its services, its counter, who is signed in, and helpers to show them."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from models.branch.facade import BranchFacade
from models.staff.facade import StaffFacade
from models.staff.session import StaffSession
from models.sync.status_provider import DirectStoreStatus, SyncStatusProvider
from queueing.core.transaction_types import TransactionCatalogue
from ui.common.i18n import LanguageManager

DEFAULT_IDLE_LOCK_MINUTES = 5.0


@dataclass
class WindowContext:
    branch: BranchFacade
    staff: StaffFacade
    i18n: LanguageManager
    counter_id: str
    station_id: str
    branch_name: str = ""
    sync: SyncStatusProvider = field(default_factory=DirectStoreStatus)
    # The customer helper's service (find, profile, record_outcome), when the store has customers.
    customers: Any | None = None
    # A printer name, or a path ending in .pdf to print tickets into a file; None: no printer.
    printer: str | None = None
    idle_lock_minutes: float = DEFAULT_IDLE_LOCK_MINUTES
    # The transaction types the finish dialog offers, read and checked at start-up so that a refused file stops
    # the station there; None: read at the first finish (a window built without one, as the tests build it).
    catalogue: TransactionCatalogue | None = None
    # (staff id, name, PIN) shown on the sign-in screen of the demo.
    demo_pins: tuple[tuple[str, str, str], ...] = ()
    signed_in: StaffSession | None = None
    # Transaction codes the signed-in teller uses most, most used first (loaded at sign-in).
    habits: list[str] = field(default_factory=list)
    on_sign_out: Callable[[], None] | None = None

    @property
    def language(self) -> str:
        return self.i18n.language

    def category_name(self, code: str) -> str:
        category = self.branch.config.categories.get(code)
        return category.name(self.language) if category else code


def format_duration(seconds: float | None) -> str:
    """m:ss below an hour, h:mm:ss above; an em dash for unknown."""
    if seconds is None:
        return "—"
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
