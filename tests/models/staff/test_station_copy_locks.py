"""A station's copy of the staff takes upstream's PIN lock as the stricter of the two (models/staff/mirror.py)."""
from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from models.branch.service import BranchService
from models.staff.mirror import mirror_staff, push_station_locks
from models.staff.pin_lockout import FINAL_STAGE, WRONG_PINS_PER_STAGE, AccountLocked
from models.staff.service import SignInRefused, StaffService
from models.staff.session import SignInMode
from models.staff.signing import create_signing_key, load_signing_key, load_verify_key
from models.store.database import open_store
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock


@pytest.fixture
def setup(tmp_path):
    folder = tmp_path / "admin-config"
    create_signing_key(folder)
    sign, verify = load_signing_key(folder), load_verify_key(folder)
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    upstream, local = open_store(str(tmp_path / "up.db")), open_store(str(tmp_path / "station.db"))
    for store in (upstream, local):
        BranchService(store, load_branch_config(), "B1", "SETUP", clock).ensure_branch("B1")
    office = StaffService(upstream, "B1", clock, signing_key=sign)
    office.add_first_administrator("A1", "Admin", "135790")
    admin = office.verify("A1", "135790", "ADM")
    office.add(admin, "T1", "Li Wei", "teller", "4711")
    mirror_staff(upstream, local, "B1")
    station = StaffService(local, "B1", clock, how=SignInMode.OFFLINE, verify_key=verify, station_id="ST1")
    yield clock, upstream, local, office, admin, station
    upstream.close()
    local.close()


def _wrong(service, times=WRONG_PINS_PER_STAGE):
    for _ in range(times):
        with pytest.raises((SignInRefused, AccountLocked)):
            service.verify("T1", "0000")


def test_an_expired_higher_stage_upstream_does_not_lift_a_lock_running_here(setup):
    clock, upstream, local, office, admin, station = setup
    # Upstream (while the station was offline): two runs of wrong PINs, stage 2, its 5-minute lock long over.
    _wrong(office)
    clock.advance(61)
    _wrong(office)
    clock.advance(600)
    # At the station, offline: five wrong PINs lock it for a minute.
    _wrong(station)
    with pytest.raises(AccountLocked):
        station.verify("T1", "4711")
    mirror_staff(upstream, local, "B1")  # the cable is back: the higher stage, and apart the later end
    with pytest.raises(AccountLocked):
        station.verify("T1", "4711")


def test_a_new_pin_given_by_staff_add_lifts_the_stations_lock(setup):
    clock, upstream, local, office, admin, station = setup
    for _ in range(FINAL_STAGE):                 # locked for good at the station (offline guessing)
        _wrong(station)
        clock.advance(3600)
    with pytest.raises(AccountLocked, match="must unlock"):
        station.verify("T1", "4711")
    office.add(admin, "T1", "Li Wei", "teller", "2468")  # a new PIN this way lifts a lock, as reset-pin does
    mirror_staff(upstream, local, "B1")
    assert station.verify("T1", "2468").staff_id == "T1"


# -- a lock typed at the station goes up (push_station_locks) ------------------------------------------------


def test_an_account_locked_for_good_at_a_station_offline_is_locked_upstream_after_the_sync(setup):
    clock, upstream, local, office, admin, station = setup
    for _ in range(FINAL_STAGE):
        _wrong(station)
        clock.advance(3600)
    assert push_station_locks(upstream, local, "B1", "ST1", clock.now()) == 1
    with pytest.raises(AccountLocked, match="must unlock"):  # every other station asks upstream
        office.verify("T1", "4711")
    office.unlock(office.verify("A1", "135790", "ADM"), "T1")
    assert push_station_locks(upstream, local, "B1", "ST1", clock.now()) == 0  # the unlock upstream wins
    mirror_staff(upstream, local, "B1")
    assert station.verify("T1", "4711").staff_id == "T1"


