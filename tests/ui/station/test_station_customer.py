"""Identifying the customer at the counter: the ticket is linked and the masked profile fills the panel."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select
from station_harness import Harness, wait_until

from models.customers.desk import CustomerDesk, guess_kind
from models.customers.tables import CrossSellOutcomeRow
from models.store.tables import EventRow, TicketRow
from queueing.customers.visits import NotYourVisit

K = Qt.Key
KEY = bytes(range(32))
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def station(qtbot, tmp_path):
    harness = Harness(qtbot, tmp_path)
    harness.samples = harness.with_customers(KEY).samples
    yield harness
    harness.close()


def test_identify_links_the_ticket_and_shows_the_masked_profile(station):
    sample = station.samples[0]
    ticket = station.branch.issue_ticket("CASH").ticket
    station.sign_in()
    station.press(K.Key_F1)
    station.key(K.Key_I, Qt.KeyboardModifier.ControlModifier)
    dialog = station.dialog("identifyDialog")
    station.type(sample.card_number)
    assert dialog.kind.currentData() == "card"
    station.key(K.Key_Return)
    station.settle()
    wait_until(lambda: station.window.profile is not None)
    profile = station.window.profile
    assert profile.customer_no == sample.customer_no
    with station.store.read_session() as s:
        assert s.get(TicketRow, ticket.id).customer_id == str(profile.customer_id)
        assert "ticket_customer_linked" in s.scalars(select(EventRow.type)).all()
    texts = " ".join(label.text() for label in station.window.profile_panel.findChildren(type(station.window.banner)))
    assert profile.masked_name in texts and profile.masked_phone in texts
    assert sample.card_number not in texts and sample.phone not in texts


def test_unknown_number_says_so(station):
    station.branch.issue_ticket("CASH")
    station.sign_in()
    station.press(K.Key_F1)
    station.key(K.Key_I, Qt.KeyboardModifier.ControlModifier)
    station.dialog("identifyDialog")
    station.type("13900000000")
    station.key(K.Key_Return)
    station.settle()
    assert station.window.banner.text() == "This customer was not found."
    assert station.window.profile is None


def _serve_one_with_prompts(station):
    return station.serve_customer_with_prompts()


def test_prompt_outcome_is_recorded(station, qtbot):
    with_prompts = _serve_one_with_prompts(station)
    prompt = with_prompts.prompts[0]
    button = station.window.profile_panel.findChild(QPushButton, "outcome_declined")
    assert button is not None
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    station.settle()
    with station.store.read_session() as s:
        row = s.scalars(select(CrossSellOutcomeRow)).one()
    assert (row.rule_code, row.outcome, row.staff_id) == (prompt.rule_code, "declined", "T1001")
    assert row.ticket_id == station.counter().current.id


def test_an_outcome_sent_again_after_a_lost_answer_counts_once(station, qtbot, monkeypatch):
    with_prompts = _serve_one_with_prompts(station)
    desk = station.ctx.customers
    record = desk.crosssell.record_outcome

    def answer_lost(*args, **kwargs):
        monkeypatch.setattr(desk.crosssell, "record_outcome", record)  # the link is back for the retry
        record(*args, **kwargs)  # committed
        raise ConnectionResetError("server closed the connection unexpectedly")

    monkeypatch.setattr(desk.crosssell, "record_outcome", answer_lost)
    for _ in range(2):  # the teller sees the failure and presses again
        button = station.window.profile_panel.findChild(QPushButton, "outcome_accepted")
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        station.settle()
    with station.store.read_session() as s:
        rows = s.scalars(select(CrossSellOutcomeRow)).all()
    assert [(r.rule_code, r.outcome) for r in rows] == [(with_prompts.prompts[0].rule_code, "accepted")]


def test_another_customers_profile_is_not_opened_at_the_counter(station):
    """The station's session opens only the profile of the customer it serves, whatever the caller asks."""
    served = _serve_one_with_prompts(station)
    desk, staff = station.ctx.customers, station.ctx.signed_in
    other = next(cid for cid in range(1, 41) if cid != served.customer_id)
    with pytest.raises(NotYourVisit):
        desk.open(staff, other, station.counter().current.id)
    station.window.show_failure(NotYourVisit("refused"))
    assert station.window.banner.text() == (
        "You can open the profile and record answers to suggestions only for the customer you are serving."
    )


