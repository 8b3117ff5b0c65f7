"""The feedback pad: it asks after a visit finishes at its counter, stores the face touched, and times out."""

from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from records_harness import BRANCH, build_month, serve
from sqlalchemy import select

from main import build_parser
from models.branch.service import BranchService
from models.reports.records_service import RecordsService
from models.store.database import open_store
from models.store.tables import EventRow
from queueing.core.categories import load_branch_config
from queueing.core.tickets import TransactionLine as Line
from queueing.core.transaction_types import load_catalogue
from ui.feedback.window import FeedbackWindow

# The offscreen platform warns that it cannot pass size hints to a window manager it does not have.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture
def setup(qtbot, tmp_path):
    store = open_store(str(tmp_path / "store.db"))
    month = build_month(store, days=1)
    month.branch.open_counter("C1", "T1")
    month.branch.open_counter("C2", "T2")
    # The pad is its own station on the same store and clock.
    pad_branch = BranchService(store, load_branch_config(), BRANCH, "PAD-C1", month.clock)
    pad = FeedbackWindow(RecordsService(pad_branch, load_catalogue()), "C1", "1", timeout_s=30)
    qtbot.addWidget(pad)
    pad.show()
    pad.poll()  # up: its first poll reads where the store's finished visits stand
    qtbot.waitUntil(lambda: pad.since is not None)
    yield month, pad, store
    pad.stop()
    pad.runner.wait()
    store.close()


def test_resting_until_a_visit_finishes_at_its_counter(qtbot, setup):
    month, pad, _ = setup
    serve(month.branch, month.clock, "C2", "TRANSFER", [Line("TRF_INTL")], 300)  # another counter
    pad.poll()
    qtbot.waitUntil(lambda: not pad._polling)
    assert pad.pages.currentIndex() == 0
    ticket = serve(month.branch, month.clock, "C1", "CASH", [Line("ACCT_OPEN")], 300)
    pad.poll()
    qtbot.waitUntil(lambda: pad.pages.currentIndex() == 1)
    assert pad.visit.ticket_id == ticket
    assert pad.ticket.text() == f"Ticket {pad.visit.number}"


def test_a_touched_face_is_stored_as_the_pads_event(qtbot, setup):
    month, pad, store = setup
    ticket = serve(month.branch, month.clock, "C1", "CASH", [Line("ACCT_OPEN")], 300)
    pad.poll()
    qtbot.waitUntil(lambda: pad.pages.currentIndex() == 1)
    with qtbot.waitSignal(pad.sig_rated) as signal:
        qtbot.mouseClick(pad.faces[3], Qt.MouseButton.LeftButton)
    assert signal.args == [ticket, 4]
    assert pad.pages.currentIndex() == 2
    assert month.records.visit(ticket).rating == 4
    with store.read_session() as session:
        seqs = session.scalars(select(EventRow.seq).where(EventRow.station_id == "PAD-C1")).all()
    assert seqs == [1]
    # The same visit is not asked about again.
    pad.poll()
    qtbot.waitUntil(lambda: not pad._polling)
    assert pad.pages.currentIndex() == 2


def test_the_question_times_out(qtbot, setup):
    month, pad, _ = setup
    pad.timeout_s = 0.2
    serve(month.branch, month.clock, "C1", "CASH", [Line("ACCT_OPEN")], 300)
    pad.poll()
    qtbot.waitUntil(lambda: pad.pages.currentIndex() == 1)
    qtbot.waitUntil(lambda: pad.pages.currentIndex() == 0, timeout=2000)
    assert pad.visit is None


