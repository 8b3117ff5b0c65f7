"""A real branch from nothing: branch init, its first administrator, counters, a station on it; never the demo."""

import pytest

import main
from models.branch.prepare import prepare_station
from models.customers.branch_key import default_key_path
from models.staff.service import StaffService
from models.store.database import open_store


def _secret(tmp_path, name, text, mode=0o600):
    path = tmp_path / name
    path.write_text(text)
    path.chmod(mode)
    return str(path)


def _init_cut_before_its_administrator(monkeypatch, capsys, init: list[str]) -> None:
    """``branch init`` with the link dying as it writes the administrator (after the branch): refused, exit 2."""
    from models.staff.service import StaffService as Staff
    from models.store.errors import StoreUnavailable

    def link_dies(*_args):
        raise StoreUnavailable("server closed the connection unexpectedly")

    monkeypatch.setattr(Staff, "add_first_administrator", link_dies)
    assert main.main(init) == 2
    monkeypatch.undo()
    capsys.readouterr()


def test_a_branch_from_nothing_holds_no_demo_account(tmp_path, capsys):
    db = str(tmp_path / "branch.db")
    pin = _secret(tmp_path, "pin", "864213")
    init = ["--db", db, "branch", "init", "--id", "SH01", "--name", "Shanghai Pudong", "--timezone", "Asia/Shanghai"]
    assert main.main([*init, "--admin-id", "A100", "--admin-name", "Zhou Min", "--new-pin-file", pin]) == 0
    # Staff changes are audited from the first one on: the branch key the audit chain needs is made here too.
    key = default_key_path()
    assert key.exists() and key.stat().st_mode & 0o077 == 0
    assert f"branch key: {key} (owner-only)" in capsys.readouterr().out
    admin = _secret(tmp_path, "admin.toml", 'id = "A100"\npin = "864213"\n')
    counter = ["--db", db, "branch", "counter", "--id", "C1", "--name", "1", "--serves", "CASH=1,TRANSFER=2"]
    assert main.main([*counter, "--as", admin]) == 0
    assert main.main(["--db", db, "branch", "list"]) == 0
    assert "SH01" in capsys.readouterr().out
    store = open_store(db)
    try:
        station = prepare_station(store, "SH01-C1")  # the store's only branch, nothing added
        assert station.branch.branch_id == "SH01" and station.branch.config.timezone == "Asia/Shanghai"
        assert [s.id for s in StaffService(store, "SH01").accounts()] == ["A100"]
        assert [s.id for s in StaffService(store, "DEMO").accounts()] == []
        assert [c.id for c in station.branch.snapshot().counters] == ["C1"]
        # The administrator was signed with the key branch init made; a station gets the public half only.
        from models.staff.service import SIGNED_COLUMNS
        from models.staff.signing import account_signed, load_verify_key
        from models.store.tables import StaffRow

        with store.read_session() as session:
            row = session.get(StaffRow, ("SH01", "A100"))
            assert account_signed(load_verify_key(), row.signature, *(getattr(row, c) for c in SIGNED_COLUMNS))
    finally:
        store.close()


