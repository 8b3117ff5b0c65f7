"""The store's counted report (models/reports/tally.py) against the two reference paths, on a month with every
case the counting treats apart, in a branch east and a branch west of UTC.

References: ``report_and_visits`` (full VisitRecords from the rows, then ``build_report``) and the journal
replay (``build_visits`` over every event). All three must give the same report, to the last digit.
"""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import insert, update
from staff_sessions import session_of
from test_records_service import reference_report

from models.branch.service import BranchService
from models.reports.records_service import RecordsService
from models.store.tables import StaffRow
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.roles import Role
from queueing.core.tickets import TransactionLine as Line
from queueing.core.transaction_types import load_catalogue
from queueing.records.visits import QualityKind, ShortDecision
from queueing.reports.piece_rate import load_scheme

SUPERVISOR = session_of("B1", "S1", Role.SUPERVISOR, "ST1")
NOVEMBER = (date(2026, 11, 1), date(2026, 11, 30))


def _local(zone: str, day: date, hour: int, minute: int) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=ZoneInfo(zone)).astimezone(UTC)


class Branch:
    """A branch in ``zone``: T1 at C1, T2 at C2, C3 open without a teller."""

    def __init__(self, store, zone: str) -> None:
        self.zone = zone
        self.clock = ManualClock(_local(zone, date(2026, 10, 31), 9, 0))
        config = replace(load_branch_config(), timezone=zone)
        self.service = BranchService(store, config, "B1", "ST1", self.clock)
        self.service.ensure_branch("Test branch")
        for counter, number in (("C1", "1"), ("C2", "2"), ("C3", "3")):
            self.service.run(lambda c, k=counter, n=number: c.configure_counter(k, n, {"CASH": 1, "TRANSFER": 2}))
        people = (("T1", "王小明", "teller"), ("T2", "김민지", "teller"), ("T3", "Ana Peña", "teller"))
        with store.write_session() as session:
            session.execute(
                insert(StaffRow),
                [
                    {"branch_id": "B1", "id": i, "name": n, "role": r, "pin_hash": "-", "active": True}
                    for i, n, r in (*people, ("S1", "Supervisor Sun", "supervisor"))
                ],
            )
        self.service.open_counter("C1", "T1")
        self.service.open_counter("C2", "T2")
        self.service.open_counter("C3")
        self.records = RecordsService(self.service, load_catalogue())

    def serve(self, counter: str, lines, service_s: float, finished_at: datetime | None = None) -> str:
        """A visit at ``counter`` finishing at ``finished_at`` (default: after the clock's present)."""
        if finished_at is not None:
            self.clock.set(finished_at - timedelta(seconds=service_s + 30))
        ticket_id = self.service.issue_ticket("CASH").tickets[0].id
        self.clock.advance(30)
        self.service.call_ticket(counter, ticket_id, "test")
        self.service.start(counter)
        self.clock.advance(service_s)
        self.service.finish(counter, lines)
        return ticket_id


@pytest.fixture(params=["Asia/Seoul", "America/Mexico_City"])
def branch(request, store):
    return Branch(store, request.param)