def test_a_timed_lock_goes_up_for_what_is_left_of_it_and_no_longer(setup):
    clock, upstream, local, office, admin, station = setup
    ahead = StaffService(local, "B1", ManualClock(clock.now() + timedelta(hours=3)), how=SignInMode.OFFLINE,
                         verify_key=station.verify_key, station_id="ST1")
    _wrong(ahead)  # a station whose clock ran three hours ahead: its 1-minute lock ends at 04:01
    clock.advance(20)
    assert push_station_locks(upstream, local, "B1", "ST1", clock.now()) == 1
    with pytest.raises(AccountLocked) as locked:
        office.verify("T1", "4711")
    assert locked.value.seconds == 60  # the stage's minute from the sync, not three hours
    clock.advance(60)
    assert office.verify("T1", "4711").staff_id == "T1"


def test_an_expired_lock_raises_the_stage_only_and_an_unlock_upstream_since_the_copy_wins(setup):
    clock, upstream, local, office, admin, station = setup
    _wrong(station)
    clock.advance(120)  # the minute is over: the next five wrong PINs anywhere lock for five
    assert push_station_locks(upstream, local, "B1", "ST1", clock.now()) == 1
    assert _lock_upstream(upstream) == (1, None)  # the stage, not a lock already over
    _wrong(office)
    with pytest.raises(AccountLocked) as locked:
        office.verify("T1", "4711")
    assert locked.value.seconds == 300
    office.unlock(office.verify("A1", "135790", "ADM"), "T1")
    clock.advance(600)
    _wrong(station)  # the station never copied the unlock: its own run locks it here, stage 2
    assert push_station_locks(upstream, local, "B1", "ST1", clock.now()) == 0
    assert _lock_upstream(upstream) == (0, None)
    assert office.verify("T1", "4711").staff_id == "T1"


def _lock_upstream(upstream):
    from models.store.tables import StaffRow

    with upstream.read_session() as session:
        row = session.get(StaffRow, ("B1", "T1"))
        return row.lock_stage, row.locked_until


def _sync(upstream, local, clock):
    """What a station's sync does with the staff (StationSync._mirror_staff): locks typed here up, accounts down."""
    push_station_locks(upstream, local, "B1", "ST1", clock.now())
    mirror_staff(upstream, local, "B1")


def test_a_right_pin_upstream_clears_the_stage_a_station_copied_and_no_sync_puts_it_back(setup):
    """Found by review: the copy kept the stricter of the two stages, and the push raised upstream to it again at
    every sync, so a right PIN upstream cleared nothing for long, whether the lock was typed offline or online."""
    clock, upstream, local, office, admin, station = setup
    for _ in range(3):
        _wrong(station)  # offline, at the station
        clock.advance(3600)
    _sync(upstream, local, clock)
    assert _lock_upstream(upstream)[0] == 3
    assert office.verify("T1", "4711").staff_id == "T1"  # the right PIN upstream: the count starts over
    _wrong(office)  # online typos: a one-minute lock, copied down
    _sync(upstream, local, clock)
    clock.advance(120)
    assert office.verify("T1", "4711").staff_id == "T1"
    for _ in range(3):
        _sync(upstream, local, clock)
        clock.advance(60)
    assert _lock_upstream(upstream)[0] == 0
    _wrong(station, WRONG_PINS_PER_STAGE - 1)
    with pytest.raises(AccountLocked) as locked:  # offline too, the next run is a first one: one minute
        station.verify("T1", "0000")
    assert locked.value.seconds == 60


def test_an_unsigned_copy_is_named_only_to_someone_who_knows_its_pin(setup):
    """Offline, an account saved where the administrator's key is not (unsigned) answered 'altered', naming it,
    before its PIN was checked: one try per id listed such accounts (found by review)."""
    from models.staff.service import StaffCopyAltered

    clock, upstream, local, office, admin, station = setup
    StaffService(upstream, "B1", clock).add(admin, "T2", "Unsigned", "teller", "4712")  # a PC without the key
    mirror_staff(upstream, local, "B1")
    answers = {}
    for staff_id in ("T2", "T7"):
        with pytest.raises(SignInRefused) as refused:
            station.verify(staff_id, "0000")
        answers[staff_id] = (refused.value.code, str(refused.value).replace(staff_id, "ID"))
    assert answers["T2"] == answers["T7"] == ("sign_in_refused", "unknown staff id or wrong PIN")
    with pytest.raises(StaffCopyAltered):
        station.verify("T2", "4712")


