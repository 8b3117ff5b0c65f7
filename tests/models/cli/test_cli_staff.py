import subprocess
import sys
from pathlib import Path

import pytest

import main
from models.staff.service import StaffService
from models.store.database import open_store

ROOT = Path(__file__).resolve().parents[3]


def _branch_store(tmp_path, branch_id="B7"):
    from models.branch.service import BranchService
    from queueing.core.categories import load_branch_config

    db = str(tmp_path / "s.db")
    store = open_store(db)
    BranchService(store, load_branch_config(), branch_id, "setup").ensure_branch("Real branch")
    store.close()
    return db


def _secret(tmp_path, name, text, mode=0o600):
    path = tmp_path / name
    path.write_text(text)
    path.chmod(mode)
    return str(path)


def test_first_admin_then_an_administrator_adds_and_deactivates(tmp_path, capsys):
    db = _branch_store(tmp_path)
    pin = _secret(tmp_path, "pin", "246813")
    assert main.main(["--db", db, "staff", "first-admin", "--id", "A1", "--name", "Ada", "--new-pin-file", pin]) == 0
    # A second "first" administrator is refused: from now on an administrator signs in.
    assert main.main(["--db", db, "staff", "first-admin", "--id", "A2", "--name", "X", "--new-pin-file", pin]) == 2
    assert "has staff already" in capsys.readouterr().err
    admin = _secret(tmp_path, "admin.toml", 'id = "A1"\npin = "246813"\n')
    teller_pin = _secret(tmp_path, "tpin", "4321")
    add = ["--db", db, "staff", "add", "--id", "T9", "--name", "Ana Ruiz", "--new-pin-file", teller_pin]
    assert main.main([*add, "--as", admin]) == 0
    assert main.main(["--db", db, "staff", "list"]) == 0
    assert "T9" in capsys.readouterr().out
    store = open_store(db)
    assert StaffService(store, "B7").verify("T9", "4321").name == "Ana Ruiz"
    assert main.main(["--db", db, "staff", "deactivate", "T9", "--as", admin]) == 0
    assert StaffService(store, "B7").get("T9").active is False
    store.close()


def test_refusals_name_what_was_wrong_and_change_nothing(tmp_path, capsys):
    db = _branch_store(tmp_path)
    pin = _secret(tmp_path, "pin", "246813")
    main.main(["--db", db, "staff", "first-admin", "--id", "A1", "--name", "Ada", "--new-pin-file", pin])
    capsys.readouterr()
    weak = _secret(tmp_path, "weak", "1234")
    admin = _secret(tmp_path, "admin.toml", 'id = "A1"\npin = "246813"\n')
    args = ["--db", db, "staff", "add", "--id", "S9", "--name", "X", "--role", "supervisor", "--new-pin-file", weak]
    assert main.main([*args, "--as", admin]) == 2
    assert "supervisor's PIN is 6 to 12 digits" in capsys.readouterr().err
    open_file = _secret(tmp_path, "open.toml", 'id = "A1"\npin = "246813"\n', mode=0o644)
    assert main.main([*args[:-1], pin, "--as", open_file]) == 2
    assert "chmod 600" in capsys.readouterr().err
    assert main.main(["--db", db, "staff", "--branch", "NOPE", "list"]) == 2
    assert "no branch 'NOPE' (branches: B7)" in capsys.readouterr().err
    teller = _secret(tmp_path, "tpin", "4321")
    main.main(["--db", db, "staff", "add", "--id", "T1", "--name", "T", "--new-pin-file", teller, "--as", admin])
    as_teller = _secret(tmp_path, "t.toml", 'id = "T1"\npin = "4321"\n')
    assert main.main(["--db", db, "staff", "reactivate", "A1", "--as", as_teller]) == 2
    assert "may not manage_staff" in capsys.readouterr().err
    store = open_store(db)
    assert [s.id for s in StaffService(store, "B7").accounts()] == ["A1", "T1"]
    store.close()


