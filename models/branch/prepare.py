"""Everything a station needs on a store before its window opens: branch, counters and staff.

The demo role also seeds a short morning queue so a new user sees the product at once.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, replace
from datetime import date, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from models.branch.day_plan import DayPlan, load_day_plan
from models.branch.facade import BranchFacade
from models.branch.service import BranchService
from models.demo.branch_setup import DemoBranch, ensure_counters, load_demo_branch
from models.staff.facade import StaffFacade
from models.staff.service import StaffService, seed_demo_staff
from models.staff.session import StaffSession
from models.store.database import Store
from queueing.appointments.rules import next_slot
from queueing.core.categories import load_branch_config
from queueing.core.clock import Clock
from queueing.core.errors import ConfigError
from queueing.core.roles import Role
from queueing.core.tickets import PriorityClass

DEMO_CUSTOMERS = 400
# (category, minutes from now) of the appointments booked for the first demo customers, in customer order:
# the first can check in at the kiosk at once, the second is told to come back later.
DEMO_APPOINTMENTS = (("CASH", 10), ("LOANS", 120))
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
    branch: BranchFacade
    staff: StaffFacade
    demo: DemoBranch


def prepare_station(
    store: Store, station_id: str, clock: Clock | None = None, branch_id: str | None = None, day: DayPlan | None = None
) -> Station:
    """A station's services on a branch the store already holds: ``branch_id``, or the store's only branch.

    Nothing is created here: a store without the branch is told to set one up (``branch init``), and
    the demo's branch, staff and customers come only from ``prepare_demo_station``. ``day``: the hours and
    break rota the wait estimates know (default: the branch's staffing.toml).
    """
    from models.branch.pick import pick_branch
    from models.branch.server_clock import screen_clock

    if clock is None:  # before the first read: a PC clock a day ahead would end the branch's day at it
        clock = screen_clock(store)
    branch_id = pick_branch(store, branch_id)
    day = load_day_plan() if day is None else day
    branch = BranchService(store, branch_config(store, branch_id), branch_id, station_id, clock, day)
    if not branch.snapshot().counters:
        raise ConfigError(f"branch {branch_id!r} has no counters in {store.label}")
    return Station(branch, StaffService(store, branch_id, clock, station_id=station_id), load_demo_branch())


def prepare_demo_station(
    store: Store, station_id: str, clock: Clock | None = None, day: DayPlan | None = None
) -> Station:
    """The demo branch on a store made for the demo: its branch, counters and staff with the demo PINs.

    Refused on a store that holds any other branch: demo accounts with known PINs never land beside
    a real branch's.
    """
    from models.store.branches import store_branches

    demo = load_demo_branch()
    others = [b.id for b in store_branches(store) if b.id != demo.id]
    if others:
        raise ConfigError(
            f"{store.label} holds branch {', '.join(others)}: the demo runs on a store of its own (give another --db)"
        )
    day = load_day_plan() if day is None else day
    branch = BranchService(store, load_branch_config(), demo.id, station_id, clock, day)
    branch.ensure_branch(demo.name)
    ensure_counters(branch, demo)
    staff = StaffService(store, demo.id, clock, station_id=station_id)
    seed_demo_staff(staff, demo.staff)
    return Station(branch, staff, demo)


def seed_simulated_tellers(station: Station) -> list[str]:
    """Accounts for the demo's simulated tellers that the store lacks, each with a random PIN nobody is told
    (the traffic needs no sign-in); returns the ids added. Run by the demo's traffic off the GUI thread:
    hashing the PINs takes seconds the station's first window need not wait for."""
    accounts = [{**e, "role": "teller", "pin": f"{secrets.randbelow(10**12):012d}"} for e in station.demo.simulated]
    staff = station.staff
    if not isinstance(staff, StaffService):  # the demo runs on its own store, never through a synced station
        raise TypeError("the demo's simulated tellers are added on the branch's own store")
    return seed_demo_staff(staff, accounts)


def branch_config(store: Store, branch_id: str):
    """The packaged categories and rules, in the branch's own time zone as the store records it."""
    from dataclasses import replace as with_values

    from models.store.branches import store_branches

    zone = next(b.timezone for b in store_branches(store) if b.id == branch_id)
    return with_values(load_branch_config(), timezone=zone)


def demo_session(staff: StaffFacade, demo: DemoBranch, role: Role, station_id: str) -> StaffSession:
    """A session of the demo's first account with ``role``, signed in with its PIN from the demo file."""
    entry = next(e for e in demo.staff if e.get("role", "teller") == role.value)
    return staff.verify(entry["id"], str(entry["pin"]), station_id)


def seed_demo_queue(branch: BranchFacade) -> int:
    """Issue the demo morning queue when nobody waits; returns how many tickets were issued."""
    if branch.snapshot().waiting:
        return 0
    for category, priority in DEMO_QUEUE:
        if category in branch.config.categories:
            branch.issue_ticket(category, priority)
    return len(DEMO_QUEUE)


def seed_demo_customers(
    store: Store, branch_id: str, key: bytes, today: date, count: int = DEMO_CUSTOMERS, region: str | None = None
) -> tuple:
    """Demo customers for a branch that has none yet; returns samples to look up (empty when it had some).

    ``region``: the branch's country (BranchConfig.region), for masking its own customers' phones nationally."""
    from models.customers.tables import CustomerRow
    from models.demo.customers import generate_customers

    with store.read_session() as session:
        if session.scalar(select(func.count()).select_from(CustomerRow).where(CustomerRow.branch_id == branch_id)):
            return ()
    return generate_customers(store, branch_id, key, count, today=today, seed=DEMO_SEED, region=region).samples


def seed_demo_appointments(branch: BranchFacade) -> tuple:
    """Today's demo appointments for the first demo customers, when the branch has none today.

    Opening hours and closed days are left out of the rules here so the demo can be tried at any hour; a slot that
    would fall on tomorrow is skipped. Returns (AppointmentView, local time the check-in window opens) of
    each booking (empty when the branch had appointments today already).
    """
    from models.appointments.service import AppointmentService
    from models.customers.tables import CustomerRow
    service = AppointmentService(branch)
    service.rules = replace(service.rules, hours=None, calendar=None)
    actor = demo_session(StaffService(branch.store, branch.branch_id, branch.clock), load_demo_branch(),
                         Role.SUPERVISOR, branch.station_id)
    today = service.today()
    if service.day(actor, today):
        return ()
    with branch.store.read_session() as session:
        first = session.scalars(
            select(CustomerRow.id).where(CustomerRow.branch_id == branch.branch_id).order_by(CustomerRow.id).limit(2)
        ).all()
    now = branch.clock.now().astimezone(ZoneInfo(branch.config.timezone))
    booked = []
    for customer_id, (category, minutes) in zip(first, DEMO_APPOINTMENTS, strict=False):
        start = next_slot(now + timedelta(minutes=minutes), service.rules.slot_min)
        if start.date() == today and service.rules.takes(category):
            view = service.book(actor, customer_id, category, start, note="demo")
            booked.append((view, service.rules.window(view.local_start)[0]))
    return tuple(booked)
