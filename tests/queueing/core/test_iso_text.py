"""The cheap ISO texts of a ticket's times are exactly the plain isoformat / fromisoformat, both ways."""

from datetime import UTC, date, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from hypothesis import example, given, settings
from hypothesis import strategies as st

from queueing.core.iso_text import day_text, moment_text, parse_day, parse_moment

ZONES = st.sampled_from((UTC, UTC, timezone(timedelta(hours=8)), ZoneInfo("Europe/Madrid"), None))


def _same(a, b) -> bool:
    """Equal, of one type, with the same fields and an equal tzinfo, UTC's singleton on both or neither (what a
    reader of the ticket sees)."""
    zones = getattr(a, "tzinfo", None), getattr(b, "tzinfo", None)
    return (
        type(a) is type(b)
        and a == b
        and repr(a) == repr(b)
        and zones[0] == zones[1]
        and (zones[0] is UTC) == (zones[1] is UTC)
    )


@settings(max_examples=300, deadline=None)
@given(
    moment=st.datetimes(min_value=datetime(1, 1, 2), max_value=datetime(9999, 12, 30)), zone=ZONES, fold=st.booleans()
)
@example(moment=datetime(2140, 10, 30, 2, 0), zone=ZoneInfo("Europe/Madrid"), fold=False)  # found by hypothesis
def test_a_moment_formats_and_parses_as_isoformat_does(moment, zone, fold):
    at = moment.replace(tzinfo=zone, fold=int(fold))
    text = moment_text(at)
    assert text == at.isoformat()
    back = parse_moment(text)
    assert _same(back, datetime.fromisoformat(text))
    # The same instant. Not ``==``: Python never calls two zones' times equal when one of them falls in a change of
    # clocks' repeated or skipped hour (PEP 495), e.g. 02:00 in Madrid on a late-October night.
    assert at.utcoffset() is None or parse_moment(text).astimezone(UTC) == at.astimezone(UTC)


@settings(max_examples=200, deadline=None)
@given(days=st.lists(st.dates(), min_size=1, max_size=5))
def test_days_format_and_parse_as_isoformat_does(days):
    for day in days:
        assert day_text(day) == day.isoformat()
        assert _same(parse_day(day_text(day)), day)
        assert _same(parse_day(day.isoformat()), date.fromisoformat(day.isoformat()))


def test_other_spellings_and_other_types_are_not_taken_for_the_last_one():
    day = date(2026, 11, 23)
    assert day_text(day) == "2026-11-23"
    # fromisoformat takes the basic form too: it parses to the same day, but is never given back as the day's text.
    assert parse_day("20261123") == day and day_text(day) == "2026-11-23"
    moment = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)
    assert day_text(moment) == moment.isoformat() and day_text(day) == "2026-11-23"
    text = moment_text(moment)
    assert text == "2026-11-23T09:00:00+00:00"
    assert _same(parse_moment("2026-11-23T09:00:00Z"), datetime.fromisoformat("2026-11-23T09:00:00Z"))
    assert parse_moment(text) is moment
    # A time that would not parse back to itself (another tzinfo object for the same offset) is not remembered.
    other = datetime(2026, 11, 23, 10, 0, tzinfo=timezone(timedelta(hours=1)))
    assert moment_text(other) == other.isoformat()
    assert _same(parse_moment(other.isoformat()), datetime.fromisoformat(other.isoformat()))
    assert parse_moment(text) is moment
