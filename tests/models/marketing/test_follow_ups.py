from datetime import date, timedelta

import pytest
from customer_fixtures import BRANCH, KEY, SUPERVISOR, TELLER, TELLER2, add_customer, make_clock, make_store
from sqlalchemy import delete, insert, inspect, select
from staff_sessions import credentials_file, session_of
from visits import serve

import main
from models.audit.log import AuditLogRow
from models.customers.service import CustomerService
from models.marketing.crosssell_service import CrossSellService
from models.marketing.follow_ups import FollowUpService, UnknownFollowUp
from models.store.database import open_store
from models.store.tables import StaffRow
from queueing.core.errors import DomainError, InvalidTransition
from queueing.core.roles import PermissionDenied, Role
from queueing.crosssell.rules import Outcome, RuleBook
from queueing.customers.audit_chain import AuditAction
from queueing.customers.profiles import Channel

TODAY = date(2026, 11, 23)
KIOSK = session_of(BRANCH, "KIOSK", Role.KIOSK, "K1")


@pytest.fixture
def store(tmp_path):
    s = make_store(tmp_path / "customers.db")
    with s.write_session() as session:  # the accounts make_store adds, with names, and one that left
        session.execute(delete(StaffRow).where(StaffRow.id.in_(("T1", "T2", "S1"))))
        session.execute(insert(StaffRow.__table__), [
            {"branch_id": BRANCH, "id": sid, "name": name, "role": role, "pin_hash": "x", "active": active}
            for sid, name, role, active in (("T1", "Li Na", "teller", True), ("T2", "Kim Min-ji", "teller", True),
                                            ("S1", "Ana Ruiz", "supervisor", True), ("T9", "Gone", "teller", False))
        ])
    yield s
    s.close()


@pytest.fixture
def clock():
    return make_clock()


@pytest.fixture
def notes(store, clock):
    return FollowUpService(store, BRANCH, clock=clock, timezone="Asia/Shanghai")


@pytest.fixture
def zhang(store):
    return add_customer(store, family="张", given="小三", id_number="110105198006151234", phone="13912345678",
                        holdings=(("time_deposit", "td_12m", "80000", TODAY + timedelta(days=12), None),))


@pytest.fixture
def perez(store):
    return add_customer(store, family="Pérez", given="Juan", id_number="12345678Z", phone="612345678")


def audit(store, action):
    with store.read_session() as session:
        return list(session.scalars(select(AuditLogRow).where(AuditLogRow.action == action)))


def test_due_follow_ups_by_date_and_owner_and_a_later_note_closes_nothing(store, notes, zhang, perez, clock):
    notes.add_follow_up(TELLER, zhang, Channel.PHONE, "Call about renewal", TODAY + timedelta(days=2), owner_id="T2")
    clock.advance(60)
    notes.add_follow_up(TELLER, perez, Channel.COUNTER, "Bring payslips", TODAY)
    assert [d.masked_name for d in notes.due(TELLER)] == ["J*** Pérez"]
    due = notes.due(SUPERVISOR, within_days=3)
    assert [(d.masked_name, d.overdue_days, d.follow_up.owner) for d in due] == [
        ("J*** Pérez", 0, "T1"), ("张*三", -2, "T2")]
    assert [d.masked_name for d in notes.due(SUPERVISOR, within_days=3, owner_id="T2")] == ["张*三"]
    clock.advance(60)
    notes.add_note(TELLER, perez, "Asked about the branch's opening hours")  # a remark, not the planned action
    assert [d.masked_name for d in notes.due(TELLER, within_days=3)] == ["J*** Pérez", "张*三"]
    clock.advance(3 * 86400)
    assert [d.overdue_days for d in notes.due(TELLER)] == [3, 1]
    assert len(audit(store, AuditAction.NOTE_ADDED)) == 3


def test_mark_done_keeps_the_result_and_refuses_a_second_time(store, notes, zhang, clock):
    planned = notes.add_follow_up(TELLER, zhang, Channel.PHONE, "Call about renewal", TODAY)
    clock.advance(600)
    done = notes.mark_done(TELLER2, planned.id, "  Renewed for 12 months at 1.9%  ")
    assert (done.result, done.done_by, done.done_at, done.is_open) == (
        "Renewed for 12 months at 1.9%", "T2", clock.now(), False)
    assert notes.due(TELLER, within_days=30) == ()
    (row,) = audit(store, AuditAction.FOLLOW_UP_DONE)
    assert (row.staff_id, row.customer_id, row.detail["follow_up_id"]) == ("T2", zhang, planned.id)
    with pytest.raises(InvalidTransition, match="already done"):
        notes.mark_done(TELLER, planned.id, "Renewed again")
    remark = notes.add_note(TELLER, zhang, "Prefers calls after 18:00")
    with pytest.raises(InvalidTransition, match="plans no action"):
        notes.mark_done(TELLER, remark.id, "Called back")
    with pytest.raises(UnknownFollowUp):
        notes.mark_done(TELLER, 9999, "Called back")


