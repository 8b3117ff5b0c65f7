"""What the supervisor's paged lists (call list, follow-ups) share: a reload once the days box settles, and
columns sized by their first rows."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QTableView

# The days box reloads this long after its last change: stepping it from 30 to 45 asks the store once, not 15 times.
RELOAD_DELAY_MS = 400
# Columns are sized to this many first rows, not to every row: measuring a full page's 500 rows at each change took
# the GUI thread about a second (the lists' texts are alike in width down a column).
SIZED_ROWS = 50


def settled_reload(owner: QObject, reload: Callable[[], None]) -> QTimer:
    """A single-shot timer that runs ``reload`` RELOAD_DELAY_MS after its last ``start()``."""
    timer = QTimer(owner, singleShot=True, interval=RELOAD_DELAY_MS)
    timer.timeout.connect(reload)
    return timer


def size_by_first_rows(table: QTableView) -> None:
    table.horizontalHeader().setResizeContentsPrecision(SIZED_ROWS)
