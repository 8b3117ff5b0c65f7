"""How many bookings a slot of a category takes, and the next slot that still has room.

A slot's capacity comes from the counters whose profile serves the category and the category's standard
(typical) service time: queueing.appointments.rules.slot_capacity. Bookings are counted per start time.
"""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.appointments.tables import AppointmentRow
from models.store.tables import CounterRow
from models.store.utc import as_utc
from queueing.appointments.rules import AppointmentRules, InvalidAppointment, next_slot, slot_capacity, validate_slot
from queueing.core.categories import BranchConfig

LIVE = ("booked", "arrived")


def capacity(session: Session, branch_id: str, config: BranchConfig, rules: AppointmentRules, category: str) -> int:
    profiles = session.scalars(select(CounterRow.profile).where(CounterRow.branch_id == branch_id))
    counters = sum(1 for profile in profiles if category in (profile or {}))
    return slot_capacity(counters, rules.slot_min, config.category(category).typical_service_s)


def booked_per_start(
    session: Session, branch_id: str, category: str, since: datetime, until: datetime
) -> Counter[datetime]:
    """Live bookings of ``category`` by start time (UTC) in [since, until)."""
    rows = session.execute(
        select(AppointmentRow.start_at, func.count())
        .where(
            AppointmentRow.branch_id == branch_id,
            AppointmentRow.category == category,
            AppointmentRow.status.in_(LIVE),
            AppointmentRow.start_at >= since.astimezone(UTC),  # SQLite compares the UTC text it stored
            AppointmentRow.start_at < until.astimezone(UTC),
        )
        .group_by(AppointmentRow.start_at)
    )
    return Counter({as_utc(at): n for at, n in rows})


def refuse_if_full(
    session: Session, branch_id: str, config: BranchConfig, rules: AppointmentRules, category: str, start: datetime
) -> None:
    room = capacity(session, branch_id, config, rules, category)
    at = start
    taken = booked_per_start(session, branch_id, category, start, start + timedelta(seconds=1))[as_utc(start)]
    if taken >= room:
        what = "no counter serves it" if room == 0 else f"{room} booking(s) per {rules.slot_min}-minute slot"
        raise InvalidAppointment(
            f"{at:%Y-%m-%d %H:%M} is full for {category} ({what})",
            start=start.isoformat(),
            reason="full" if room else "no_counter",
        )


def next_free(
    session: Session,
    branch_id: str,
    config: BranchConfig,
    rules: AppointmentRules,
    category: str,
    after: datetime,
    duration_min: int,
    now: datetime,
) -> datetime | None:
    """The first start after ``after`` (local, aware) that the rules allow and that has room; None within reach."""
    room = capacity(session, branch_id, config, rules, category)
    if room == 0:
        return None
    last = now.astimezone(after.tzinfo).date() + timedelta(days=rules.days_ahead + 1)
    horizon = datetime.combine(last, datetime.min.time(), after.tzinfo)
    taken = booked_per_start(session, branch_id, category, after, horizon)
    candidate = next_slot(max(after + timedelta(minutes=rules.slot_min), now.astimezone(after.tzinfo)), rules.slot_min)
    while candidate < horizon:
        try:
            validate_slot(rules, config.categories, category, candidate, duration_min, now)
        except InvalidAppointment as exc:
            if exc.details.get("reason") in ("closed", "hours"):
                # Skip to the next day's first slot: the rest of this day is shut too (or before opening).
                hours = rules.hours_on(candidate.date())
                if exc.details.get("reason") == "closed" or (hours and candidate.time() >= hours.opening):
                    candidate = datetime.combine(
                        candidate.date() + timedelta(days=1), datetime.min.time(), candidate.tzinfo
                    )
                    continue
            candidate += timedelta(minutes=rules.slot_min)
            continue
        if taken[as_utc(candidate)] < room:
            return candidate
        candidate += timedelta(minutes=rules.slot_min)
    return None
