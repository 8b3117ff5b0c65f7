"""A teller opens a profile and records a cross-sell answer only in their own visit with that customer (SQLite).

Answers earn piece-rate: a colleague's ticket, one finished long ago, one of another customer, no ticket at
all or a forged session must each record nothing. PostgreSQL: test_visit_rule_pg.py.
"""

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from customer_fixtures import (
    ADMIN,
    BRANCH,
    SUPERVISOR,
    TELLER,
    TELLER2,
    add_customer,
    customer_clock_fixture,  # noqa: F401 - fixture
    customer_services_fixture,  # noqa: F401 - fixture
    customer_store_fixture,  # noqa: F401 - fixture
)
from sqlalchemy import func, select
from staff_sessions import SIGNED_IN_AT
from visits import answers_lost_at_commit, counter_of, finish, serve

from models.branch.service import BranchService
from models.customers.tables import CrossSellOutcomeRow
from models.staff.session import SignInMode, StaffSession
from queueing.core.categories import load_branch_config
from queueing.core.errors import DomainError
from queueing.core.roles import PermissionDenied, Role
from queueing.core.tickets import TransactionLine
from queueing.crosssell.rules import Outcome
from queueing.customers.visits import ANSWER_AFTER_FINISH, NotYourVisit


@pytest.fixture
def zhang(store):
    return add_customer(store, family="张", given="小三", id_number="110105198006151234", phone="13912345678",
                        holdings=(("demand_deposit", "salary_account", "150000", None, None),))


def _prompt(services, actor, customer, ticket):
    return services[0].open_profile(actor, customer, ticket).prompts[0]


def _answers(store) -> int:
    with store.read_session() as session:
        return session.scalar(select(func.count()).select_from(CrossSellOutcomeRow))


def test_a_colleagues_visit_is_refused(store, clock, services, zhang):
    customers, crosssell = services
    theirs = serve(store, TELLER2, zhang, clock)
    prompt = _prompt(services, TELLER2, zhang, theirs)
    serve(store, TELLER, add_customer(store, family="王", given="五", id_number="110105198001012222",
                                      phone="13900000001"), clock)  # T1 serves someone at their own counter
    with pytest.raises(NotYourVisit):
        customers.open_profile(TELLER, zhang, theirs)
    with pytest.raises(NotYourVisit):
        crosssell.record_outcome(TELLER, zhang, prompt, Outcome.ACCEPTED, theirs)
    finish(store, TELLER2, clock)  # nor once the colleague has finished it
    with pytest.raises(NotYourVisit):
        crosssell.record_outcome(TELLER, zhang, prompt, Outcome.ACCEPTED, theirs)
    assert _answers(store) == 0
    crosssell.record_outcome(TELLER2, zhang, prompt, Outcome.ACCEPTED, theirs)  # the colleague's own answer counts


def test_an_answer_just_after_the_visit_counts_but_not_one_long_after(store, clock, services, zhang):
    customers, crosssell = services
    visit = serve(store, TELLER, zhang, clock)
    first, second = customers.open_profile(TELLER, zhang, visit).prompts[:2]
    finish(store, TELLER, clock)
    with pytest.raises(NotYourVisit):  # the profile closes with the visit
        customers.open_profile(TELLER, zhang, visit)
    clock.advance(ANSWER_AFTER_FINISH.total_seconds() - 60)
    crosssell.record_outcome(TELLER, zhang, first, Outcome.ACCEPTED, visit)  # sent as the teller pressed Finish
    clock.advance(120)
    with pytest.raises(NotYourVisit, match=f"ticket {visit} is not your visit"):
        crosssell.record_outcome(TELLER, zhang, second, Outcome.ACCEPTED, visit)
    assert _answers(store) == 1


def test_a_ticket_finished_last_week_is_refused(store, clock, services, zhang):
    customers, crosssell = services
    visit = serve(store, TELLER, zhang, clock)
    prompt = _prompt(services, TELLER, zhang, visit)
    finish(store, TELLER, clock)
    clock.advance(7 * 86400)
    serve(store, TELLER, add_customer(store, family="李", given="四", id_number="110105198001011111",
                                      phone="13900000000"), clock)  # a busy teller at their counter today
    with pytest.raises(NotYourVisit):
        crosssell.record_outcome(TELLER, zhang, prompt, Outcome.ACCEPTED, visit)
    with pytest.raises(NotYourVisit):
        customers.open_profile(TELLER, zhang, visit)
    assert _answers(store) == 0