def test_bad_input_is_one_line_and_changes_nothing(tmp_path, capsys):
    db = str(tmp_path / "branch.db")
    base = ["--db", db, "branch", "init", "--name", "X"]
    for argv, says in (
        ([*base, "--id", "SH01", "--timezone", "Mars/Olympus"], "not a known time zone"),
        ([*base, "--id", "SH 01", "--timezone", "UTC"], "1 to 32 letters"),
        ([*base, "--id", "SH01", "--timezone", "UTC", "--admin-id", "A1"], "go together"),
    ):
        assert main.main(argv) == 2
        err = capsys.readouterr().err
        assert says in err and err.count("\n") == 1
    assert main.main(["--db", db, "station", "--counter", "1"]) == 2
    assert "holds no branch: set one up with 'branch init'" in capsys.readouterr().err
    for kind in ("piece-rate", "service"):  # said "say --branch or --all-branches (branches in ...: none)"
        out = tmp_path / f"{kind}.csv"
        report = ["report", kind, "--from", "2026-11-01", "--to", "2026-11-30", "--out", str(out), "--as-staff", "S1"]
        assert main.main(["--db", db, *report]) == 2
        assert "holds no branch: set one up with 'branch init'" in capsys.readouterr().err and not out.exists()
    assert main.main([*base, "--id", "SH01", "--timezone", "UTC"]) == 0
    assert main.main([*base, "--id", "SH01", "--timezone", "UTC"]) == 2
    assert "has branch SH01 already" in capsys.readouterr().err
    assert main.main([*base, "--id", "BJ01", "--timezone", "Asia/Shanghai"]) == 0
    capsys.readouterr()
    assert main.main(["--db", db, "staff", "list"]) == 2
    assert "say which with --branch ID (branches in" in capsys.readouterr().err
    assert main.main(["--db", db, "demo"]) == 2  # the demo runs on a store of its own
    assert "holds branch BJ01, SH01: the demo runs on a store of its own" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("admin_id", "admin_name", "pin", "says"),
    [
        ("A100", "Zhou Min", "12", "an administrator's PIN is 6 to 12 digits"),
        ("A100", "Zhou\u202eMin", "864213", "staff name"),
        ("A100\u200b", "Zhou Min", "864213", "staff id"),
    ],
)
def test_a_refused_administrator_leaves_no_branch_behind(tmp_path, capsys, admin_id, admin_name, pin, says):
    """The PIN was checked after the branch was written: the branch stayed without its administrator, and the
    corrected command was refused as "has branch SH01 already"."""
    from models.store.branches import store_branches

    db = str(tmp_path / "branch.db")
    init = ["--db", db, "branch", "init", "--id", "SH01", "--name", "P", "--timezone", "UTC"]
    refused = [*init, "--admin-id", admin_id, "--admin-name", admin_name, "--new-pin-file", _secret(tmp_path, "p", pin)]
    assert main.main(refused) == 2
    err = capsys.readouterr().err
    assert says in err and err.count("\n") == 1
    store = open_store(db)
    try:
        assert store_branches(store) == []
    finally:
        store.close()
    good = [*init, "--admin-id", "A100", "--admin-name", "Zhou Min", "--new-pin-file", _secret(tmp_path, "q", "864213")]
    assert main.main(good) == 0


def test_demo_customers_never_land_in_a_real_branchs_store(tmp_path, capsys):
    db = str(tmp_path / "branch.db")
    assert main.main(["--db", db, "branch", "init", "--id", "SH01", "--name", "X", "--timezone", "UTC"]) == 0
    capsys.readouterr()
    key = tmp_path / "branch.key"
    assert main.main(["--db", db, "demo-data", "--customers", "3", "--key-file", str(key)]) == 2
    assert "holds branch SH01: demo customers go into a store of their own" in capsys.readouterr().err
    assert main.main(["--db", db, "demo-data", "--customers", "3", "--branch", "SH01", "--key-file", str(key)]) == 2
    assert "belong to the demo branch DEMO only" in capsys.readouterr().err
    assert main.main(["--db", db, "branch", "list"]) == 0
    assert "DEMO" not in capsys.readouterr().out


@pytest.mark.parametrize("serves", ["CASH=\u00b2", "CASH=\u2460", "CASH=0", "CASH=x", "=1"])
def test_a_counters_services_that_are_no_precedence_are_refused_in_one_line(serves):
    """A superscript two passed the digit check and then failed int() with a traceback."""
    from models.cli.branch import _profile
    from queueing.core.errors import ConfigError

    with pytest.raises(ConfigError, match="give CATEGORY=PRECEDENCE pairs"):
        _profile(serves)


def test_a_branch_init_cut_off_after_the_branch_is_finished_by_running_it_again(tmp_path, capsys, monkeypatch):
    """The branch is written before its administrator: a link or disk that died between the two (or a key folder
    that could not be written) left a branch nobody can sign in to, and the same command again was refused as
    "has branch SH01 already; nothing was changed", with no word of how to go on."""
    from models.store.branches import store_branches

    db = str(tmp_path / "branch.db")
    pin = _secret(tmp_path, "pin", "864213")
    init = ["--db", db, "branch", "init", "--id", "SH01", "--name", "P", "--timezone", "Asia/Shanghai",
            "--admin-id", "A100", "--admin-name", "Zhou Min", "--new-pin-file", pin]  # fmt: skip
    _init_cut_before_its_administrator(monkeypatch, capsys, init)
    assert main.main(init) == 0, capsys.readouterr().err
    store = open_store(db)
    try:
        assert [(b.id, b.name, b.timezone) for b in store_branches(store)] == [("SH01", "P", "Asia/Shanghai")]
        assert [s.id for s in StaffService(store, "SH01").accounts()] == ["A100"]
    finally:
        store.close()
    # Once it has its administrator, the branch is set up: a third run changes nothing, as before.
    assert main.main(init) == 2
    assert "has branch SH01 already; nothing was changed" in capsys.readouterr().err


