"""The supervisor's Sync tab lists conflicts and refused events, and marks a conflict resolved by an event."""

import pytest
from poison_events import counter_named_with_nul
from PySide6.QtCore import Qt
from screens_harness import OFFSCREEN_NOISE, Branch, Recorder
from sqlalchemy import select
from staff_sessions import session_of
from uuid6 import uuid7

from models.store.tables import EventRow
from models.supervisor.service import SupervisorService
from models.sync.refusal_codes import refusal_code
from models.sync.upstream import quarantine
from queueing.core.events import Event, EventType
from queueing.core.roles import PermissionDenied, Role
from queueing.supervisor.alerts import AlertSettings
from queueing.supervisor.staffing import StaffingSettings
from ui.supervisor.sync import SyncIssuesPanel
from ui.supervisor.window import SupervisorWindow

pytestmark = pytest.mark.qt_log_ignore(OFFSCREEN_NOISE)
SUPERVISOR = session_of("DEMO", "S2001", Role.SUPERVISOR, "TEST")
TELLER = session_of("DEMO", "T1001", Role.TELLER, "TEST")


@pytest.fixture
def branch(tmp_path):
    b = Branch(tmp_path)
    b.open("C1")
    b.open("C2", "T1002")
    yield b
    b.close()


def _double_call(branch: Branch) -> str:
    """A ticket called at C1 here, and at C2 by a station that was offline (its event arrives by sync)."""
    ticket = branch.other.issue_ticket("CASH").ticket
    branch.other.call_next("C1", "T1001")
    late = Event(
        str(uuid7()),
        branch.branch.branch_id,
        "ST-OFFLINE",
        1,
        "000000000000001-00000-ST-OFFLINE",
        EventType.TICKET_CALLED,
        branch.clock.now(),
        {"ticket_id": ticket.id, "counter_id": "C2", "staff_id": "T1002"},
    )
    branch.branch.record_many([late])
    return ticket.id


def _window(qtbot, branch):
    supervisor = SupervisorService(branch.branch, AlertSettings(), StaffingSettings(closing_hour=12), SUPERVISOR)
    panel = SyncIssuesPanel(supervisor)
    window = SupervisorWindow(supervisor, branch.i18n, None, Recorder(), "Demo", poll_ms=200, sync_issues=panel)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window, panel


def test_sync_tab_lists_the_conflict_and_a_refused_event_then_resolves(qtbot, branch):
    ticket_id = _double_call(branch)
    with branch.store.write_session() as session:
        bad = counter_named_with_nul(branch.other.state, branch.other.ctx)
        line = "DataError: PostgreSQL text fields cannot contain NUL (0x00) bytes"
        quarantine(session, bad, line, branch.clock.now(), refusal_code(bad, ValueError(line)))
    window, panel = _window(qtbot, branch)
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.issues is not None, timeout=3000)
    assert window.tabs.tabText(window.tabs.indexOf(panel)) == "Sync"
    (conflict,) = panel.issues.conflicts
    assert conflict.ticket_id == ticket_id and set(conflict.stations) >= {"TEST-OTHER", "ST-OFFLINE"}
    # Counters by their names (C2 is "2"), the event types in words: nothing the supervisor has to decode.
    assert panel.conflicts.data(panel.conflicts.index(0, 3)) == (
        "Called at counter 2 while the ticket was at counter 1 (Called)"
    )
    # Tellers by the name their account has, with the id that tells two of one name apart.
    assert "Ticket called · counter 2 · Kim Min-jun (T1002)" in panel.conflicts.data(panel.conflicts.index(0, 4))
    assert panel.quarantine.data(panel.quarantine.index(0, 2)) == "Counter set up"
    assert panel.quarantine.data(panel.quarantine.index(0, 3)) == (
        "A text in it holds a character the branch server cannot store"
    )
    assert panel.status.text() == "1 open conflict(s), 1 refused event(s)"
    panel.resolve_with(ticket_id, "customer served at C1; C2 called the next one")
    qtbot.waitUntil(lambda: panel.issues.conflicts == (), timeout=3000)
    assert branch.branch.ticket(ticket_id).conflict is False
    window.close()


