import shutil
from datetime import UTC, date, datetime, timedelta

import pytest
from staff_sessions import add_accounts, session_of

from models.branch.service import BranchService
from models.supervisor.service import HISTOGRAM_BINS, SupervisorService
from models.supervisor.settings_files import SettingsEditor, default_settings_files
from queueing.config.files import RESOURCES
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.errors import ConfigError, InvalidTransition
from queueing.core.roles import PermissionDenied, Role
from queueing.core.tickets import TransactionLine
from queueing.supervisor.alerts import AlertKind
from queueing.supervisor.staffing import StaffingSettings


@pytest.fixture
def supervisor(service):
    return SupervisorService(service, session=_signed_in(service, "S1", Role.SUPERVISOR))


def _signed_in(service, staff_id, role):
    actor = session_of("B1", staff_id, role, "ST1")
    add_accounts(service.store, actor)
    return actor


def serve(service, clock, counter, wait_min, service_min):
    clock.advance(wait_min * 60)
    service.call_next(counter)
    service.start(counter)
    clock.advance(service_min * 60)
    service.finish(counter, [TransactionLine("CASH_DEPOSIT")])


def test_overview_counts_waiting_per_category_and_the_day_service_level(service, supervisor, clock):
    service.issue_ticket("CASH")
    service.issue_ticket("CASH")
    service.issue_ticket("TRANSFER")
    serve(service, clock, "C1", 2, 4)  # A001 waited 2 min: within the 10-minute target
    clock.advance(10 * 60)  # A002 has waited 16 min now: a miss already
    view = supervisor.overview()
    cash = next(c for c in view.categories if c.category == "CASH")
    assert (cash.waiting, cash.longest_number, cash.over_target) == (1, "A002", 1)
    assert cash.longest_s == pytest.approx(16 * 60)
    assert cash.share_over_target == 1.0
    # Settled: A001 within, A002 and B001 (16 min > 12 min target) missed.
    assert (view.service_level.within, view.service_level.settled) == (1, 3)
    assert view.served_today == 1
    assert {(a.kind, a.subject) for a in view.alerts} >= {(AlertKind.OVERDUE, "CASH"), (AlertKind.OVERDUE, "TRANSFER")}


def test_day_charts_hold_the_queue_histogram_buckets_and_teller_times(service, supervisor, clock):
    for _ in range(3):
        service.issue_ticket("CASH")
    serve(service, clock, "C1", 5, 3)  # A001: 5 min wait, 3 min service, teller T1
    serve(service, clock, "C1", 0, 5)  # A002: waited 8 min
    charts = supervisor.day_charts(date(2026, 11, 23))
    # 09:00 local: three issued; then one called at 09:05 and one at 09:08.
    assert charts.queue_length == ((9.0, 3), (9 + 5 / 60, 2), (9 + 8 / 60, 1))
    assert len(charts.wait_histogram) == HISTOGRAM_BINS
    assert charts.wait_histogram[2] == 1 and charts.wait_histogram[4] == 1  # 5 min -> 4-6 bin, 8 min -> 8-10 bin
    assert charts.buckets[0] == 9.0 and charts.arrivals[0] == 3 and sum(charts.served) == 2
    (teller,) = charts.tellers
    assert (teller.staff_id, teller.served, teller.mean_service_s) == ("T1", 2, pytest.approx(240))
    # A003 still waits: 13 minutes so far (09:00 to 09:13), in the 12-14 bin of its own series, not among the called.
    assert charts.still_waiting[6] == 1 and sum(charts.still_waiting) == 1 and sum(charts.wait_histogram) == 2


def test_arrival_history_takes_the_same_weekday_of_the_last_four_weeks(store, tmp_path):
    clock = ManualClock(datetime(2026, 10, 26, 2, 0, tzinfo=UTC))  # Monday 10:00 in Shanghai
    branch = BranchService(store, load_branch_config(), "B1", "ST1", clock)
    branch.ensure_branch("Test branch")
    branch.run(lambda c: c.configure_counter("C1", "1", {"CASH": 1}))
    for week in range(4):
        for _ in range(week + 1):
            branch.issue_ticket("CASH")
        branch.issue_ticket("LOANS")
        clock.advance(timedelta(days=1).total_seconds())
        branch.issue_ticket("CASH")  # a Tuesday: not counted
        clock.advance(timedelta(days=6).total_seconds())
    supervisor = SupervisorService(branch, staffing_settings=StaffingSettings(opening_hour=9, closing_hour=12))
    history = supervisor.arrival_history(date(2026, 11, 23))
    assert set(history) == {10}
    assert history[10].arrivals == {"CASH": 1 + 2 + 3 + 4, "LOANS": 4} and history[10].days == 4
    day, rows = supervisor.staffing_advice(date(2026, 11, 23), check=False)
    assert day == date(2026, 11, 23) and [r.hour for r in rows] == [9, 10, 11]
    assert rows[1].arrivals_per_hour == 14 / 4 and rows[1].advised >= 1 and rows[0].advised == 0


