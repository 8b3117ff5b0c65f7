"""A synced station's staff: a copy of the accounts for an offline sign-in; its sign-ins sync as events.

Against PostgreSQL through a proxy that the test cuts: the link really drops, and the station
starts, signs a teller in and out, and syncs as it would in a branch.
"""

from datetime import UTC, date, datetime

import pytest
from pg_server import open_test_upstream, pg_server_fixture, pg_url_fixture  # noqa: F401 - fixtures
from sqlalchemy import delete
from sync_branch import synced
from tcp_proxy import TcpProxy, proxy_fixture, through  # noqa: F401 - fixture

from models.branch.service import BranchService
from models.demo.branch_setup import set_up_counter
from models.staff.mirror import mirror_staff
from models.staff.service import SignInRefused, StaffService
from models.staff.session import SignInMode
from models.staff.tables import CounterSessionRow
from models.station.counter_session import sign_in_at_counter, sign_out_of_counter
from models.station.service import StationService
from models.station.staff_sign_in import StationStaff
from models.station.start import start_synced_station
from models.store.tables import StaffRow
from models.sync.conflicts import open_conflicts
from queueing.core.categories import load_branch_config
from queueing.core.clock import ManualClock
from queueing.core.errors import ConfigError, CounterTaken

pytestmark = pytest.mark.postgres


@pytest.fixture
def upstream(pg_url):
    """Branch B1 upstream with two counters and two tellers; yields (store, clock)."""
    clock = ManualClock(datetime(2026, 11, 23, 1, 0, tzinfo=UTC))
    store = open_test_upstream(pg_url)
    svc = BranchService(store, load_branch_config(), "B1", "SETUP", clock)
    svc.ensure_branch("Staff branch")
    for cid in ("C1", "C2"):
        set_up_counter(svc, cid, cid, {"CASH": 1})
    # As branch init does: a key pair in the configuration folder, the accounts signed with it; the station
    # (this process, the same folder) checks its copy with the public key.
    from models.staff.signing import create_signing_key, load_signing_key

    create_signing_key()
    staff = StaffService(store, "B1", clock, signing_key=load_signing_key())
    admin = staff.add_first_administrator("A1", "Admin", "135790") and staff.verify("A1", "135790", "SETUP")
    staff.add(admin, "T1", "Li Wei", "teller", "1111")
    staff.add(admin, "T2", "Kim Min-ji", "teller", "2222")
    yield store, clock
    store.close()


def _start(tmp_path, proxy, pg_url, clock, name="ST1"):
    station = start_synced_station(
        through(proxy, pg_url), str(tmp_path / f"{name}.db"), name, branch_id="B1", clock=clock, worker=False
    )
    assert isinstance(station.branch, StationService) and isinstance(station.staff, StationStaff)
    return station


def _cut(proxy, station) -> None:
    """Cut the link, and let the station know at once (as its next upstream call would)."""
    proxy.cut()
    station.branch.link_lost(ConnectionResetError("test: link cut"))


def _upstream_session(store, counter_id):
    with store.read_session() as s:
        row = s.get(CounterSessionRow, ("B1", counter_id))
        return (row.staff_id, row.station_id) if row else None


def _held(station, counter_id):
    held = next(c for c in station.branch.snapshot().counters if c.id == counter_id).signed_in
    return held.staff_id if held else None


def test_offline_sign_in_checks_the_copied_pin_and_reaches_upstream_after_sync(tmp_path, upstream, proxy, pg_url):
    store, clock = upstream
    station = _start(tmp_path, proxy, pg_url, clock)
    try:
        _cut(proxy, station)
        with pytest.raises(SignInRefused):
            sign_in_at_counter(station.branch, station.staff, "T1", "9999", "C1")
        assert sign_in_at_counter(station.branch, station.staff, "T1", "1111", "C1").staff.name == "Li Wei"
        assert _held(station, "C1") == "T1"
        assert _upstream_session(store, "C1") is None  # upstream has not heard of it yet
        proxy.restore()
        assert synced(station.branch)
        assert _upstream_session(store, "C1") == ("T1", "ST1")
        # Signed out offline: the sign-out syncs like any event and ends the session upstream too.
        _cut(proxy, station)
        sign_out_of_counter(station.branch, "T1", "C1")
        proxy.restore()
        assert synced(station.branch)
        assert _upstream_session(store, "C1") is None
    finally:
        station.branch.close()