def test_a_ticket_of_another_customer_or_none_at_all_is_refused_for_a_teller(store, clock, services, zhang):
    customers, crosssell = services
    other = add_customer(store, family="王", given="六", id_number="110105198001013333", phone="13900000002")
    visit = serve(store, TELLER, other, clock)
    prompt = _prompt(services, TELLER, other, visit)
    for ticket in (visit, None, "no-such-ticket"):
        with pytest.raises(NotYourVisit):
            customers.open_profile(TELLER, zhang, ticket)
        with pytest.raises(NotYourVisit):
            crosssell.record_outcome(TELLER, zhang, prompt, Outcome.ACCEPTED, ticket, request_id="answer-1")
    assert _answers(store) == 0


def test_a_counter_the_teller_left_is_not_theirs_any_more(store, clock, services, zhang):
    """Signed out with the customer still at the window (the next teller takes them over): no answer from afar."""
    customers, crosssell = services
    visit = serve(store, TELLER, zhang, clock)
    prompt = _prompt(services, TELLER, zhang, visit)
    BranchService(store, load_branch_config(), BRANCH, "ST1", clock).sign_out(counter_of(TELLER), "T1", keep_open=True)
    with pytest.raises(NotYourVisit):
        crosssell.record_outcome(TELLER, zhang, prompt, Outcome.ACCEPTED, visit)
    with pytest.raises(NotYourVisit):
        customers.open_profile(TELLER, zhang, visit)
    assert _answers(store) == 0


@pytest.mark.parametrize("forge", ["hand_built", "another_teller", "promoted"])
def test_a_forged_session_is_refused(store, clock, services, zhang, forge):
    customers, crosssell = services
    theirs = serve(store, TELLER2, zhang, clock)
    prompt = _prompt(services, TELLER2, zhang, theirs)
    forged = {
        "hand_built": StaffSession(BRANCH, "T2", "T2", Role.TELLER, "ST1", SIGNED_IN_AT, SignInMode.ONLINE),
        "another_teller": replace(TELLER, staff_id="T2"),  # T1's session, claiming to be the one serving
        "promoted": replace(TELLER, role=Role.SUPERVISOR),  # to act without a visit
    }[forge]
    with pytest.raises(PermissionDenied, match="not a signed-in session"):
        customers.open_profile(forged, zhang, theirs if forge == "another_teller" else None)
    with pytest.raises(PermissionDenied, match="not a signed-in session"):
        crosssell.record_outcome(forged, zhang, prompt, Outcome.ACCEPTED, theirs if forge != "promoted" else None)
    assert _answers(store) == 0


@pytest.mark.parametrize("actor", [SUPERVISOR, ADMIN], ids=["supervisor", "administrator"])
def test_a_supervisor_or_administrator_acts_without_a_ticket_but_not_on_a_tellers(store, clock, services, zhang,
                                                                                    actor):
    customers, crosssell = services
    prompt = customers.open_profile(actor, zhang).prompts[0]
    crosssell.record_outcome(actor, zhang, prompt, Outcome.INTERESTED, request_id="call-1")
    theirs = serve(store, TELLER, zhang, clock)
    with pytest.raises(NotYourVisit):  # a ticket named is a visit: the teller's answer is the teller's to give
        crosssell.record_outcome(actor, zhang, prompt, Outcome.ACCEPTED, theirs)
    assert _answers(store) == 1


