"""Configuring a counter takes an administrator's session; a queue command the session of the counter's teller.

Each bypass is tried against the service itself, not a widget: no session, a hand-made session, a
teller or supervisor configuring, a teller commanding a colleague's counter, a deactivated administrator.
"""

from dataclasses import replace

import pytest
from sqlalchemy import update
from staff_sessions import add_accounts, session_of
from sync_branch import synced

from models.staff.service import StaffService
from models.staff.session import AccountEnded
from models.station.counter_desk import CounterDesk
from models.station.counter_guard import CounterNotHeld
from models.store.tables import StaffRow
from queueing.core.roles import PermissionDenied, Role
from queueing.core.tickets import TransactionLine


def _signed_in(service, staff_id, role):
    actor = session_of("B1", staff_id, role, "ST1")
    add_accounts(service.store, actor)
    return actor


def _desk(service) -> CounterDesk:
    return CounterDesk(service, StaffService(service.store, "B1", service.clock))


def _profile(service, counter_id):
    return next(c.profile for c in service.snapshot().counters if c.id == counter_id)


def test_only_an_administrator_configures_a_counter(service):
    admin = _signed_in(service, "A1", Role.ADMINISTRATOR)
    before = _profile(service, "C2")
    for who in (
        None,
        _signed_in(service, "T1", Role.TELLER),
        _signed_in(service, "S1", Role.SUPERVISOR),
        session_of("B1", "KIOSK", Role.KIOSK, "K1"),
        replace(_signed_in(service, "T1", Role.TELLER), role=Role.ADMINISTRATOR),  # a role claimed: the seal breaks
        session_of("B2", "A9", Role.ADMINISTRATOR, "ST1"),  # an administrator of another branch
    ):
        with pytest.raises(PermissionDenied):
            service.configure_counter(who, "C2", "2", {"CASH": 1})
    assert _profile(service, "C2") == before
    service.configure_counter(admin, "C2", "2", {"CASH": 1})
    assert _profile(service, "C2") == {"CASH": 1}
    with service.store.write_session() as session:  # the administrator leaves: refused at once
        session.execute(update(StaffRow).where(StaffRow.id == "A1").values(active=False))
    with pytest.raises(PermissionDenied, match="not active"):
        service.configure_counter(admin, "C2", "2", {"TRANSFER": 1})
    assert _profile(service, "C2") == {"CASH": 1}


def test_queue_commands_need_the_session_of_the_counters_teller(service):
    desk = _desk(service)
    t1, t2 = _signed_in(service, "T1", Role.TELLER), _signed_in(service, "T2", Role.TELLER)
    ticket = service.issue_ticket("CASH").ticket
    for who in (t2, None, replace(t2, staff_id="T1"), session_of("B1", "S1", Role.SUPERVISOR, "ST1")):
        with pytest.raises(PermissionDenied):
            desk.call_next(who, "C1")
    assert service.ticket(ticket.id).status == "waiting"
    called = desk.call_next(t1, "C1")
    assert called.ticket.id == ticket.id and called.ticket.status == "called"
    for command in (
        lambda who: desk.start(who, "C1"),
        lambda who: desk.recall(who, "C1"),
        lambda who: desk.no_show(who, "C1"),
        lambda who: desk.park(who, "C1"),
        lambda who: desk.transfer(who, "C1", to_category="TRANSFER"),
        lambda who: desk.finish(who, "C1", [TransactionLine("CASH_DEPOSIT")]),
        lambda who: desk.pause(who, "C1", "break"),
    ):
        with pytest.raises(CounterNotHeld, match="T2 is not signed in at counter C1 \\(T1 is\\)"):
            command(t2)
    assert service.ticket(ticket.id).status == "called"
    desk.start(t1, "C1")
    desk.finish(t1, "C1", [TransactionLine("CASH_DEPOSIT")])
    assert service.ticket(ticket.id).status == "done"


def test_a_closed_counter_is_held_by_nobody(service):
    desk = _desk(service)
    t1 = _signed_in(service, "T1", Role.TELLER)
    service.close_counter("C1")
    service.issue_ticket("CASH")
    with pytest.raises(CounterNotHeld, match="closed"):
        desk.call_next(t1, "C1")


def test_issue_and_call_and_linking_a_customer_need_the_holder_too(service):
    desk = _desk(service)
    t1, t2 = _signed_in(service, "T1", Role.TELLER), _signed_in(service, "T2", Role.TELLER)
    waiting = len(service.snapshot().waiting)
    with pytest.raises(CounterNotHeld):
        desk.issue_and_call(t2, "C1", "CASH")
    assert len(service.snapshot().waiting) == waiting and service.snapshot().counters[0].current is None
    called = desk.issue_and_call(t1, "C1", "CASH").ticket
    assert called.status == "called"
    with pytest.raises(CounterNotHeld):
        desk.link_customer(t2, "C1", "42")
    desk.link_customer(t1, "C1", "42")
    assert service.ticket(called.id).customer_id == "42"


