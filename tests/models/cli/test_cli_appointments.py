"""`counterline appointments book|list|cancel|no-shows` on a store file."""

import secrets
from datetime import date, timedelta

import pytest

from main import main
from models.branch.service import BranchService
from models.demo.customers import generate_customers
from models.staff.service import StaffService
from models.store.database import open_store
from queueing.core.categories import load_branch_config


@pytest.fixture
def db(tmp_path):
    path = str(tmp_path / "store.db")
    store = open_store(path)
    branch = BranchService(store, load_branch_config(), "DEMO", "setup")
    branch.ensure_branch("Demo")
    branch.configure_counter("C4", "4", {"LOANS": 1, "CASH": 2})  # bookings need a counter serving the service
    sample = generate_customers(store, "DEMO", secrets.token_bytes(32), 3, today=date.today(), seed=4).samples[0]
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
    day = date.today() + timedelta(days=1)
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
