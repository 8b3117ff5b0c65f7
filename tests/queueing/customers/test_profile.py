from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from queueing.customers.masking import mask_name
from queueing.customers.profile_view import build_profile_view, greeting_name
from queueing.customers.profiles import (
    AgeBand,
    Complaint,
    ComplaintStatus,
    Customer,
    FollowUp,
    Holding,
    ProductKind,
    Segment,
    age_band,
    birthday_this_week,
)
from queueing.customers.tiers import load_tiers

TODAY = date(2026, 11, 23)  # Monday


def make_customer(**extra):
    holdings = (
        Holding(1, ProductKind.DEMAND_DEPOSIT, "salary_account", Decimal("12345.67"), date(2019, 1, 1)),
        Holding(2, ProductKind.TIME_DEPOSIT, "td_1y", Decimal("40000"), date(2025, 12, 1), TODAY + timedelta(days=8)),
        Holding(3, ProductKind.TIME_DEPOSIT, "td_3y", Decimal("20000"), date(2025, 1, 1), TODAY + timedelta(days=90)),
        Holding(4, ProductKind.LOAN, "mortgage", Decimal("900000"), date(2020, 1, 1)),
    )
    notes = tuple(
        FollowUp(i, 7, "t1", datetime(2026, 11, i, tzinfo=UTC), "phone", f"note {i}") for i in range(1, 6)
    )
    complaints = (
        Complaint(1, 7, datetime(2026, 10, 1, tzinfo=UTC), "fees", "card fee", ComplaintStatus.OPEN),
        Complaint(2, 7, datetime(2026, 9, 1, tzinfo=UTC), "queue", "long wait", ComplaintStatus.RESOLVED),
    )
    return Customer(
        id=7, customer_no="C7", masked_name=mask_name("张", "小三"), greeting_name=greeting_name("张"),
        id_masked="110***********1234", phone_masked="139****5678", birth_date=date(1971, 11, 29),
        segment=Segment.PERSONAL, risk_rating=2, marketing_consent=True, cards_masked=("622848******7890",),
        holdings=holdings, follow_ups=notes, complaints=complaints, **extra,
    )


def test_profile_view_is_masked_rounded_and_flagged():
    view = build_profile_view(make_customer(), load_tiers(), TODAY)
    assert view.masked_name == "张*三"
    assert (view.masked_id, view.masked_phone, view.masked_cards) == (
        "110***********1234", "139****5678", ("622848******7890",))
    assert view.aum == 72300 and view.tier_code == "gold" and view.tier_name("ko") == "골드"
    assert [h.balance for h in view.holdings] == [12300, 40000, 20000, 900000]
    assert [h.product_code for h in view.maturing_soon] == ["td_1y"]
    assert view.age_band == "45-54" and view.birthday_this_week  # 55 on Sunday
    assert [n.text for n in view.recent_notes] == ["note 5", "note 4", "note 3"]
    assert [c.id for c in view.open_complaints] == [1]
    assert "13912345678" not in repr(view) and "小三" not in repr(view)


def test_birthday_week_runs_monday_to_sunday_and_across_new_year():
    assert birthday_this_week(date(1990, 11, 29), TODAY)
    assert not birthday_this_week(date(1990, 11, 30), TODAY)
    assert not birthday_this_week(date(1990, 11, 22), TODAY)
    assert birthday_this_week(date(1990, 1, 2), date(2026, 12, 29))  # week of Mon 28 Dec to Sun 3 Jan
    assert birthday_this_week(date(2000, 2, 29), date(2027, 2, 28))  # leap-day birthday in a common year


def test_age_bands():
    assert [age_band(a) for a in (17, 18, 34, 35, 64, 65)] == [
        AgeBand.UNDER_18, AgeBand.FROM_18, AgeBand.FROM_25, AgeBand.FROM_35, AgeBand.FROM_55, AgeBand.FROM_65
    ]  # fmt: skip
