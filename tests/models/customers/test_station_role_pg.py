"""A station's PostgreSQL role (db grant-station): no direct read of customers, look-ups through the functions.

Everything here runs connected as the granted role, on a real server: a plain SELECT is refused,
the masked look-up and the reveal go through the SECURITY DEFINER functions and leave their
rows, and a station runs its commands and syncs as that role.
"""

import json
import secrets
import uuid
from datetime import UTC, date, datetime

import pytest
from clear_customers import clear_names
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from psycopg import errors
from sqlalchemy import exists, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ProgrammingError
from staff_sessions import add_accounts, session_of
from sync_branch import synced
from visits import serve

import main
from models.audit.log import AuditLogRow
from models.branch.service import BranchService
from models.customers.service import CustomerService, RevealField
from models.customers.station_lookups_pg import FUNCTION_SIGNATURES, REVEAL_FUNCTION
from models.customers.tables import CustomerAccessRow
from models.demo.branch_setup import set_up_counter
from models.demo.customers import generate_customers
from models.marketing.rulebook_publish import publish_files
from models.station.open import open_station
from models.station.service import StationService
from models.store.database import open_store
from models.store.tables import EventRow
from models.sync.station_grants import CUSTOMER_TABLES, grant_station
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.roles import PermissionDenied, Role
from queueing.core.tickets import TransactionLine
from queueing.crosssell.rules import load_rules
from queueing.customers.identity_keys import LookupKind
from queueing.customers.tiers import load_tiers

pytestmark = pytest.mark.postgres
KEY = secrets.token_bytes(32)
TELLER = session_of("B1", "T1", Role.TELLER, "ST1")
SUPERVISOR = session_of("B1", "S1", Role.SUPERVISOR, "ST1")
CLOCK_AT = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)


@pytest.fixture
def granted(pg_url):
    """(admin store, the station role's store, role name, demo result) on a branch with customers."""
    admin = open_store(pg_url)
    branch = BranchService(admin, load_branch_config(), "B1", "SETUP", ManualClock(CLOCK_AT))
    branch.ensure_branch("Test branch")
    publish_files(admin, ("B1",), load_rules(), load_tiers(), "supervisor screen", CLOCK_AT)  # as its start does
    set_up_counter(branch, "C1", "1", {"CASH": 1})
    branch.open_counter("C1", "T1")
    add_accounts(admin, TELLER, SUPERVISOR)
    result = generate_customers(admin, "B1", KEY, 12, today=date(2026, 11, 23), seed=8)
    role = f"station_{uuid.uuid4().hex[:8]}"
    assert grant_station(admin, role)["refused"]
    station = open_store(make_url(pg_url).set(username=role))
    yield admin, station, role, result
    station.close()
    admin.close()


def _no_pension():
    """A customer the pension prompt may be put to: the server refuses an answer for a product already held."""
    from models.customers.tables import CustomerRow, HoldingRow

    return ~exists().where(HoldingRow.customer_id == CustomerRow.id, HoldingRow.kind == "pension")


def _refused(store, statement):
    with pytest.raises(ProgrammingError) as caught, store.engine.connect() as conn:
        conn.execute(text(statement))
    assert isinstance(caught.value.orig, errors.InsufficientPrivilege), caught.value


def test_the_station_role_may_not_read_the_customer_tables(granted):
    _, station, _, _ = granted
    for table in sorted(CUSTOMER_TABLES):
        _refused(station, f"SELECT * FROM {table} LIMIT 1")
    _refused(station, "UPDATE customer SET segment = 'vip'")
    _refused(station, "DELETE FROM audit_log")
    _refused(station, "SELECT counterline_customer_profile('B1', 'phone', 'x', NULL, 'T1', 'ST1', now(), 3, '{}', NULL)"
                      " FROM customer")
    with station.engine.connect() as conn:  # what a station needs stays open
        assert conn.scalar(text("SELECT count(*) FROM staff")) >= 2
        assert conn.scalar(text("SELECT count(*) FROM event")) >= 1


