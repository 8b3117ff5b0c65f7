"""The supervisor's overview at its edges: live waits, idle counters, the day's turn, charts, settings, a restore."""

from datetime import UTC, datetime, timedelta

import pytest
from staff_sessions import add_accounts, session_of

from models.supervisor.service import SupervisorService
from queueing.core.roles import Role
from queueing.core.tickets import PriorityClass, TransactionLine
from queueing.supervisor.alerts import AlertKind


@pytest.fixture
def supervisor(service):
    actor = session_of("B1", "S1", Role.SUPERVISOR, "ST1")
    add_accounts(service.store, actor)
    return SupervisorService(service, session=actor)


def _overdue(view, code):
    return [a for a in view.alerts if a.kind is AlertKind.OVERDUE and a.subject == code]


def test_an_appointment_checked_in_early_is_not_overdue_before_its_booked_time(service, supervisor, clock):
    """README: an appointment's wait counts from its booked time for the overdue rules too ("a customer who
    came early is early, not late"). Checked in 30 minutes early (the kiosk's window), a LOANS customer (target
    15 min) waits 20 minutes for a time still 10 minutes away: no overdue alert may fire."""
    service.close_counter("C1")
    service.close_counter("C2")  # nobody serves: the ticket just waits
    booked = clock.now() + timedelta(minutes=30)
    service.issue_ticket("LOANS", PriorityClass.APPOINTMENT, appointment_at=booked)
    clock.advance(20 * 60)  # 10 minutes before the booked time
    view = supervisor.overview()
    assert _overdue(view, "LOANS") == []
    loans = next(c for c in view.categories if c.category == "LOANS")
    assert loans.over_target == 0
    # Nor is the customer a miss in the day's service level: they are not late at all.
    assert view.service_level.settled == 0


def test_a_ticket_sent_to_the_end_of_another_queue_still_alerts_when_it_waits_there_too_long(
    service, supervisor, clock
):
    """A customer called at C1 after 1 minute and transferred to the end of the TRANSFER queue waits there 50
    minutes (past TRANSFER's 35-minute maximum): the supervisor must see an overdue alert for TRANSFER."""
    service.close_counter("C2")
    ticket = service.issue_ticket("CASH").ticket
    clock.advance(60)
    service.call_next("C1")
    service.start("C1")
    service.transfer("C1", to_category="TRANSFER", keep_place=False)
    service.close_counter("C1")  # nobody serves TRANSFER now
    clock.advance(50 * 60)
    view = supervisor.overview()
    waiting = {t.id: t for t in view.snapshot.waiting}
    assert ticket.id in waiting
    alerts = _overdue(view, "TRANSFER")
    assert alerts, f"no overdue alert; the screen says it waited {waiting[ticket.id].waited_s:.0f} s"
    assert alerts[0].severity == "critical"
    # The live wait counts in the queue it is in now; the report's wait stays the first call's, from the issue.
    assert (waiting[ticket.id].live_wait_s, waiting[ticket.id].waited_s) == (50 * 60, 60)
    assert alerts[0].facts["longest_s"] == 50 * 60
    # Settled by its first call (within CASH's target): no miss in the day's service level for the second wait.
    assert (view.service_level.within, view.service_level.settled) == (1, 1)


def _idle(view, counter_id):
    return [a for a in view.alerts if a.kind is AlertKind.IDLE_COUNTER and a.subject == counter_id]


def test_no_idle_alert_for_a_counter_that_cannot_call_the_only_ticket_waiting(service, supervisor, clock):
    """A CASH customer sent by C1's teller to counter 2 by name waits for counter 2 alone (C2 is busy). C1 is
    free but cannot call that ticket: "counter 1 idle while 1 of its customers wait" is a false alarm."""
    service.issue_ticket("CASH")
    service.issue_ticket("TRANSFER")
    service.call_next("C2")  # C2 busy with B001
    service.start("C2")
    service.call_next("C1")  # C1 takes A001 ...
    service.start("C1")
    service.transfer("C1", to_counter="C2")  # ... and sends it to counter 2 by name
    supervisor.overview()  # C1 is seen free from now
    clock.advance(5 * 60)
    # C1 really has nothing to call.
    assert service.snapshot("C1").waiting == ()
    view = supervisor.overview()
    assert _idle(view, "C1") == [], view.alerts


