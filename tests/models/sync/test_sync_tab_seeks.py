"""The supervisor's Sync tab (SupervisorService.sync_issues, `sync status`) seeks what it shows: the sign-in events
by type, a flagged ticket's events by its id, the flagged tickets alone; its work does not grow with past days.

Query plans and SQLite VM steps, no timing (on the bench's year store the tab took 0.5 s with no conflict and 4.3 s
with two, one journal walk per conflict).
"""

from __future__ import annotations

from query_plans import add_history, captured, plans, vm_steps_everywhere
from sqlalchemy import update

from models.store.tables import TicketRow
from models.sync.conflicts import conflicts, session_clashes

BRANCH = "B1"


def _flag_all(store) -> None:
    with store.write_session() as session:
        session.execute(update(TicketRow).where(TicketRow.branch_id == BRANCH).values(conflict=True))


def test_session_clashes_seek_the_session_events_not_walk_the_journal(store, service):
    with captured(store) as seen:
        session_clashes(store, service.config, BRANCH)
    for _stmt, plan in plans(store, seen, "FROM event"):
        assert "ix_event_branch_position" not in plan and "SCAN event" not in plan, plan


def test_a_flagged_tickets_facts_are_read_through_the_ticket_index(store, service):
    service.issue_ticket("CASH")
    _flag_all(store)
    with captured(store) as seen:
        found = conflicts(store, service.config, BRANCH)
    assert [c.number for c in found] == ["A001"] and found[0].facts  # its issue event was found
    for _stmt, plan in plans(store, seen, "'$.ticket_id'"):
        assert "ix_event_ticket" in plan and "SCAN" not in plan, plan


def test_a_flagged_tickets_recorded_reasons_are_sought_by_its_id(store, service):
    service.issue_ticket("CASH")
    _flag_all(store)
    with captured(store) as seen:
        conflicts(store, service.config, BRANCH)
    found = plans(store, seen, "FROM ticket_conflict")
    assert found
    for _stmt, plan in found:
        assert "SEARCH ticket_conflict" in plan and "ticket_id=?" in plan and "SCAN" not in plan, plan


def test_the_flagged_tickets_are_found_without_reading_every_ticket(store, service):
    with captured(store) as seen:
        conflicts(store, service.config, BRANCH)
    for _stmt, plan in plans(store, seen, "FROM ticket "):
        assert "ix_ticket_branch_conflict" in plan and "SCAN ticket" not in plan, plan


def test_the_sync_tabs_work_does_not_grow_with_past_days(store, service):
    """Rows read on a journal of a few events vs 20,000 more earlier ones, with one flagged ticket."""
    service.issue_ticket("CASH")
    _flag_all(store)
    small = vm_steps_everywhere(store, lambda: conflicts(store, service.config, BRANCH))
    add_history(store, BRANCH, "OLD-ST", 1, 20_000)
    big = vm_steps_everywhere(store, lambda: conflicts(store, service.config, BRANCH))
    assert big <= 3 * max(small, 10), (small, big)