def test_a_new_ticket_can_be_issued_for_an_identified_customer(station):
    sample = station.samples[1]
    station.sign_in()
    station.key(K.Key_N, Qt.KeyboardModifier.ControlModifier)
    dialog = station.dialog("issueDialog")
    station.key(K.Key_Tab)
    station.key(K.Key_Tab)
    assert station.focused() is dialog.customer
    station.type(sample.phone)
    station.key(K.Key_Return, Qt.KeyboardModifier.ControlModifier)  # issue and call
    station.settle()
    current = station.counter().current
    profile = station.ctx.customers.find(station.ctx.signed_in, guess_kind(sample.phone), sample.phone, None)
    assert current.customer_id == str(profile.customer_id)
    wait_until(lambda: station.window.profile is not None)
    assert station.window.profile.customer_no == sample.customer_no


def test_offline_station_says_look_up_needs_the_branch_server(station):
    station.ctx.customers.online = lambda: False  # a synced station whose link is down
    station.branch.issue_ticket("CASH")
    station.sign_in()
    station.press(K.Key_F1)
    station.key(K.Key_I, Qt.KeyboardModifier.ControlModifier)
    station.dialog("identifyDialog")
    station.type(station.samples[0].card_number)
    station.key(K.Key_Return)
    station.settle()
    assert station.window.banner.text().startswith("Customer look-up needs the branch server")
    assert station.window.profile is None


def test_what_is_no_phone_number_is_refused_in_words_the_teller_can_act_on(station):
    station.branch.issue_ticket("CASH")
    station.sign_in()
    station.press(K.Key_F1)
    station.key(K.Key_I, Qt.KeyboardModifier.ControlModifier)
    dialog = station.dialog("identifyDialog")
    station.type("+")
    assert dialog.kind.currentData() == "phone"
    station.key(K.Key_Return)
    station.settle()
    wait_until(lambda: station.window.banner.isVisible())
    assert station.window.banner.text().startswith("This is not a phone number: type its digits")
    assert station.window.profile is None


def test_link_failure_during_look_up_is_reported_as_offline_and_a_refusal_is_not():
    import psycopg
    from sqlalchemy.exc import IntegrityError, OperationalError

    from models.station.service import UpstreamUnreachable

    desk = CustomerDesk(None, None, "ST1")  # type: ignore[arg-type]
    lost = OperationalError("SELECT 1", {}, psycopg.OperationalError("server closed the connection"))
    with pytest.raises(UpstreamUnreachable):
        desk._upstream(lambda: (_ for _ in ()).throw(lost))
    refused = IntegrityError("INSERT", {}, psycopg.errors.UniqueViolation("duplicate key"))
    with pytest.raises(IntegrityError):
        desk._upstream(lambda: (_ for _ in ()).throw(refused))


@pytest.mark.parametrize(
    ("language", "said"),
    [("en", "This suggestion was not made for this customer in this visit"), ("zh_CN", "本次办理未向该客户提出此推荐"),
     ("ko", "이번 방문에서 이 고객에게 제시되지 않은 추천"), ("es", "Esta sugerencia no se hizo a este cliente")],
)
def test_an_answer_to_a_suggestion_the_visit_did_not_show_is_refused_in_the_tellers_language(station, language, said):
    """The panel's prompts are the only ones the service takes (CrossSellService screens the answer again): one the
    visit did not show (a forged or stale prompt) is refused, recorded nowhere, and said in the teller's language."""
    from dataclasses import replace

    served = _serve_one_with_prompts(station)
    shown = {p.rule_code for p in served.prompts}
    rules = station.ctx.customers.crosssell.rulebook.rules.rules
    unshown = next(r for r in rules if r.code not in shown)
    forged = replace(served.prompts[0], rule_code=unshown.code, product=unshown.product)
    station.i18n.set_language(language)
    try:
        station.window.commands.record_outcome(forged, "accepted")
        station.settle()
        wait_until(lambda: said in station.window.banner.text())
    finally:
        station.i18n.set_language("en")
    with station.store.read_session() as s:
        assert s.scalars(select(CrossSellOutcomeRow)).all() == []