def test_the_list_shows_an_intruders_escapes_instead_of_obeying_them(tmp_path, capsys):
    """A row written around the services could erase its own line from the listing (a hidden administrator)."""
    from sqlalchemy import insert

    from models.store.tables import StaffRow

    db = _branch_store(tmp_path)
    store = open_store(db)
    with store.write_session() as session:
        session.execute(insert(StaffRow), [{"branch_id": "B7", "id": "X1\r\x1b[2K", "name": "\x1b[8mhidden",
                                            "role": "administrator", "pin_hash": "-", "active": True}])
    store.close()
    assert main.main(["--db", db, "staff", "list"]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\r" not in out and "X1\\r\\x1b[2K" in out and "administrator" in out


def test_a_change_shows_an_intruders_escapes_instead_of_obeying_them(tmp_path, capsys):
    """The change commands printed the stored name raw: an escape and a carriage return in it repainted their own
    confirmation line ("deactivate done" rewritten as anything)."""
    from sqlalchemy import update

    from models.store.tables import StaffRow

    db = _branch_store(tmp_path)
    main.main(["--db", db, "staff", "first-admin", "--id", "A1", "--name", "Ada", "--new-pin-file",
               _secret(tmp_path, "pin", "246813")])  # fmt: skip
    admin = _secret(tmp_path, "admin.toml", 'id = "A1"\npin = "246813"\n')
    main.main(["--db", db, "staff", "add", "--id", "T9", "--name", "Ana", "--new-pin-file",
               _secret(tmp_path, "tpin", "4321"), "--as", admin])  # fmt: skip
    store = open_store(db)
    with store.write_session() as session:  # written around the services, which refuse it
        session.execute(update(StaffRow).where(StaffRow.id == "T9").values(name="Ana\x1b[2K\rT9 kept"))
    store.close()
    capsys.readouterr()
    for change in ("deactivate", "reactivate", "unlock"):
        assert main.main(["--db", db, "staff", change, "T9", "--as", admin]) == 0
        out = capsys.readouterr().out
        assert "\x1b" not in out and "\r" not in out and "Ana\\x1b[2K\\rT9 kept" in out, out


def test_the_station_commands_do_not_load_qt_until_run():
    code = "import sys, argparse; import ui.app.station_roles as r; "
    code += "r.register(argparse.ArgumentParser().add_subparsers()); "
    code += "print('PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


def test_a_credentials_file_saved_by_notepad_or_in_another_encoding(tmp_path):
    from models.cli.sign_in import read_credentials_file
    from queueing.core.errors import ConfigError

    path = tmp_path / "admin.toml"
    path.write_bytes(b'\xef\xbb\xbfid = "A1"\npin = "135790"\n')  # Notepad's UTF-8, with its byte-order mark
    path.chmod(0o600)
    found = read_credentials_file(path)
    assert (found.staff_id, found.pin) == ("A1", "135790")
    path.write_bytes('id = "A1"\npin = "135790"\n'.encode("utf-16"))
    with pytest.raises(ConfigError, match="admin.toml: not UTF-8 text"):
        read_credentials_file(path)


def test_a_pin_file_saved_by_notepad_or_in_another_encoding(tmp_path, monkeypatch, capsys):
    """The mark was kept in the PIN (a PIN nobody can type); other bytes were an internal error, exit 3."""
    from models.cli.sign_in import read_secret_file

    monkeypatch.setenv("COUNTERLINE_LOG_DIR", str(tmp_path / "logs"))
    path = tmp_path / "pin"
    path.write_bytes(b"\xef\xbb\xbf864213\r\n")
    path.chmod(0o600)
    assert read_secret_file(path) == "864213"
    path.write_bytes(b"12\xff34\n")
    init = ["--db", str(tmp_path / "b.db"), "branch", "init", "--id", "B1", "--name", "N", "--timezone", "UTC"]
    assert main.main([*init, "--admin-id", "A1", "--admin-name", "A", "--new-pin-file", str(path)]) == 2
    assert capsys.readouterr().err == f"counterline: {path}: not UTF-8 text (byte 2)\n"


def test_first_admin_on_a_branch_with_staff_is_refused_before_a_pin_is_asked(tmp_path, capsys, monkeypatch):
    db = _branch_store(tmp_path)
    pin = _secret(tmp_path, "pin", "246813")
    assert main.main(["--db", db, "staff", "first-admin", "--id", "A1", "--name", "Ada", "--new-pin-file", pin]) == 0

    def typed(prompt: str = "") -> str:
        raise AssertionError(f"a PIN was asked for: {prompt}")

    monkeypatch.setattr("getpass.getpass", typed)
    assert main.main(["--db", db, "staff", "first-admin", "--id", "A2", "--name", "X"]) == 2
    err = capsys.readouterr().err
    assert "has staff already" in err and err.count("\n") == 1