def test_a_masked_look_up_goes_through_the_function_and_leaves_its_rows(granted):
    admin, station, _, result = granted
    sample = result.samples[0]
    customers = CustomerService(station, "B1", KEY, clock=ManualClock(CLOCK_AT), timezone="Asia/Shanghai")
    view = customers.lookup(TELLER, LookupKind.PHONE, sample.phone)
    assert view is not None and view.customer_no == sample.customer_no
    assert "*" in view.masked_phone and "*" in view.masked_name and view.holdings
    assert customers.lookup(TELLER, LookupKind.PHONE, "+86 100 0000 0000") is None
    visit = serve(admin, TELLER, view.customer_id, ManualClock(CLOCK_AT))
    with station.engine.connect() as conn:  # the function's own answer holds nothing in clear
        doc = conn.scalar(
            text("SELECT counterline_customer_profile('B1', NULL, NULL, :c, 'T1', 'ST1', now(), 3, '{}', :t)"),
            {"c": view.customer_id, "t": visit},
        )
        conn.commit()
    shown = json.dumps(doc, ensure_ascii=False)
    assert sample.phone not in shown and clear_names(admin, KEY)[view.customer_id] not in shown
    with admin.read_session() as session:
        access = session.execute(
            select(CustomerAccessRow.staff_id, CustomerAccessRow.action, CustomerAccessRow.customer_id).order_by(
                CustomerAccessRow.id
            )
        ).all()
        chained = session.scalars(select(AuditLogRow.action).order_by(AuditLogRow.seq)).all()
    assert [tuple(a) for a in access] == [
        ("T1", "profile_view", view.customer_id),
        ("T1", "lookup_miss", None),
        ("T1", "profile_view", view.customer_id),
    ]
    assert chained == ["profile_view", "lookup_miss"]


def test_a_reveal_needs_a_role_that_may_and_is_logged_either_way(granted):
    admin, station, _, result = granted
    customers = CustomerService(station, "B1", KEY, clock=ManualClock(CLOCK_AT), timezone="Asia/Shanghai")
    customer_id = customers.lookup(TELLER, LookupKind.PHONE, result.samples[1].phone).customer_id
    with pytest.raises(PermissionDenied):
        customers.reveal(TELLER, customer_id, RevealField.PHONE, "Just curious today")
    # The supervisor's screen reveals with a role that reads the customers (here the owner's); the function
    # still checks the account named, and logs the reveal.
    supervisors = CustomerService(admin, "B1", KEY, clock=ManualClock(CLOCK_AT), timezone="Asia/Shanghai")
    with admin.engine.connect() as conn:  # the function itself, asked for a teller: refused, and logged
        answer = conn.scalar(
            text(f"SELECT {REVEAL_FUNCTION}('B1', :c, 'phone', 'T1', 'ST1', 'bypassing the service')"),
            {"c": customer_id},
        )
        conn.commit()
    assert answer == {"denied": True}
    phone = supervisors.reveal(SUPERVISOR, customer_id, RevealField.PHONE, "Call about the maturing deposit")
    assert phone == result.samples[1].phone
    with admin.read_session() as session:
        actions = session.execute(
            select(CustomerAccessRow.staff_id, CustomerAccessRow.action)
            .where(CustomerAccessRow.action.like("reveal%"))
            .order_by(CustomerAccessRow.id)
        ).all()
        chained = session.scalars(select(AuditLogRow.action).where(AuditLogRow.action.like("reveal%"))).all()
    assert [tuple(a) for a in actions] == [("T1", "reveal_denied"), ("S1", "reveal")]
    assert sorted(chained) == ["reveal", "reveal_denied"]
    with admin.write_session() as session:  # a supervisor who left is refused by the server as well
        session.execute(text("UPDATE staff SET active = false WHERE id = 'S1'"))
    with pytest.raises(ProgrammingError) as caught, admin.engine.connect() as conn:
        conn.execute(text(f"SELECT {REVEAL_FUNCTION}('B1', :c, 'phone', 'S1', 'ST1', 'after leaving')"),
                     {"c": customer_id})
    assert isinstance(caught.value.orig, errors.InsufficientPrivilege)


def _reveal_as(store, customer_id: int, staff_id: str):
    with store.engine.connect() as conn:
        return conn.execute(
            text(f"SELECT {REVEAL_FUNCTION}('B1', :c, 'phone', :s, 'ST1', 'naming the supervisor')"),
            {"c": customer_id, "s": staff_id},
        ).scalar_one()