def test_next_working_day_follows_the_rota(supervisor):
    assert supervisor.next_working_day(date(2026, 11, 27)) == date(2026, 11, 30)  # Friday -> Monday
    supervisor.staffing_settings = StaffingSettings(planned={5: {9: 2}})
    assert supervisor.next_working_day(date(2026, 11, 23)) == date(2026, 11, 28)  # only Saturdays planned


def test_supervisor_moves_a_waiting_ticket_to_another_queue(service, supervisor):
    ticket = service.issue_ticket("CASH").ticket
    supervisor.move_ticket(ticket.id, to_category="TRANSFER")
    moved = service.ticket(ticket.id)
    assert moved.category == "TRANSFER" and moved.status == "waiting" and moved.number == ticket.number
    # C2 serves only transfers: it now calls the moved ticket.
    assert service.call_next("C2").ticket.id == ticket.id
    with pytest.raises(InvalidTransition):
        supervisor.move_ticket(ticket.id, to_category="CASH")


def test_a_second_supervisors_move_of_a_ticket_moved_meanwhile_is_refused(service, supervisor):
    """Two supervisors chose a move on the same screen state: the second silently undid the first."""
    from queueing.core.errors import MovedMeanwhile

    other = SupervisorService(service, session=_signed_in(service, "S2", Role.SUPERVISOR))
    ticket = service.ticket(service.issue_ticket("CASH").ticket.id)
    supervisor.move_ticket(ticket.id, to_category="TRANSFER", seen_transfers=ticket.transfers)
    with pytest.raises(MovedMeanwhile, match=f"ticket {ticket.number} was moved since it was shown"):
        other.move_ticket(ticket.id, to_category="FX", seen_transfers=ticket.transfers)
    assert service.ticket(ticket.id).category == "TRANSFER"
    now = service.ticket(ticket.id)  # looked again: the move goes through
    other.move_ticket(ticket.id, to_category="FX", seen_transfers=now.transfers)
    assert service.ticket(ticket.id).category == "FX"


def test_supervisor_opens_and_closes_counters_an_administrator_reprofiles_them(service, supervisor):
    supervisor.close_counter("C2")
    with pytest.raises(PermissionDenied):  # a counter's profile is the branch's set-up: administrators only
        supervisor.configure_counter("C2", "2", {"FX": 1, "CASH": 2})
    admin = SupervisorService(service, session=_signed_in(service, "A1", Role.ADMINISTRATOR))
    admin.configure_counter("C2", "2", {"FX": 1, "CASH": 2})
    supervisor.open_counter("C2", "T9")
    counter = next(c for c in service.snapshot().counters if c.id == "C2")
    assert counter.status == "open" and counter.profile == {"FX": 1, "CASH": 2} and counter.staff_id == "T9"


def test_settings_are_saved_only_when_valid(tmp_path):
    for file in default_settings_files().values():
        shutil.copy(RESOURCES / file.path.name, tmp_path / file.path.name)
    with pytest.raises(PermissionDenied):  # nobody signed in, or a teller, saves nothing
        SettingsEditor(default_settings_files(tmp_path)).save("categories", "")
    with pytest.raises(PermissionDenied):
        teller = session_of("B1", "T1", Role.TELLER, "ST1")
        SettingsEditor(default_settings_files(tmp_path), teller).save("categories", "")
    editor = SettingsEditor(default_settings_files(tmp_path), session_of("B1", "S1", Role.SUPERVISOR, "ST1"))
    text = editor.read("categories")
    with pytest.raises(ConfigError, match="prefix"):
        editor.save("categories", text.replace('prefix = "B"', 'prefix = "A"'))
    assert editor.read("categories") == text
    editor.save("categories", text.replace("target_wait_min = 10", "target_wait_min = 8"))
    assert load_branch_config(tmp_path / "categories.toml").categories["CASH"].target_wait_s == 480
    types = editor.read("transaction_types")
    with pytest.raises(ConfigError, match="unknown categories"):
        editor.save("transaction_types", types.replace('"CASH"', '"NOPE"', 1))
    with pytest.raises(ConfigError):
        editor.save("crosssell_rules", "[[rule]]\ncode = 1")
    with pytest.raises(ConfigError, match="no settings file"):
        editor.read("passwords")


