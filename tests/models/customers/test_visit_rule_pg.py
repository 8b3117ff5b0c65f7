"""The visit rule on PostgreSQL, where a station's login may call the server's functions without the service.

The service leaves the rule to the functions there (models/customers/visit_sql.py); these tests go through the
service as the station's granted role, and call the functions directly as that role, naming whichever account
would pay (a forged "session" is just a staff id typed into the call). SQLite: test_visit_rule.py.
"""

import secrets
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest
from pg_server import pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import exists, func, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError
from staff_sessions import add_accounts, session_of
from visits import answers_lost_at_commit, counter_of, finish, serve

from models.branch.service import BranchService
from models.customers.answer_screen_sql import NOT_IN_RULEBOOK
from models.customers.service import CustomerService
from models.customers.station_lookups_pg import PROFILE_FUNCTION
from models.customers.station_writes_pg import OUTCOME_FUNCTION
from models.customers.tables import CrossSellOutcomeRow, CustomerRow, HoldingRow
from models.demo.customers import generate_customers
from models.marketing.crosssell_service import CrossSellService
from models.marketing.rulebook_publish import publish_files
from models.store.database import open_store
from models.sync.station_grants import grant_station
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.roles import PermissionDenied, Role
from queueing.core.tickets import TransactionLine
from queueing.crosssell.rules import Outcome, RuleBook, load_rules
from queueing.crosssell.screen import Prompt
from queueing.customers.tiers import load_tiers
from queueing.customers.visits import NotYourVisit

pytestmark = pytest.mark.postgres
KEY = secrets.token_bytes(32)
TELLER = session_of("B1", "T1", Role.TELLER, "ST1")
TELLER2 = session_of("B1", "T2", Role.TELLER, "ST2")
SUPERVISOR = session_of("B1", "S1", Role.SUPERVISOR, "SUP")
CLOCK_AT = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
PROMPT = Prompt("age_55_pension", "pension", 1, {"en": "why"}, {"en": "say"}, None)


@pytest.fixture
def branch(pg_url):
    """(owner's store, the station role's store, two customers who take prompts, a clock)."""
    admin = open_store(pg_url)
    clock = ManualClock(CLOCK_AT)
    BranchService(admin, load_branch_config(), "B1", "SETUP", clock).ensure_branch("Test branch")
    publish_files(admin, ("B1",), load_rules(), load_tiers(), "supervisor screen", CLOCK_AT)  # as its start does
    add_accounts(admin, TELLER, TELLER2, SUPERVISOR)
    generate_customers(admin, "B1", KEY, 6, today=date(2026, 11, 23), seed=8)
    with admin.write_session() as session:
        session.execute(CustomerRow.__table__.update().values(marketing_consent=True))
        # PROMPT's product is not theirs yet: the server screens an answer as the profile does (held, cool-down).
        first, second = session.scalars(
            select(CustomerRow.id).where(~exists().where(HoldingRow.customer_id == CustomerRow.id,
                                                         HoldingRow.kind == "pension"))
            .order_by(CustomerRow.id).limit(2)
        )
    role = f"station_{uuid.uuid4().hex[:8]}"
    grant_station(admin, role)
    station = open_store(make_url(pg_url).set(username=role))
    yield admin, station, (first, second), clock
    station.close()
    admin.close()


def _services(store, clock):
    return (CustomerService(store, "B1", KEY, clock=clock, timezone="Asia/Shanghai"),
            CrossSellService(store, "B1", RuleBook(), clock=clock, timezone="Asia/Shanghai"))


def _answers(admin) -> int:
    with admin.read_session() as session:
        return session.scalar(select(func.count()).select_from(CrossSellOutcomeRow))


def _finished_ago(admin, ticket_id: str, minutes: int) -> None:
    """The ticket finished ``minutes`` ago by the server's clock (the one the functions go by)."""
    with admin.write_session() as session:
        session.execute(text("UPDATE ticket SET finished_at = now() - make_interval(mins => :m) WHERE id = :t"),
                        {"m": minutes, "t": ticket_id})


def _outcome_as(station, customer_id: int, staff_id: str, ticket_id: str | None, request_id: str | None = None):
    """counterline_record_outcome called directly with the station's login, naming ``staff_id``."""
    with station.engine.begin() as conn:
        return conn.execute(
            text(f"SELECT {OUTCOME_FUNCTION}('B1', :c, :s, 'ST1', now(), 'age_55_pension', 'pension', 'accepted', "
                 ":t, NULL, NULL, '{}', '{standard}', '{0}', :r)"),
            {"c": customer_id, "s": staff_id, "t": ticket_id, "r": request_id},
        ).scalar_one()


