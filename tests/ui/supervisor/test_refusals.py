"""A refused supervisor's step is said with its figures, in the supervisor's language, not as the log's English."""

import secrets
from datetime import UTC, date, datetime, time

import pytest
from screens_harness import Branch
from staff_sessions import session_of

from models.demo.customers import generate_customers
from models.marketing.follow_ups import FollowUpService
from queueing.appointments.rules import (
    AppointmentRules,
    InvalidAppointment,
    OpeningHours,
    local_start,
    validate_slot,
)
from queueing.core.errors import DomainError, InvalidTransition
from queueing.core.roles import PermissionDenied, Role
from queueing.customers.profiles import Channel
from ui.common.i18n import LanguageManager
from ui.supervisor.refusals import refusal_text

ZONE = "Asia/Shanghai"
NOW = datetime(2026, 11, 23, 1, 30, tzinfo=UTC)  # Monday 09:30 in Shanghai
RULES = AppointmentRules(hours=OpeningHours(time(9), time(17)), categories=frozenset({"CASH"}), days_ahead=14)
TELLER = session_of("DEMO", "T1001", Role.TELLER, "TEST")


def refused(hour: int, minute: int = 0, day: int = 23, duration: int = 30) -> InvalidAppointment:
    with pytest.raises(InvalidAppointment) as caught:
        validate_slot(RULES, ("CASH",), "CASH", local_start(datetime(2026, 11, day, hour, minute), ZONE), duration, NOW)
    return caught.value


@pytest.fixture
def language(qapp):
    i18n = LanguageManager(qapp)
    yield i18n
    i18n.set_language("en")  # translators live on the session's one QApplication


def test_each_refused_slot_is_said_with_its_figures(language):
    language.set_language("en")
    assert refusal_text(refused(16, 45)) == "2026-11-23 16:45 to 17:15 is outside the opening hours (09:00 to 17:00)."
    assert refusal_text(refused(9, 0)) == "2026-11-23 09:00 is in the past."
    assert refusal_text(refused(10, 10)) == "Appointments start every 15 minutes: choose a time on that grid."
    assert refusal_text(refused(10, 0, day=30, duration=0)) == "An appointment lasts 1 to 240 minutes."
    last = "(the last bookable day is 2026-12-07)."
    assert refusal_text(_too_far()) == f"Appointments can be booked up to 14 days ahead {last}"


def _too_far() -> InvalidAppointment:
    with pytest.raises(InvalidAppointment) as caught:
        validate_slot(RULES, ("CASH",), "CASH", local_start(datetime(2026, 12, 8, 10, 0), ZONE), 30, NOW)
    return caught.value


def test_the_next_free_time_follows_the_reason(language):
    language.set_language("en")
    full = InvalidAppointment(
        "2026-11-24 10:00 is full for CASH (2 per slot); the next free slot is Tue 2026-11-24 10:15",
        start="2026-11-24T10:00:00+08:00",
        reason="full",
        next_free="2026-11-24T10:15:00+08:00",
    )
    said = refusal_text(full)
    assert said == "2026-11-24 10:00 is fully booked for this service. The next free time is 2026-11-24 10:15."


def test_chinese_sentences_join_without_a_space(language):
    language.set_language("zh_CN")
    full = InvalidAppointment("full", start="2026-11-24T10:00:00", reason="full", next_free="2026-11-24T10:15:00")
    said = refusal_text(full)
    assert "10:15" in said and "。 " not in said and said.count("。") == 2


def test_the_refusal_is_in_the_supervisors_language(language):
    language.set_language("zh_CN")
    text = refusal_text(refused(16, 45))
    assert "09:00" in text and "17:00" in text and "16:45" in text
    assert "outside" not in text and any("\u4e00" <= ch <= "\u9fff" for ch in text)
    language.set_language("ko")
    assert any("\uac00" <= ch <= "\ud7a3" for ch in refusal_text(refused(9, 0)))
    language.set_language("es")
    assert refusal_text(refused(9, 0)).startswith("2026-11-23 09:00") and "past" not in refusal_text(refused(9, 0))


def test_a_service_refusal_gets_its_text_and_an_unexplained_one_the_shared_one(tmp_path, language):
    language.set_language("en")
    branch = Branch(tmp_path)
    try:
        generate_customers(branch.store, "DEMO", secrets.token_bytes(32), 3, today=date(2026, 11, 23), seed=5)
        notes = FollowUpService(branch.store, "DEMO", clock=branch.clock, timezone=ZONE)
        planned = notes.add_follow_up(TELLER, 1, Channel.PHONE, "Call back", date(2026, 11, 23))
        notes.mark_done(TELLER, planned.id, "Renewed for 12 months")
        with pytest.raises(InvalidTransition) as done:
            notes.mark_done(TELLER, planned.id, "Renewed again")
        assert refusal_text(done.value) == "This follow-up is already done."
        with pytest.raises(DomainError) as short:
            notes.mark_done(TELLER, planned.id, "ok")
        assert refusal_text(short.value).startswith("Write a result of at least ")
    finally:
        branch.close()
    assert refusal_text(PermissionDenied("teller T1 may not book_appointment")) == "Your role may not do this."


def test_hostile_figures_are_filled_once():
    # A figure that itself holds %2 is shown as written, not filled again from the next value.
    hostile = InvalidAppointment("x", start="%2", reason="past")
    assert refusal_text(hostile) == "%2 is in the past."


@pytest.mark.parametrize(
    ("reason", "details"),
    [
        ("past", {}),
        ("closed", {"start": None}),
        ("full", {}),
        ("clash", {}),
        ("too_far", {"days": 14}),
        ("hours", {"end": "2026-11-23T18:00:00+08:00"}),
        ("window", {"opens": "09:00"}),
        ("duration", {}),
        ("grid", {}),
    ],
)
def test_a_refusal_missing_its_figures_gets_the_shared_text_not_none(language, reason, details):
    from ui.station.errors import failure_text

    language.set_language("en")
    lacking = InvalidAppointment("x", reason=reason, **details)
    assert refusal_text(lacking) == failure_text(lacking)


def test_a_follow_up_refusal_missing_its_figures_gets_the_shared_text(language):
    from ui.station.errors import failure_text

    language.set_language("en")
    for reason in ("days", "result"):
        lacking = DomainError("x", reason=reason)
        assert refusal_text(lacking) == failure_text(lacking)
    # The same reason word of another step needs no figure of an appointment's.
    assert refusal_text(DomainError("x", next_action_on="2026-11-01", reason="past")) == (
        "The next action date is in the past."
    )
