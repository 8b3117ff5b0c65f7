"""The piece-rate panel's screenshot: ``.venv/bin/python docs/make_report_screenshots.py``.

A throw-away store with the report tests' month (tests/ui/records_harness.py: four tellers, three days of
visits, a break, a complaint), shown for November 2026 with Ana Peña's visits selected, as the supervisor sees it.
Writes docs/screenshots/piece_rate_panel.png.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))  # the harness that builds the month, and its staff sessions
sys.path.insert(0, str(ROOT / "tests" / "ui"))

from records_harness import MONTH, SUPERVISOR, build_month  # noqa: E402

from models.store.database import open_store  # noqa: E402
from ui.app.application import create_app  # noqa: E402
from ui.reports.piece_rate_panel import PieceRatePanel  # noqa: E402

OUT = ROOT / "docs" / "screenshots"


def main() -> None:
    app, _i18n = create_app("en")
    with tempfile.TemporaryDirectory() as folder:
        store = open_store(str(Path(folder) / "store.db"))
        try:
            month = build_month(store)
            panel = PieceRatePanel(month.records, SUPERVISOR, "Riverside branch")
            panel.resize(1400, 900)
            panel.set_period(*MONTH)
            panel.show()
            done: list[bool] = []
            panel.sig_report_ready.connect(lambda _report: done.append(True))
            panel.refresh()
            while not done:
                app.processEvents()
            row = next(r for r in range(panel.model.rowCount()) if panel.model.teller_at(r) == "T3")
            panel.table.selectRow(row)
            for _ in range(20):
                app.processEvents()
            path = OUT / "piece_rate_panel.png"
            panel.grab().save(str(path))
            print(path)
            panel.runner.wait()
            panel.close()
        finally:
            store.close()


if __name__ == "__main__":
    main()
