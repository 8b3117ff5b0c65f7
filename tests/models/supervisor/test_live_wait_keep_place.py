"""The live wait of a ticket transferred with its place kept (the transfer dialog's default): its wait before the
first call and since it left the counter, not its time being served (queueing.core.waiting_index.live_wait_s)."""

import pytest
from staff_sessions import add_accounts, session_of

from models.supervisor.service import SupervisorService
from queueing.core.roles import Role
from queueing.supervisor.alerts import AlertKind


@pytest.fixture
def supervisor(service):
    actor = session_of("B1", "S1", Role.SUPERVISOR, "ST1")
    add_accounts(service.store, actor)
    return SupervisorService(service, session=actor)


def test_a_ticket_transferred_with_its_place_is_not_overdue_for_the_time_it_was_served(service, supervisor, clock):
    """Called after 1 minute, served 40 minutes at C1 (a long cash operation), then sent on to TRANSFER keeping its
    place (the dialog's default): the customer has waited 1 minute. The supervisor's screen says TRANSFER has a
    customer 41 minutes over, critical (TRANSFER's maximum is 35), the moment the transfer is made: it must not."""
    service.close_counter("C2")
    ticket = service.issue_ticket("CASH").ticket
    clock.advance(60)
    service.call_next("C1")
    service.start("C1")
    clock.advance(40 * 60)
    service.transfer("C1", to_category="TRANSFER")  # keep_place=True
    view = supervisor.overview()
    waiting = {t.id: t for t in view.snapshot.waiting}
    overdue = [a for a in view.alerts if a.kind is AlertKind.OVERDUE and a.subject == "TRANSFER"]
    assert waiting[ticket.id].live_wait_s <= 60, f"live wait {waiting[ticket.id].live_wait_s / 60:.0f} min"
    assert overdue == [], f"alerts at the moment of the transfer: {overdue}"
