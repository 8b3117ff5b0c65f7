"""Every moment column keeps UTC: a value in another zone is converted on the way in (SQLite has no zone type)."""

from datetime import UTC, datetime, timedelta, timezone
from zoneinfo import ZoneInfo

from sqlalchemy import select

from models.store.tables import BranchRow, EventRow


def _event(at: datetime, seq: int) -> EventRow:
    return EventRow(
        id=f"e{seq}", branch_id="B1", station_id="S1", seq=seq, hlc=f"{seq:015d}-00000-S1", type="ticket_issued",
        at=at, payload={}, schema_version=1,
    )  # fmt: skip


def test_a_moment_in_the_branchs_zone_is_kept_and_compared_as_the_same_instant(store):
    utc = datetime(2026, 11, 30, 1, 30, tzinfo=UTC)  # 09:30 in Shanghai, 19:30 the day before in Mexico City
    with store.write_session() as session:
        session.add(BranchRow(id="B1", name="B", timezone="Asia/Shanghai"))
        session.flush()
        session.add(_event(utc.astimezone(ZoneInfo("Asia/Shanghai")), 1))
        session.add(_event(utc.replace(tzinfo=None) + timedelta(hours=1), 2))  # no zone: taken as UTC, as before
        session.add(_event((utc + timedelta(hours=2)).astimezone(timezone(timedelta(hours=-6))), 3))
    with store.read_session() as session:
        stored = {seq: at.replace(tzinfo=UTC) if at.tzinfo is None else at for seq, at in session.execute(
            select(EventRow.seq, EventRow.at))}  # fmt: skip
        assert stored == {1: utc, 2: utc + timedelta(hours=1), 3: utc + timedelta(hours=2)}
        # A bound made in a zone west of UTC selects what it says.
        mexico_since = datetime(2026, 11, 29, 19, 0, tzinfo=ZoneInfo("America/Mexico_City"))  # 01:00 UTC
        mexico_until = datetime(2026, 11, 29, 20, 0, tzinfo=ZoneInfo("America/Mexico_City"))  # 02:00 UTC
        found = session.execute(
            select(EventRow.seq).where(EventRow.at >= mexico_since, EventRow.at < mexico_until)
        ).scalars().all()
        assert found == [1]