def test_resolving_needs_a_note_and_the_supervisor_role(qtbot, branch):
    ticket_id = _double_call(branch)
    teller = SupervisorService(branch.branch, AlertSettings(), StaffingSettings(), TELLER)
    with pytest.raises(PermissionDenied):
        teller.resolve_conflict(ticket_id, "looked fine")
    with pytest.raises(PermissionDenied):
        SupervisorService(branch.branch, AlertSettings(), StaffingSettings()).resolve_conflict(ticket_id, "x")
    supervisor = SupervisorService(branch.branch, AlertSettings(), StaffingSettings(), SUPERVISOR)
    from queueing.core.errors import AlreadyResolved, DomainError

    with pytest.raises(DomainError, match="needs a note"):
        supervisor.resolve_conflict(ticket_id, "  ")
    supervisor.resolve_conflict(ticket_id, "sorted")
    with pytest.raises(AlreadyResolved, match="no open conflict"):
        supervisor.resolve_conflict(ticket_id, "again")
    with branch.store.read_session() as session:
        signed = session.scalars(
            select(EventRow.payload["staff_id"].as_string()).where(EventRow.type == "conflict_resolved")
        ).all()
    assert signed == ["S2001"]  # the session's supervisor, never a name the caller passes


def test_a_store_out_of_reach_is_one_line_on_the_tab(qtbot, branch, monkeypatch, caplog):
    from models.store.errors import StoreError

    supervisor = SupervisorService(branch.branch, AlertSettings(), StaffingSettings(), SUPERVISOR)
    panel = SyncIssuesPanel(supervisor)
    qtbot.addWidget(panel)

    def unreachable():
        raise StoreError("the branch database cannot be opened: disk I/O error")

    monkeypatch.setattr(supervisor, "sync_issues", unreachable)
    panel.refresh()
    qtbot.waitUntil(lambda: "disk I/O error" in panel.status.text(), timeout=3000)
    assert "\n" not in panel.status.text()
    assert panel.status.text().startswith("The branch database cannot be read:")
    assert "a read failed" in caplog.text


def _double_sign_in(branch: Branch, station: str = "ST-OFFLINE") -> str:
    """T1001 signed in at C1 here, and T1002 at C1 on a station that was offline (its event arrives by sync)."""
    branch.other.sign_in("C1", "T1001")
    late = Event(
        str(uuid7()),
        branch.branch.branch_id,
        station,
        1,
        f"000000000000001-00000-{station}",
        EventType.COUNTER_SIGNED_IN,
        branch.clock.now(),
        {"counter_id": "C1", "staff_id": "T1002"},
    )
    branch.branch.record_many([late])
    return late.id


def test_sync_tab_lists_a_counter_two_tellers_signed_in_at_and_resolves_it(qtbot, branch):
    clash_id = _double_sign_in(branch)
    window, panel = _window(qtbot, branch)
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.issues is not None, timeout=3000)
    (conflict,) = panel.issues.conflicts
    assert conflict.key == clash_id and conflict.ticket_id == ""
    assert conflict.stations == ("TEST-OTHER", "ST-OFFLINE")
    assert panel.conflicts.headerData(0, Qt.Orientation.Horizontal) == "Ticket, counter or break"
    assert panel.conflicts.data(panel.conflicts.index(0, 0)) == "Counter 1"
    assert panel.conflicts.data(panel.conflicts.index(0, 3)).startswith(
        "Teller Kim Min-jun (T1002) signed in at counter 1 on station ST-OFFLINE at "
    )
    assert "while teller Li Na (T1001) was signed in there" in panel.conflicts.data(panel.conflicts.index(0, 3))
    assert panel.selected_ticket() == clash_id
    panel.resolve_with(clash_id, "T1002 moved to C2")
    qtbot.waitUntil(lambda: panel.issues.conflicts == (), timeout=3000)
    # The counter stayed with the teller whose sign-in arrived first; resolving twice is refused.
    assert next(c for c in branch.branch.snapshot().counters if c.id == "C1").signed_in.staff_id == "T1001"
    supervisor = SupervisorService(branch.branch, AlertSettings(), StaffingSettings(), SUPERVISOR)
    from queueing.core.errors import AlreadyResolved
    from ui.common.strings import error_text

    # Said as what it is (another supervisor was first), not "unknown ticket", in the supervisor's language.
    with pytest.raises(AlreadyResolved, match="resolved already") as refused:
        supervisor.resolve_conflict(clash_id, "again")
    assert error_text(refused.value) == "Someone marked this resolved already; the list shows it at its next refresh."
    window.close()


