"""What a teller's station loads before it is ready, and the garbage collector once it is.

The station is started as the branch starts it (``main.py station``, a fresh interpreter) on a store with a
branch; at the first painted snapshot, the moment it prints its ready line, it reports what it has imported.
"""

import os
import subprocess
import sys
from pathlib import Path

from models.branch.prepare import prepare_demo_station
from models.store.database import open_store
from ui.app.composition import EXIT_WHEN_READY, READY_MARKER

ROOT = Path(__file__).resolve().parents[3]

# Modules no window the station shows at start needs: the supervisor's charts, the cross-sell rule parser (the
# customer desk loads it after the ready line), the PostgreSQL driver of a station without upstream, alembic for
# a store already at the head, printing, the other roles' screens and the report builders.
NOT_BEFORE_READY = (
    "pyqtgraph",
    "numpy",
    "rule_engine",
    "psycopg",
    "alembic",
    "PySide6.QtPrintSupport",
    "ui.supervisor",
    "ui.kiosk",
    "ui.display",
    "ui.reports.piece_rate_panel",
    "models.reports.head_office",
    "ui.station.finish_dialog",
    "ui.station.identify",
)

# Run in the spawned interpreter: main.py as the command line runs it, with a probe on the window's first paint
# (connected before the ready line's own slot, so it runs just before that line is printed).
PROBE = f"""
import gc, sys
sys.path.insert(0, {str(ROOT)!r})
import main
from ui.app import composition

shown = composition._show

def probe(app, window, started, after_ready=None):
    def ready():
        loaded = sorted(name for name in {NOT_BEFORE_READY!r} if name in sys.modules)
        print("loaded:" + ",".join(loaded))
        print(f"collector: {{gc.isenabled()}} frozen: {{gc.get_freeze_count() > 0}}", flush=True)

    window.sig_painted.connect(ready)
    return shown(app, window, started, after_ready)

composition._show = probe
sys.exit(main.main(sys.argv[1:]))
"""


def test_the_station_is_ready_without_what_only_other_windows_need(tmp_path):
    store = open_store(str(tmp_path / "station.db"))
    prepare_demo_station(store, "SETUP")  # a store with a branch and its counters, as `branch init` leaves it
    store.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", **{EXIT_WHEN_READY: "1"})
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "--db", str(tmp_path / "station.db"), "station", "--counter", "1"],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert any(line.startswith(READY_MARKER) for line in lines), done.stdout
    assert "loaded:" in lines, done.stdout  # nothing of NOT_BEFORE_READY
    # The collector, off while the station started (main.py), is back on at the ready line, with what start-up
    # made frozen out of later collections.
    assert "collector: True frozen: True" in lines, done.stdout
