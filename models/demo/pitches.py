"""A month of cross-sell pitches at the counter, made the way tellers make them: a customer's profile is
opened (the rules choose the prompts, cool-downs included) and each prompt gets an outcome.

For the demo and for the conversion report's figures on simulated data; never run on a real branch's
store (it writes audit entries and outcomes as the demo tellers).
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from models.customers.service import CustomerService
from models.marketing.crosssell_service import CrossSellService
from models.staff.session import StaffSession
from models.store.database import Store
from queueing.core.clock import ManualClock
from queueing.crosssell.rules import Outcome, RuleBook

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
    outcomes, weights = zip(*ANSWERS, strict=True)
    visits = pitches = 0
    for offset in range(days):
        day = first + timedelta(days=offset)
        if day.weekday() >= 5:
            continue
        opening = datetime.combine(day, time(OPENING_HOUR), zone)
        moments = sorted(rng.uniform(0, SERVICE_HOURS * 3600) for _ in range(visits_per_day))
        for seconds in moments:
            clock.advance((opening + timedelta(seconds=seconds) - clock.now()).total_seconds())
            teller = rng.choice(tellers)
            profile = desk.open_profile(teller, rng.randint(1, customers))
            visits += 1
            for prompt in profile.prompts:
                answer = rng.choices(outcomes, weights)[0]
                crosssell.record_outcome(teller, profile.customer_id, prompt, answer)
                pitches += 1
    return PitchRun(visits, pitches)