def test_an_idle_counter_with_a_late_customer_it_would_call_is_flagged(service, supervisor, clock):
    """Fair service gives a free counter any ticket past its category's any-counter limit (policy.late_key): a window
    standing free while a late customer it would call at F1 waits is idle, whatever its profile."""
    fx = service.issue_ticket("FX").ticket  # nobody's profile has FX
    supervisor.overview()  # C1 and C2 seen free from now
    clock.advance(20 * 60)  # past FX's target (12 min): any counter calls it now
    assert [t.id for t in service.snapshot("C1").waiting] == [fx.id]  # C1's F1 would call it
    view = supervisor.overview()
    idle = [a for a in view.alerts if a.kind is AlertKind.IDLE_COUNTER and a.subject == "C1"]
    assert idle, f"C1 free for 20 min, the late FX customer waiting for it: alerts {view.alerts}"


def test_the_screen_does_not_show_yesterdays_figures_as_today_before_the_first_ticket(service, supervisor, clock):
    """Day 1: three customers served. Day 2, 08:55 local, before the kiosk issued anything: the screen's "served
    today" and "served within target today" must be today's (nothing yet), not yesterday's."""
    for _ in range(3):
        service.issue_ticket("CASH")
        service.call_next("C1")
        service.start("C1")
        clock.advance(120)
        service.finish("C1", [TransactionLine("CASH_DEPOSIT")])
    assert supervisor.overview().served_today == 3
    # The next morning (09:00 Shanghai was 01:00 UTC the day before).
    clock.advance((datetime(2026, 11, 24, 0, 55, tzinfo=UTC) - clock.now()).total_seconds())
    view = supervisor.overview()
    assert view.served_today == 0
    assert view.service_level.settled == 0


def test_the_queue_length_chart_ends_at_the_number_waiting_now(service, supervisor, clock):
    """The Today's charts queue-length line counts +1 at issue and -1 at the first call, so a customer a teller
    sent back to a queue (transfer) is gone from it for good: the chart says 0 waiting while the Live tab and the
    journal say 1."""
    service.issue_ticket("CASH")
    clock.advance(60)
    service.call_next("C1")
    service.start("C1")
    service.transfer("C1", to_category="TRANSFER", keep_place=False)
    clock.advance(60)
    waiting_now = len(supervisor.overview().snapshot.waiting)
    assert waiting_now == 1
    charts = supervisor.day_charts()
    assert charts.queue_length[-1][1] == waiting_now, charts.queue_length
    # Called again at C2: out of the queue again; a second transfer and call count once more each.
    service.call_next("C2")
    service.start("C2")
    service.transfer("C2", to_category="CASH", keep_place=False)
    clock.advance(60)
    assert supervisor.day_charts().queue_length[-1][1] == 1
    service.call_next("C1")
    clock.advance(60)
    assert supervisor.overview().snapshot.waiting == ()
    steps = supervisor.day_charts().queue_length
    assert steps[-1][1] == 0 and min(n for _, n in steps) == 0, steps


GOLD = (
    '\n[[category]]\ncode = "GOLD"\nprefix = "G"\ntarget_wait_min = 10\nmax_wait_min = 30\n'
    'typical_service_min = 5\nnames = { en = "Gold coins", zh_CN = "金币", ko = "금화", es = "Monedas de oro" }\n'
)


def _gold_at_counter_1(store, supervisor, clock, tmp_path):
    """A branch adds a "GOLD" service on the Settings tab for a campaign; a GOLD customer is called at counter 1."""
    import shutil

    from models.branch.service import BranchService
    from models.supervisor.settings_files import SettingsEditor, default_settings_files
    from queueing.config.files import RESOURCES
    from queueing.core.categories import load_branch_config

    folder = tmp_path / "settings"
    folder.mkdir()
    for file in default_settings_files().values():
        shutil.copy(RESOURCES / file.path.name, folder / file.path.name)
    editor = SettingsEditor(default_settings_files(folder), supervisor.session, store)
    original = editor.read("categories")
    editor.save("categories", original + GOLD)
    with_gold = BranchService(store, load_branch_config(folder / "categories.toml"), "B1", "ST1", clock)
    with_gold.run(lambda c: c.configure_counter("C1", "1", {"CASH": 1, "GOLD": 1}))
    with_gold.issue_ticket("GOLD")
    with_gold.call_next("C1")
    return folder, editor, original, with_gold


