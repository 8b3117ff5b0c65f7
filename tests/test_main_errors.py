"""A window role that cannot start says why in one line and exits 2: no traceback, nothing written."""

import os
import socket
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _run(*argv: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", COUNTERLINE_EXIT_WHEN_READY="1")
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *argv], capture_output=True, text=True, env=env, timeout=120
    )


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_corrupt_store_is_named_and_left_as_it_was(tmp_path):
    damaged = tmp_path / "station.db"
    damaged.write_bytes(b"not a database at all" * 100)
    before = damaged.read_bytes()
    done = _run("--db", str(damaged), "station", "--counter", "1")
    assert done.returncode == 2, done.stderr
    assert "not a SQLite database" in done.stderr and str(damaged) in done.stderr
    assert "Traceback" not in done.stderr
    assert damaged.read_bytes() == before


def test_first_start_without_the_branch_server_says_it_is_needed(tmp_path):
    upstream = f"postgresql+psycopg://counterline@127.0.0.1:{_closed_port()}/branch"
    done = _run("--db", str(tmp_path / "station.db"), "station", "--counter", "1", "--upstream", upstream)
    assert done.returncode == 2, done.stderr
    assert "has never synced" in done.stderr and "first start needs the branch server" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_broken_hall_file_stops_its_window_with_one_line(tmp_path):
    display = tmp_path / "display.toml"
    display.write_bytes(b"[call]\nhighlight_s = nan\n")
    printer = tmp_path / "printer.toml"
    printer.write_bytes(b'[escpos]\nkind = "network"\nport = 70000\n')
    bad_display = f"{display}: call.highlight_s: must be a finite number"
    from models.branch.prepare import prepare_demo_station
    from models.store.database import open_store

    hall = open_store(str(tmp_path / "hall.db"))
    prepare_demo_station(hall, "HALL-SETUP")  # a store with a branch: what is refused is the hall file alone
    hall.close()
    for argv, line in (
        (("display", "--windowed", "--display-config", str(display)), bad_display),
        (("speech-check", "--display-config", str(display)), bad_display),
        (
            ("kiosk", "--windowed", "--printer-config", str(printer)),
            f"{printer}: escpos.port: must be a whole number <= 65535",
        ),
    ):
        done = _run("--db", str(tmp_path / "hall.db"), *argv)
        assert done.returncode == 2, done.stderr
        assert line in done.stderr
        assert "Traceback" not in done.stderr and done.stderr.count("\n") == 1


def test_a_server_link_that_drops_during_a_command_is_one_line_not_an_internal_error(tmp_path, monkeypatch, capsys):
    """The store opened, then the server or its link died under a query: that was exit 3 with a crash log, as a
    fault of Counterline's, where a server that cannot be reached at the start is one line and exit 2."""
    import psycopg
    from sqlalchemy.exc import OperationalError

    import models.branch.pick as pick
    from main import main
    from models.store.database import open_store

    open_store(str(tmp_path / "branch.db")).close()
    dropped = psycopg.OperationalError(
        "consuming input failed: server closed the connection unexpectedly\n"
        "\tThis probably means the server terminated abnormally"
    )

    def link_dies(*_args, **_kwargs):
        raise OperationalError("SELECT branches.id FROM branches", {}, dropped)

    monkeypatch.setattr(pick, "store_branches", link_dies)
    monkeypatch.setenv("COUNTERLINE_LOG_DIR", str(tmp_path / "logs"))
    assert main(["--db", str(tmp_path / "branch.db"), "staff", "list"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "server closed the connection unexpectedly" in err, err
    assert "internal error" not in err
    assert "SELECT" not in err
    assert not (tmp_path / "logs").exists()


def test_a_server_that_refuses_a_command_for_its_own_reason_is_not_called_a_dropped_link(tmp_path, monkeypatch, capsys):
    """psycopg files a full disk on the server, a deadlock and a statement timeout under OperationalError, as it
    does a dropped link: each was said as 'the link to the database server dropped during the command', and the
    administrator checked the network while the server's disk was full."""
    import psycopg
    from psycopg import errors
    from sqlalchemy.exc import OperationalError

    import models.branch.pick as pick
    from main import main
    from models.store.database import open_store

    open_store(str(tmp_path / "branch.db")).close()
    monkeypatch.setenv("COUNTERLINE_LOG_DIR", str(tmp_path / "logs"))
    for refusal in (errors.DiskFull, errors.DeadlockDetected, errors.QueryCanceled):
        assert issubclass(refusal, psycopg.OperationalError)
        raised = refusal("could not extend file \"base/16384/2619\": No space left on device")

        def refused(*_args, _raised=raised, **_kwargs):
            raise OperationalError("INSERT INTO staff", {}, _raised)

        monkeypatch.setattr(pick, "store_branches", refused)
        assert main(["--db", str(tmp_path / "branch.db"), "staff", "list"]) == 2
        err = capsys.readouterr().err
        assert err.count("\n") == 1 and "No space left on device" in err, err
        assert "link" not in err and "internal error" not in err, err
