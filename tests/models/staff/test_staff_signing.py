"""The station's staff copy is signed by the branch: edited offline, it signs nobody in."""

import pytest
from argon2 import PasswordHasher

from models.branch.service import BranchService
from models.staff.mirror import mirror_staff
from models.staff.seen import SeenVersions
from models.staff.service import SignInRefused, StaffCopyAltered, StaffCopyReplayed, StaffService
from models.staff.session import SignInMode
from models.staff.signing import create_signing_key, load_signing_key, load_verify_key
from models.store.database import open_store
from models.store.tables import StaffRow
from queueing.core.categories import load_branch_config
from queueing.core.roles import Role


@pytest.fixture
def keys(tmp_path):
    folder = tmp_path / "admin-config"
    create_signing_key(folder)
    return load_signing_key(folder), load_verify_key(folder)


@pytest.fixture
def stores(tmp_path, keys):
    upstream, local = open_store(str(tmp_path / "up.db")), open_store(str(tmp_path / "station.db"))
    for store in (upstream, local):
        BranchService(store, load_branch_config(), "B1", "SETUP").ensure_branch("B1")
    office = StaffService(upstream, "B1", signing_key=keys[0])
    office.add_first_administrator("A1", "Admin", "135790")
    admin = office.verify("A1", "135790", "ADM")
    office.add(admin, "T1", "Li Wei", "teller", "4711")
    office.add(admin, "S1", "Sun", "supervisor", "471100")
    mirror_staff(upstream, local, "B1")
    yield upstream, local, office, admin
    upstream.close()
    local.close()


def _offline(local, keys):
    return StaffService(local, "B1", how=SignInMode.OFFLINE, verify_key=keys[1], station_id="ST1")


def _edit(local, staff_id, **values):
    with local.write_session() as session:
        row = session.get(StaffRow, ("B1", staff_id))
        for column, value in values.items():
            setattr(row, column, value)


def test_a_signed_copy_signs_a_teller_in_offline(stores, keys):
    _, local, _, _ = stores
    session = _offline(local, keys).verify("T1", "4711")
    assert (session.role, session.how) == (Role.TELLER, SignInMode.OFFLINE)


@pytest.mark.parametrize(
    "edit",
    [
        {"role": "supervisor"},  # a teller made supervisor in the station's file
        {"pin_hash": PasswordHasher().hash("0000")},  # a PIN of the intruder's choosing
        {"name": "Someone else"},
        {"signature": None},  # the signature removed
    ],
)
def test_an_edited_copy_is_refused(stores, keys, edit):
    _, local, _, _ = stores
    _edit(local, "T1", **edit)
    with pytest.raises(StaffCopyAltered, match="not as the branch signed it"):
        _offline(local, keys).verify("T1", edit.get("pin_hash") and "0000" or "4711")


def test_only_tellers_hashes_reach_a_station(stores, keys):
    _, local, _, _ = stores
    with local.read_session() as session:
        rows = {r.id: (r.role, r.pin_hash, r.active) for r in session.query(StaffRow)}
    assert rows["A1"] == ("administrator", "", False) and rows["S1"] == ("supervisor", "", False)
    assert rows["T1"][1].startswith("$argon2")
    with pytest.raises(SignInRefused):
        _offline(local, keys).verify("S1", "471100")


def test_a_deactivated_teller_is_refused_offline_from_the_next_sync(stores, keys):
    upstream, local, office, admin = stores
    office.deactivate(admin, "T1")
    _offline(local, keys).verify("T1", "4711")  # not synced yet: the copy still says active
    mirror_staff(upstream, local, "B1")
    with pytest.raises(SignInRefused):
        _offline(local, keys).verify("T1", "4711")
    # The old, active, signed row put back into the file does not pass: its signature was for "active".
    _edit(local, "T1", active=True)
    with pytest.raises(StaffCopyAltered):
        _offline(local, keys).verify("T1", "4711")


def test_an_account_written_without_the_key_is_unsigned(stores, keys):
    upstream, local, _, _ = stores
    unsigned = StaffService(upstream, "B1")  # a PC without the administrator's key
    unsigned.add(unsigned.verify("A1", "135790", "ADM"), "T2", "Kim", "teller", "2222")
    mirror_staff(upstream, local, "B1")
    with pytest.raises(StaffCopyAltered):
        _offline(local, keys).verify("T2", "2222")


def test_a_second_key_is_not_made_over_the_first(tmp_path, keys):
    from queueing.core.errors import ConfigError

    with pytest.raises(ConfigError, match="exists already"):
        create_signing_key(tmp_path / "admin-config")


def _row(store, staff_id):
    with store.read_session() as session:
        row = session.get(StaffRow, ("B1", staff_id))
        return {c: getattr(row, c) for c in ("name", "role", "pin_hash", "active", "signature", "signed_version")}


def _station(local, keys):
    return StaffService(
        local, "B1", how=SignInMode.OFFLINE, verify_key=keys[1], station_id="ST1", seen=SeenVersions.beside(local)
    )


