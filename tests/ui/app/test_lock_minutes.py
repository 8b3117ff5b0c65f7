"""--lock-minutes of the station and the demo: 0 (never) to what the idle timer can count, refused otherwise.

inf or 100000 raised OverflowError from QTimer at the first sign-in (an internal error); nan compared false
with 0 and turned the lock off without a word.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

import main
from ui.app.station_roles import MAX_LOCK_MINUTES

ROOT = Path(main.__file__).resolve().parent


@pytest.mark.parametrize("role", [["station", "--counter", "1"], ["demo"]])
@pytest.mark.parametrize("value", ["inf", "-inf", "nan", "100000", "-1", "soon"])
def test_the_parser_refuses(capsys, role, value):
    with pytest.raises(SystemExit) as refused:
        main.build_parser().parse_args([*role, "--lock-minutes", value])
    assert refused.value.code == 2
    assert "argument --lock-minutes" in capsys.readouterr().err


@pytest.mark.parametrize("value", ["0", "0.5", "5", str(MAX_LOCK_MINUTES)])
def test_the_parser_takes_never_to_the_timers_limit(value):
    args = main.build_parser().parse_args(["station", "--counter", "1", "--lock-minutes", value])
    assert args.lock_minutes == float(value)
    assert args.lock_minutes * 60_000 <= 2**31 - 1  # what QTimer.start takes


def test_the_demo_with_an_infinite_lock_is_refused_in_one_line_before_any_window(tmp_path):
    env = dict(os.environ, XDG_DATA_HOME=str(tmp_path), COUNTERLINE_LOG_DIR=str(tmp_path / "logs"))
    run = subprocess.run(
        [sys.executable, "main.py", "--db", str(tmp_path / "d.db"), "demo", "--lock-minutes", "inf"],
        env=env, capture_output=True, text=True, timeout=120, cwd=ROOT,
    )
    assert run.returncode == 2, run.stderr
    assert "argument --lock-minutes: give 0 (never) to 35000 minutes, got 'inf'" in run.stderr
    assert not (tmp_path / "d.db").exists()
