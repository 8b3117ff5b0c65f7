"""Check-in cut short at any point (the link or the process dies, a COMMIT's answer is lost): the retry gives the
customer their ticket, and an appointment never has two."""

import secrets
from datetime import date, datetime

import pytest
from sqlalchemy import select
from staff_sessions import add_accounts, session_of
from sync_branch import synced

from models.appointments.service import AppointmentService
from models.branch.service import BranchService
from models.demo.customers import generate_customers
from models.station.in_doubt import CommandOutcomeUnknown
from models.store.tables import EventRow
from queueing.appointments.rules import AppointmentRules, AppointmentStatus
from queueing.core.errors import InvalidTransition
from queueing.core.roles import Role
from queueing.core.tickets import PriorityClass

TELLER = session_of("B1", "T1", Role.TELLER, "ST1")
KIOSK = session_of("B1", "KIOSK", Role.KIOSK, "KIOSK-1")
TODAY = date(2026, 11, 23)  # the clock fixture is 09:00 in Shanghai


@pytest.fixture
def appointments(store, service):
    generate_customers(store, "B1", secrets.token_bytes(32), 3, today=TODAY, seed=1)
    add_accounts(store, TELLER)
    return AppointmentService(service, AppointmentRules(categories=frozenset({"CASH", "LOANS", "TRANSFER"})))


class LinkDown(OSError):
    pass


def _appointment_tickets(service: BranchService, customer_id: str) -> list[str]:
    service.refresh()
    return [
        t.id
        for t in service.state.tickets.values()
        if t.priority is PriorityClass.APPOINTMENT and t.customer_id == customer_id
    ]


def test_a_check_in_cut_off_after_the_claim_gives_the_ticket_on_the_retry(appointments, service, monkeypatch):
    booked = appointments.book(TELLER, 1, "CASH", datetime(2026, 11, 23, 9, 15))

    def link_dies(*_args, **_kwargs):
        # From here on the branch store is out of reach: nothing more the kiosk tries lands there.
        def unreachable(*_a, **_k):
            raise LinkDown("branch store unreachable")

        monkeypatch.setattr(appointments.store, "write_session", unreachable)
        raise LinkDown("branch store unreachable")

    monkeypatch.setattr(service, "issue_ticket", link_dies)
    with pytest.raises(LinkDown):
        appointments.check_in(KIOSK, booked.appointment.id)
    monkeypatch.undo()  # the link is back; the customer tries again at the kiosk

    found = appointments.applicable(KIOSK, 1)
    assert found is not None and found.view.appointment.id == booked.appointment.id and found.can_check_in
    checked = appointments.check_in(KIOSK, booked.appointment.id)
    ticket = checked.result.ticket
    assert ticket is not None and ticket.priority == PriorityClass.APPOINTMENT and ticket.customer_id == "1"
    assert _appointment_tickets(service, "1") == [ticket.id]
    row = appointments.day(TELLER, TODAY)[0].appointment
    assert row.status is AppointmentStatus.ARRIVED and row.ticket_id == ticket.id


def test_a_ticket_whose_commit_answer_was_lost_is_given_again_not_issued_twice(appointments, service, monkeypatch):
    booked = appointments.book(TELLER, 1, "CASH", datetime(2026, 11, 23, 9, 15))
    issue = service.issue_ticket

    def answer_lost(*args, **kwargs):
        issue(*args, **kwargs)  # committed
        raise CommandOutcomeUnknown("the link dropped while the branch server was saving this command")

    monkeypatch.setattr(service, "issue_ticket", answer_lost)
    with pytest.raises(CommandOutcomeUnknown):
        appointments.check_in(KIOSK, booked.appointment.id)
    monkeypatch.undo()
    [issued] = _appointment_tickets(service, "1")

    found = appointments.applicable(KIOSK, 1)
    assert found is not None and found.can_check_in
    assert appointments.check_in(KIOSK, booked.appointment.id).result.ticket.id == issued
    assert _appointment_tickets(service, "1") == [issued]
    assert appointments.day(TELLER, TODAY)[0].appointment.ticket_id == issued


def test_a_link_lost_after_the_ticket_was_issued_still_gives_the_customer_their_ticket(
    appointments, service, monkeypatch
):
    """The ticket stands (issued and answered); only keeping its id on the appointment's row fails. Refused, the
    kiosk would send the customer to take a second, regular ticket while their appointment ticket waits unheard."""
    booked = appointments.book(TELLER, 1, "CASH", datetime(2026, 11, 23, 9, 15))
    issue = service.issue_ticket

    def issued_then_link_dies(*args, **kwargs):
        result = issue(*args, **kwargs)

        def unreachable(*_a, **_k):
            raise LinkDown("branch store unreachable")

        monkeypatch.setattr(appointments.store, "write_session", unreachable)
        return result

    monkeypatch.setattr(service, "issue_ticket", issued_then_link_dies)
    checked = appointments.check_in(KIOSK, booked.appointment.id)
    monkeypatch.undo()
    ticket = checked.result.ticket
    assert ticket is not None and checked.view.appointment.ticket_id == ticket.id
    assert _appointment_tickets(service, "1") == [ticket.id]


