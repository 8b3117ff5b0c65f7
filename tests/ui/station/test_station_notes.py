"""Notes and follow-ups at the counter, and the cross-sell outcome keys, by keyboard alone."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest
from label_text import shown_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel
from sqlalchemy import select
from station_harness import Harness, wait_until

from models.customers.tables import CrossSellOutcomeRow, FollowUpRow
from queueing.customers.profiles import Channel, FollowUp

K = Qt.Key
M = Qt.KeyboardModifier
KEY = bytes(range(32))
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def station(qtbot, tmp_path):
    harness = Harness(qtbot, tmp_path)
    harness.with_customers(KEY)
    yield harness
    harness.close()


def serve_a_customer_with_prompts(station):
    profile = station.serve_customer_with_prompts()
    station.window.activateWindow()
    return profile


def labels(station, name):
    return [w.text() for w in station.window.profile_panel.findChildren(QLabel, name)]


def test_no_note_without_a_customer(station):
    station.branch.issue_ticket("CASH")
    station.sign_in()
    station.press(K.Key_F1)
    assert not station.window.station_actions["add_note"].isEnabled()
    assert not station.window.station_actions["add_follow_up"].isEnabled()


def test_ctrl_d_writes_a_note_shown_escaped_on_the_profile(station):
    profile = serve_a_customer_with_prompts(station)
    station.key(K.Key_D, M.ControlModifier)
    station.dialog("noteDialog")
    station.type("<b>Prefers</b> calls after 18:00")
    station.key(K.Key_Return, M.ControlModifier)
    station.settle()
    with station.store.read_session() as s:
        row = s.scalars(select(FollowUpRow).where(FollowUpRow.staff_id == "T1001")).one()
    assert (row.customer_id, row.staff_id, row.next_action_on, row.text) == (
        profile.customer_id, "T1001", None, "<b>Prefers</b> calls after 18:00")
    wait_until(lambda: labels(station, "recentNote"))
    (shown,) = labels(station, "recentNote")
    assert "&lt;b&gt;Prefers&lt;/b&gt; calls after 18:00" in shown


def test_an_empty_note_is_not_saved(station):
    serve_a_customer_with_prompts(station)
    station.key(K.Key_D, M.ControlModifier)
    dialog = station.dialog("noteDialog")
    station.type("   ")
    station.key(K.Key_Return, M.ControlModifier)
    assert dialog.isVisible() and dialog.note.text() == "Please write the note."
    with station.store.read_session() as s:
        assert s.scalars(select(FollowUpRow).where(FollowUpRow.staff_id == "T1001")).all() == []


def test_ctrl_u_plans_a_follow_up_for_a_colleague(station):
    profile = serve_a_customer_with_prompts(station)
    station.key(K.Key_U, M.ControlModifier)
    dialog = station.dialog("followUpDialog")
    assert dialog.owner.currentData() == "T1001"
    station.type("Call about the 12-month deposit")
    station.key(K.Key_Tab)
    assert station.focused() is dialog.due or dialog.due.isAncestorOf(station.focused())
    station.key(K.Key_Up)  # the day: one more (the default is tomorrow)
    station.key(K.Key_Tab)
    other = next(i for i in range(dialog.owner.count()) if dialog.owner.itemData(i) != "T1001")
    dialog.owner.setCurrentIndex(other)
    owner = dialog.owner.itemData(other)
    station.key(K.Key_Return, M.ControlModifier)
    station.settle()
    with station.store.read_session() as s:
        row = s.scalars(select(FollowUpRow).where(FollowUpRow.staff_id == "T1001")).one()
    today = station.ctx.customers.today()
    assert (row.customer_id, row.owner_id, row.next_action_on) == (profile.customer_id, owner, today + timedelta(2))
    wait_until(lambda: labels(station, "openFollowUp"))
    assert owner in labels(station, "openFollowUp")[0]


def test_alt_digits_record_the_first_open_prompt_then_the_next(station):
    profile = serve_a_customer_with_prompts(station)
    first = profile.prompts[0]
    station.key(K.Key_3, M.AltModifier)  # Declined
    station.settle()
    wait_until(lambda: first.rule_code in station.window.profile_panel.recorded)
    if len(profile.prompts) > 1:
        station.key(K.Key_2, M.AltModifier)  # Interested: now the second prompt's keys
        station.settle()
        wait_until(lambda: len(station.window.profile_panel.recorded) == 2)
    with station.store.read_session() as s:
        rows = s.scalars(select(CrossSellOutcomeRow).order_by(CrossSellOutcomeRow.id)).all()
    expected = [(first.rule_code, "declined")]
    if len(profile.prompts) > 1:
        expected.append((profile.prompts[1].rule_code, "interested"))
    assert [(r.rule_code, r.outcome) for r in rows] == expected


def test_a_double_key_press_records_one_outcome(station):
    profile = serve_a_customer_with_prompts(station)
    station.key(K.Key_3, M.AltModifier)
    station.key(K.Key_3, M.AltModifier)  # before the first answer came back: the same prompt is pending
    station.settle()
    wait_until(lambda: profile.prompts[0].rule_code in station.window.profile_panel.recorded)
    with station.store.read_session() as s:
        rows = s.scalars(select(CrossSellOutcomeRow)).all()
    assert [(r.rule_code, r.outcome) for r in rows] == [(profile.prompts[0].rule_code, "declined")]


def test_a_customers_own_text_is_shown_as_it_is_never_as_markup(station):
    """The customer file comes from the bank's other systems: a family name (shown whole), a customer number or a
    tier name holding markup is shown as characters, not rendered (hidden text, a false flag, a huge banner)."""
    profile = serve_a_customer_with_prompts(station)
    hostile = replace(
        profile,
        masked_name="<b>Evil</b> <span style='font-size:1pt'>Lee</span>",
        customer_no="<i>C-1</i>",
        masked_phone="<u>138****0000</u>",
        tier_names={**profile.tier_names, "en": "<h1>VIP</h1>"},
    )
    station.window.show_profile(hostile, station.counter().current.id)
    seen = " | ".join(shown_text(w) for w in station.window.profile_panel.findChildren(QLabel))
    for text in (hostile.masked_name, hostile.customer_no, hostile.masked_phone, "<h1>VIP</h1>"):
        assert text in seen


REORDERING = "\u202e\u2066\u200f\u2028\u2029\x1b"


def test_a_direction_override_or_line_separator_in_a_customers_data_acts_on_nothing(station):
    """A U+202E in a family name reversed the tier name beside it ("ssaM"), one in a note the rest of the note; a
    U+2028 broke a name onto two lines. They come from the bank's other systems, not through the typed-text
    rules: each is shown as U+FFFD, and the text around it reads as it is."""
    profile = serve_a_customer_with_prompts(station)
    note = FollowUp(
        id=9_001, customer_id=profile.customer_id, staff_id="T1\u202e", at=station.clock.now(),
        channel=Channel.COUNTER, text="wants \u202ea loan\u2029 next week", next_action_on=None, owner_id=None,
        done_at=None, done_by=None, result=None,
    )  # fmt: skip
    hostile = replace(
        profile,
        masked_name="Kim\u202e\u2028 Lee",
        customer_no="C\u2066001",
        masked_phone="138****\u200f0000",
        tier_names={**profile.tier_names, "en": "Gold\x1b"},
        recent_notes=(note,),
    )
    station.window.show_profile(hostile, station.counter().current.id)
    seen = [shown_text(w) for w in station.window.profile_panel.findChildren(QLabel)]
    assert not [text for text in seen if any(c in REORDERING for c in text)]
    joined = " | ".join(seen)
    for text in ("Kim\ufffd\ufffd Lee", "C\ufffd001", "138****\ufffd0000", "Gold\ufffd", "wants \ufffda loan"):
        assert text in joined


def test_names_from_the_branch_set_up_are_shown_as_characters(station):
    """A branch, counter or teller name typed in the administration is shown as typed: markup in it is not
    rendered on the teller's status bar or counter panel."""
    station.ctx.branch_name = "<b>Demo</b> <i>branch</i>"
    counter = replace(station.counter(), name="<u>One</u>")
    station.window.counter_panel.show_counter(counter, None)
    station.window.statusBar().refresh(station.clock.now())
    bar = [shown_text(w) for w in station.window.statusBar().findChildren(QLabel)]
    assert "<b>Demo</b> <i>branch</i>" in bar
    assert shown_text(station.window.counter_panel.title) == "<u>One</u>"  # a name of its own, called by it alone
