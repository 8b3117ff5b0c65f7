"""The maturity call list: largest deposits first, masked, call results recorded and audited; tomorrow's reminders."""

import secrets
from datetime import date, datetime, timedelta

import pytest
from clear_customers import clear_phones
from sqlalchemy import insert, select, update
from staff_sessions import add_accounts, credentials_file, session_of

from models.appointments.service import AppointmentService
from models.audit.log import AuditLogRow
from models.customers.service import CustomerService, RevealField
from models.customers.tables import CustomerRow, HoldingRow
from models.demo.customers import generate_customers
from models.marketing.call_list import CallListService
from queueing.appointments.rules import AppointmentRules
from queueing.core.errors import DomainError
from queueing.core.roles import PermissionDenied, Role
from queueing.customers.audit_chain import AuditAction
from queueing.customers.profiles import CallResult, UnknownCustomer

TELLER = session_of("B1", "T1", Role.TELLER, "ST1")
SUPERVISOR = session_of("B1", "S1", Role.SUPERVISOR, "ST1")
KIOSK = session_of("B1", "KIOSK", Role.KIOSK, "KIOSK-1")
TODAY = date(2026, 11, 23)  # the clock fixture is 09:00 in Shanghai
KEY = secrets.token_bytes(32)


@pytest.fixture
def calls(store, service, clock):
    generate_customers(store, "B1", KEY, 6, today=TODAY, seed=1)
    add_accounts(store, TELLER, SUPERVISOR)
    with store.write_session() as session:  # three deposits of known size and date, nothing else maturing
        session.execute(update(HoldingRow).where(HoldingRow.kind == "time_deposit").values(matures_on=None))
        session.execute(insert(HoldingRow.__table__), [
            {"customer_id": cid, "kind": "time_deposit", "product_code": "td_12m", "balance_cents": cents,
             "opened_on": date(2025, 12, 1), "matures_on": TODAY + timedelta(days=days), "risk_level": None}
            for cid, cents, days in ((1, 5_000_000, 3), (2, 90_000_000, 20), (3, 30_000_000, 0), (4, 80_000_000, 45))
        ])
    return CallListService(store, "B1", clock=clock, timezone="Asia/Shanghai")


def test_the_largest_deposits_come_first_masked(store, calls):
    listed = calls.maturities(TELLER, 30)
    assert [(c.customer_id, c.balance, c.days_left) for c in listed] == [(2, 900000, 20), (3, 300000, 0), (1, 50000, 3)]
    phones = set(clear_phones(store, KEY).values())
    for c in listed:
        assert "*" in c.masked_name and "****" in c.masked_phone and c.masked_phone not in phones
    assert [c.customer_id for c in calls.maturities(TELLER, 0)] == [3]
    assert len(calls.maturities(TELLER, 45)) == 4


def test_a_call_result_is_kept_per_deposit_and_audited(store, calls, clock):
    deposit = calls.maturities(TELLER, 30)[0]
    calls.record_call(TELLER, deposit.customer_id, CallResult.NO_ANSWER, deposit.holding_id)
    clock.advance(3600)
    calls.record_call(TELLER, deposit.customer_id, CallResult.APPOINTMENT_BOOKED, deposit.holding_id, "Fri 10:30")
    first = calls.maturities(TELLER, 30)[0]
    assert (first.last_call.result, first.last_call.at, first.last_call.staff_id) == (
        CallResult.APPOINTMENT_BOOKED, clock.now(), "T1")
    assert [c.last_call for c in calls.maturities(TELLER, 30)[1:]] == [None, None]
    with store.read_session() as session:
        rows = session.scalars(select(AuditLogRow).where(AuditLogRow.action == AuditAction.CALL_RESULT)).all()
    assert [(r.customer_id, r.detail["result"]) for r in rows] == [
        (deposit.customer_id, "no_answer"), (deposit.customer_id, "appointment_booked")]


def test_lying_callers_are_refused(calls):
    deposit = calls.maturities(TELLER, 30)[0]
    with pytest.raises(DomainError, match="is not customer 1's"):
        calls.record_call(TELLER, 1, CallResult.REACHED, deposit.holding_id)  # someone else's deposit
    with pytest.raises(UnknownCustomer):
        calls.record_call(TELLER, 999, CallResult.REACHED)
    with pytest.raises(DomainError, match="at most 500"):
        calls.record_call(TELLER, 1, CallResult.REACHED, note="x" * 501)
    with pytest.raises(DomainError, match="0 to 366"):
        calls.maturities(TELLER, -1)
    with pytest.raises(PermissionDenied):
        calls.maturities(KIOSK, 30)
    with pytest.raises(PermissionDenied):
        calls.record_call(KIOSK, 1, CallResult.REACHED)