def test_a_kiosk_restarted_after_the_claim_gives_the_ticket_once(appointments, service, store, clock, monkeypatch):
    """The process dies after the claim; a new kiosk process (its own BranchService) checks the customer in."""
    booked = appointments.book(TELLER, 2, "CASH", datetime(2026, 11, 23, 9, 15))

    def process_dies(*_args, **_kwargs):
        def dead(*_a, **_k):
            raise SystemExit(1)

        monkeypatch.setattr(store, "write_session", dead)  # a dead process writes nothing more
        raise SystemExit(1)

    monkeypatch.setattr(service, "issue_ticket", process_dies)
    with pytest.raises(SystemExit):
        appointments.check_in(KIOSK, booked.appointment.id)
    monkeypatch.undo()

    restarted = BranchService(store, service.config, "B1", "KIOSK-1", clock)
    again = AppointmentService(restarted, appointments.rules)
    first = again.check_in(KIOSK, booked.appointment.id).result.ticket
    second = again.check_in(KIOSK, booked.appointment.id).result.ticket  # the printer jammed: once more
    assert first.id == second.id and first.number == second.number
    assert _appointment_tickets(service, "2") == [first.id]


def test_once_the_ticket_is_called_the_appointment_is_done(appointments, service):
    booked = appointments.book(TELLER, 3, "CASH", datetime(2026, 11, 23, 9, 15))
    appointments.check_in(KIOSK, booked.appointment.id)
    service.call_next("C1")
    assert appointments.applicable(KIOSK, 3) is None
    with pytest.raises(InvalidTransition, match="is arrived"):
        appointments.check_in(KIOSK, booked.appointment.id)
    assert len(_appointment_tickets(service, "3")) == 1


def test_a_kiosk_that_had_not_heard_the_ticket_was_called_does_not_give_it_again(
    appointments, service, store, clock
):
    """A second kiosk's view of the queue dates from before the first kiosk's check-in: once the ticket was
    called, the check-in there is refused as done (it is no check-in cut short), not the called ticket reprinted."""
    other = BranchService(store, service.config, "B1", "KIOSK-2", clock)  # its view loaded now, not refreshed
    booked = appointments.book(TELLER, 3, "CASH", datetime(2026, 11, 23, 9, 15))
    issued = appointments.check_in(KIOSK, booked.appointment.id).result.ticket
    service.call_next("C1")
    late = AppointmentService(other, appointments.rules)
    with pytest.raises(InvalidTransition):
        late.check_in(KIOSK, booked.appointment.id)
    assert late.applicable(KIOSK, 3) is None
    assert _appointment_tickets(service, "3") == [issued.id]


def test_a_kiosk_offline_does_not_print_another_number_for_a_ticket_the_branch_server_holds(tmp_path, clock):
    """The first kiosk issued the ticket upstream; the customer tries again at a kiosk that still counts itself
    offline (a link blip; the branch server answers the appointment's own transaction). Issued there offline, the
    ticket would get a second number, one the hall never calls: the check-in is refused until that kiosk syncs."""
    from models.demo.branch_setup import set_up_counter
    from models.station.open import open_station
    from models.sync.pg_upstream import open_upstream
    from queueing.core.categories import load_branch_config
    from queueing.core.errors import DomainError

    config, path = load_branch_config(), str(tmp_path / "upstream.db")
    upstream = open_upstream(path)
    branch = BranchService(upstream, config, "B1", "SETUP", clock)
    branch.ensure_branch("Branch")
    set_up_counter(branch, "C1", "C1", {"CASH": 1})
    generate_customers(upstream, "B1", secrets.token_bytes(32), 1, today=TODAY, seed=1)
    add_accounts(upstream, TELLER)
    rules = AppointmentRules(categories=frozenset({"CASH"}))
    kiosks = [open_station(config, "B1", f"KIOSK-{n}", upstream=path, local=str(tmp_path / f"k{n}.db"), clock=clock)
              for n in (1, 2)]  # fmt: skip
    try:
        first, second = (AppointmentService(k, rules) for k in kiosks)
        booked = first.book(TELLER, 1, "CASH", datetime(2026, 11, 23, 9, 15))
        issued = first.check_in(KIOSK, booked.appointment.id).result.ticket
        kiosks[1]._go_offline(RuntimeError("test: link down"))
        with pytest.raises(DomainError, match="not synced"):
            second.check_in(KIOSK, booked.appointment.id)
        assert synced(kiosks[1])
        again = second.check_in(KIOSK, booked.appointment.id).result.ticket
        assert (again.id, again.number) == (issued.id, issued.number)
        with upstream.read_session() as session:
            events = session.scalars(select(EventRow.payload).where(EventRow.type == "ticket_issued")).all()
        assert [e["number"] for e in events if e["ticket_id"] == issued.id] == [issued.number]
    finally:
        for kiosk in kiosks:
            kiosk.close()
        upstream.close()