def _month(b: Branch) -> dict[str, str]:
    """Visits at both edges of November (local), repeated line sets, several lines, an unknown code, short visits
    pending, approved and rejected, ratings pressed twice, marks, corrections and a counter without a teller."""
    r, zone = b.records, b.zone
    v: dict[str, str] = {}
    v["before"] = b.serve("C1", [Line("CASH_DEP", 1, 5_000)], 300, _local(zone, date(2026, 10, 31), 23, 20))
    v["across"] = b.serve("C1", [Line("ACCT_OPEN")], 2400, _local(zone, date(2026, 11, 1), 0, 30))
    b.clock.set(_local(zone, date(2026, 11, 10), 10, 0))
    for seconds in (100.1, 250.2, 410.3, 90.7, 0.1 + 0.2, 333.333):  # float sums that depend on their order
        r.rate(b.serve("C1", [Line("CASH_DEP", 1, 35_000)], seconds), 5)
    v["two_lines"] = b.serve("C2", [Line("ACCT_OPEN"), Line("ENQUIRY")], 600)
    r.rate(v["two_lines"], 2)
    r.rate(v["two_lines"], 4)  # the last press counts
    b.serve("C2", [Line("ACCT_OPEN"), Line("ENQUIRY")], 700.25)
    b.serve("C2", [Line("TRF_DOM", 1, 250_000), Line("CASH_DEP", 2, 12_345.67)], 480.5)
    b.serve("C1", [Line("NOT_A_CODE", 2)], 120)
    b.serve("C1", [Line("NOT_A_CODE", 2), Line("ENQUIRY")], 1.0)
    b.serve("C3", [Line("TRF_DOM", 1, 9_000)], 200)  # no teller
    b.serve("C3", [Line("ACCT_OPEN")], 5)  # no teller, short
    v["short_pending"] = b.serve("C1", [Line("CASH_DEP", 1, 5_000)], 1.4)
    v["short_approved"] = b.serve("C1", [Line("ACCT_OPEN")], 20)
    v["short_rejected"] = b.serve("C2", [Line("ACCT_OPEN")], 25)
    v["marked"] = b.serve("C2", [Line("CASH_DEP", 1, 35_000)], 240)
    v["moved"] = b.serve("C1", [Line("CASH_DEP", 1, 35_000)], 260)
    r.rate(v["moved"], 3)
    v["relined"] = b.serve("C2", [Line("ACCT_OPEN"), Line("ENQUIRY")], 500)
    b.clock.advance(3600)
    r.review_short(SUPERVISOR, v["short_approved"], ShortDecision.APPROVED)
    r.review_short(SUPERVISOR, v["short_rejected"], ShortDecision.REJECTED)
    r.record_quality(SUPERVISOR, v["marked"], QualityKind.ERROR_MAJOR, "wrong account")
    r.record_quality(SUPERVISOR, v["marked"], QualityKind.COMPLAINT)
    r.correct(SUPERVISOR, v["moved"], "served by T3", teller="T3")
    r.correct(SUPERVISOR, v["relined"], "no enquiry", transactions=[Line("ACCT_OPEN")])
    v["last"] = b.serve("C2", [Line("CASH_DEP", 1, 5_000)], 300, _local(zone, date(2026, 11, 30), 23, 30))
    v["after"] = b.serve("C2", [Line("ACCT_OPEN")], 300, _local(zone, date(2026, 12, 1), 0, 30))
    with b.service.store.write_session() as session:  # T2 renamed after the fact: the report shows today's name
        session.execute(update(StaffRow).where(StaffRow.id == "T2").values(name="김민지 (Kim)"))
    return v


def test_the_counted_report_is_the_reference_on_either_side_of_utc(branch):
    visits = _month(branch)
    records, scheme, now = branch.records, load_scheme(), branch.clock.now()
    period = records.period(*NOVEMBER)
    counted = records.report(SUPERVISOR, period, scheme, now)
    from_records, counted_visits = records.report_and_visits(SUPERVISOR, period, scheme, now)
    assert counted == from_records
    assert counted == reference_report(records, period, scheme, now)

    days = {v.ticket_id: v.day for v in counted_visits}
    assert visits["before"] not in days and visits["after"] not in days
    assert days[visits["across"]] == date(2026, 11, 1) and days[visits["last"]] == date(2026, 11, 30)
    rows = {row.teller: row for row in counted.rows}
    assert rows["T2"].name == "김민지 (Kim)"
    assert rows["T3"].output.visits == 1 and rows["T3"].output.ratings == 1  # moved by the correction
    assert rows["T2"].output.errors_major == 1 and rows["T2"].output.complaints == 1
    assert counted.totals.output.short_approved == 1 and counted.totals.output.short_rejected == 1
    # pending: T1's 0.3 s and 1.4 s deposits and the 1 s visit with an unknown code (the teller-less one is apart)
    assert counted.totals.output.short_pending == 3
    assert counted.totals.unassigned_visits == 2 and counted.unknown_codes == ("NOT_A_CODE",)
    assert counted.totals.output.visits == len(counted_visits) - 2