def test_a_half_set_up_branch_is_not_finished_under_another_time_zone(tmp_path, capsys, monkeypatch):
    db = str(tmp_path / "branch.db")
    pin = _secret(tmp_path, "pin", "864213")
    init = ["--db", db, "branch", "init", "--id", "SH01", "--name", "P",
            "--admin-id", "A100", "--admin-name", "Zhou Min", "--new-pin-file", pin]  # fmt: skip
    _init_cut_before_its_administrator(monkeypatch, capsys, [*init, "--timezone", "Asia/Shanghai"])
    assert main.main([*init, "--timezone", "Europe/Madrid"]) == 2
    err = capsys.readouterr().err
    assert "has branch SH01 already" in err and "Asia/Shanghai" in err and err.count("\n") == 1


def test_a_staff_command_without_the_signing_key_says_the_account_is_unsigned(tmp_path, capsys, monkeypatch):
    """branch init made staff-signing.key in its configuration folder; a later `--config DIR staff add` looked in
    DIR, found no key and saved the teller unsigned without a word: every station then refused the teller offline.
    """
    from models.staff.service import SIGNED_COLUMNS
    from models.staff.signing import account_signed, load_verify_key
    from models.store.tables import StaffRow
    from queueing.config.files import CONFIG_DIR_ENV, branch_config_dir

    keys_folder = branch_config_dir()
    db = str(tmp_path / "branch.db")
    pin = _secret(tmp_path, "pin", "864213")
    init = ["--db", db, "branch", "init", "--id", "SH01", "--name", "Pudong", "--timezone", "Asia/Shanghai"]
    assert main.main([*init, "--admin-id", "A100", "--admin-name", "Zhou Min", "--new-pin-file", pin]) == 0
    admin = _secret(tmp_path, "admin.toml", 'id = "A100"\npin = "864213"\n')
    teller_pin = _secret(tmp_path, "tpin", "4321")
    other = tmp_path / "other-config"
    other.mkdir()
    add = ["--db", db, "--config", str(other), "staff", "add", "--id", "T9", "--name", "Ana", "--as", admin]
    capsys.readouterr()
    assert main.main([*add, "--new-pin-file", teller_pin]) == 0  # saved all the same: online it signs in
    err = capsys.readouterr().err
    assert f"T9 is saved unsigned: no staff-signing.key in {other}" in err and "offline" in err
    monkeypatch.setenv(CONFIG_DIR_ENV, str(keys_folder))  # --config stays in this process's environment
    store = open_store(db)
    try:
        with store.read_session() as session:
            row = session.get(StaffRow, ("SH01", "T9"))
            assert not account_signed(load_verify_key(), row.signature, *(getattr(row, c) for c in SIGNED_COLUMNS))
    finally:
        store.close()
    # With the key's folder (the default here), nothing to say.
    assert main.main(["--db", db, "staff", "reset-pin", "T9", "--new-pin-file", teller_pin, "--as", admin]) == 0
    assert "unsigned" not in capsys.readouterr().err


def test_a_half_set_up_branch_is_finished_under_its_name_in_any_unicode_form(tmp_path, capsys, monkeypatch):
    """The branch's name is kept NFC-normalised; the re-run compared it with the name as typed, so a name typed or
    pasted decomposed (a Mac's 'Peñalara', n and a combining tilde) was refused as another name at every re-run,
    and the branch stayed without an administrator."""
    import unicodedata

    db = str(tmp_path / "branch.db")
    pin = _secret(tmp_path, "pin", "864213")
    name = unicodedata.normalize("NFD", "Peñalara")
    init = ["--db", db, "branch", "init", "--id", "MD01", "--name", name, "--timezone", "Europe/Madrid",
            "--admin-id", "A100", "--admin-name", "Ana", "--new-pin-file", pin]  # fmt: skip
    _init_cut_before_its_administrator(monkeypatch, capsys, init)
    assert main.main(init) == 0, capsys.readouterr().err
    store = open_store(db)
    try:
        assert [s.id for s in StaffService(store, "MD01").accounts()] == ["A100"]
    finally:
        store.close()
