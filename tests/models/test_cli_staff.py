import subprocess
import sys
from pathlib import Path

import main
from models.staff_service import StaffService
from models.store import open_store

ROOT = Path(__file__).resolve().parents[2]


def test_staff_add_and_list(tmp_path, capsys):
    db = str(tmp_path / "s.db")
    assert main.main(["--db", db, "staff", "add", "--id", "T9", "--name", "Ana Ruiz", "--pin", "4321"]) == 0
    assert main.main(["--db", db, "staff", "list"]) == 0
    assert "T9" in capsys.readouterr().out
    store = open_store(db)
    assert StaffService(store, "DEMO").verify("T9", "4321").name == "Ana Ruiz"
    store.close()


def test_a_bad_pin_is_refused(tmp_path, capsys):
    db = str(tmp_path / "s.db")
    assert main.main(["--db", db, "staff", "add", "--id", "T9", "--name", "X", "--pin", "12"]) == 2
    assert "PIN" in capsys.readouterr().err


def test_the_station_commands_do_not_load_qt_until_run():
    code = "import sys, argparse; import ui.cli_roles as r; r.register(argparse.ArgumentParser().add_subparsers()); "
    code += "print('PySide6' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"