def test_bad_input_is_refused_with_a_reason(notes, zhang):
    with pytest.raises(DomainError, match="past"):
        notes.add_follow_up(TELLER, zhang, Channel.PHONE, "late", TODAY - timedelta(days=1))
    with pytest.raises(DomainError, match="is empty"):
        notes.add_note(TELLER, zhang, "   \n ")
    with pytest.raises(DomainError, match="at most 2000"):
        notes.add_note(TELLER, zhang, "x" * 2001)
    with pytest.raises(DomainError, match="control character"):
        notes.add_note(TELLER, zhang, "Call\x1b[2J back")
    with pytest.raises(DomainError, match="control character"):
        notes.add_note(TELLER, zhang, "evil \u202e txt.exe")
    with pytest.raises(DomainError, match="no active staff member 'T9'"):
        notes.add_follow_up(TELLER, zhang, Channel.PHONE, "Call", TODAY, owner_id="T9")
    with pytest.raises(DomainError, match="no active staff member"):
        notes.add_follow_up(TELLER, zhang, Channel.PHONE, "Call", TODAY, owner_id="'; DROP TABLE staff; --")
    with pytest.raises(DomainError, match="needs a next action"):
        notes.add_follow_up(TELLER, zhang, Channel.PHONE, "Call", owner_id="T2")
    planned = notes.add_follow_up(TELLER, zhang, Channel.PHONE, "Call", TODAY)
    with pytest.raises(DomainError, match="at least 5"):
        notes.mark_done(TELLER, planned.id, " ok ")
    with pytest.raises(DomainError, match="must be 0 to 366, got -1"):
        notes.due(TELLER, within_days=-1)
    with pytest.raises(DomainError, match="must be 0 to 366, got 3000000"):  # was OverflowError past 9999-12-31
        notes.due(TELLER, within_days=3_000_000)
    assert [d.follow_up.id for d in notes.due(TELLER, within_days=366)] == [planned.id]


def test_the_kiosk_neither_writes_nor_reads_notes(notes, zhang):
    with pytest.raises(PermissionDenied):
        notes.add_note(KIOSK, zhang, "hello")
    with pytest.raises(PermissionDenied):
        notes.due(KIOSK)


def test_a_customer_of_another_branch_is_unknown(store, notes):
    from sqlalchemy import insert as sql_insert

    from models.store.tables import BranchRow

    with store.write_session() as session:
        session.execute(sql_insert(BranchRow.__table__), [{"id": "OTHER", "name": "Other", "timezone": "UTC"}])
    stranger = add_customer(store, family="Lee", given="Ann", id_number="99999999X", phone="600000000",
                            branch="OTHER")
    with pytest.raises(DomainError, match="no customer"):
        notes.add_note(TELLER, stranger, "hello")


def test_the_profile_shows_the_last_notes_and_every_open_follow_up(store, notes, zhang, clock):
    customers = CustomerService(store, BRANCH, KEY, rulebook=RuleBook(), clock=clock, timezone="Asia/Shanghai")
    planned = notes.add_follow_up(TELLER, zhang, Channel.PHONE, "Call about renewal", TODAY + timedelta(days=5))
    for n in range(4):  # pushes the follow-up out of the last three notes
        clock.advance(60)
        notes.add_note(TELLER, zhang, f"note {n}")
    visit = serve(store, TELLER, zhang, clock)
    view = customers.open_profile(TELLER, zhang, visit)
    assert [n.text for n in view.recent_notes] == ["note 3", "note 2", "note 1"]
    assert [f.id for f in view.open_follow_ups] == [planned.id]
    notes.mark_done(TELLER, planned.id, "Customer renewed online")
    assert customers.open_profile(TELLER, zhang, visit).open_follow_ups == ()


