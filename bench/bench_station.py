"""Issue 3's targets: F1 to the next ticket painted (p95 <= 50 ms on a year of history), cold start <= 2 s,
resident memory <= 250 MB.

Key to paint: a station window signed in at counter C2 of the year store (bench/history.py, on a
private copy); before each sample the counter is freed (the called ticket is parked, outside the
timing), then F1 is sent to the window and the clock runs until the counter panel's number label
has been painted with the new number (a paint-event filter on the label), the GUI thread waiting
in a blocking QEventLoop as the running station does. Baseline: the same on a
fresh store holding only the demo branch and the same waiting queue.

Cold start: ``main.py station`` in a subprocess, timed from spawn to the console line it prints
once the first snapshot is painted (the window is usable then); the same line carries the peak
RSS. Baseline: the same on the fresh store.
"""

from __future__ import annotations

import functools
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEvent, QEventLoop, QObject, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from bench.history import open_live_service
from models.branch.prepare import Station, prepare_demo_station
from models.demo.branch_setup import load_demo_branch
from models.staff.service import StaffService, hash_pin
from models.station.counter_session import sign_in_at_counter
from models.store.database import open_store
from models.store.tables import StaffRow
from models.store.upsert import upsert
from ui.app.application import build_window, create_app
from ui.app.composition import EXIT_WHEN_READY, READY_MARKER, collect_from_now_on
from ui.station.command_runner import REFRESH_AFTER_MS

ROOT = Path(__file__).resolve().parent.parent
COUNTER = "C2"
PIN = "4242"
SAMPLES = 60
WAITING = 120  # tickets added to the queue so every F1 finds someone
_READY = re.compile(rf"{re.escape(READY_MARKER)} in [0-9.]+ s(?:, peak RSS ([0-9.]+) MB)?")


class _PaintWatch(QObject):
    """Records when a label is first painted with a ticket number, and ends ``loop`` then."""

    def __init__(self, label, loop: QEventLoop) -> None:
        super().__init__()
        self.label = label
        self.loop = loop
        self.painted_at: float | None = None
        label.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.painted_at is None and self.label.text() != "—":
            self.painted_at = time.perf_counter()
            self.loop.quit()
        return False


# QCoreApplication.processEvents() drops a reference to None per call in PySide6 6.12 on Python 3.11
# (enough calls crash the interpreter); a QEventLoop's own processEvents() does not.
_LOOP: QEventLoop | None = None


def _pump() -> None:
    global _LOOP
    _LOOP = _LOOP or QEventLoop()
    _LOOP.processEvents()


def _settle(app: QApplication, window) -> None:
    """Let the previous command's follow-up snapshot run, then take a fresh one: nothing else is under way."""
    deadline = time.monotonic() + 10
    pause_until = time.monotonic() + 3 * REFRESH_AFTER_MS / 1000
    while time.monotonic() < pause_until:
        _pump()
    while window.runner.busy and time.monotonic() < deadline:
        _pump()
    window.refresh()
    while window.runner.busy and time.monotonic() < deadline:
        _pump()
    _pump()


def _key_to_paint(station: Station, staff_id: str, samples: int) -> list[float]:
    """Milliseconds from F1 to the new number painted, ``samples`` times."""
    app, i18n = create_app("en")
    signed = sign_in_at_counter(station.branch, station.staff, staff_id, PIN, COUNTER)
    free_counter(station)
    category = next(iter(next(c for c in station.branch.snapshot().counters if c.id == COUNTER).profile))
    for _ in range(WAITING):
        station.branch.issue_ticket(category)
    window = build_window(station, i18n, COUNTER, idle_minutes=0)
    collect_from_now_on()  # as main.py's station does once its window is built: start-up set aside from the collector
    window.refresh_timer.stop()  # only the F1 path paints during a sample
    window.show()
    window._signed_in(signed)
    _settle(app, window)
    timings = []
    for _ in range(samples):
        free_counter(station)
        _settle(app, window)
        window.activateWindow()
        # Wait in a blocking event loop, as the station's own loop does: a busy polling loop would hold
        # the GIL and starve the worker thread that runs the command.
        loop = QEventLoop()
        watch = _PaintWatch(window.counter_panel.number, loop)
        QTimer.singleShot(5000, loop.quit)
        started = time.perf_counter()
        QTest.keyClick(window, Qt.Key.Key_F1)
        if watch.painted_at is None:
            loop.exec()
        window.counter_panel.number.removeEventFilter(watch)
        if watch.painted_at is None:
            raise RuntimeError(f"F1 did not paint a new number: {window.banner.text()}")
        timings.append((watch.painted_at - started) * 1000)
    window.close()
    return timings


def free_counter(station: Station) -> None:
    """Park the counter's ticket (or start and finish nothing): the counter is open and free afterwards."""
    counter = next(c for c in station.branch.snapshot().counters if c.id == COUNTER)
    if counter.current is not None:
        station.branch.park(COUNTER)


