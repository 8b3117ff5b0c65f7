"""Two branches in one store, half a world apart, with a week small enough to compute by hand.

SH is in Asia/Shanghai (UTC+8), MX in America/Mexico_City (UTC-6, no daylight saving since 2022).
The week is 2026-11-02 .. 2026-11-08 in each branch's local dates. Targets are those of
resources/categories.toml: CASH 10 min, TRANSFER 12 min. Times below are UTC.

SH (tellers T1 王小明, T2 김민지)
  11-02 03:00 CASH      wait 300  service 240  T1   served, within target
  11-03 02:00 CASH      wait 900  service 600  T1   served, over target
  11-04 02:00 TRANSFER  wait 600  service 300  T2   served, within target
  11-05 02:00 CASH      wait 120               T1   no-show
  11-08 16:30 CASH      wait  60  service 100  T1   local 11-09 00:30: after the week
MX (teller T1 Ana Peña: the same id as SH's T1, another person)
  11-02 03:00 CASH      wait  60  service 100  T1   local 11-01 21:00: before the week
  11-02 16:00 CASH      wait 420  service 360  T1   served, within target
  11-06 16:00 CASH                                  issued, still waiting
  11-09 05:00 TRANSFER  wait 1200 service 240  T1   local 11-08 23:00: in the week, over target
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import insert

from models.branch.service import BranchService
from models.staff.service import hash_pin
from models.store.database import Store, open_store
from models.store.tables import StaffRow
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.tickets import TransactionLine as Line

WEEK = (date(2026, 11, 2), date(2026, 11, 8))
ZONES = {"SH": "Asia/Shanghai", "MX": "America/Mexico_City"}
NAMES = {"SH": "上海分行", "MX": "Sucursal Ciudad de México"}
STAFF = {"SH": (("T1", "王小明"), ("T2", "김민지")), "MX": (("T1", "Ana Peña"),)}
LINES = {"CASH": [Line("CASH_DEP", 1, 35_000)], "TRANSFER": [Line("TRF_DOM", 1, 250_000)]}
# After the week: sessions still open are clipped to the week's end, whatever the day the test runs.
NOW = datetime(2026, 11, 20, tzinfo=UTC)

# Hand-computed figures of the week: (issued, served, no-shows, mean wait, p90 wait, service level, mean service).
EXPECTED = {
    ("SH", "CASH"): (3, 2, 1, 600.0, 840.0, 0.5, 420.0),  # waits 300, 900: p90 = 300 + 0.9 * 600
    ("SH", "TRANSFER"): (1, 1, 0, 600.0, 600.0, 1.0, 300.0),
    ("SH",): (4, 3, 1, 600.0, 840.0, 2 / 3, 380.0),  # waits 300, 600, 900: p90 = 600 + 0.8 * 300
    ("MX", "CASH"): (2, 1, 0, 420.0, 420.0, 1.0, 360.0),
    ("MX", "TRANSFER"): (1, 1, 0, 1200.0, 1200.0, 0.0, 240.0),
    ("MX",): (3, 2, 0, 810.0, 1122.0, 0.5, 300.0),  # waits 420, 1200: p90 = 420 + 0.9 * 780
    (): (7, 5, 1, 684.0, 1080.0, 0.6, 348.0),  # waits 300 420 600 900 1200: p90 = 900 + 0.6 * 300
}


@dataclass
class Branches:
    store: Store
    services: dict[str, BranchService]


def _branch(store: Store, branch_id: str) -> tuple[BranchService, ManualClock]:
    clock = ManualClock(datetime(2026, 11, 1, tzinfo=UTC))
    config = replace(load_branch_config(), timezone=ZONES[branch_id])
    service = BranchService(store, config, branch_id, "ST1", clock)
    service.ensure_branch(NAMES[branch_id])
    service.run(lambda c: c.configure_counter("C1", "1", {"CASH": 1, "TRANSFER": 1}))
    service.run(lambda c: c.configure_counter("C2", "2", {"TRANSFER": 1, "CASH": 2}))
    rows = [{"branch_id": branch_id, "id": i, "name": n, "role": "teller", "pin_hash": "-", "active": True}
            for i, n in STAFF[branch_id]]  # fmt: skip
    with store.write_session() as session:
        session.execute(insert(StaffRow), rows)
    return service, clock


def _served(service, clock, at, category, wait_s, service_s, counter="C1"):
    clock.set(at)
    ticket_id = service.issue_ticket(category).tickets[0].id
    clock.advance(wait_s)
    service.call_ticket(counter, ticket_id, "in the test")
    service.start(counter)
    clock.advance(service_s)
    service.finish(counter, LINES[category])


def _no_show(service, clock, at, category, wait_s, counter="C1"):
    clock.set(at)
    ticket_id = service.issue_ticket(category).tickets[0].id
    clock.advance(wait_s)
    service.call_ticket(counter, ticket_id, "in the test")
    for _ in range(service.config.policy.max_recalls):
        clock.advance(30)
        service.recall(counter)
    service.no_show(counter)


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


def build_two_branches(store: Store) -> Branches:
    sh, sh_clock = _branch(store, "SH")
    sh_clock.set(_at(2, 1))
    sh.open_counter("C1", "T1")
    sh.open_counter("C2", "T2")
    _served(sh, sh_clock, _at(2, 3), "CASH", 300, 240)
    _served(sh, sh_clock, _at(3, 2), "CASH", 900, 600)
    _served(sh, sh_clock, _at(4, 2), "TRANSFER", 600, 300, counter="C2")
    _no_show(sh, sh_clock, _at(5, 2), "CASH", 120)
    _served(sh, sh_clock, _at(8, 16, 30), "CASH", 60, 100)

    mx, mx_clock = _branch(store, "MX")
    mx_clock.set(_at(2, 2))
    mx.open_counter("C1", "T1")
    _served(mx, mx_clock, _at(2, 3), "CASH", 60, 100)
    _served(mx, mx_clock, _at(2, 16), "CASH", 420, 360)
    mx_clock.set(_at(6, 16))
    mx.issue_ticket("CASH")
    _served(mx, mx_clock, _at(9, 5), "TRANSFER", 1200, 240)
    return Branches(store, {"SH": sh, "MX": mx})


HEAD_OFFICE_PIN = "135790"


def head_office_store(path: Path, branches: tuple[str, ...] = ("SH", "MX")) -> Path:
    """The two branches' store at ``path`` with head office's administrator HQ1 (an account in each of
    ``branches``: reports are made signed in); returns its sign-in file (hq.toml, beside the store)."""
    store = open_store(str(path))
    try:
        build_two_branches(store)
        row = {"id": "HQ1", "name": "Head office", "role": "administrator"}
        row["pin_hash"] = hash_pin(HEAD_OFFICE_PIN, "administrator")
        with store.write_session() as session:
            session.execute(insert(StaffRow), [{**row, "branch_id": b, "active": True} for b in branches])
    finally:
        store.close()
    who = path.parent / "hq.toml"
    who.write_text(f'id = "HQ1"\npin = "{HEAD_OFFICE_PIN}"\n')
    who.chmod(0o600)
    return who
