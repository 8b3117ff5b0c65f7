"""A branch on a fresh store for the kiosk, display and supervisor tests, with a second station writing to it."""

from __future__ import annotations

from datetime import UTC, datetime

from label_text import renders_markup
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from models.branch.prepare import prepare_demo_station
from models.branch.service import BranchService
from models.store.database import open_store
from queueing.core.clock import ManualClock
from ui.common.i18n import LanguageManager
from ui.common.refcount_guard import make_singletons_immortal
from ui.display.announcer import CallSettings

# The offscreen platform cannot pass a window's size hints on; real platforms can. Not our code's warning.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"
# What Qt Multimedia says of this PC's audio set-up (no PipeWire, no PulseAudio daemon, no sound card in CI).
AUDIO_NOISE = r"pipewire|PulseAudioService|QSoundEffect: playback|No audio device|audio device"
START = datetime(2026, 11, 23, 1, 30, tzinfo=UTC)  # Monday 09:30 at the demo branch
QUIET = CallSettings(chime=False, speech=False, notices=("Welcome", "欢迎光临"))
# A name typed by whoever set the branch up, shaped to take over a public screen if a label rendered it.
MARKUP = '<font size=7 color=red>HACKED <img src="x"></font>'


def markup_shown(window: QWidget) -> list[str]:
    """The labels of ``window`` that would draw their text as HTML (Qt's AutoText guesses from the first line)."""
    found = []
    for label in window.findChildren(QLabel):
        if renders_markup(label):
            found.append(f"{label.objectName() or type(label.parentWidget()).__name__}: {label.text()!r}")
    return found


class Recorder:
    """Stands in for the Announcer: records what would have sounded."""

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []
        self.chimes = 0

    def announce(self, number: str, counter: str) -> None:
        self.calls.append((number, counter))

    def chime(self) -> None:
        self.chimes += 1


class Branch:
    """The window's station and another station (``other``) on the same store and clock."""

    def __init__(self, tmp_path) -> None:
        make_singletons_immortal()  # PySide6 6.12 on Python 3.11 drops references to None and the bools
        self.clock = ManualClock(START)
        self.store = open_store(str(tmp_path / "branch.db"))
        self.station = prepare_demo_station(self.store, "TEST-SCREEN", self.clock)
        self.branch = self.station.branch
        self.other = BranchService(self.store, self.branch.config, self.branch.branch_id, "TEST-OTHER", self.clock)
        self.i18n = LanguageManager(QApplication.instance())
        self.i18n.set_language("en")  # English plural forms come from counterline_en.qm

    def open(self, counter_id: str, staff_id: str = "T1001") -> None:
        self.other.open_counter(counter_id, staff_id)

    def close(self) -> None:
        if self.i18n.language != "en":
            self.i18n.set_language("en")
        self.store.close()


def lose_the_first_answer(monkeypatch, branch) -> None:
    """The next ``branch.issue_ticket`` is saved but its answer never comes back (the link drops after the
    COMMIT); the calls after it are answered again."""
    issue = branch.issue_ticket

    def answer_lost(*args, **kwargs):
        issue(*args, **kwargs)  # saved
        monkeypatch.undo()  # the link is back for the next touch
        raise OSError("the link dropped before the answer came back")

    monkeypatch.setattr(branch, "issue_ticket", answer_lost)