def test_online_sign_in_is_decided_upstream(tmp_path, upstream, proxy, pg_url):
    store, clock = upstream
    BranchService(store, load_branch_config(), "B1", "OTHER-PC", clock).sign_in("C1", "T2")
    station = _start(tmp_path, proxy, pg_url, clock)
    try:
        assert station.branch.online
        with pytest.raises(CounterTaken):
            sign_in_at_counter(station.branch, station.staff, "T1", "1111", "C1")
        sign_in_at_counter(station.branch, station.staff, "T1", "1111", "C2")
        assert _upstream_session(store, "C2") == ("T1", "ST1")
        assert _held(station, "C1") == "T2"  # the other station's sign-in came with the command
    finally:
        station.branch.close()


def test_a_counter_taken_upstream_while_offline_stays_with_its_holder(tmp_path, upstream, proxy, pg_url):
    store, clock = upstream
    station = _start(tmp_path, proxy, pg_url, clock)
    try:
        _cut(proxy, station)
        sign_in_at_counter(station.branch, station.staff, "T1", "1111", "C1")
        BranchService(store, load_branch_config(), "B1", "OTHER-PC", clock).sign_in("C1", "T2")
        proxy.restore()
        assert synced(station.branch)  # the clash is the supervisor's to see; the sync itself goes on
        assert _upstream_session(store, "C1") == ("T2", "OTHER-PC")
        assert [c.number for c in open_conflicts(store, load_branch_config(), "B1")] == ["C1"]
        assert station.branch.online
        # The station's file takes the branch's order after the sync, and with it the branch's verdict: the
        # counter is T2's here too (T1's steps at C1 were refused upstream already, however this screen showed it).
        assert _held(station, "C1") == "T2"
    finally:
        station.branch.close()


def test_station_restarts_offline_after_one_sync_and_says_why_it_cannot_before(tmp_path, upstream, proxy, pg_url):
    store, clock = upstream
    proxy.cut()
    with pytest.raises(ConfigError, match="has never synced .* first start needs the branch server"):
        _start(tmp_path, proxy, pg_url, clock, "NEW")
    proxy.restore()
    _start(tmp_path, proxy, pg_url, clock).branch.close()
    proxy.cut()
    station = _start(tmp_path, proxy, pg_url, clock)  # upstream is gone: the station starts on its own file
    try:
        assert not station.branch.online
        assert {c.id for c in station.branch.snapshot().counters} == {"C1", "C2"}
        assert station.staff.verify("T2", "2222").name == "Kim Min-ji"
        assert station.branch.issue_ticket("CASH").ticket.number  # and serves
    finally:
        station.branch.close()


def test_a_station_started_without_branch_restarts_offline_on_its_files_branch(tmp_path, upstream, proxy, pg_url):
    """README: "a station that has synced once starts on its own file when upstream does not answer".

    `station --counter 3 --upstream-service branch` names no branch (upstream's only one). Started again with
    the branch server down, it was refused as a station that "has never synced", though its file held the branch
    and its last sync: only upstream's answer named the branch.
    """
    store, clock = upstream

    def start():
        return start_synced_station(through(proxy, pg_url), str(tmp_path / "ST3.db"), "ST3", clock=clock, worker=False)

    start().branch.close()  # online: upstream's only branch, B1
    proxy.cut()
    station = start()
    try:
        assert not station.branch.online and station.branch.branch_id == "B1"
        assert {c.id for c in station.branch.snapshot().counters} == {"C1", "C2"}
        assert station.branch.issue_ticket("CASH").ticket.number
    finally:
        station.branch.close()
    with pytest.raises(ConfigError, match="has never synced .* first start needs the branch server"):
        start_synced_station(through(proxy, pg_url), str(tmp_path / "NEW.db"), "NEW", clock=clock, worker=False)
    assert not (tmp_path / "NEW.db").exists()  # asking the file never makes one


