"""Tellers' breaks through the store: set and cancelled by a supervisor (journalled, audited), read by the
lunch-cover check of the supervisor's overview."""

from datetime import date, time, timedelta

import pytest
from sqlalchemy import insert, select
from staff_sessions import session_of

from models.audit.log import AuditLogRow
from models.store.tables import EventRow, StaffRow
from models.supervisor.breaks import BreakService
from models.supervisor.service import SupervisorService
from queueing.core.errors import ConfigError
from queueing.core.roles import PermissionDenied, Role
from queueing.supervisor.alerts import AlertKind, AlertSettings
from queueing.supervisor.break_plan import BreakGone, BreakRefused, RotaBreak
from queueing.supervisor.staffing import StaffingSettings

SUPERVISOR = session_of("B1", "S1", Role.SUPERVISOR, "ST1")
TELLER = session_of("B1", "T1", Role.TELLER, "ST1")
MONDAY = date(2026, 11, 23)  # the clock starts at 09:00 branch time
ROTA = (RotaBreak("T1", frozenset(range(5)), time(9, 20), 30),)
ROTA_BREAK = f"rota:T1:{MONDAY}"  # the id of T1's rota break on Monday


@pytest.fixture
def staff(service):
    people = (("T1", "王小明", "teller"), ("T2", "김민지", "teller"), ("S1", "Supervisor Sun", "supervisor"))
    with service.store.write_session() as session:
        session.execute(
            insert(StaffRow),
            [{"branch_id": "B1", "id": i, "name": n, "role": r, "pin_hash": "-", "active": True} for i, n, r in people],
        )


@pytest.fixture
def breaks(service, staff):
    return BreakService(service, ROTA)


def test_set_move_and_cancel_are_journalled_and_audited(breaks, store):
    assert [(b.staff_id, b.start, b.by) for b in breaks.day_breaks(MONDAY)] == [("T1", time(9, 20), None)]
    moved = breaks.schedule(SUPERVISOR, "T1", MONDAY, "11:00", 45)
    assert (moved.start, moved.minutes, moved.by) == (time(11), 45, "S1")
    assert [b.id for b in breaks.day_breaks(MONDAY)] == [moved.id]  # the rota's break is replaced
    again = breaks.schedule(SUPERVISOR, "T1", MONDAY, "11:30", 45, replaces=moved.id)  # moved once more
    assert [(b.id, b.start) for b in breaks.day_breaks(MONDAY)] == [(again.id, time(11, 30))]
    moved = again
    other = breaks.schedule(SUPERVISOR, "T2", MONDAY, "23:30", 60)  # across midnight
    breaks.cancel(SUPERVISOR, MONDAY, moved.id)
    assert [b.id for b in breaks.day_breaks(MONDAY)] == [other.id]
    assert [b.staff_id for b in breaks.day_breaks(MONDAY + timedelta(days=1))] == ["T1"]  # Tuesday: the rota
    with store.read_session() as session:
        events = session.execute(
            select(EventRow.type, EventRow.station_id, EventRow.seq).where(EventRow.type.like("break_%"))
        ).all()
        audit = session.scalars(select(AuditLogRow.action).order_by(AuditLogRow.seq)).all()
    kinds = ["break_scheduled", "break_scheduled", "break_cancelled", "break_scheduled", "break_cancelled"]
    assert [e.type for e in events] == kinds
    assert all(e.station_id == "ST1" for e in events)
    assert audit == ["break_scheduled", "break_scheduled", "break_scheduled", "break_cancelled"]


def test_only_a_supervisor_sets_breaks_and_only_real_ones(breaks):
    with pytest.raises(PermissionDenied):
        breaks.schedule(TELLER, "T1", MONDAY, "12:00", 30)
    with pytest.raises(PermissionDenied):
        breaks.cancel(TELLER, MONDAY, ROTA_BREAK)
    with pytest.raises(BreakRefused, match="not an active teller"):
        breaks.schedule(SUPERVISOR, "T9", MONDAY, "12:00", 30)
    with pytest.raises(BreakRefused, match="from today"):
        breaks.schedule(SUPERVISOR, "T1", MONDAY - timedelta(days=1), "12:00", 30)
    with pytest.raises(BreakRefused, match="from today"):
        breaks.schedule(SUPERVISOR, "T1", MONDAY + timedelta(days=61), "12:00", 30)
    with pytest.raises(BreakRefused):
        breaks.schedule(SUPERVISOR, "T1", MONDAY, "12:00'; DROP TABLE event;--", 30)
    with pytest.raises(BreakGone, match="no break"):
        breaks.cancel(SUPERVISOR, MONDAY, "brk:nothing")