def test_the_station_role_cannot_reveal_even_naming_a_supervisor(granted):
    # The function trusts the account it is told is asking, and the teller's PC holds the branch key that opens
    # the sealed value: with the station's login, a teller read any customer's phone in a supervisor's name.
    admin, station, role, result = granted
    customers = CustomerService(station, "B1", KEY, clock=ManualClock(CLOCK_AT), timezone="Asia/Shanghai")
    customer_id = customers.lookup(TELLER, LookupKind.PHONE, result.samples[2].phone).customer_id
    with pytest.raises(ProgrammingError) as caught:
        _reveal_as(station, customer_id, "S1")
    assert isinstance(caught.value.orig, errors.InsufficientPrivilege)
    # A role granted by an earlier version, with the reveal, loses it when db grant-station runs again.
    with admin.engine.begin() as conn:
        conn.execute(text(f"GRANT EXECUTE ON FUNCTION {FUNCTION_SIGNATURES[1]} TO {role}"))
    assert _reveal_as(station, customer_id, "S1")["sealed"]
    grant_station(admin, role)
    with pytest.raises(ProgrammingError) as caught:
        _reveal_as(station, customer_id, "S1")
    assert isinstance(caught.value.orig, errors.InsufficientPrivilege)


def test_a_station_runs_and_syncs_as_the_granted_role(granted, pg_url, tmp_path):
    admin, _, role, _ = granted
    upstream = make_url(pg_url).set(username=role).render_as_string(hide_password=False)
    st = open_station(load_branch_config(), "B1", "ST9", upstream=upstream, local=str(tmp_path / "st9.db"),
                      clock=ManualClock(CLOCK_AT))
    assert isinstance(st, StationService)
    try:
        assert st.sync_status().online, st.offline_reason
        ticket = st.issue_ticket("CASH").ticket
        assert st.call_next("C1", "T1").ticket.id == ticket.id
        st.start("C1")
        st.finish("C1", [TransactionLine("CASH_DEPOSIT", 1)])
        assert synced(st) and st.sync_status().backlog == 0, st.offline_reason
        with admin.read_session() as session:
            assert session.scalar(select(func.count()).select_from(EventRow).where(EventRow.station_id == "ST9")) >= 4
        assert st.ticket(ticket.id).status == "done"
    finally:
        st.close()


def test_grant_station_on_the_command_line(pg_url, capsys, tmp_path):
    store = open_store(pg_url)
    store.close()
    secret = tmp_path / "password"
    secret.write_text("s3cret:with'quote%\n")
    secret.chmod(0o600)
    role = f"station_{uuid.uuid4().hex[:8]}"
    assert main.main(["--db", pg_url, "db", "grant-station", role, "--password-file", str(secret)]) == 0
    out = capsys.readouterr().out
    assert "may not read" in out and "customer, customer_access, customer_card" in out
    assert main.main(["--db", pg_url, "db", "grant-station", role]) == 0  # again: brought up to date
    for argv, says in (
        ([role.upper()], "not a role name"),
        (["postgres"], "a station needs a role of its own"),
    ):
        assert main.main(["--db", pg_url, "db", "grant-station", *argv]) == 2
        err = capsys.readouterr().err
        assert says in err and err.count("\n") == 1
    secret.chmod(0o644)
    assert main.main(["--db", pg_url, "db", "grant-station", role, "--password-file", str(secret)]) == 2
    assert "open to other users" in capsys.readouterr().err
    assert main.main(["--db", str(tmp_path / "x.db"), "db", "grant-station", role]) == 2
    assert "PostgreSQL roles" in capsys.readouterr().err


