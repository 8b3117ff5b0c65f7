"""A teller's session on the supervisor's services may watch, never act; nobody signed in may only watch."""

from datetime import date

import pytest
from staff_sessions import add_accounts, session_of

from models.supervisor.service import SupervisorService
from queueing.core.roles import PermissionDenied, Role


@pytest.fixture
def teller_view(service):
    actor = session_of("B1", "T9", Role.TELLER, "ST1")
    add_accounts(service.store, actor)
    return SupervisorService(service, session=actor), actor


def test_a_teller_cannot_act_through_the_supervisor_service(service, teller_view):
    supervisor, actor = teller_view
    ticket = service.issue_ticket("CASH").ticket
    supervisor.overview()  # watching is allowed
    for act in (
        lambda: supervisor.open_counter("C2"),
        lambda: supervisor.close_counter("C1"),
        lambda: supervisor.configure_counter("C1", "1", {"CASH": 1}),
        lambda: supervisor.move_ticket(ticket.id, to_category="TRANSFER"),
        lambda: supervisor.check_settings_edit(),
        lambda: supervisor.resolve_conflict(ticket.id, "x"),
        lambda: supervisor.breaks.schedule(actor, "T9", date(2026, 11, 23), "12:00", 30),
    ):
        with pytest.raises(PermissionDenied):
            act()


def test_nobody_signed_in_cannot_act(service):
    supervisor = SupervisorService(service)
    with pytest.raises(PermissionDenied):
        supervisor.close_counter("C1")
    with pytest.raises(PermissionDenied):
        supervisor.breaks.schedule(None, "T1", date(2026, 11, 23), "12:00", 30)