def test_dropping_a_category_in_settings_while_a_ticket_or_a_counter_uses_it_is_refused(
    store, supervisor, clock, tmp_path
):
    """Removing GOLD again while its customer is at counter 1 would make every snapshot name a category nobody
    knows: the save is refused, naming the code, until no open ticket and no counter's profile uses it."""
    from queueing.core.errors import CategoryInUse

    folder, editor, original, with_gold = _gold_at_counter_1(store, supervisor, clock, tmp_path)
    with pytest.raises(CategoryInUse, match="category.GOLD: still in use by 1 open ticket") as refused:
        editor.save("categories", original)  # the campaign is over
    assert (refused.value.category, refused.value.tickets, refused.value.counters) == ("GOLD", 1, ("1",))
    assert "GOLD" in editor.read("categories")  # not saved
    with_gold.start("C1")
    with_gold.finish("C1", [TransactionLine("CASH_DEPOSIT")])
    with pytest.raises(CategoryInUse, match="counter") as refused:
        editor.save("categories", original)
    assert (refused.value.tickets, refused.value.counters) == (0, ("1",))
    with_gold.run(lambda c: c.configure_counter("C1", "1", {"CASH": 1}))
    editor.save("categories", original)
    assert "GOLD" not in editor.read("categories")


def test_dropping_a_category_with_booked_appointments_is_refused(store, service, supervisor, clock, tmp_path):
    """A customer booked in GOLD for tomorrow (Appointments tab): dropping GOLD would leave the check-in issuing a
    ticket in a category the branch no longer knows. Refused, naming the appointment, until it is cancelled."""
    import shutil

    from customer_fixtures import add_customer
    from sqlalchemy import update

    from models.appointments.tables import AppointmentRow
    from models.branch.service import BranchService
    from models.supervisor.settings_files import SettingsEditor, default_settings_files
    from queueing.config.files import RESOURCES
    from queueing.core.categories import load_branch_config
    from queueing.core.errors import CategoryInUse

    folder = tmp_path / "settings"
    folder.mkdir()
    for file in default_settings_files().values():
        shutil.copy(RESOURCES / file.path.name, folder / file.path.name)
    editor = SettingsEditor(default_settings_files(folder), supervisor.session, store)
    original = editor.read("categories")
    editor.save("categories", original + GOLD)
    with_gold = BranchService(store, load_branch_config(folder / "categories.toml"), "B1", "ST1", clock)
    with_gold.ensure_branch("Test branch")  # the store learns GOLD
    customer = add_customer(store, family="Pérez", given="Ana", id_number="12345678Z", phone="612345678")
    tomorrow = clock.now() + timedelta(days=1)
    with store.write_session() as session:  # booked on the Appointments tab for tomorrow
        row = AppointmentRow(
            branch_id="B1", customer_id=customer, category="GOLD", business_date=tomorrow.date(), start_at=tomorrow,
            duration_min=15, status="booked", created_by="S1", created_at=clock.now(),
        )
        session.add(row)
        session.flush()
        booked = f"{row.id} ({tomorrow.date().isoformat()})"
    with pytest.raises(CategoryInUse, match="appointment") as refused:
        editor.save("categories", original)  # GOLD dropped while a customer is booked in it
    assert (refused.value.tickets, refused.value.counters, refused.value.appointments) == (0, (), (booked,))
    with store.write_session() as session:
        session.execute(update(AppointmentRow).values(status="cancelled"))
    editor.save("categories", original)
    assert "GOLD" not in editor.read("categories")