@pytest.mark.parametrize("outcome", [Outcome.INTERESTED, Outcome.DECLINED, Outcome.ACCEPTED])
def test_an_answered_pitch_does_not_come_back_twenty_minutes_later(store, clock, outcome):
    salary = add_customer(store, family="Kim", given="Minji", id_number="800615-1234567", phone="01012345678",
                          holdings=(("demand_deposit", "salary_account", "150000", None, None),))
    rulebook = RuleBook()
    customers = CustomerService(store, BRANCH, KEY, rulebook=rulebook, clock=clock, timezone="Asia/Shanghai")
    crosssell = CrossSellService(store, BRANCH, rulebook, clock=clock, timezone="Asia/Shanghai")
    visit = serve(store, TELLER, salary, clock)
    card = next(p for p in customers.open_profile(TELLER, salary, visit).prompts if p.product == "credit_card")
    crosssell.record_outcome(TELLER, salary, card, outcome, ticket_id=visit)
    clock.advance(20 * 60)
    visit = serve(store, TELLER, salary, clock)  # the customer comes back
    assert "credit_card" not in [p.product for p in customers.open_profile(TELLER, salary, visit).prompts]
    clock.advance(rulebook.rules.by_code(card.rule_code).cooldown_days * 86400)
    assert card.rule_code in [p.rule_code for p in customers.open_profile(TELLER, salary, visit).prompts]


def test_not_offered_starts_no_cool_down(store, zhang, clock):
    rulebook = RuleBook()
    customers = CustomerService(store, BRANCH, KEY, rulebook=rulebook, clock=clock, timezone="Asia/Shanghai")
    crosssell = CrossSellService(store, BRANCH, rulebook, clock=clock, timezone="Asia/Shanghai")
    visit = serve(store, TELLER, zhang, clock)
    first = customers.open_profile(TELLER, zhang, visit).prompts[0]
    crosssell.record_outcome(TELLER, zhang, first, Outcome.NOT_OFFERED, visit)
    clock.advance(20 * 60)
    assert customers.open_profile(TELLER, zhang, visit).prompts[0].rule_code == first.rule_code


def test_the_migration_adds_owner_result_and_call_results(tmp_path):
    migrated = open_store(str(tmp_path / "migrated.db"))
    try:
        columns = {c["name"] for c in inspect(migrated.engine).get_columns("follow_up")}
        assert {"owner_id", "done_at", "done_by", "result"} <= columns
        assert "call_result" in inspect(migrated.engine).get_table_names()
    finally:
        migrated.close()


def test_cli_lists_and_closes_follow_ups_in_one_line_each(tmp_path, capsys):
    db = str(tmp_path / "cli.db")
    s = open_store(db)
    try:
        from sqlalchemy import insert as sql_insert

        from models.store.tables import BranchRow

        with s.write_session() as session:
            session.execute(sql_insert(BranchRow.__table__), [{"id": BRANCH, "name": "Test", "timezone": "UTC"}])
            session.execute(insert(StaffRow.__table__), [
                {"branch_id": BRANCH, "id": "T1", "name": "Li Na", "role": "teller", "pin_hash": "x", "active": True}])
        who = credentials_file(s, BRANCH, tmp_path)
        customer = add_customer(s, family="Pérez", given="Juan", id_number="12345678Z", phone="612345678")
        service = FollowUpService(s, BRANCH)
        planned = service.add_follow_up(TELLER, customer, Channel.PHONE, "Call back\nabout the\tloan",
                                        service.today())
    finally:
        s.close()
    assert main.main(["--db", db, "follow-ups", "--branch", BRANCH, "--as", who, "list"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert len(out) == 2 and "J*** Pérez" in out[0] and "Call back about the loan" in out[0]
    assert "612345678" not in out[0]
    assert out[1] == f"1 follow-up due in branch {BRANCH}"
    assert main.main(["--db", db, "follow-ups", "--branch", BRANCH, "--as", who, "done", str(planned.id),
                      "--result", "ok"]) == 2
    assert "at least 5" in capsys.readouterr().err
    assert main.main(["--db", db, "follow-ups", "--branch", BRANCH, "--as", who, "done", str(planned.id),
                      "--result", "Loan application sent"]) == 0
    assert main.main(["--db", db, "follow-ups", "--branch", BRANCH, "--as", who, "list", "--days", "30"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == f"0 follow-ups due in branch {BRANCH}"
    assert main.main(["--db", db, "follow-ups", "--branch", "NOPE", "--as", who, "list"]) == 2
    assert "no branch 'NOPE'" in capsys.readouterr().err
    assert main.main(["--db", db, "follow-ups", "--branch", BRANCH, "--as", who, "list", "--days", "3000000"]) == 2
    assert capsys.readouterr().err == "counterline: the number of days ahead must be 0 to 366, got 3000000\n"
