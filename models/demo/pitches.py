"""A month of cross-sell pitches at the counter, made the way tellers make them: the teller calls the
customer's ticket at their counter, the profile is opened for that visit (the rules choose the prompts,
cool-downs included), each prompt gets an outcome, and the visit is finished. A teller records answers only in
their own visit (queueing/customers/visits.py), so the pitches go through real visits.

For the demo and for the conversion report's figures on simulated data; never run on a real branch's
store (it writes audit entries and outcomes as the demo tellers).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from models.branch.service import BranchService
from models.customers.service import CustomerService
from models.demo.branch_setup import set_up_counter
from models.marketing.crosssell_service import CrossSellService
from models.marketing.rulebook_publish import publish_files
from models.staff.session import StaffSession
from models.store.database import Store
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.tickets import TransactionLine
from queueing.crosssell.rules import Outcome, RuleBook
from queueing.customers.tiers import load_tiers

# How customers answer a prompt at the counter (illustrative; a branch's own figures replace them).
ANSWERS = (
    (Outcome.ACCEPTED, 0.14),
    (Outcome.INTERESTED, 0.18),
    (Outcome.DECLINED, 0.50),
    (Outcome.REFERRED, 0.04),
    (Outcome.NOT_OFFERED, 0.14),
)
OPENING_HOUR = 9
SERVICE_HOURS = 8
VISIT_SECONDS = 240  # how long a pitched visit lasts, at most (the next one may come sooner)
STATION_ID = "PITCHES"
CATEGORY = "CASH"
DONE = [TransactionLine("CASH_DEPOSIT", 1)]


@dataclass(frozen=True)
class PitchRun:
    visits: int
    pitches: int


def simulate_pitches(
    store: Store,
    branch_id: str,
    key: bytes,
    tellers: tuple[StaffSession, ...],
    customers: int,
    first: date,
    days: int,
    *,
    visits_per_day: int = 60,
    timezone: str = "UTC",
    seed: int = 1,
) -> PitchRun:
    """``visits_per_day`` identified visits on each weekday from ``first`` for ``days`` days, each by one of
    ``tellers`` (signed-in sessions of the branch's teller accounts)."""
    rng = random.Random(seed)
    zone = ZoneInfo(timezone)
    clock = ManualClock(datetime.combine(first, time(OPENING_HOUR), zone))
    rules = RuleBook()
    desk = CustomerService(store, branch_id, key, rulebook=rules, clock=clock, timezone=timezone)
    crosssell = CrossSellService(store, branch_id, rules, clock=clock, timezone=timezone)
    branch = BranchService(store, load_branch_config(), branch_id, STATION_ID, clock)
    branch.ensure_branch(branch_id)
    # On PostgreSQL the server records only answers its published rulebook allows (as a branch's supervisor's
    # screen publishes it); a branch's own published rulebook stays as it is.
    publish_files(store, (branch_id,), rules.rules, load_tiers(), "pitch simulation", clock.now(), only_if_none=True)
    counters = _counters(branch, tellers)
    outcomes = [outcome for outcome, _ in ANSWERS]
    weights = [weight for _, weight in ANSWERS]
    visits = pitches = 0
    for offset in range(days):
        day = first + timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        opening = datetime.combine(day, time(OPENING_HOUR), zone)
        moments = sorted(rng.uniform(0, SERVICE_HOURS * 3600) for _ in range(visits_per_day))
        for n, seconds in enumerate(moments):
            clock.advance(max(0.0, (opening + timedelta(seconds=seconds) - clock.now()).total_seconds()))
            teller = rng.choice(tellers)
            counter = counters[teller.staff_id]
            customer_id = rng.randint(1, customers)
            branch.sign_in(counter, teller.staff_id)
            ticket = branch.issue_ticket(CATEGORY, customer_id=str(customer_id)).ticket
            assert ticket is not None
            branch.call_ticket(counter, ticket.id, "pitch simulation", teller.staff_id)
            branch.start(counter)
            profile = desk.open_profile(teller, customer_id, ticket.id)
            visits += 1
            for prompt in profile.prompts:
                answer = rng.choices(outcomes, weights)[0]
                crosssell.record_outcome(teller, profile.customer_id, prompt, answer, ticket.id)
                pitches += 1
            later = moments[n + 1] - seconds if n + 1 < len(moments) else VISIT_SECONDS
            clock.advance(min(VISIT_SECONDS, later))
            branch.finish(counter, DONE)
    for teller in tellers:
        branch.sign_out(counters[teller.staff_id], teller.staff_id)
    return PitchRun(visits, pitches)


def _counters(branch: BranchService, tellers: tuple[StaffSession, ...]) -> dict[str, str]:
    """A counter for each teller: the branch's own counters that give CATEGORY, in order, then new ones."""
    own = [c.id for c in branch.snapshot().counters if CATEGORY in c.profile and c.status == "closed"]
    chosen: dict[str, str] = {}
    for n, teller in enumerate(tellers):
        if teller.staff_id in chosen:
            continue
        if own:
            chosen[teller.staff_id] = own.pop(0)
        else:
            counter_id = f"P{n + 1}"
            set_up_counter(branch, counter_id, counter_id, {CATEGORY: 1})
            chosen[teller.staff_id] = counter_id
    return chosen
