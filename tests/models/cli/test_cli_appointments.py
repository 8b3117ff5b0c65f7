"""`counterline appointments book|list|cancel|no-shows` on a store file."""

import secrets
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from main import main
from models.branch.service import BranchService
from models.demo.branch_setup import set_up_counter
from models.demo.customers import generate_customers
from models.staff.service import StaffService
from models.store.database import open_store
from queueing.core.categories import load_branch_config


def branch_today() -> date:
    """Today at the branch (its own time zone), whatever zone this PC or CI runs in."""
    return datetime.now(ZoneInfo(load_branch_config().timezone)).date()


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "store.db")
    store = open_store(path)
    branch = BranchService(store, load_branch_config(), "DEMO", "setup")
    branch.ensure_branch("Demo")
    set_up_counter(branch, "C4", "4", {"LOANS": 1, "CASH": 2})  # bookings need a counter serving the service
    sample = generate_customers(store, "DEMO", secrets.token_bytes(32), 3, today=branch_today(), seed=4).samples[0]
    StaffService(store, "DEMO").add_first_administrator("A1", "Admin", "135790")
    store.close()
    who = tmp_path / "admin.toml"
    who.write_text('id = "A1"\npin = "135790"\n')
    who.chmod(0o600)
    return path, sample.customer_no, str(who)


def next_open_day() -> date:
    """Tomorrow, or the first day after it the shipped calendar opens (not a Sunday or a holiday)."""
    from queueing.appointments.rules import load_appointment_rules

    rules = load_appointment_rules()
    day = branch_today() + timedelta(days=1)
    while rules.hours_on(day) is False:
        day += timedelta(days=1)
    return day


def tomorrow_at(hhmm: str) -> str:
    return f"{next_open_day()}T{hhmm}"


def test_book_list_cancel(db, capsys):
    path, customer_no, who = db
    at = tomorrow_at("10:30")
    args = ["--db", path, "appointments", "--as", who, "book", "--customer-no", customer_no]
    assert main([*args, "--category", "LOANS", "--at", at, "--note", "mortgage"]) == 0
    booked = capsys.readouterr().out
    assert booked.startswith("booked:") and "10:30-11:00" in booked and "LOANS" in booked and "(mortgage)" in booked
    appointment_id = booked.split()[1]
    day = str(next_open_day())
    assert main(["--db", path, "appointments", "--as", who, "list", "--day", day]) == 0
    listed = capsys.readouterr().out
    assert f"{appointment_id}  {day} 10:30-11:00  booked" in listed and "1 appointment on" in listed
    assert main([*args, "--category", "LOANS", "--at", at]) == 2
    assert "already has appointment" in capsys.readouterr().err
    assert main(["--db", path, "appointments", "--as", who, "cancel", appointment_id]) == 0
    assert "cancelled" in capsys.readouterr().out
    assert main(["--db", path, "appointments", "--as", who, "cancel", appointment_id]) == 2
    assert "only a booked one can be cancelled" in capsys.readouterr().err


def test_bad_input_is_named(db, capsys):
    path, customer_no, who = db
    args = ["--db", path, "appointments", "--as", who, "book", "--customer-no", customer_no, "--category", "LOANS"]
    with pytest.raises(SystemExit):
        main([*args, "--at", "tomorrow 10:30"])
    assert "not a local date and time like 2026-11-24T10:30: 'tomorrow 10:30'" in capsys.readouterr().err
    assert main([*args, "--at", tomorrow_at("10:07")]) == 2
    assert "15-minute grid" in capsys.readouterr().err
    assert main([*args[:6], "--customer-no", "NOPE", *args[8:], "--at", tomorrow_at("10:30")]) == 2
    assert "no customer number 'NOPE'" in capsys.readouterr().err
    assert main(["--db", path, "appointments", "--as", who, "no-shows"]) == 0
    assert "0 appointments marked as no-show" in capsys.readouterr().out


def test_a_booking_is_the_branchs_own_time_not_the_packaged_files(db, capsys):
    """The command took categories.toml's Asia/Shanghai whatever zone the branch was set up in: 10:30 typed for a
    Mexico City branch was stored as Shanghai's 10:30, the evening before in Mexico."""
    from sqlalchemy import select, update

    from models.appointments.tables import AppointmentRow
    from models.store.tables import BranchRow

    path, customer_no, who = db
    store = open_store(path)
    with store.write_session() as session:
        session.execute(update(BranchRow).where(BranchRow.id == "DEMO").values(timezone="America/Mexico_City"))
    store.close()
    day = next_open_day()
    args = ["--db", path, "appointments", "--as", who, "book", "--customer-no", customer_no, "--category", "LOANS"]
    assert main([*args, "--at", f"{day}T10:30"]) == 0, capsys.readouterr().err
    store = open_store(path)
    with store.read_session() as session:
        starts = session.scalars(select(AppointmentRow.start_at)).all()
    store.close()
    local = datetime.combine(day, datetime.min.time().replace(hour=10, minute=30), ZoneInfo("America/Mexico_City"))
    assert [start.replace(tzinfo=start.tzinfo or ZoneInfo("UTC")) for start in starts] == [local]  # UTC in the row


@pytest.mark.parametrize(
    ("at", "says"), [("0001-01-01T00:00", "is in the past"), ("9999-12-31T23:30", "days ahead (last bookable day")]
)
def test_a_time_at_the_ends_of_the_calendar_is_refused_in_one_line(db, capsys, tmp_path, monkeypatch, at, says):
    """Converting year 1 or 9999 to UTC overflowed: an internal error (exit 3) instead of the refusal."""
    path, customer_no, who = db
    monkeypatch.setenv("COUNTERLINE_LOG_DIR", str(tmp_path / "logs"))
    args = ["--db", path, "appointments", "--as", who, "book", "--customer-no", customer_no, "--category", "LOANS"]
    assert main([*args, "--at", at]) == 2
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1