def test_notes_and_prompt_outcomes_are_written_through_the_functions(granted):
    from models.customers.tables import CrossSellOutcomeRow, FollowUpRow
    from models.marketing.crosssell_service import CrossSellService
    from models.marketing.follow_ups import FollowUpService
    from queueing.crosssell.rules import Outcome, RuleBook
    from queueing.crosssell.screen import Prompt
    from queueing.customers.profiles import Channel, UnknownCustomer

    admin, station, _, result = granted
    clock = ManualClock(CLOCK_AT)
    customers = CustomerService(station, "B1", KEY, clock=clock, timezone="Asia/Shanghai")
    view = customers.lookup(TELLER, LookupKind.PHONE, result.samples[2].phone)
    notes = FollowUpService(station, "B1", clock=clock, timezone="Asia/Shanghai")
    note = notes.add_note(TELLER, view.customer_id, "Asked about the pension plan")
    planned = notes.add_follow_up(TELLER, view.customer_id, Channel.COUNTER, "Call back", date(2026, 11, 30), "S1")
    assert note.text == "Asked about the pension plan" and planned.owner_id == "S1" and planned.id > note.id
    with pytest.raises(UnknownCustomer):
        notes.add_note(TELLER, 999_999, "Nobody here")
    crosssell = CrossSellService(station, "B1", RuleBook(), clock=clock, timezone="Asia/Shanghai")
    prompt = Prompt("age_55_pension", "pension", 1, {"en": "why"}, {"en": "say"}, None)
    visit = serve(admin, TELLER, view.customer_id, clock)
    record = crosssell.record_outcome(TELLER, view.customer_id, prompt, Outcome.INTERESTED, visit)
    assert record.follow_up is not None and record.follow_up_id == record.follow_up.id
    with admin.read_session() as session:
        stored = session.get(CrossSellOutcomeRow, record.id)
        assert (stored.outcome, stored.tier, stored.staff_id) == ("interested", view.tier_code, "T1")
        assert session.scalar(select(func.count()).select_from(FollowUpRow)
                              .where(FollowUpRow.customer_id == view.customer_id, FollowUpRow.id >= note.id)) == 3
        actions = session.scalars(select(CustomerAccessRow.action).order_by(CustomerAccessRow.id)).all()
    assert actions[-3:] == ["note_added", "note_added", "prompt_outcome"]


def test_a_kiosk_identifies_and_checks_an_appointment_in_as_the_granted_role(granted):
    from models.appointments.service import AppointmentService
    from models.customers.kiosk_lookup import KioskLookup

    _, station, _, result = granted
    clock = ManualClock(CLOCK_AT)  # 09:00 in Shanghai
    branch = BranchService(station, load_branch_config(), "B1", "KIOSK-1", clock)
    appointments = AppointmentService(branch)
    customers = CustomerService(station, "B1", KEY, clock=clock, timezone="Asia/Shanghai")
    sample = result.samples[0]
    customer_id = customers.lookup(TELLER, LookupKind.PHONE, sample.phone).customer_id
    booked = appointments.book(TELLER, customer_id, "CASH", datetime(2026, 11, 23, 9, 15))
    assert booked.customer_no == sample.customer_no and "*" in booked.masked_name
    identity = KioskLookup(customers, "KIOSK-1", appointments=appointments).identify(LookupKind.PHONE, sample.phone)
    assert identity is not None and identity.appointment is not None
    checked = KioskLookup(customers, "KIOSK-1", appointments=appointments).check_in(booked.appointment.id)
    assert checked.result.ticket.status == "waiting" and checked.view.appointment.status == "arrived"


def test_an_outcome_sent_again_counts_once_and_none_without_consent_through_the_function(granted):
    from models.customers.tables import CrossSellOutcomeRow, CustomerRow
    from models.marketing.crosssell_service import CrossSellService
    from queueing.core.errors import DomainError
    from queueing.crosssell.rules import Outcome, RuleBook
    from queueing.crosssell.screen import Prompt

    admin, station, _, _ = granted
    with admin.read_session() as session:
        willing = session.scalar(select(CustomerRow.id).where(CustomerRow.marketing_consent, _no_pension()).limit(1))
        with admin.write_session() as write:
            write.execute(CustomerRow.__table__.update().where(CustomerRow.id != willing)
                          .values(marketing_consent=False))
        unwilling = session.scalar(select(CustomerRow.id).where(CustomerRow.id != willing).limit(1))
    crosssell = CrossSellService(station, "B1", RuleBook(), clock=ManualClock(CLOCK_AT), timezone="Asia/Shanghai")
    prompt = Prompt("age_55_pension", "pension", 1, {"en": "why"}, {"en": "say"}, None)
    visit = serve(admin, TELLER, willing, ManualClock(CLOCK_AT))
    first = crosssell.record_outcome(TELLER, willing, prompt, Outcome.INTERESTED, visit)
    again = crosssell.record_outcome(TELLER, willing, prompt, Outcome.INTERESTED, visit)
    assert again.id == first.id and again.follow_up_id == first.follow_up_id and again.follow_up is not None
    with pytest.raises(DomainError, match="already recorded as interested"):
        crosssell.record_outcome(TELLER, willing, prompt, Outcome.ACCEPTED, visit)
    visit = serve(admin, TELLER, unwilling, ManualClock(CLOCK_AT))
    with pytest.raises(DomainError, match="opted out of marketing"):
        crosssell.record_outcome(TELLER, unwilling, prompt, Outcome.ACCEPTED, visit)
    with admin.read_session() as session:
        assert session.scalar(select(func.count()).select_from(CrossSellOutcomeRow)) == 1
        assert session.scalar(select(func.count()).select_from(AuditLogRow)
                              .where(AuditLogRow.action == "prompt_outcome")) == 1