def test_a_station_dates_its_tickets_in_the_branchs_own_time_zone_online_and_offline(tmp_path, upstream, proxy, pg_url):
    """The branch's zone is the store's (``branch init --timezone``): a synced station took the packaged
    categories.toml's Asia/Shanghai instead, and ended a Mexico City branch's day at Shanghai's midnight."""
    from sqlalchemy import update

    from models.store.tables import BranchRow

    store, clock = upstream
    assert load_branch_config().timezone == "Asia/Shanghai"
    with store.write_session() as session:
        session.execute(update(BranchRow).where(BranchRow.id == "B1").values(timezone="America/Mexico_City"))
    clock.set(datetime(2026, 11, 24, 3, 0, tzinfo=UTC))  # 21:00 on the 23rd in Mexico City, the 24th in Shanghai
    station = _start(tmp_path, proxy, pg_url, clock)
    try:
        assert station.branch.config.timezone == "America/Mexico_City"
        ticket = station.branch.issue_ticket("CASH").ticket
        assert station.branch.state.tickets[ticket.id].business_date == date(2026, 11, 23)
    finally:
        station.branch.close()
    proxy.cut()
    station = _start(tmp_path, proxy, pg_url, clock)  # offline: the zone its file kept
    try:
        assert not station.branch.online and station.branch.config.timezone == "America/Mexico_City"
    finally:
        station.branch.close()


def test_a_station_without_the_public_key_signs_nobody_in_offline(tmp_path, upstream, proxy, pg_url):
    """Without staff-signing.pub the station trusted its file as it found it: a row edited to a known PIN hash
    signed in offline (found by review)."""
    from models.staff.service import StaffCopyUnverifiable
    from models.staff.signing import PUBLIC_NAME
    from queueing.config.files import branch_config_dir

    store, clock = upstream
    (branch_config_dir() / PUBLIC_NAME).unlink()
    station = _start(tmp_path, proxy, pg_url, clock)
    try:
        assert station.staff.verify("T1", "1111").id == "T1"  # online, upstream decides
        _cut(proxy, station)
        with pytest.raises(StaffCopyUnverifiable, match="staff-signing.pub"):
            station.staff.verify("T1", "1111")
    finally:
        station.branch.close()


def test_mirror_follows_upstream_changes(tmp_path, upstream):
    store, clock = upstream
    from models.store.database import open_store

    local = open_store(str(tmp_path / "copy.db"))
    try:
        BranchService(local, load_branch_config(), "B1", "ST1", clock).ensure_branch("B1")
        assert mirror_staff(store, local, "B1") == 3
        up = StaffService(store, "B1", clock)
        admin = up.verify("A1", "135790", "SETUP")
        up.reset_pin(admin, "T1", "4321")  # a new PIN
        up.add(admin, "S1", "Ana Ruiz", "supervisor", "555555")
        with store.write_session() as session:  # an account removed upstream
            session.execute(delete(StaffRow).where(StaffRow.branch_id == "B1", StaffRow.id == "T2"))
        mirror_staff(store, local, "B1")
        copy = StaffService(local, "B1", clock)
        with pytest.raises(SignInRefused):
            copy.verify("T2", "2222")
        assert copy.verify("T1", "4321").id == "T1"
        with pytest.raises(SignInRefused):
            copy.verify("T1", "1111")
        assert copy.get("S1").role == "supervisor"
    finally:
        local.close()