def _moved_while_the_other_screen_checked(breaks, monkeypatch):
    """One screen moves the rota break to 11:00; the other screen's next check ran before that move was written,
    so it still finds the rota break. Returns the first screen's break."""
    seen_before = breaks.day_breaks(MONDAY)  # both screens show the rota break
    first = breaks.schedule(SUPERVISOR, "T1", MONDAY, "11:00", 30, replaces=ROTA_BREAK)
    real, stale = breaks.day_breaks, [seen_before]
    monkeypatch.setattr(breaks, "day_breaks", lambda day: stale.pop() if stale else real(day))
    return first


def test_a_break_moved_from_two_screens_at_once_is_moved_once(breaks, store, monkeypatch):
    first = _moved_while_the_other_screen_checked(breaks, monkeypatch)
    with pytest.raises(BreakGone, match="did not take effect"):
        breaks.schedule(SUPERVISOR, "T1", MONDAY, "14:00", 30, replaces=ROTA_BREAK)
    monkeypatch.undo()
    # The teller has the first move's break only; the second is in the journal and the audit, and void.
    assert [(b.id, b.start) for b in breaks.day_breaks(MONDAY)] == [(first.id, time(11))]
    with store.read_session() as session:
        kinds = session.scalars(
            select(EventRow.type).where(EventRow.type.like("break_%")).order_by(EventRow.position)
        ).all()
    assert kinds == ["break_scheduled", "break_cancelled"] * 2


def test_a_cancellation_that_comes_after_another_screens_move_is_told_it_did_nothing(breaks, monkeypatch):
    moved = _moved_while_the_other_screen_checked(breaks, monkeypatch)
    with pytest.raises(BreakGone, match="did not take effect"):
        breaks.cancel(SUPERVISOR, MONDAY, ROTA_BREAK)
    monkeypatch.undo()
    assert [b.id for b in breaks.day_breaks(MONDAY)] == [moved.id]  # the move stands: cancel the new break


def test_a_cancellation_that_comes_first_is_not_told_anything(breaks):
    breaks.cancel(SUPERVISOR, MONDAY, ROTA_BREAK)
    assert breaks.day_breaks(MONDAY) == []


def test_a_screen_that_moves_a_break_gone_meanwhile_is_told_so(breaks):
    breaks.cancel(SUPERVISOR, MONDAY, ROTA_BREAK)
    with pytest.raises(BreakGone, match="meanwhile"):
        breaks.schedule(SUPERVISOR, "T1", MONDAY, "14:00", 30, replaces=ROTA_BREAK)
    assert breaks.day_breaks(MONDAY) == []


def test_the_overview_warns_before_a_break_that_leaves_a_category_without_a_counter(service, staff, clock):
    rota = (RotaBreak("T1", frozenset(range(5)), time(9, 40), 30),)
    supervisor = SupervisorService(service, AlertSettings(), StaffingSettings(rota=rota), SUPERVISOR)
    # 09:00: the break at 09:40 is more than 30 minutes away.
    assert not [a for a in supervisor.overview().alerts if a.kind is AlertKind.BREAK_COVER]
    clock.advance(10 * 60)  # 09:10
    (alert,) = [a for a in supervisor.overview().alerts if a.kind is AlertKind.BREAK_COVER]
    # C1 is the only counter for cash; transfers keep C2.
    assert (alert.facts["category"], alert.facts["open_during"], alert.facts["staff_id"]) == ("CASH", 0, "T1")
    supervisor.breaks.schedule(SUPERVISOR, "T1", MONDAY, "10:00", 30)
    assert not [a for a in supervisor.overview().alerts if a.kind is AlertKind.BREAK_COVER]
    clock.advance(25 * 60)  # 09:35
    (alert,) = [a for a in supervisor.overview().alerts if a.kind is AlertKind.BREAK_COVER]
    assert (alert.facts["start"].hour, alert.facts["start"].minute) == (2, 0)  # 10:00 branch time, in UTC


def test_a_misspelt_category_in_the_cover_minimums_is_refused(service):
    with pytest.raises(ConfigError, match="cover.min_open.CAHS"):
        SupervisorService(service, AlertSettings(), StaffingSettings(min_open={"CAHS": 2}), SUPERVISOR)