def test_a_day_at_the_period_edge_in_local_time(branch):
    """A one-day period: the visit at 23:30 local on its last day is in, the one at 00:30 the next day is not."""
    visits = _month(branch)
    records, scheme, now = branch.records, load_scheme(), branch.clock.now()
    period = records.period(date(2026, 11, 30), date(2026, 11, 30))
    counted = records.report(SUPERVISOR, period, scheme, now)
    assert counted == records.report_and_visits(SUPERVISOR, period, scheme, now)[0]
    assert counted == reference_report(records, period, scheme, now)
    assert counted.totals.output.visits == 1
    assert [v.ticket_id for v in records.visits(period)] == [visits["last"]]


def test_a_visit_moved_by_a_correction_takes_its_cross_sell_credit_along(store):
    """A correction saying T3 served the visit says T3 made the pitch too: the answer was recorded under T1's
    account, as the visit was. T1's other accepted prompt, and one on the moved visit that T1 did not record
    (a follow-up's, say), stay where they are."""
    from customer_fixtures import add_customer

    from models.customers.tables import CrossSellOutcomeRow

    b = Branch(store, "Asia/Seoul")
    b.clock.set(_local(b.zone, date(2026, 11, 10), 10, 0))
    moved = b.serve("C1", [Line("CASH_DEP", 1, 35_000)], 260)
    kept = b.serve("C1", [Line("ACCT_OPEN")], 600)
    customer = add_customer(store, family="张", given="伟", id_number="110101199003070011", phone="13800138000",
                            branch="B1")
    at = b.clock.now()

    def outcome(staff: str, ticket: str | None, product: str) -> dict:
        return {"branch_id": "B1", "customer_id": customer, "rule_code": "R", "product": product,
                "outcome": "accepted", "staff_id": staff, "station_id": "ST1", "ticket_id": ticket, "at": at}

    with store.write_session() as session:
        session.execute(insert(CrossSellOutcomeRow), [
            outcome("T1", moved, "loan_insurance"), outcome("T1", kept, "credit_card"), outcome("T2", moved, "fund"),
        ])
    b.records.correct(SUPERVISOR, moved, "served by T3", teller="T3")
    period, scheme, now = b.records.period(*NOVEMBER), load_scheme(), b.clock.now()
    counted = b.records.report(SUPERVISOR, period, scheme, now)
    from_records, _ = b.records.report_and_visits(SUPERVISOR, period, scheme, now)
    assert counted == from_records
    accepted = {row.teller: row.output.cross_sell_accepted for row in counted.rows}
    assert (accepted["T1"], accepted["T2"], accepted["T3"]) == (1, 1, 1)
    units = {row.teller: row.evaluation.cross_sell_units for row in counted.rows}
    assert units["T3"] == scheme.cross_sell_credit(["loan_insurance"]) > units["T1"]


def test_a_prompt_follows_its_moved_visit_across_a_month_end(store):
    """Pitched at 23:58 on 30 November, the visit finished at 00:05 on 1 December, then moved to T3: November's
    report (the prompt's month, not the visit's) credits T3 too, on both store paths (found by review)."""
    from customer_fixtures import add_customer

    from models.customers.tables import CrossSellOutcomeRow

    b = Branch(store, "Asia/Seoul")
    ticket = b.serve("C1", [Line("CASH_DEP", 1, 35_000)], 600, _local(b.zone, date(2026, 12, 1), 0, 5))
    customer = add_customer(store, family="张", given="伟", id_number="110101199003070011", phone="13800138000",
                            branch="B1")
    with store.write_session() as session:
        session.execute(insert(CrossSellOutcomeRow), [
            {"branch_id": "B1", "customer_id": customer, "rule_code": "R", "product": "loan_insurance",
             "outcome": "accepted", "staff_id": "T1", "station_id": "ST1", "ticket_id": ticket,
             "at": _local(b.zone, date(2026, 11, 30), 23, 58)},
        ])
    b.clock.set(_local(b.zone, date(2026, 12, 1), 9, 0))
    b.records.correct(SUPERVISOR, ticket, "served by T3", teller="T3")
    period, scheme, now = b.records.period(*NOVEMBER), load_scheme(), b.clock.now()
    for report in (b.records.report(SUPERVISOR, period, scheme, now),
                   b.records.report_and_visits(SUPERVISOR, period, scheme, now)[0]):
        accepted = {row.teller: row.output.cross_sell_accepted for row in report.rows if row.output.cross_sell_accepted}
        assert accepted == {"T3": 1}