def test_a_lock_upstream_holds_on_the_stations_copy_until_lifted_upstream(tmp_path, upstream):
    """An account locked for good upstream signed in at a station once its cable was pulled: the copy took the
    accounts but never their locks, and each station's file counted its own wrong PINs from zero."""
    from models.staff.pin_lockout import FINAL_STAGE, STAGE_DELAYS, WRONG_PINS_PER_STAGE, AccountLocked
    from models.store.database import open_store

    store, clock = upstream
    local = open_store(str(tmp_path / "copy.db"))
    try:
        BranchService(local, load_branch_config(), "B1", "ST1", clock).ensure_branch("B1")
        # The station's copy is checked offline (models/station/staff_sign_in.py): a lock typed there is its own.
        up, copy = StaffService(store, "B1", clock), StaffService(local, "B1", clock, how=SignInMode.OFFLINE)
        for stage in range(FINAL_STAGE):
            for _ in range(WRONG_PINS_PER_STAGE):
                with pytest.raises((SignInRefused, AccountLocked)):
                    up.verify("T1", "0000")
            if stage < FINAL_STAGE - 1:
                mirror_staff(store, local, "B1")  # a timed lock upstream is a timed lock here
                with pytest.raises(AccountLocked, match="try again"):
                    copy.verify("T1", "1111")
                clock.advance(STAGE_DELAYS[stage].total_seconds() + 1)
        mirror_staff(store, local, "B1")
        with pytest.raises(AccountLocked, match="must unlock it"):
            copy.verify("T1", "1111")
        admin = up.verify("A1", "135790", "SETUP")
        up.unlock(admin, "T1")
        mirror_staff(store, local, "B1")  # lifted upstream: lifted here
        assert copy.verify("T1", "1111").id == "T1"
        for _ in range(WRONG_PINS_PER_STAGE):  # a lock of this file's own stays through a sync
            with pytest.raises((SignInRefused, AccountLocked)):
                copy.verify("T1", "0000")
        mirror_staff(store, local, "B1")
        with pytest.raises(AccountLocked, match="try again"):
            copy.verify("T1", "1111")
    finally:
        local.close()


def test_wrong_pins_lock_the_account_online_upstream_and_offline_on_the_station(tmp_path, upstream, proxy, pg_url):
    from models.staff.pin_lockout import AccountLocked
    from models.staff.session import SignInMode

    store, clock = upstream
    station = _start(tmp_path, proxy, pg_url, clock)
    try:
        for _ in range(4):
            with pytest.raises(SignInRefused):
                station.staff.verify("T2", "0000")
        with pytest.raises(AccountLocked) as online:
            station.staff.verify("T2", "0000")
        assert online.value.seconds == 60
        with pytest.raises(AccountLocked):  # upstream counted them: another station is refused too
            StaffService(store, "B1", clock).verify("T2", "2222")
        _cut(proxy, station)
        assert station.staff.verify("T1", "1111").how is SignInMode.OFFLINE
        for _ in range(4):
            with pytest.raises(SignInRefused):
                station.staff.verify("T1", "0000")
        with pytest.raises(AccountLocked):
            station.staff.verify("T1", "0000")
        with pytest.raises(AccountLocked, match="try again in 1 min"):  # counted in the station's file
            station.staff.verify("T1", "1111")
    finally:
        station.branch.close()



def test_a_teller_locked_for_good_at_a_station_offline_is_locked_everywhere_after_its_sync(
    tmp_path, upstream, proxy, pg_url
):
    """Twenty wrong PINs at a station with its cable out lock the account there; once it syncs, upstream (where
    every other station, and this one online, checks PINs) holds the same lock until a supervisor lifts it."""
    from models.staff.pin_lockout import FINAL_STAGE, WRONG_PINS_PER_STAGE, AccountLocked

    store, clock = upstream
    station = _start(tmp_path, proxy, pg_url, clock)
    try:
        _cut(proxy, station)
        for _ in range(FINAL_STAGE):
            for _ in range(WRONG_PINS_PER_STAGE):
                with pytest.raises((SignInRefused, AccountLocked)):
                    station.staff.verify("T1", "0000")
            clock.advance(3600)
        proxy.restore()
        assert synced(station.branch)
        with pytest.raises(AccountLocked, match="must unlock"):
            station.staff.verify("T1", "1111")  # online now: upstream says so
        with pytest.raises(AccountLocked, match="must unlock"):
            StaffService(store, "B1", clock).verify("T1", "1111", "OTHER-PC")
        assert StaffService(store, "B1", clock).verify("T2", "2222", "OTHER-PC").staff_id == "T2"
    finally:
        station.branch.close()
