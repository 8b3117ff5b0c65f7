"""The supervisor's line about the hall's sound: shown only when a hall display cannot be heard.

Each hall display reports whether its chime can play (models/supervisor/hall_sound.py); this banner reads the reports
every few seconds and says, in words and not by colour alone, which display is silent and why, or that a
display stopped reporting.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QLabel, QWidget

from models.store.database import Store
from models.supervisor.hall_sound import CHIME_ERROR, NO_DEVICE, NO_MULTIMEDIA, TURNED_OFF, HallSound, hall_sounds
from queueing.core.clock import Clock
from ui.common.accessibility import describe
from ui.common.branch_time import to_branch
from ui.common.runner import Runner

POLL_MS = 10_000
STALE_S = 120  # four missed reports (the display reports every 30 s)


class HallSoundBanner(QLabel):
    def __init__(self, store: Store, branch_id: str, clock: Clock, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="hallSound", wordWrap=True)
        self.store, self.branch_id, self.clock = store, branch_id, clock
        self.reports: list[HallSound] = []
        self.setStyleSheet(
            "QLabel#hallSound { background: #fbeaea; color: #8a2a2a; border: 1px solid #e6b8b8;"
            " border-radius: 6px; padding: 6px 10px; font-weight: 600; }"
        )
        self.hide()
        self._runner = Runner(self)
        self._timer = QTimer(self, interval=POLL_MS)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        self.refresh()

    def refresh(self) -> None:
        if not self._runner.busy:
            store, branch = self.store, self.branch_id
            self._runner.submit(lambda: hall_sounds(store, branch), self.show_reports, lambda _exc: None)

    def _reason(self, problem: str) -> str:
        return {
            TURNED_OFF: self.tr("the chime is turned off in display.toml"),
            NO_MULTIMEDIA: self.tr("the PC's audio libraries are missing"),
            NO_DEVICE: self.tr("no loudspeaker or audio output is connected"),
            CHIME_ERROR: self.tr("the chime cannot be played on this audio output"),
        }.get(problem, problem)

    def problems(self) -> list[str]:
        """One sentence per hall display that cannot be heard now."""
        now = self.clock.now()
        lines = []
        for report in self.reports:
            if (now - report.at).total_seconds() > STALE_S:
                since = f"{to_branch(report.at):%H:%M}"
                text = self.tr("⚠ Hall display %1 has not reported since %2: its sound may be off")
                lines.append(text.replace("%1", report.station_id).replace("%2", since))
            elif report.problem is not None:
                text = self.tr("⚠ Hall sound off at %1: %2. Calls are shown but not heard.")
                lines.append(text.replace("%1", report.station_id).replace("%2", self._reason(report.problem)))
        return lines

    def show_reports(self, reports: list[HallSound]) -> None:
        self.reports = list(reports)
        self.retranslate()

    def retranslate(self) -> None:
        lines = self.problems()
        self.setText("\n".join(lines))
        self.setVisible(bool(lines))
        describe(self, self.tr("Hall sound"), self.text() or self.tr("The hall's sound is on"))

    def stop(self) -> None:
        self._timer.stop()
        self._runner.wait()