def _profile_as(station, customer_id: int, staff_id: str, ticket_id: str | None):
    with station.engine.begin() as conn:
        return conn.execute(
            text(f"SELECT {PROFILE_FUNCTION}('B1', NULL, NULL, :c, :s, 'ST1', now(), 3, '{{}}', :t)"),
            {"c": customer_id, "s": staff_id, "t": ticket_id},
        ).scalar_one()


def test_a_colleagues_visit_is_refused_by_the_service_and_by_the_functions(branch):
    admin, station, (zhang, other), clock = branch
    customers, crosssell = _services(station, clock)
    theirs = serve(admin, TELLER2, zhang, clock)
    serve(admin, TELLER, other, clock)
    with pytest.raises(NotYourVisit):
        customers.open_profile(TELLER, zhang, theirs)
    with pytest.raises(NotYourVisit):
        crosssell.record_outcome(TELLER, zhang, PROMPT, Outcome.ACCEPTED, theirs)
    assert _outcome_as(station, zhang, "T1", theirs) == {"not_your_visit": True}
    assert _profile_as(station, zhang, "T1", theirs) == {"not_your_visit": True}
    assert _answers(admin) == 0
    with admin.read_session() as session:  # both refusals audited, through the station's own login
        tried = session.execute(text("SELECT detail FROM audit_log WHERE action = 'visit_refused' ORDER BY seq"))
        assert [row[0]["what"] for row in tried] == ["profile", "outcome"]
    assert crosssell.record_outcome(TELLER2, zhang, PROMPT, Outcome.ACCEPTED, theirs).staff_id == "T2"


def test_an_answer_counts_shortly_after_the_visit_by_the_servers_clock_not_an_hour_after(branch):
    admin, station, (zhang, _), clock = branch
    customers, crosssell = _services(station, clock)
    visit = serve(admin, TELLER, zhang, clock)
    assert customers.open_profile(TELLER, zhang, visit).customer_id == zhang
    finish(admin, TELLER, clock)
    _finished_ago(admin, visit, 60)
    with pytest.raises(NotYourVisit):
        crosssell.record_outcome(TELLER, zhang, PROMPT, Outcome.ACCEPTED, visit)
    with pytest.raises(NotYourVisit):
        customers.open_profile(TELLER, zhang, visit)
    assert _answers(admin) == 0
    _finished_ago(admin, visit, 2)
    assert crosssell.record_outcome(TELLER, zhang, PROMPT, Outcome.ACCEPTED, visit).ticket_id == visit
    with pytest.raises(NotYourVisit):  # the profile closes with the visit, grace or not
        customers.open_profile(TELLER, zhang, visit)


def test_a_ticket_of_another_customer_is_refused(branch):
    admin, station, (zhang, other), clock = branch
    customers, crosssell = _services(station, clock)
    visit = serve(admin, TELLER, other, clock)
    with pytest.raises(NotYourVisit):
        customers.open_profile(TELLER, zhang, visit)
    with pytest.raises(NotYourVisit):
        crosssell.record_outcome(TELLER, zhang, PROMPT, Outcome.ACCEPTED, visit)
    assert _answers(admin) == 0


def test_a_forged_session_or_a_supervisor_named_over_the_station_login_opens_and_records_nothing(branch):
    admin, station, (zhang, _), clock = branch
    customers, crosssell = _services(station, clock)
    theirs = serve(admin, TELLER2, zhang, clock)
    with pytest.raises(PermissionDenied, match="not a signed-in session"):
        crosssell.record_outcome(replace(TELLER, staff_id="T2"), zhang, PROMPT, Outcome.ACCEPTED, theirs)
    with pytest.raises(PermissionDenied, match="not a signed-in session"):
        customers.open_profile(replace(TELLER, role=Role.SUPERVISOR), zhang)
    # The service is no obstacle to a script with the station's login: it names whom it likes.
    assert _outcome_as(station, zhang, "T1", None, "forged-1") == {"not_your_visit": True}
    assert _outcome_as(station, zhang, "S1", None, "forged-2") == {"not_your_visit": True}
    assert _profile_as(station, zhang, "S1", None) == {"not_your_visit": True}
    assert _profile_as(station, zhang, "T1", None) == {"not_your_visit": True}
    with pytest.raises(NotYourVisit):  # the same supervisor over the station's login, through the service
        customers.open_profile(SUPERVISOR, zhang)
    assert _answers(admin) == 0
    # Over a login that reads the customers anyway (the supervisor's screen), a supervisor needs no ticket.
    supervisors, answers = _services(admin, clock)
    assert supervisors.open_profile(SUPERVISOR, zhang).customer_id == zhang
    assert answers.record_outcome(SUPERVISOR, zhang, PROMPT, Outcome.INTERESTED, request_id="call-1").staff_id == "S1"


