"""main.py keeps the cyclic garbage collector off while Counterline starts, and never leaves it off."""

import argparse
import gc

import pytest

import main


@pytest.fixture
def commands(monkeypatch):
    """main.py with two sub-commands that record whether the collector was on while they ran."""
    seen: list[tuple[str, bool]] = []

    def fail(_args):
        seen.append(("window", gc.isenabled()))
        raise ValueError("the window could not be built")

    def build_parser() -> argparse.ArgumentParser:
        parser = argparse.ArgumentParser(prog="counterline")
        parser.add_argument("--config")
        sub = parser.add_subparsers(dest="command")
        sub.add_parser("plain").set_defaults(func=lambda _args: seen.append(("plain", gc.isenabled())) or 0)
        sub.add_parser("window").set_defaults(func=fail, **{main.COLLECTOR_AFTER_START: True})
        return parser

    monkeypatch.setattr(main, "build_parser", build_parser)
    monkeypatch.setattr(main, "write_crash_log", lambda _exc, _command: None)
    assert gc.isenabled()
    yield seen
    gc.enable()  # whatever a failed assertion left, the rest of the suite runs with the collector


def test_a_command_runs_with_the_collector_on(commands):
    assert main.main(["plain"]) == 0
    assert commands == [("plain", True)]
    assert gc.isenabled()


def test_a_window_role_starts_without_it_and_gets_it_back_when_it_fails(commands):
    assert main.main(["window"]) == main.EXIT_INTERNAL
    assert commands == [("window", False)]
    assert gc.isenabled()


def test_a_refused_command_line_leaves_it_on(commands, capsys):
    with pytest.raises(SystemExit):
        main.main(["no-such-command"])
    assert gc.isenabled()
    assert "invalid choice" in capsys.readouterr().err