def test_an_outcome_without_a_ticket_sent_again_counts_once_through_the_function(granted):
    from models.customers.tables import CrossSellOutcomeRow, CustomerRow
    from models.marketing.crosssell_service import CrossSellService
    from queueing.core.errors import DomainError
    from queueing.crosssell.rules import Outcome, RuleBook
    from queueing.crosssell.screen import Prompt

    admin, station, _, _ = granted
    with admin.read_session() as session:
        willing, other = session.scalars(
            select(CustomerRow.id).where(CustomerRow.marketing_consent, _no_pension()).limit(2)
        )
    # An answer outside a visit is a supervisor's, over a login that reads the customers (the supervisor's screen).
    crosssell = CrossSellService(admin, "B1", RuleBook(), clock=ManualClock(CLOCK_AT), timezone="Asia/Shanghai")
    prompt = Prompt("age_55_pension", "pension", 1, {"en": "why"}, {"en": "say"}, None)
    first = crosssell.record_outcome(SUPERVISOR, willing, prompt, Outcome.INTERESTED, request_id="answer-1")
    again = crosssell.record_outcome(SUPERVISOR, willing, prompt, Outcome.INTERESTED, request_id="answer-1")
    assert again.id == first.id and again.follow_up_id == first.follow_up_id and again.follow_up is not None
    with pytest.raises(DomainError, match="already recorded as interested"):
        crosssell.record_outcome(SUPERVISOR, willing, prompt, Outcome.ACCEPTED, request_id="answer-1")
    with pytest.raises(DomainError, match="another answer"):
        crosssell.record_outcome(SUPERVISOR, other, prompt, Outcome.INTERESTED, request_id="answer-1")
    with admin.read_session() as session:
        assert session.scalar(select(func.count()).select_from(CrossSellOutcomeRow)) == 1
        assert session.scalar(select(func.count()).select_from(AuditLogRow)
                              .where(AuditLogRow.action == "prompt_outcome")) == 1


def test_a_station_role_granted_before_0017_still_records_outcomes_after_it(granted, tmp_path, monkeypatch):
    """0017 gives the outcome function a new signature: the roles that could run the old one run the new one."""
    from alembic import command

    key_file = tmp_path / "branch.key"  # the upgrade re-masks the customers' names (0031): it opens their seals
    key_file.write_text(KEY.hex(), encoding="ascii")
    key_file.chmod(0o600)
    monkeypatch.setenv("COUNTERLINE_BRANCH_KEY_FILE", str(key_file))

    from models.marketing.crosssell_service import CrossSellService
    from models.store.database import alembic_config
    from queueing.crosssell.rules import Outcome, RuleBook
    from queueing.crosssell.screen import Prompt

    admin, station, _, result = granted
    config = alembic_config(admin.url)
    with admin.engine.begin() as conn:
        config.attributes["connection"] = conn
        command.downgrade(config, "0016_outcome_once")
    admin.upgrade()
    # Down past 0033 and up again: the rulebook is published anew, as ``db upgrade`` seeds it.
    publish_files(admin, None, load_rules(), load_tiers(), "db upgrade", CLOCK_AT, only_if_none=True)
    clock = ManualClock(CLOCK_AT)
    customer = CustomerService(station, "B1", KEY, clock=clock, timezone="Asia/Shanghai").lookup(
        TELLER, LookupKind.PHONE, result.samples[2].phone
    )
    crosssell = CrossSellService(station, "B1", RuleBook(), clock=clock, timezone="Asia/Shanghai")
    prompt = Prompt("age_55_pension", "pension", 1, {"en": "why"}, {"en": "say"}, None)
    visit = serve(admin, TELLER, customer.customer_id, clock)
    first = crosssell.record_outcome(TELLER, customer.customer_id, prompt, Outcome.DECLINED, visit, request_id="a-1")
    again = crosssell.record_outcome(TELLER, customer.customer_id, prompt, Outcome.DECLINED, visit, request_id="a-1")
    assert again == first
    assert CustomerService(station, "B1", KEY, clock=clock).open_profile(TELLER, customer.customer_id, visit)