def test_sync_tab_lists_a_break_moved_offline_after_another_supervisor_moved_it(qtbot, branch):
    from datetime import time

    from models.supervisor.breaks import BreakService
    from queueing.supervisor.break_plan import RotaBreak, schedule_break

    rota = (RotaBreak("T1001", frozenset(range(7)), time(12), 30),)
    service = BreakService(branch.branch, rota)
    day = service.today()
    rota_break = f"rota:T1001:{day}"
    service.schedule(SUPERVISOR, "T1001", day, "13:00", 30, replaces=rota_break)
    # The same break moved on a station that was offline: its move arrives by sync, after the one above.
    kind, payload = schedule_break("T1001", day, "14:00", 30, "A3001", replaces=rota_break)
    now = branch.clock.now()
    late = [
        Event(str(uuid7()), "DEMO", "ST-OFFLINE", seq, f"00000000000000{seq}-00000-ST-OFFLINE", k, now, p)
        for seq, (k, p) in enumerate(
            [(kind, payload), (EventType.BREAK_CANCELLED, {"break_id": rota_break, "by": "A3001"})], start=1
        )
    ]
    branch.branch.record_many(late)
    window, panel = _window(qtbot, branch)
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.issues is not None, timeout=3000)
    (conflict,) = panel.issues.conflicts
    assert conflict.key == late[0].id and conflict.stations == ("TEST-SCREEN", "ST-OFFLINE")
    assert panel.conflicts.data(panel.conflicts.index(0, 0)) == "Break of Li Na (T1001)"
    said = panel.conflicts.data(panel.conflicts.index(0, 3))
    assert said.startswith("Admin (A3001) moved this break on station ST-OFFLINE at ")
    assert ", after Wang Fang (S2001) had moved or cancelled it on station TEST-SCREEN at " in said
    assert said.endswith("the first change stands and this move did nothing")
    facts = panel.conflicts.data(panel.conflicts.index(0, 4)).splitlines()
    assert facts[0].endswith("Break scheduled · 13:00 · Wang Fang (S2001)")  # the move that stands, where to
    assert facts[1].endswith("ST-OFFLINE · Break scheduled · 14:00 · Admin (A3001)")
    assert [b.start for b in service.day_breaks(day)] == [time(13)]  # the plan keeps the first move
    panel.resolve_with(late[0].id, "told the other supervisor: 13:00 stands")
    qtbot.waitUntil(lambda: panel.issues.conflicts == (), timeout=3000)
    window.close()


def test_a_list_that_cannot_be_read_is_said_in_words_not_as_the_drivers_message(qtbot):
    import psycopg
    from sqlalchemy.exc import OperationalError

    from ui.supervisor.failures import read_failure_text

    lost = OperationalError("SELECT 1", {}, psycopg.OperationalError("server closed the connection unexpectedly"))
    said = "The branch server cannot be reached. Nothing was changed; the screen tries again."
    assert read_failure_text(lost) == said
    assert read_failure_text(ValueError("x")) == "Unexpected error (ValueError); it was logged."


@pytest.mark.parametrize(
    ("language", "one", "two"),
    [
        ("en", "counter 1", "counter 2"),
        ("zh_CN", "1 号窗口", "2 号窗口"),
        ("ko", "1번 창구", "2번 창구"),
        ("es", "la ventanilla 1", "la ventanilla 2"),
    ],
)
def test_sync_tab_says_what_clashed_in_the_supervisors_language(qtbot, branch, language, one, two):
    _double_call(branch)
    _double_sign_in(branch, "ST-APART")
    branch.i18n.set_language(language)
    window, panel = _window(qtbot, branch)
    window.tabs.setCurrentWidget(panel)
    qtbot.waitUntil(lambda: panel.issues is not None, timeout=3000)
    assert panel.issues.counter_names["C1"] == "1"
    call, clash = (panel.conflicts.data(panel.conflicts.index(row, 3)) for row in (0, 1))
    assert two in call and one in call and one in clash
    for text in (call, clash, panel.conflicts.data(panel.conflicts.index(0, 4))):
        assert "C1" not in text and "C2" not in text and "ticket_called" not in text
        assert language == "en" or "while" not in text
    # The sentence wraps in its share of the table; the facts beside it keep room to read (1280 px wide window).
    view = panel.conflicts_view
    assert view.columnWidth(3) <= view.viewport().width() * 0.45 and view.columnWidth(4) >= 320
    window.close()