def test_faces_render_offscreen(qtbot, setup):
    _, pad, _ = setup
    image = pad.faces[0].grab().toImage()
    centre = image.pixelColor(image.width() // 2, int(image.height() * 0.3))
    assert centre.name() == "#c0392b"  # the red of the poorest face, drawn


def test_feedback_command_is_registered():
    args = build_parser().parse_args(["feedback", "--counter", "2", "--timeout", "45"])
    assert (args.counter, args.timeout) == ("2", 45.0)
    with pytest.raises(SystemExit):
        build_parser().parse_args(["feedback", "--counter", "2", "--timeout", "0"])


def test_a_counter_name_with_markup_is_shown_as_typed(qtbot, setup):
    from screens_harness import MARKUP, markup_shown

    month, _, _ = setup
    pad = FeedbackWindow(RecordsService(month.branch, load_catalogue()), "C1", MARKUP, timeout_s=30)
    qtbot.addWidget(pad)
    pad.show()
    assert MARKUP in pad.resting.text()
    assert markup_shown(pad) == []


def test_a_rating_the_store_refused_is_logged_not_dropped_in_silence(qtbot, setup, monkeypatch, caplog):
    """A locked store (a backup running) refuses the rating: the branch must be able to find out why ratings are
    missing; the pad rested without a word anywhere."""
    import logging

    from models.store.errors import LockedStore

    month, pad, _ = setup
    ticket = serve(month.branch, month.clock, "C1", "CASH", [Line("ACCT_OPEN")], 300)
    pad.poll()
    qtbot.waitUntil(lambda: pad.pages.currentIndex() == 1)
    number = pad.visit.number

    def locked(*_args):
        raise LockedStore("store.db: database is locked")

    monkeypatch.setattr(pad.records, "rate", locked)
    with caplog.at_level(logging.WARNING, logger="ui.feedback.window"):
        qtbot.mouseClick(pad.faces[4], Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: pad.pages.currentIndex() == 0)
    assert f"rating 5 of ticket {number} ({ticket}) was not stored: store.db: database is locked" in caplog.text


def test_a_visit_finished_while_a_rating_is_stored_is_still_asked_about(qtbot, setup, monkeypatch):
    """The store was slow to take a rating; meanwhile the teller finished the next visit and the pad asked about
    it. The late "stored" then showed the thanks and rested: the next customer's question was gone."""
    import threading

    month, pad, _ = setup
    serve(month.branch, month.clock, "C1", "CASH", [Line("ACCT_OPEN")], 300)
    pad.poll()
    qtbot.waitUntil(lambda: pad.pages.currentIndex() == 1)
    release = threading.Event()
    rate = pad.records.rate

    def slow_rate(ticket_id, rating):
        release.wait(5)
        return rate(ticket_id, rating)

    monkeypatch.setattr(pad.records, "rate", slow_rate)
    with qtbot.waitSignal(pad.sig_rated, timeout=5000):
        qtbot.mouseClick(pad.faces[4], Qt.MouseButton.LeftButton)
        month.clock.advance(60)
        second = serve(month.branch, month.clock, "C1", "CASH", [Line("ACCT_OPEN")], 300)
        qtbot.waitUntil(lambda: not pad._polling)
        pad.poll()
        qtbot.waitUntil(lambda: pad.visit is not None and pad.visit.ticket_id == second)
        release.set()
    qtbot.wait(100)
    assert pad.pages.currentIndex() == 1 and pad.visit.ticket_id == second
    assert all(face.isEnabled() for face in pad.faces)


class SkewedClock:
    """The pad's PC clock, ``offset_s`` off the branch's."""

    def __init__(self, base, offset_s: float) -> None:
        self.base, self.offset = base, timedelta(seconds=offset_s)

    def now(self):
        return self.base.now() + self.offset

    def monotonic(self) -> float:
        return self.base.monotonic()

    @property
    def run_id(self) -> str:
        return self.base.run_id


def _skewed_pad(qtbot, month, store, offset_s: float) -> FeedbackWindow:
    pad_branch = BranchService(store, load_branch_config(), BRANCH, "PAD-C1", SkewedClock(month.clock, offset_s))
    pad = FeedbackWindow(RecordsService(pad_branch, load_catalogue()), "C1", "1", timeout_s=30)
    qtbot.addWidget(pad)
    pad.show()
    return pad


@pytest.mark.parametrize("offset_s", [-600, 600], ids=["pad clock 10 min slow", "pad clock 10 min fast"])
def test_a_pad_with_a_wrong_clock_asks_about_the_next_visit_only(qtbot, tmp_path, offset_s):
    store = open_store(str(tmp_path / "store.db"))
    month = build_month(store, days=1)
    month.branch.open_counter("C1", "T1")
    serve(month.branch, month.clock, "C1", "CASH", [Line("ACCT_OPEN")], 120)  # the customer before the pad came up
    month.clock.advance(60)
    pad = _skewed_pad(qtbot, month, store, offset_s)
    try:
        pad.start()
        qtbot.waitUntil(lambda: not pad._polling)
        pad.poll()
        qtbot.waitUntil(lambda: not pad._polling)
        assert pad.pages.currentIndex() == 0  # never the previous customer's visit
        ticket = serve(month.branch, month.clock, "C1", "CASH", [Line("ACCT_OPEN")], 120)
        pad.poll()
        qtbot.waitUntil(lambda: pad.pages.currentIndex() == 1)
        assert pad.visit.ticket_id == ticket
    finally:
        pad.stop()
        pad.runner.wait()
        store.close()


def test_a_visit_dated_ahead_by_a_fast_clock_does_not_stop_the_questions(qtbot, setup):
    """A station whose clock ran a day ahead finished a visit "tomorrow": the pad asked about it, then waited for
    a visit finished after tomorrow, and asked nobody all day. It asks about that visit once and goes on."""
    from queueing.core.clock import ManualClock

    month, pad, store = setup
    fast_clock = ManualClock(month.clock.now() + timedelta(days=1))
    fast = BranchService(store, load_branch_config(), BRANCH, "FAST-PC", fast_clock)
    ahead = serve(fast, fast_clock, "C1", "CASH", [Line("ACCT_OPEN")], 300)
    pad.poll()
    qtbot.waitUntil(lambda: pad.pages.currentIndex() == 1 and pad.visit.ticket_id == ahead)
    pad.rest()
    for _ in range(2):
        month.clock.advance(60)
        ticket = serve(month.branch, month.clock, "C1", "CASH", [Line("ACCT_OPEN")], 300)
        pad.poll()
        qtbot.waitUntil(lambda t=ticket: pad.pages.currentIndex() == 1 and pad.visit.ticket_id == t)
        pad.rest()
    pad.poll()  # the visit dated ahead is not asked about again
    qtbot.waitUntil(lambda: not pad._polling)
    assert pad.pages.currentIndex() == 0
