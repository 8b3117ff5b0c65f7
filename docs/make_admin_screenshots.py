"""Screenshots of the Administration screen: ``.venv/bin/python docs/make_admin_screenshots.py``.

A throw-away demo store where the administrator A3001 has deactivated a leaver and one account is locked
after wrong PINs; the Staff and Counters tabs are grabbed in English, Simplified Chinese, Korean and
Spanish into docs/screenshots/admin_{language}.png and admin_counters_{language}.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEventLoop  # noqa: E402

from models.branch.prepare import prepare_demo_station  # noqa: E402
from models.store.database import open_store  # noqa: E402
from queueing.core.clock import ManualClock  # noqa: E402
from queueing.core.errors import DomainError  # noqa: E402
from ui.admin.window import admin_window  # noqa: E402
from ui.app.application import create_app  # noqa: E402
from ui.common.i18n import LANGUAGES  # noqa: E402

SHOTS = ROOT / "docs" / "screenshots"


def _wait(done: Callable[[], bool], seconds: float = 10.0) -> None:
    loop = QEventLoop()
    deadline = time.monotonic() + seconds
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the administration window did not settle")
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)


def _settle(seconds: float = 0.3) -> None:
    """Let posted layout requests run, so that a label given its text a moment ago has its height."""
    loop = QEventLoop()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        loop.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 10)


def main(out_dir: Path = SHOTS) -> list[Path]:
    _app, i18n = create_app("en")
    clock = ManualClock(datetime(2026, 11, 23, 2, 0, tzinfo=UTC))
    store = open_store(str(Path(tempfile.mkdtemp()) / "branch.db"))
    station = prepare_demo_station(store, "PC-ADMIN", clock)
    staff = station.staff
    admin = staff.verify("A3001", "000000")
    staff.add(admin, "T1004", "Chen Jie", "teller", "4444")
    staff.add(admin, "T1005", "Zhang Wei", "teller", "5555")
    staff.deactivate(admin, "T1005")  # a leaver
    for _ in range(5):  # someone tried T1003's PIN five times
        try:
            staff.verify("T1003", "0000")
        except DomainError:
            pass
    window = admin_window(station.branch, staff, i18n, admin)
    window.resize(1280, 800)
    window.show()
    panel = window.staff_panel
    _wait(lambda: panel.model.rowCount() == 7 and window.counters_panel.model.rowCount() == 6)
    panel.select("T1005")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for language in LANGUAGES:
        i18n.set_language(language)
        panel.status.clear()
        panel.deactivate("A3001")  # the last administrator: refused, with the reason
        _wait(lambda: bool(panel.status.text()) and not panel.runner.busy)
        for tab, name in ((0, "admin"), (1, "admin_counters")):
            window.tabs.setCurrentIndex(tab)
            _wait(lambda: not window.counters_panel.runner.busy)
            _settle()
            path = out_dir / f"{name}_{language}.png"
            window.grab().save(str(path))
            written.append(path)
            print(f"wrote {path}")
        window.tabs.setCurrentIndex(0)
    window.close()
    store.close()
    return written


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else SHOTS)
