"""The branch's calendar day of an instant, remembered per local day, is the date a conversion gives."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from queueing.core.commands import local_day

# Zones whose clocks change at midnight (Havana, Santiago, old Sao Paulo), fall back from midnight into the day
# before (Asuncion, March 2018), skipped a whole day (Apia, end of 2011), change by half an hour (Lord Howe), or
# never (Shanghai, UTC).
ZONES = (
    "America/Asuncion",
    "America/Havana",
    "America/Santiago",
    "America/Sao_Paulo",
    "Pacific/Apia",
    "Australia/Lord_Howe",
    "Europe/London",
    "Asia/Shanghai",
    "UTC",
)
# Near the changes those zones made: instants a few hours either side of a local midnight matter most.
AROUND = [
    datetime(2011, 12, 29, tzinfo=UTC),
    datetime(2017, 10, 14, tzinfo=UTC),
    datetime(2018, 3, 25, tzinfo=UTC),
    datetime(2018, 11, 3, tzinfo=UTC),
]


@settings(max_examples=200, deadline=None)
@given(
    zone=st.sampled_from(ZONES),
    base=st.sampled_from(AROUND),
    steps=st.lists(st.integers(-3 * 86400, 3 * 86400), min_size=1, max_size=40),
)
def test_local_day_is_the_converted_date_whatever_the_order_of_instants(zone, base, steps):
    for step in steps:
        when = base + timedelta(seconds=step)
        assert local_day(zone, when) == when.astimezone(ZoneInfo(zone)).date()


def test_every_minute_across_clock_changes_in_time_order():
    for zone in ZONES:
        for base in AROUND:
            when = base - timedelta(days=2)
            while when < base + timedelta(days=3):
                assert local_day(zone, when) == when.astimezone(ZoneInfo(zone)).date(), (zone, when)
                when += timedelta(minutes=7)


def test_a_time_in_another_zone_is_converted_not_taken_for_utc():
    seoul = ZoneInfo("Asia/Seoul")
    local_day("Asia/Seoul", datetime(2026, 11, 23, 12, tzinfo=UTC))  # remembers 23 November in Seoul
    late = datetime(2026, 11, 24, 0, 30, tzinfo=seoul)  # 15:30 UTC on the 23rd, the 24th in Seoul
    assert local_day("Asia/Seoul", late) == late.date()
    assert local_day("Asia/Seoul", late.astimezone(UTC)) == late.date()