def test_a_teller_may_watch_but_not_act(service):
    from queueing.core.roles import PermissionDenied, Role

    teller = SupervisorService(service, session=_signed_in(service, "T1", Role.TELLER))
    assert teller.overview().snapshot.counters  # watching is allowed
    ticket = service.issue_ticket("CASH").ticket
    for action in (
        lambda: teller.close_counter("C2"),
        lambda: teller.open_counter("C2"),
        lambda: teller.configure_counter("C2", "2", {"CASH": 1}),
        lambda: teller.move_ticket(ticket.id, to_category="TRANSFER"),
        teller.check_settings_edit,
    ):
        with pytest.raises(PermissionDenied):
            action()
    SupervisorService(service, session=_signed_in(service, "A1", Role.ADMINISTRATOR)).close_counter("C2")


@pytest.mark.parametrize(
    ("zone", "day"),
    [
        ("Asia/Shanghai", date(2026, 11, 23)),
        ("Europe/Madrid", date(2026, 3, 29)),  # clocks go forward at 02:00
        ("Europe/Madrid", date(2026, 10, 25)),  # and back at 03:00
        ("America/Santiago", date(2026, 4, 5)),  # back at midnight: the day starts at 23:00 of the day before
    ],
)
def test_the_day_charts_hours_are_the_local_clock_on_every_kind_of_day(supervisor, zone, day):
    """The charts read each row's hour by subtraction from local midnight; it must agree with the zone's clock."""
    from zoneinfo import ZoneInfo

    supervisor.tz = ZoneInfo(zone)
    hour = supervisor._hours_of(day)
    start = datetime.combine(day, datetime.min.time(), tzinfo=ZoneInfo(zone)).astimezone(UTC)
    instants = [start + timedelta(minutes=m, seconds=17, microseconds=900_000) for m in range(-90, 26 * 60, 37)]
    for instant in instants:
        expected = supervisor._hour(instant)
        assert hour(instant) == pytest.approx(expected), instant
        assert hour(instant.replace(tzinfo=None)) == pytest.approx(expected), instant  # as SQLite hands it back


def test_a_call_stamped_before_its_issue_counts_as_no_wait_not_as_the_longest(service, supervisor, clock, store):
    """A calling station whose clock runs behind the issuing one's: the call comes out earlier than the issue.
    Its negative wait fell in the histogram's last bin, "40 min or more"."""
    service.issue_ticket("CASH")
    behind = ManualClock(clock.now() - timedelta(minutes=3))
    BranchService(store, service.config, "B1", "ST2", behind).call_next("C1")
    histogram = supervisor.day_charts().wait_histogram
    assert histogram[0] == 1 and sum(histogram) == 1


@pytest.mark.parametrize("change", ["deactivated", "made a teller"])
def test_a_supervisor_who_is_no_longer_one_saves_no_settings(service, tmp_path, change):
    """The settings files hold the transaction weights piece-rate pay is counted in: the editor checked the
    session's seal and role, never the account behind it."""
    from sqlalchemy import update

    from models.store.tables import StaffRow
    from queueing.core.errors import DomainError

    for file in default_settings_files().values():
        shutil.copy(RESOURCES / file.path.name, tmp_path / file.path.name)
    actor = _signed_in(service, "S1", Role.SUPERVISOR)
    editor = SettingsEditor(default_settings_files(tmp_path), actor, store=service.store)
    text = editor.read("categories")
    changed = text.replace("target_wait_min = 10", "target_wait_min = 8")
    editor.save("categories", changed)
    values = {"active": False} if change == "deactivated" else {"role": "teller"}
    with service.store.write_session() as session:
        session.execute(update(StaffRow).where(StaffRow.id == "S1").values(**values))
    with pytest.raises(DomainError):
        editor.save("categories", text)
    assert editor.read("categories") == changed