def test_an_answer_saved_before_its_reply_was_lost_counts_once_after_the_grace(branch, monkeypatch):
    """The link dies at the COMMIT; the retry comes when the link is back, an hour after the visit ended."""
    admin, station, (zhang, _), clock = branch
    _, crosssell = _services(station, clock)
    visit = serve(admin, TELLER, zhang, clock)
    with answers_lost_at_commit(monkeypatch, station), pytest.raises(ConnectionResetError):
        crosssell.record_outcome(TELLER, zhang, PROMPT, Outcome.ACCEPTED, visit, request_id="answer-1")
    finish(admin, TELLER, clock)
    _finished_ago(admin, visit, 60)
    again = crosssell.record_outcome(TELLER, zhang, PROMPT, Outcome.ACCEPTED, visit, request_id="answer-1")
    assert again.ticket_id == visit and isinstance(again.at, datetime)
    assert _answers(admin) == 1
    assert _outcome_as(station, zhang, "T2", visit, "answer-1") == {"request_taken": True}
    assert _answers(admin) == 1


def test_the_teller_who_takes_the_counter_over_serves_its_customer_through_the_functions(branch):
    """0026: a called or served ticket is the visit of whoever holds its counter, over the station's login too;
    a late answer after the finish is still its caller's alone."""
    admin, station, (zhang, _), clock = branch
    customers, crosssell = _services(station, clock)
    visit = serve(admin, TELLER, zhang, clock)
    counters = BranchService(admin, load_branch_config(), "B1", "ST1", clock)
    counters.sign_out(counter_of(TELLER), "T1", keep_open=True)
    counters.sign_in(counter_of(TELLER), "T2")
    assert customers.open_profile(TELLER2, zhang, visit).customer_id == zhang
    assert crosssell.record_outcome(TELLER2, zhang, PROMPT, Outcome.ACCEPTED, visit).staff_id == "T2"
    assert _profile_as(station, zhang, "T1", visit) == {"not_your_visit": True}  # the teller who left
    counters.finish(counter_of(TELLER), [TransactionLine("CASH_DEPOSIT", 1)])
    assert _profile_as(station, zhang, "T2", visit) == {"not_your_visit": True}  # the profile closes with the visit
    _finished_ago(admin, visit, 2)
    assert _outcome_as(station, zhang, "T1", visit) == {"not_your_visit": True}  # left before the finish
    assert "outcome" in _outcome_as(station, zhang, "T2", visit, request_id="late")  # the finisher's grace


def _refusal(station, customer_id: int, ticket_id: str | None, rule: str, product: str, staff: str = "T1"):
    """The SQLSTATE and message of the server's refusal of a direct "accepted" for ``rule`` and ``product``."""
    with pytest.raises(DBAPIError) as refused, station.engine.begin() as conn:
        conn.execute(
            text(f"SELECT {OUTCOME_FUNCTION}('B1', :c, :s, 'ST1', now(), :rule, :product, 'accepted', "
                 ":t, NULL, NULL, '{}', '{standard}', '{0}', NULL)"),
            {"c": customer_id, "s": staff, "t": ticket_id, "rule": rule, "product": product},
        )
    return refused.value.orig.sqlstate, refused.value.orig.diag.message_primary


def test_the_outcome_function_refuses_a_rule_and_product_no_rule_file_holds(branch):
    """The server's outcome function is what a station's login may call directly; it checks the visit and the
    consent, and now the rule and product against the rulebook the branch published (the piece-rate pays per
    accepted product)."""
    admin, station, (zhang, _), clock = branch
    visit = serve(admin, TELLER, zhang, clock)  # the teller's own live visit: the visit rule holds
    for n in range(5):
        state, message = _refusal(station, zhang, visit, f"invented_{n}", "loan")
        assert (state, f'"invented_{n}"') == (NOT_IN_RULEBOOK, message.split()[3])
    # A real rule, with a product it does not offer (a loan pays more than a pension).
    assert _refusal(station, zhang, visit, "age_55_pension", "loan")[0] == NOT_IN_RULEBOOK
    assert _answers(admin) == 0
    assert "outcome" in _outcome_as(station, zhang, "T1", visit)  # the real rule and product: recorded


