"""A small branch month in a store, for the piece-rate panel, the PDF and the feedback pad tests (and screenshots)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlalchemy import insert
from staff_sessions import session_of

from models.branch.service import BranchService
from models.reports.records_service import RecordsService
from models.staff.service import hash_pin
from models.store.database import Store
from models.store.tables import StaffRow
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.roles import Role
from queueing.core.tickets import TransactionLine as Line
from queueing.core.transaction_types import load_catalogue

BRANCH = "B1"
SUPERVISOR_PIN = "246810"  # S1's: the report commands sign in
TELLERS = (("T1", "王小明"), ("T2", "김민지"), ("T3", "Ana Peña"), ("T4", "Carlos Núñez"))
SUPERVISOR = session_of("B1", "S1", Role.SUPERVISOR, "ST1")
MONTH = (date(2026, 11, 1), date(2026, 11, 30))
# (counter, category, lines, service seconds) served in turn on each of three days.
WORK = (
    ("C1", "CASH", (Line("CASH_DEP", 1, 35_000),), 240),
    ("C2", "TRANSFER", (Line("TRF_DOM", 1, 250_000),), 300),
    ("C3", "CASH", (Line("ACCT_OPEN"), Line("CARD_ISSUE")), 1_050),
    ("C1", "CASH", (Line("NOTE_EXCH"),), 95),
    ("C2", "TRANSFER", (Line("TRF_INTL"),), 800),
    ("C3", "CASH", (Line("CASH_WDL", 1, 8_000), Line("ENQUIRY")), 330),
)


@dataclass
class Month:
    clock: ManualClock
    branch: BranchService
    records: RecordsService
    tickets: list[str]


def add_staff(store: Store) -> None:
    rows = [{"branch_id": BRANCH, "id": i, "name": n, "role": "teller", "pin_hash": "-", "active": True}
            for i, n in TELLERS]  # fmt: skip
    rows.append({"branch_id": BRANCH, "id": "S1", "name": "Sun Li", "role": "supervisor",
                 "pin_hash": hash_pin(SUPERVISOR_PIN, "supervisor"), "active": True})  # fmt: skip
    with store.write_session() as session:
        session.execute(insert(StaffRow), rows)


def serve(branch: BranchService, clock: ManualClock, counter: str, category: str, lines, seconds: float) -> str:
    ticket_id = branch.issue_ticket(category).tickets[0].id
    clock.advance(45)
    branch.call_ticket(counter, ticket_id, "harness")
    branch.start(counter)
    clock.advance(seconds)
    branch.finish(counter, list(lines))
    return ticket_id


def build_month(store: Store, days: int = 3, station: str = "ST1") -> Month:
    """Three tellers serve on ``days`` days of November 2026 (from the 2nd); the fourth never serves."""
    clock = ManualClock(datetime(2026, 11, 2, 1, 0, tzinfo=UTC))
    branch = BranchService(store, load_branch_config(), BRANCH, station, clock)
    branch.ensure_branch("Riverside branch")
    for counter, profile in (("C1", {"CASH": 1}), ("C2", {"TRANSFER": 1}), ("C3", {"CASH": 1})):
        branch.configure_counter(counter, counter[1:], profile)
    add_staff(store)
    records = RecordsService(branch, load_catalogue())
    tickets: list[str] = []
    for day in range(days):
        clock.set(datetime(2026, 11, 2 + day, 1, 0, tzinfo=UTC))
        for counter, teller in (("C1", "T1"), ("C2", "T2"), ("C3", "T3")):
            branch.open_counter(counter, teller)
        for n, (counter, category, lines, seconds) in enumerate(WORK):
            ticket = serve(branch, clock, counter, category, lines, seconds + 20 * day)
            records.rate(ticket, 5 - (n + day) % 3)
            tickets.append(ticket)
        branch.pause("C2", "break")
        clock.advance(900)
        branch.resume("C2")
        clock.advance(1800)
        for counter in ("C1", "C2", "C3"):
            branch.close_counter(counter)
    records.record_quality(SUPERVISOR, tickets[1], "complaint", "waited at the window")
    records.record_quality(SUPERVISOR, tickets[3], "error_minor")
    records.correct(SUPERVISOR, tickets[2], "card was not issued", transactions=[Line("ACCT_OPEN")])
    return Month(clock, branch, records, tickets)