def test_a_lock_typed_at_a_station_offline_is_in_the_branchs_audit_log_after_the_sync(setup):
    from sqlalchemy import select

    from models.audit.log import AuditLogRow

    clock, upstream, local, office, admin, station = setup
    _wrong(station)
    _sync(upstream, local, clock)
    _sync(upstream, local, clock)  # nothing waits: no second entry
    with upstream.read_session() as session:
        rows = session.execute(
            select(AuditLogRow.staff_id, AuditLogRow.station_id, AuditLogRow.detail).where(
                AuditLogRow.action == "pin_locked"
            )
        ).all()
    typed_at = clock.now().isoformat()  # the lock's identity: pushed once, whatever happens after
    assert [tuple(r) for r in rows] == [
        ("T1", "ST1", {"stage": 1, "account": True, "typed_offline": True, "typed_at": typed_at})
    ]


def _lock_audits(upstream):
    from sqlalchemy import func, select

    from models.audit.log import AuditLogRow

    with upstream.read_session() as session:
        return session.scalar(select(func.count()).where(AuditLogRow.action == "pin_locked"))


def test_a_right_pin_typed_offline_clears_the_typed_lock_as_online_it_would(setup):
    clock, upstream, local, office, admin, station = setup
    _wrong(station)  # offline: a one-minute lock, waiting to go up
    clock.advance(61)
    assert station.verify("T1", "4711").staff_id == "T1"  # the right PIN, offline: the count starts over
    _sync(upstream, local, clock)
    assert _lock_upstream(upstream)[0] == 0 and _lock_upstream(local)[0] == 0


def test_a_station_file_restored_from_a_backup_does_not_push_a_lock_again(setup, tmp_path):
    import shutil
    import sqlite3
    from pathlib import Path

    clock, upstream, local, office, admin, station = setup
    _wrong(station)
    backup = tmp_path / "backup.db"
    with sqlite3.connect(tmp_path / "station.db") as src, sqlite3.connect(backup) as dst:
        src.backup(dst)  # the nightly backup, the lock still waiting in it
    _sync(upstream, local, clock)
    clock.advance(120)
    assert office.verify("T1", "4711").staff_id == "T1"  # the right PIN upstream clears it there
    local.close()  # the station's disk dies; its file comes back from the backup
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp_path / "station.db") + suffix).unlink(missing_ok=True)
    shutil.copy(backup, tmp_path / "station.db")
    restored = open_store(str(tmp_path / "station.db"))
    try:
        _sync(upstream, restored, clock)
    finally:
        restored.close()
    assert (_lock_upstream(upstream)[0], _lock_audits(upstream)) == (0, 1)


def test_a_reply_lost_after_upstreams_commit_does_not_push_the_lock_again(setup, monkeypatch):
    clock, upstream, local, office, admin, station = setup
    _wrong(station)
    real = local.write_session

    def cut(*args, **kwargs):
        raise SystemExit("power cut after upstream's COMMIT")

    monkeypatch.setattr(local, "write_session", cut)
    with pytest.raises(SystemExit):
        push_station_locks(upstream, local, "B1", "ST1", clock.now())
    monkeypatch.setattr(local, "write_session", real)
    clock.advance(120)
    assert office.verify("T1", "4711").staff_id == "T1"  # the right PIN at another station
    _sync(upstream, local, clock)  # the station restarts and syncs
    assert (_lock_upstream(upstream)[0], _lock_audits(upstream)) == (0, 1)


def test_a_lock_typed_while_the_push_runs_waits_for_the_next_sync(setup, monkeypatch):
    import models.staff.mirror as mirror

    clock, upstream, local, office, admin, station = setup
    _wrong(station)
    clock.advance(61)  # that minute is over; the cable comes back and a sync starts
    real_raise = mirror._raise_lock
    typed = []

    def raise_while_the_teller_types(session, branch_id, here, now):
        if not typed:  # the GUI thread, while the sync thread waits on upstream
            typed.append(station.verify("T1", "4711"))
            _wrong(station)  # another one-minute lock, typed at another moment
        return real_raise(session, branch_id, here, now)

    monkeypatch.setattr(mirror, "_raise_lock", raise_while_the_teller_types)
    _sync(upstream, local, clock)
    with pytest.raises(AccountLocked):
        station.verify("T1", "4711")