def _year_station(path: Path) -> tuple[Station, str]:
    store = open_store(str(path))
    branch = open_live_service(store, "BENCH-STATION")
    staff = StaffService(store, branch.branch_id, branch.clock)
    staff_id = next(c.staff_id for c in branch.snapshot().counters if c.id == COUNTER) or "T-BENCH"
    _put_teller(staff, staff_id)
    return Station(branch, staff, load_demo_branch()), staff_id


def _empty_station(path: Path) -> tuple[Station, str]:
    station = prepare_demo_station(open_store(str(path)), "BENCH-EMPTY")
    _put_teller(station.staff, "T-BENCH")
    return station, "T-BENCH"


def _put_teller(staff: StaffService, staff_id: str) -> None:
    """The bench's teller with a known PIN, written as the branch set-up would (no administrator to sign in)."""
    row = {"branch_id": staff.branch_id, "id": staff_id, "name": "Bench teller", "role": "teller",
           "pin_hash": hash_pin(PIN), "active": True, "failed_pins": 0, "lock_stage": 0, "locked_until": None}
    with staff.store.write_session() as session:
        upsert(session, StaffRow.__table__, [row], ["branch_id", "id"])


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else values[0]


# The station's own modules compiled once, as an installation has them (pip compiles on install). Without it a
# shell with PYTHONDONTWRITEBYTECODE set (as the agents' and some CI shells are) compiles every module of the
# project from source at every spawn, a cost no branch PC pays. Kept out of the source tree.
PYCACHE = Path(tempfile.gettempdir()) / "counterline-bench-pycache"


@functools.cache
def _station_env() -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPYCACHEPREFIX=str(PYCACHE), **{EXIT_WHEN_READY: "1"})
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    folders = [str(ROOT / name) for name in ("models", "queueing", "ui")] + [str(ROOT / "main.py")]
    subprocess.run([sys.executable, "-m", "compileall", "-q", *folders], env=env, cwd=ROOT, check=True)
    return env


def cold_start(db: Path, counter: str, branch: str | None = None) -> tuple[float, float | None]:
    """Seconds from spawn to a usable window, and the process's peak RSS in MB (bytecode compiled beforehand)."""
    seconds, rss, _ = timed_start(db, counter, branch)
    return seconds, rss


def timed_start(db: Path, counter: str, branch: str | None = None) -> tuple[float, float | None, float | None]:
    """``cold_start`` and the CPU seconds the station had used by then (all its threads, from /proc): on a shared
    machine the wall time is mostly waiting for a CPU, the CPU time is the station's own cost."""
    env = _station_env()
    command = [sys.executable, str(ROOT / "main.py"), "--db", str(db), "station", "--counter", counter]
    command += ["--branch", branch] if branch else []
    started = time.perf_counter()
    process = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    for line in process.stdout:
        found = _READY.search(line)
        if found:
            elapsed = time.perf_counter() - started
            cpu = _cpu_seconds(process.pid)
            process.wait(timeout=30)
            return elapsed, float(found.group(1)) if found.group(1) else None, cpu
    process.wait(timeout=30)
    raise RuntimeError(f"the station exited ({process.returncode}) without becoming ready")


def _cpu_seconds(pid: int) -> float | None:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    # utime and stime, fields 14 and 15 of proc(5), counted after the command name's closing parenthesis.
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def run(ctx) -> list[dict[str, Any]]:
    samples = 15 if ctx.quick else SAMPLES
    year, year_staff = _year_station(ctx.fresh_copy("station.db"))
    empty, empty_staff = _empty_station(ctx.tmp_dir / "empty.db")
    year_ms = _key_to_paint(year, year_staff, samples)
    empty_ms = _key_to_paint(empty, empty_staff, samples)
    year.branch.sign_out(COUNTER, year_staff, keep_open=True)
    empty.branch.sign_out(COUNTER, empty_staff, keep_open=True)
    for station in (year, empty):
        station.branch.store.close()
    year_start, year_rss = cold_start(ctx.tmp_dir / "station.db", COUNTER, year.branch.branch_id)
    empty_start, empty_rss = cold_start(ctx.tmp_dir / "empty.db", COUNTER)
    p95, base = _p95(year_ms), _p95(empty_ms)
    rows = [
        {
            "name": "station F1 to next ticket painted, p95 (year store)",
            "value": p95,
            "unit": "ms",
            "baseline": base,
            "ratio": p95 / base,
            "target": "<= 50 ms",
        },
        {
            "name": "station F1 to next ticket painted, median (year store)",
            "value": statistics.median(year_ms),
            "unit": "ms",
            "baseline": statistics.median(empty_ms),
            "ratio": statistics.median(year_ms) / statistics.median(empty_ms),
            "target": None,
        },
        {
            "name": "station cold start to a usable window (year store)",
            "value": year_start,
            "unit": "s",
            "baseline": empty_start,
            "ratio": year_start / empty_start,
            "target": "<= 2 s",
        },
    ]
    if year_rss is not None:
        rows.append(
            {
                "name": "station peak resident memory (year store)",
                "value": year_rss,
                "unit": "MB",
                "baseline": empty_rss,
                "ratio": year_rss / empty_rss if empty_rss else None,
                "target": "<= 250 MB",
            }
        )
    return rows