def _synced_station(tmp_path, clock):
    """A StationService on a SQLite upstream, with counter C1 open under T1; returns (setup, station, upstream)."""
    from models.branch.service import BranchService
    from models.demo.branch_setup import set_up_counter
    from models.station.open import open_station
    from models.sync.pg_upstream import open_upstream
    from queueing.core.categories import load_branch_config

    config = load_branch_config()
    upstream = open_upstream(str(tmp_path / "upstream.db"))
    setup = BranchService(upstream, config, "B1", "SETUP", clock)
    setup.ensure_branch("Branch")
    set_up_counter(setup, "C1", "1", {"CASH": 1})
    setup.open_counter("C1", "T1")
    station = open_station(config, "B1", "ST1", upstream=str(tmp_path / "upstream.db"),
                           local=str(tmp_path / "st1.db"), clock=clock)
    return setup, station, upstream


def test_a_synced_station_checks_the_session_too(tmp_path, clock):
    """StationService (SQLite upstream): the same checks, offline calling kept to the station's own tickets."""
    from models.station.staff_sign_in import StationStaff

    setup, station, upstream = _synced_station(tmp_path, clock)
    try:
        teller, admin = _signed_in(setup, "T1", Role.TELLER), _signed_in(setup, "A1", Role.ADMINISTRATOR)
        with pytest.raises(PermissionDenied):
            station.configure_counter(teller, "C1", "1", {"TRANSFER": 1})
        station.configure_counter(admin, "C1", "1", {"CASH": 1, "TRANSFER": 2})
        other = setup.issue_ticket("CASH").ticket  # another station's ticket
        station._go_offline(RuntimeError("test: link down"))
        desk = CounterDesk(station, StationStaff(station))
        with pytest.raises(CounterNotHeld):
            desk.call_next(_signed_in(setup, "T2", Role.TELLER), "C1")
        own = station.issue_ticket("CASH").ticket
        assert desk.call_next(teller, "C1").ticket.id == own.id != other.id
    finally:
        station.close()
        upstream.close()


def test_a_synced_station_stops_a_deactivated_teller_from_its_copy_and_a_supervisor_from_upstream(tmp_path, clock):
    from models.station.staff_sign_in import StationStaff

    setup, station, upstream = _synced_station(tmp_path, clock)
    try:
        desk = CounterDesk(station, StationStaff(station))
        teller, boss = _signed_in(setup, "T1", Role.TELLER), _signed_in(setup, "S1", Role.SUPERVISOR)
        assert synced(station)  # the copy now holds T1 (active) and S1 (kept inactive, without a hash)
        new = _signed_in(setup, "T3", Role.TELLER)  # created since: not in the copy yet
        station.issue_ticket("CASH")
        with upstream.write_session() as session:
            session.execute(update(StaffRow).where(StaffRow.id.in_(["T1", "S1"])).values(active=False))
        with pytest.raises(AccountEnded):  # a supervisor is asked about upstream: their copy says nothing
            desk.call_next(boss, "C1")
        assert desk.call_next(teller, "C1").ticket.status == "called"  # the copy does not know yet ...
        assert synced(station)  # ... until the next sync copies the accounts down
        station._go_offline(RuntimeError("test: link down"))
        with pytest.raises(AccountEnded, match="T1 is not active"):
            desk.start(teller, "C1")
        with pytest.raises(CounterNotHeld):  # an account the copy lacks is not refused for that: only T1 holds C1
            desk.start(new, "C1")
    finally:
        station.close()
        upstream.close()


def test_a_teller_deactivated_while_signed_in_is_stopped_at_the_next_command(service):
    """Before, only the holder check ran: a leaver still signed in kept calling and serving customers."""
    desk = _desk(service)
    t1 = _signed_in(service, "T1", Role.TELLER)
    ticket = service.issue_ticket("CASH").ticket
    desk.call_next(t1, "C1")
    with service.store.write_session() as session:
        session.execute(update(StaffRow).where(StaffRow.id == "T1").values(active=False))
    for command in (
        lambda: desk.start(t1, "C1"),
        lambda: desk.finish(t1, "C1", [TransactionLine("CASH_DEPOSIT")]),
        lambda: desk.issue_and_call(t1, "C1", "CASH"),
    ):
        with pytest.raises(AccountEnded, match="T1 is not active"):
            command()
    assert service.ticket(ticket.id).status == "called"
    with service.store.write_session() as session:  # back, but as a supervisor: signing in again is asked for
        session.execute(update(StaffRow).where(StaffRow.id == "T1").values(active=True, role="supervisor"))
    with pytest.raises(AccountEnded, match="changed to supervisor"):
        desk.start(t1, "C1")
    with service.store.write_session() as session:
        session.execute(update(StaffRow).where(StaffRow.id == "T1").values(role="teller"))
    assert desk.start(t1, "C1").ticket.status == "serving"


def test_a_new_pin_ends_the_sessions_opened_with_the_old_one(service):
    """An administrator resets a PIN someone else may know: who signed in with the old one is stopped too."""
    staff = StaffService(service.store, "B1", service.clock)
    staff.add_first_administrator("A1", "Admin", "135790")
    admin = staff.verify("A1", "135790", "ADM")
    staff.add(admin, "T1", "Li Na", "teller", "1111")
    desk = CounterDesk(service, staff)
    old = staff.verify("T1", "1111", "ST1")
    service.issue_ticket("CASH")
    desk.call_next(old, "C1")
    staff.unlock(admin, "T1")  # a change that leaves the PIN as it is ends nothing
    desk.recall(old, "C1")
    staff.reset_pin(admin, "T1", "2468")
    with pytest.raises(AccountEnded, match="PIN of T1 was changed"):
        desk.start(old, "C1")
    assert desk.start(staff.verify("T1", "2468", "ST1"), "C1").ticket.status == "serving"