def test_an_older_signed_copy_restored_over_a_newer_one_is_refused(stores, keys):
    """The leaver's row from before the deactivation, validly signed, put back into the station's file."""
    upstream, local, office, admin = stores
    before = _row(local, "T1")
    _station(local, keys).verify("T1", "4711")
    office.deactivate(admin, "T1")
    mirror_staff(upstream, local, "B1")
    assert _row(local, "T1")["signed_version"] > before["signed_version"]
    _edit(local, "T1", **before)  # a whole signed row, signature and all: the signature holds
    with pytest.raises(StaffCopyReplayed, match="older than one it already had"):
        _station(local, keys).verify("T1", "4711")
    office.reactivate(admin, "T1")  # the administrator takes the teller back: a newer version still
    mirror_staff(upstream, local, "B1")
    assert _station(local, keys).verify("T1", "4711").staff_id == "T1"


def test_every_signing_raises_the_version_and_the_seen_record_never_falls(stores, keys):
    upstream, local, office, admin = stores
    first = _row(upstream, "T1")["signed_version"]
    office.reset_pin(admin, "T1", "5822")
    office.deactivate(admin, "T1")
    assert _row(upstream, "T1")["signed_version"] == first + 2
    office.unlock(admin, "T1")  # nothing that is signed changes: no signing, no new version
    office.set_role(admin, "T1", "teller")  # the role it has
    assert _row(upstream, "T1")["signed_version"] == first + 2
    seen = SeenVersions.beside(local)
    seen.raise_to({"T1": 1})
    assert seen.newest("T1") == first  # not lowered
    assert SeenVersions(None).newest("T1") == 0  # a server store keeps no record beside itself


def test_a_teller_promoted_then_deactivated_is_not_signed_in_by_their_old_teller_row(stores, keys):
    """The station's copy of a supervisor is unsigned, but the seen record must still follow the account.

    T1 (teller) is promoted, then leaves. The teller row from before the promotion, signed and active,
    put back into the station's file must not sign the leaver in offline.
    """
    upstream, local, office, admin = stores
    before = _row(local, "T1")
    _station(local, keys).verify("T1", "4711")
    office.set_role(admin, "T1", "supervisor", "900900")
    mirror_staff(upstream, local, "B1")
    office.deactivate(admin, "T1")
    mirror_staff(upstream, local, "B1")
    _edit(local, "T1", **before)  # the old teller row, signature and all
    with pytest.raises(StaffCopyReplayed):
        _station(local, keys).verify("T1", "4711")


def _lock_for_good(service, staff_id):
    from models.staff.pin_lockout import FINAL_STAGE

    with service.store.write_session() as session:  # 20 wrong PINs typed at the station while it was offline
        row = session.get(StaffRow, ("B1", staff_id))
        row.failed_pins, row.lock_stage, row.locked_until = 0, FINAL_STAGE, None


@pytest.mark.parametrize("lift", ["unlock", "reset_pin"])
def test_an_unlock_upstream_reaches_the_station_copy_at_the_next_sync(stores, keys, lift):
    """A lock counted in the station's file is lifted by the supervisor's unlock (or a new PIN) once synced."""
    from models.staff.pin_lockout import AccountLocked

    upstream, local, office, admin = stores
    station = _station(local, keys)
    _lock_for_good(station, "T1")
    with pytest.raises(AccountLocked, match="a supervisor must unlock it"):
        station.verify("T1", "4711")
    if lift == "unlock":
        office.unlock(admin, "T1")
        pin = "4711"
    else:
        office.reset_pin(admin, "T1", "5822")
        pin = "5822"
    mirror_staff(upstream, local, "B1")
    assert station.verify("T1", pin).staff_id == "T1"


def test_a_sync_alone_does_not_reset_the_station_count(stores, keys):
    """Nothing changed upstream: the wrong PINs counted in the station's file stay counted."""
    from models.staff.pin_lockout import AccountLocked

    upstream, local, _, _ = stores
    station = _station(local, keys)
    for _ in range(4):
        with pytest.raises(SignInRefused):
            station.verify("T1", "0000")
    mirror_staff(upstream, local, "B1")
    with pytest.raises(AccountLocked):
        station.verify("T1", "0000")


def test_a_leaver_deactivated_from_a_pc_without_the_key_is_not_signed_in_by_a_restored_row(stores, keys):
    """The deactivation is unsigned (written where the key is not), yet the seen record must follow it."""
    upstream, local, _, _ = stores
    before = _row(local, "T1")
    _station(local, keys).verify("T1", "4711")
    keyless = StaffService(upstream, "B1")
    keyless.deactivate(keyless.verify("A1", "135790", "ADM"), "T1")
    mirror_staff(upstream, local, "B1")
    _edit(local, "T1", **before)  # the active, signed row from before
    with pytest.raises(StaffCopyReplayed):
        _station(local, keys).verify("T1", "4711")


def test_an_unlock_on_a_pc_without_the_key_keeps_the_teller_signed_and_reaches_the_station(stores, keys):
    """``staff unlock`` run by a supervisor where the signing key is not: the lock is no part of what is signed,
    so the account keeps its signature (the teller still signs in offline) and the station's own lock lifts."""
    from models.staff.pin_lockout import AccountLocked

    upstream, local, _, _ = stores
    station = _station(local, keys)
    _lock_for_good(station, "T1")
    keyless = StaffService(upstream, "B1")  # the supervisor's PC
    keyless.unlock(keyless.verify("S1", "471100", "SUP"), "T1")
    mirror_staff(upstream, local, "B1")
    assert _row(local, "T1")["signature"] is not None
    assert station.verify("T1", "4711").staff_id == "T1"
    with pytest.raises(AccountLocked):  # and the station's lock was lifted once, not for good
        _lock_for_good(station, "T1")
        station.verify("T1", "4711")
