"""Everything a station needs on a store before its window opens: branch, counters and staff.

The demo role also seeds a short morning queue so a new user sees the product at once.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select

from models.branch_service import BranchService
from models.demo_setup import DemoBranch, ensure_counters, load_demo_branch
from models.staff_service import StaffService, ensure_staff
from models.store import Store
from queueing.categories import load_branch_config
from queueing.clock import Clock
from queueing.errors import ConfigError
from queueing.tickets import PriorityClass

DEMO_CUSTOMERS = 400
DEMO_SEED = 20261123
# (category, priority) of the tickets a fresh demo store starts with.
DEMO_QUEUE = (
    ("CASH", PriorityClass.REGULAR),
    ("TRANSFER", PriorityClass.REGULAR),
    ("CASH", PriorityClass.ELDERLY),
    ("FX", PriorityClass.REGULAR),
    ("CASH", PriorityClass.VIP),
    ("TRANSFER", PriorityClass.REGULAR),
    ("CASH", PriorityClass.REGULAR),
)


@dataclass
class Station:
    branch: BranchService
    staff: StaffService
    demo: DemoBranch


def prepare_station(store: Store, station_id: str, clock: Clock | None = None, branch_id: str | None = None) -> Station:
    """A station's services on ``store``.

    For the demo branch (the default) the branch, its categories, counters and staff are ensured;
    another branch must already be in the store with its counters and staff.
    """
    demo = load_demo_branch()
    branch_id = branch_id or demo.id
    branch = BranchService(store, load_branch_config(), branch_id, station_id, clock)
    staff = StaffService(store, branch_id, clock)
    if branch_id == demo.id:
        branch.ensure_branch(demo.name)
        ensure_counters(branch, demo)
        ensure_staff(staff, demo.staff)
    elif not branch.snapshot().counters:
        raise ConfigError(f"branch {branch_id!r} has no counters in {store.label}")
    return Station(branch, staff, demo)


def seed_demo_queue(branch: BranchService) -> int:
    """Issue the demo morning queue when nobody waits; returns how many tickets were issued."""
    if branch.snapshot().waiting:
        return 0
    for category, priority in DEMO_QUEUE:
        if category in branch.config.categories:
            branch.issue_ticket(category, priority)
    return len(DEMO_QUEUE)


def seed_demo_customers(store: Store, branch_id: str, key: bytes, today: date, count: int = DEMO_CUSTOMERS) -> tuple:
    """Demo customers for a branch that has none yet; returns samples to look up (empty when it had some)."""
    from models.customer_tables import CustomerRow
    from models.demo_customers import generate_customers

    with store.read_session() as session:
        if session.scalar(select(func.count()).select_from(CustomerRow).where(CustomerRow.branch_id == branch_id)):
            return ()
    return generate_customers(store, branch_id, key, count, today=today, seed=DEMO_SEED).samples