def test_a_category_dropped_by_hand_while_in_use_does_not_blind_the_screen(store, supervisor, clock, tmp_path):
    """categories.toml changed on disk by hand (no editor to refuse it) while a GOLD customer is at counter 1:
    the wait estimate, the overview and the alerts keep working at the next start."""
    from models.branch.service import BranchService
    from queueing.core.categories import load_branch_config

    folder, _editor, original, _ = _gold_at_counter_1(store, supervisor, clock, tmp_path)
    (folder / "categories.toml").write_text(original, encoding="utf-8")
    restarted = BranchService(store, load_branch_config(folder / "categories.toml"), "B1", "ST9", clock)
    restarted.issue_ticket("CASH")
    clock.advance(40 * 60)
    view = SupervisorService(restarted).overview()
    assert [c.current.category for c in view.snapshot.counters if c.id == "C1" and c.current] == ["GOLD"]
    assert view.snapshot.waiting[0].estimate_mean_s is not None


def test_a_branch_store_restored_from_a_backup_is_not_shown_as_live(store, store_path, clock, tmp_path):
    """The branch's store is put back from this morning's backup while the queue screen runs (a disk failure,
    an administrator's restore). The screen keeps its own state past the restored journal's end: it shows the
    five tickets the backup does not hold as waiting, and it never shows the three tickets issued after the
    restore (their journal positions are at or below the one it had reached). No word that anything is off."""
    import sqlite3

    from models.branch.service import BranchService
    from queueing.core.categories import load_branch_config

    cfg = load_branch_config()
    station = BranchService(store, cfg, "B1", "ST1", clock)
    station.ensure_branch("Test branch")
    station.issue_ticket("CASH")
    backup = tmp_path / "backup.db"
    with sqlite3.connect(store_path) as src, sqlite3.connect(backup) as dst:
        src.backup(dst)
    for _ in range(5):
        station.issue_ticket("CASH")
    screen = SupervisorService(BranchService(store, cfg, "B1", "SUP", clock))
    assert len(screen.overview().snapshot.waiting) == 6
    with sqlite3.connect(backup) as src, sqlite3.connect(store_path) as dst:
        src.backup(dst)  # the restore
    kiosk = BranchService(store, cfg, "B1", "ST2", clock)
    for _ in range(3):
        kiosk.issue_ticket("TRANSFER")
    in_store = sorted(t.number for t in kiosk.snapshot().waiting)
    assert in_store == ["A001", "B001", "B002", "B003"]
    view = screen.overview()
    assert sorted(t.number for t in view.snapshot.waiting) == in_store
    assert view.store_restored_at == clock.now()  # the screen says so (ui/supervisor/restored_notice.py)
    # Noticed once: later looks are of the restored journal, and its events after are read as usual.
    kiosk.issue_ticket("TRANSFER")
    view = screen.overview()
    assert len(view.snapshot.waiting) == 5 and view.store_restored_at is not None


def test_a_restored_store_whose_journal_grew_past_the_screens_position_is_noticed_too(
    store, store_path, clock, tmp_path
):
    """After the restore the kiosk wrote more than the backup lost: the journal reaches past the screen's position
    again, but holds other events there. The screen notices by the event's id, not by the journal's end alone."""
    import sqlite3

    from models.branch.service import BranchService
    from queueing.core.categories import load_branch_config

    cfg = load_branch_config()
    station = BranchService(store, cfg, "B1", "ST1", clock)
    station.ensure_branch("Test branch")
    station.issue_ticket("CASH")
    backup = tmp_path / "backup.db"
    with sqlite3.connect(store_path) as src, sqlite3.connect(backup) as dst:
        src.backup(dst)
    station.issue_ticket("CASH")
    screen = SupervisorService(BranchService(store, cfg, "B1", "SUP", clock))
    assert len(screen.overview().snapshot.waiting) == 2
    with sqlite3.connect(backup) as src, sqlite3.connect(store_path) as dst:
        src.backup(dst)
    kiosk = BranchService(store, cfg, "B1", "ST2", clock)
    for _ in range(4):
        kiosk.issue_ticket("TRANSFER")
    view = screen.overview()
    assert sorted(t.number for t in view.snapshot.waiting) == ["A001", "B001", "B002", "B003", "B004"]
    assert view.store_restored_at is not None