def test_an_answer_saved_before_its_reply_was_lost_counts_once_even_after_the_grace(store, clock, services, zhang,
                                                                                      monkeypatch):
    """The link dies at the COMMIT: the answer is saved, the station never hears so and sends it again when the
    link is back, by then after the visit's grace. It is the same answer: returned, not refused, not doubled."""
    customers, crosssell = services
    visit = serve(store, TELLER, zhang, clock)
    prompt, other_prompt = customers.open_profile(TELLER, zhang, visit).prompts[:2]
    with answers_lost_at_commit(monkeypatch, store), pytest.raises(ConnectionResetError):
        crosssell.record_outcome(TELLER, zhang, prompt, Outcome.ACCEPTED, visit, request_id="answer-1")
    finish(store, TELLER, clock)
    clock.advance(ANSWER_AFTER_FINISH.total_seconds() + 3600)
    again = crosssell.record_outcome(TELLER, zhang, prompt, Outcome.ACCEPTED, visit, request_id="answer-1")
    assert again.ticket_id == visit and again.at == datetime(2026, 11, 23, 1, 0, tzinfo=UTC)
    assert _answers(store) == 1
    with pytest.raises(NotYourVisit):  # a new answer to the late visit is refused all the same
        crosssell.record_outcome(TELLER, zhang, other_prompt, Outcome.ACCEPTED, visit, request_id="answer-2")
    with pytest.raises(DomainError, match="another answer"):  # nor is the id a key to it for another teller
        crosssell.record_outcome(TELLER2, zhang, prompt, Outcome.ACCEPTED, visit, request_id="answer-1")
    assert _answers(store) == 1


def test_a_refused_attempt_on_a_colleagues_visit_is_in_the_audit_log(store, clock, services, zhang):
    """Refusals rolled their transaction back and left no trace: who tried to open or credit a customer they did
    not serve is now in the audit log, as a refused reveal is."""
    from models.audit.log import AuditLogRow

    customers, crosssell = services
    theirs = serve(store, TELLER2, zhang, clock)
    prompt = _prompt(services, TELLER2, zhang, theirs)
    with pytest.raises(NotYourVisit):
        customers.open_profile(TELLER, zhang, theirs)
    with pytest.raises(NotYourVisit):
        crosssell.record_outcome(TELLER, zhang, prompt, Outcome.ACCEPTED, theirs)
    with store.read_session() as session:
        rows = session.scalars(select(AuditLogRow).where(AuditLogRow.action == "visit_refused")).all()
        seen = [(r.staff_id, r.customer_id, r.detail) for r in rows]
    assert seen == [
        (TELLER.staff_id, zhang, {"what": "profile", "ticket": theirs}),
        (TELLER.staff_id, zhang, {"what": "outcome", "ticket": theirs}),
    ]


def test_the_teller_who_takes_the_counter_over_serves_its_customer_and_the_one_who_left_does_not(
    store, clock, services, zhang
):
    """A teller's window closed with Zhang at the counter; the next teller signed in there serves him, profile and
    answers included. The teller who left no longer holds the counter, so the visit is no longer theirs to act
    in; once it is finished, only its caller may add a late answer (as before)."""
    customers, crosssell = services
    visit = serve(store, TELLER, zhang, clock)
    branch = BranchService(store, load_branch_config(), BRANCH, "ST1", clock)
    branch.sign_out(counter_of(TELLER), TELLER.staff_id, keep_open=True)
    branch.sign_in(counter_of(TELLER), TELLER2.staff_id)
    prompt, late = customers.open_profile(TELLER2, zhang, visit).prompts[:2]
    crosssell.record_outcome(TELLER2, zhang, prompt, Outcome.ACCEPTED, visit)
    with pytest.raises(NotYourVisit):
        customers.open_profile(TELLER, zhang, visit)
    with pytest.raises(NotYourVisit):
        crosssell.record_outcome(TELLER, zhang, prompt, Outcome.DECLINED, visit)
    branch.finish(counter_of(TELLER), [TransactionLine("CASH_DEPOSIT", 1)])
    with pytest.raises(NotYourVisit):
        customers.open_profile(TELLER2, zhang, visit)
    clock.advance(2)  # an answer sent as T2 pressed Finish arrives just after it: the grace is the finisher's
    with pytest.raises(NotYourVisit):  # the teller who left before the finish gains nothing from it (review)
        crosssell.record_outcome(TELLER, zhang, late, Outcome.ACCEPTED, visit)
    crosssell.record_outcome(TELLER2, zhang, late, Outcome.DECLINED, visit)
    with store.read_session() as session:
        assert session.scalars(select(CrossSellOutcomeRow.staff_id)).all() == ["T2", "T2"]