def test_revealing_the_phone_is_for_supervisors_and_audited(store, calls, clock):
    customers = CustomerService(store, "B1", KEY, clock=clock, timezone="Asia/Shanghai")
    deposit = calls.maturities(TELLER, 30)[0]
    with pytest.raises(PermissionDenied):
        customers.reveal(TELLER, deposit.customer_id, RevealField.PHONE, "maturity call")
    phone = customers.reveal(SUPERVISOR, deposit.customer_id, RevealField.PHONE, "maturity call")
    assert phone.endswith(deposit.masked_phone[-4:])


def test_tomorrows_appointments_are_listed_for_a_reminder_call(store, service, calls, clock):
    service.run(lambda c: c.configure_counter("C3", "3", {"LOANS": 1}))
    appointments = AppointmentService(service, AppointmentRules(categories=frozenset({"CASH", "LOANS"})))
    appointments.book(TELLER, 5, "LOANS", datetime(2026, 11, 24, 10, 30))
    appointments.book(TELLER, 6, "CASH", datetime(2026, 11, 24, 9, 0))
    later = appointments.book(TELLER, 4, "CASH", datetime(2026, 11, 25, 9, 0))
    assert [(r.customer_id, f"{r.local_start:%H:%M}") for r in calls.reminders(TELLER)] == [(6, "09:00"), (5, "10:30")]
    calls.record_call(TELLER, 6, CallResult.REACHED)
    deposit = next(c for c in calls.maturities(TELLER, 45) if c.customer_id == 4)
    calls.record_call(TELLER, 4, CallResult.REACHED, deposit.holding_id)  # about the deposit, not the visit
    assert [r.last_call is not None for r in calls.reminders(TELLER)] == [True, False]
    (day_after,) = calls.reminders(TELLER, TODAY + timedelta(days=2))
    assert (day_after.appointment_id, day_after.last_call) == (later.appointment.id, None)


def test_cli_prints_or_writes_the_list_masked(store, calls, tmp_path, capsys):
    from openpyxl import load_workbook

    import main
    from queueing.core.categories import load_branch_config

    real = CallListService(store, "B1", timezone=load_branch_config().timezone)  # the command's own clock
    with store.write_session() as session:
        session.execute(update(HoldingRow).where(HoldingRow.matures_on.is_not(None))
                        .values(matures_on=real.today() + timedelta(days=5)))
        session.execute(update(CustomerRow).where(CustomerRow.id == 2).values(name_masked="=HYPERLINK(1)"))
    db = str(tmp_path / "store.db")
    who = credentials_file(store, "B1", tmp_path)
    liar = tmp_path / "liar.toml"
    liar.write_text('id = "CLI1"\npin = "135791"\n')
    liar.chmod(0o600)
    assert main.main(["--db", db, "call-list", "--branch", "B1", "--as", str(liar)]) == 2  # a wrong PIN
    assert "counterline:" in capsys.readouterr().err
    assert main.main(["--db", db, "call-list", "--branch", "B1", "--as", who, "--days", "30"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "4 deposits maturing within 30 days" and "900000" in out[0]
    phones = list(clear_phones(store, KEY).values())
    assert not any(p in "\n".join(out) for p in phones)
    for fmt in ("csv", "xlsx"):
        target = tmp_path / f"calls.{fmt}"
        assert main.main(["--db", db, "call-list", "--branch", "B1", "--as", who, "--format", fmt,
                              "--out", str(target)]) == 0
        assert capsys.readouterr().out.startswith(f"4 deposits maturing within 30 days written to {target}")
    text = (tmp_path / "calls.csv").read_text(encoding="utf-8-sig")
    assert "'=" in text and not any(p in text for p in phones)
    sheet = load_workbook(tmp_path / "calls.xlsx").active
    assert sheet.title == "Call list" and sheet["C2"].value == 900000 and sheet["F2"].data_type == "s"
    assert main.main(["--db", db, "call-list", "--branch", "B1", "--as", who, "--format", "csv",
                      "--out", str(tmp_path)]) == 2
    assert "must end in .csv" in capsys.readouterr().err
    missing = tmp_path / "no" / "such" / "calls.csv"
    assert main.main(["--db", db, "call-list", "--branch", "B1", "--as", who, "--format", "csv",
                      "--out", str(missing)]) == 2
    assert capsys.readouterr().err.startswith("counterline: cannot write")


def test_the_exported_last_call_is_in_the_branchs_hours():
    # Stored in UTC; the sheet a Seoul branch calls from says when it called in Seoul's hours (10:30, not 01:30).
    from datetime import UTC

    from models.cli.call_list import TITLES, rows
    from models.marketing.call_list import LastCall, MaturityCall

    called = LastCall(CallResult.REACHED, datetime(2026, 11, 23, 1, 30, tzinfo=UTC), "T1")
    deposit = MaturityCall(1, "C001", "김*수", "010****5678", 7, "td_12m", 50_000, TODAY, 3, True, called)
    (line,) = rows([deposit], "Asia/Seoul")
    assert dict(zip(TITLES, line, strict=True))["Last call at"] == "2026-11-23T10:30+09:00"
