"""Text rules and columns agree, and hostile text is refused before any event or row exists."""

import sys

import pytest
from customer_fixtures import BRANCH, KEY, TELLER, add_customer, make_clock, make_store
from sqlalchemy import func, select
from sqlalchemy.sql.sqltypes import Text

from models.appointments.tables import AppointmentRow
from models.customers.service import CustomerService
from models.customers.tables import ComplaintRow, FollowUpRow
from models.staff.service import StaffService
from models.store.tables import BranchRow, CounterRow, EventRow, StaffRow
from queueing.core import text_rules
from queueing.core.text_rules import TextRefused
from queueing.customers.profiles import Channel

# Each rule and the column that keeps the text it checks.
COLUMNS = {
    text_rules.STAFF_ID: StaffRow.__table__.c.id,
    text_rules.STAFF_NAME: StaffRow.__table__.c.name,
    text_rules.BRANCH_NAME: BranchRow.__table__.c.name,
    text_rules.COUNTER_ID: CounterRow.__table__.c.id,
    text_rules.COUNTER_NAME: CounterRow.__table__.c.name,
    text_rules.APPOINTMENT_NOTE: AppointmentRow.__table__.c.note,
    text_rules.COMPLAINT_CATEGORY: ComplaintRow.__table__.c.category,
    text_rules.COMPLAINT_TEXT: ComplaintRow.__table__.c.text,
    text_rules.FOLLOW_UP_TEXT: FollowUpRow.__table__.c.text,
}


@pytest.mark.parametrize("field", list(COLUMNS), ids=lambda f: f.label)
def test_each_limit_is_its_columns(field):
    column = COLUMNS[field]
    if isinstance(column.type, Text):
        assert column.type.length is None  # unbounded in the database: the rule's limit is the branch's own
    else:
        assert field.max_chars == column.type.length, f"{field.label}: rule {field.max_chars}, column {column}"


def test_every_field_of_the_rules_is_checked_here():
    declared = {v for v in vars(text_rules).values() if isinstance(v, text_rules.TextField)}
    assert declared - set(COLUMNS) <= {text_rules.QUALITY_NOTE, text_rules.REASON}  # these live in JSON payloads


def _count(store, row):
    with store.read_session() as session:
        return session.scalar(select(func.count()).select_from(row))


@pytest.mark.parametrize("name", ["Li\udcffNa", "Li\x00Na", "x" * 201, "\u202eaN iL"])
def test_staff_add_refuses_hostile_names_and_writes_nothing(store, name):
    staff = StaffService(store, "B1")
    with pytest.raises(TextRefused, match="staff name"):
        staff.add_first_administrator("T9", name, "123456")
    assert _count(store, StaffRow) == 0


@pytest.mark.parametrize(("counter_id", "name"), [("C9", "Window\x00 9"), ("C\udc809", "9"), ("C9", "9" * 101)])
def test_a_counter_with_hostile_text_gets_no_event(service, store, counter_id, name):
    before = _count(store, EventRow)
    with pytest.raises(TextRefused, match="counter"):
        service.configure_counter(counter_id, name, {"CASH": 1})
    assert _count(store, EventRow) == before


def test_a_complaint_with_a_nul_or_a_lone_surrogate_makes_no_row(tmp_path):
    store = make_store(tmp_path / "c.db")
    customers = CustomerService(store, BRANCH, KEY, clock=make_clock())
    zhang = add_customer(store, family="张", given="伟明", id_number="110105198006151234", phone="13912345678")
    for text in ("charged\x00twice", "charged \udcfftwice"):
        with pytest.raises(TextRefused, match="complaint"):
            customers.add_complaint(TELLER, zhang, text, Channel.COUNTER)
    from models.marketing.follow_ups import FollowUpService  # notes moved out of CustomerService (issue 15)

    notes = FollowUpService(store, BRANCH, clock=make_clock())
    with pytest.raises(TextRefused, match="follow-up note"):
        notes.add_follow_up(TELLER, zhang, Channel.PHONE, "x" * 2001)
    assert _count(store, ComplaintRow) == 0 and _count(store, FollowUpRow) == 0
    store.close()


def test_a_non_utf8_name_on_the_command_line_is_one_line(tmp_path, capsys):
    from main import main

    # Python hands undecodable argv bytes over as lone surrogates (surrogateescape).
    name = b"Li \xff".decode(sys.getfilesystemencoding(), "surrogateescape")
    from models.branch.service import BranchService
    from models.store.database import open_store
    from queueing.core.categories import load_branch_config

    store = open_store(str(tmp_path / "s.db"))
    BranchService(store, load_branch_config(), "B1", "setup").ensure_branch("Branch")
    store.close()
    pin = tmp_path / "pin"
    pin.write_text("123456")
    pin.chmod(0o600)
    args = ["staff", "first-admin", "--id", "T9", "--name", name, "--new-pin-file", str(pin)]
    code = main(["--db", str(tmp_path / "s.db"), *args])
    err = capsys.readouterr().err
    assert code == 2 and "staff name holds a broken character" in err and err.count("\n") == 1