def test_the_station_role_may_count_wrong_pins_but_not_rewrite_an_account(granted):
    """A station's login checks PINs upstream and counts the wrong ones; making or promoting accounts is the
    administrator's: with the station's password alone, nobody makes himself an administrator."""
    from models.staff.pin_lockout import AccountLocked
    from models.staff.service import SignInRefused, StaffService

    admin, station, _, _ = granted
    administrator = session_of("B1", "A9", Role.ADMINISTRATOR, "SETUP")
    add_accounts(admin, administrator)
    office = StaffService(admin, "B1", ManualClock(CLOCK_AT))
    office.add(administrator, "T7", "Li Wei", "teller", "4711")
    _refused(station, "UPDATE staff SET role = 'administrator' WHERE id = 'T7'")
    _refused(station, "UPDATE staff SET pin_hash = 'x', active = true WHERE id = 'T7'")
    _refused(station, "INSERT INTO staff (branch_id, id, name, role, pin_hash, active) "
                      "VALUES ('B1', 'X1', 'X', 'administrator', 'x', true)")
    _refused(station, "DELETE FROM staff WHERE id = 'T7'")
    at_station = StaffService(station, "B1", ManualClock(CLOCK_AT))
    for _ in range(4):
        with pytest.raises(SignInRefused):
            at_station.verify("T7", "0000")
    with pytest.raises(AccountLocked):
        at_station.verify("T7", "0000")
    office.unlock(administrator, "T7")
    assert at_station.verify("T7", "4711").staff_id == "T7"


def test_the_station_role_counts_wrong_pins_for_ids_with_no_account_as_for_accounts(granted):
    """An unknown id's count lives in pin_guess (models/staff/pin_guesses.py); the station's login keeps it, and
    tries made at once from two stations are all counted. A NUL or an overlong id, which PostgreSQL would refuse
    in a query, is refused as any unknown id is."""
    from concurrent.futures import ThreadPoolExecutor

    from models.staff.pin_lockout import AccountLocked
    from models.staff.service import SignInRefused, StaffService

    admin, station, _, _ = granted
    other = open_store(station.url, upgrade=False)  # a second station PC, on the same login
    try:
        here = StaffService(station, "B1", ManualClock(CLOCK_AT), station_id="ST1")
        there = StaffService(other, "B1", ManualClock(CLOCK_AT), station_id="ST2")
        for typed in ("NOBODY", "T1\x00", "X" * 300):
            with ThreadPoolExecutor(2) as pool:
                tries = [pool.submit(service.verify, typed, "0000") for service in (here, there, here, there)]
            assert all(isinstance(t.exception(), SignInRefused) for t in tries)
            with pytest.raises(AccountLocked):
                here.verify(typed, "0000")
        with admin.read_session() as session:
            locks = session.scalars(
                select(AuditLogRow.staff_id).where(AuditLogRow.action == "pin_locked").order_by(AuditLogRow.at)
            ).all()
        assert sorted(locks) == sorted(["NOBODY", "T1\ufffd", "X" * 32])
    finally:
        other.close()


def test_the_station_role_raises_a_lock_typed_at_the_station_offline(granted, tmp_path):
    from models.staff.mirror import mirror_staff, push_station_locks
    from models.staff.pin_lockout import FINAL_STAGE, AccountLocked
    from models.staff.service import SignInRefused, StaffService
    from models.staff.session import SignInMode
    from models.store.tables import StaffRow

    admin, station, _, _ = granted
    administrator = session_of("B1", "A9", Role.ADMINISTRATOR, "SETUP")
    add_accounts(admin, administrator)
    clock = ManualClock(CLOCK_AT)
    StaffService(admin, "B1", clock).add(administrator, "T7", "Li Wei", "teller", "4711")
    local = open_store(str(tmp_path / "st1.db"))
    try:
        BranchService(local, load_branch_config(), "B1", "ST1", clock).ensure_branch("Test branch")
        mirror_staff(station, local, "B1")
        offline = StaffService(local, "B1", clock, how=SignInMode.OFFLINE, station_id="ST1")
        for _ in range(FINAL_STAGE):
            for _ in range(5):
                with pytest.raises((SignInRefused, AccountLocked)):
                    offline.verify("T7", "0000")
            clock.advance(3600)
        assert push_station_locks(station, local, "B1", "ST1", clock.now()) == 1
        with admin.read_session() as session:
            assert session.get(StaffRow, ("B1", "T7")).lock_stage == FINAL_STAGE
    finally:
        local.close()
