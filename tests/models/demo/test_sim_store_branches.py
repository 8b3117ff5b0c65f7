"""`simulate --db` writes a second branch, in its own time zone, into a store that holds one: a head-office store."""

import json
from datetime import UTC
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from staff_sessions import add_accounts, session_of

import main
from models.reports.head_office import choose_branches, service_report
from models.store.database import open_store
from models.store.tables import BranchRow, TicketRow
from queueing.core.roles import Role

ARGV = ["simulate", "--counters", "2", "--arrival-rate", "20", "--hours", "2", "--json"]


def test_two_simulated_branches_in_one_store(tmp_path, capsys):
    db = str(tmp_path / "head_office.db")
    assert main.main([*ARGV, "--db", db, "--branch", "UTC1", "--seed", "3"]) == 0
    first = json.loads(capsys.readouterr().out)["customers"]
    assert main.main([*ARGV, "--db", db, "--branch", "MX", "--timezone", "America/Mexico_City", "--seed", "4"]) == 0
    second = json.loads(capsys.readouterr().out)["customers"]
    store = open_store(db)
    try:
        with store.read_session() as session:
            zones = dict(session.execute(select(BranchRow.id, BranchRow.timezone)).all())
            earliest = session.scalar(select(func.min(TicketRow.issued_at)).where(TicketRow.branch_id == "MX"))
            days = set(session.scalars(select(TicketRow.business_date).where(TicketRow.branch_id == "MX")))
        head = session_of("MX", "HQ1", Role.ADMINISTRATOR, "HQ")
        add_accounts(store, head)
        report = service_report(head, store, choose_branches(store, all_branches=True), *sorted(days)[:1] * 2)
    finally:
        store.close()
    assert zones == {"UTC1": "UTC", "MX": "America/Mexico_City"}
    # The day opens at 09:00 local time, which in Mexico City is 15:00 UTC.
    assert len(days) == 1 and earliest.replace(tzinfo=UTC).astimezone(ZoneInfo("America/Mexico_City")).hour == 9
    totals = {section.branch_id: section.total.counts.issued for section in report.branches}
    assert totals == {"MX": second, "UTC1": first} and report.total.counts.issued == first + second


def test_an_unknown_time_zone_is_refused(tmp_path, capsys):
    assert main.main([*ARGV, "--db", str(tmp_path / "x.db"), "--timezone", "Mars/Olympus"]) == 2
    assert "unknown time zone 'Mars/Olympus'" in capsys.readouterr().err
