"""The feedback pad at a counter: after each finished visit it asks the customer for a rating with five faces.

Every second it asks the store (off the GUI thread) for a visit newly finished at its
counter, newly as the store's records say: it starts from the last visit the store holds as
finished there, never from its own PC clock, which may be minutes off the stations' (asking
about the previous customer's visit, or about none); it then shows the ticket and five faces
until the customer touches one or the timeout passes, thanks them, and goes back to its resting
text. The faces are drawn with QPainter, so they look the same on every machine, offscreen
included.
"""

from __future__ import annotations

import logging
from datetime import UTC, datetime

from PySide6.QtCore import QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPainterPath, QPaintEvent, QPen
from PySide6.QtWidgets import (
    QAbstractButton,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from models.reports.records_service import RecordsService
from queueing.records.visits import VisitRecord
from ui.common.counter_name import named_counter_phrase
from ui.common.plain_label import plain_text_labels
from ui.common.runner import Runner

log = logging.getLogger(__name__)

# From 1 (poor) to 5 (excellent): red through amber to green, colour-blind safe enough with the mouth shapes.
FACE_COLOURS = ("#c0392b", "#e67e22", "#f1c40f", "#7dbb42", "#2e9e4f")
THANKS_MS = 3000
POLL_MS = 1000
NOTHING_FINISHED = datetime(1970, 1, 1, tzinfo=UTC)  # a counter with no finished visit yet


class FaceButton(QAbstractButton):
    """One face: a coloured disc, two eyes and a mouth from a frown (1) to a broad smile (5)."""

    def __init__(self, rating: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rating = rating
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumSize(96, 96)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def sizeHint(self) -> QSize:
        return QSize(132, 132)

    def paintEvent(self, event: QPaintEvent) -> None:
        side = min(self.width(), self.height()) - 8.0
        box = QRectF((self.width() - side) / 2, (self.height() - side) / 2, side, side)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        colour = QColor(FACE_COLOURS[self.rating - 1])
        if self.isDown():
            colour = colour.darker(115)
        p.setPen(QPen(colour.darker(140), side * 0.03))
        p.setBrush(colour)
        p.drawEllipse(box)
        ink = QColor("#1f2a37")
        p.setBrush(ink)
        p.setPen(Qt.PenStyle.NoPen)
        eye = side * 0.08
        for dx in (-0.17, 0.17):
            p.drawEllipse(QPointF(box.center().x() + dx * side, box.top() + side * 0.38), eye, eye)
        # The mouth: a quadratic curve whose middle sinks for a smile and rises for a frown.
        curve = (self.rating - 3) * 0.09 * side
        left = QPointF(box.left() + side * 0.28, box.top() + side * 0.66)
        right = QPointF(box.right() - side * 0.28, box.top() + side * 0.66)
        mouth = QPainterPath(left)
        mouth.quadTo(QPointF(box.center().x(), left.y() + curve * 2), right)
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.setPen(QPen(ink, side * 0.06, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
        p.drawPath(mouth)
        p.end()


class FeedbackWindow(QWidget):
    """The customer-facing pad of one counter."""

    sig_rated = Signal(str, int)
    """A rating was stored: carries the ticket id and the rating (1 to 5)."""

    def __init__(
        self,
        records: RecordsService,
        counter_id: str,
        counter_name: str,
        timeout_s: float = 30.0,
        since: datetime | None = None,
        runner: Runner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.records = records
        self.counter_id = counter_id
        self.counter_name = counter_name
        self.timeout_s = timeout_s
        self.runner = runner or Runner(self)
        # None until the first poll reads the store's last finished visit at the counter (see the module's text).
        self.since: datetime | None = since
        # Visits already asked about whose finish is dated ahead of the branch's clock: a station with a fast clock
        # finished them "later today" or tomorrow. ``since`` does not move to them, or the pad would wait for that
        # time and ask nobody; they are left out of the next polls instead.
        self.ahead: dict[str, datetime] = {}
        self.visit: VisitRecord | None = None
        self._polling = False
        self._build()
        # The counter's name is typed by people: one that looks like HTML is shown as typed, never drawn.
        plain_text_labels(self)
        self._poll_timer = QTimer(self, interval=POLL_MS)
        self._poll_timer.timeout.connect(self.poll)
        self._timeout = QTimer(self, singleShot=True)
        self._timeout.timeout.connect(self.rest)
        self._thanks = QTimer(self, singleShot=True)
        self._thanks.timeout.connect(self.rest)
        self.retranslate()
        self.rest()

    def _build(self) -> None:
        self.setObjectName("feedbackPad")
        self.setStyleSheet("#feedbackPad { background: #f4f6f9; } QLabel { color: #1f2a37; }")
        self.pages = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 32, 32, 32)
        layout.addWidget(self.pages)
        self.resting = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.resting.setStyleSheet("font-size: 22pt; color: #5b6b7d;")
        asking = QWidget()
        column = QVBoxLayout(asking)
        self.question = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.question.setStyleSheet("font-size: 22pt; font-weight: 600;")
        self.ticket = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.ticket.setStyleSheet("font-size: 14pt; color: #5b6b7d;")
        row = QHBoxLayout()
        self.faces: list[FaceButton] = []
        self.face_labels: list[QLabel] = []
        for rating in range(1, 6):
            cell = QVBoxLayout()
            face = FaceButton(rating)
            face.clicked.connect(lambda _=False, r=rating: self.rate(r))
            label = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
            label.setStyleSheet("font-size: 12pt;")
            cell.addWidget(face)
            cell.addWidget(label)
            cell.addStretch(1)
            row.addLayout(cell)
            self.faces.append(face)
            self.face_labels.append(label)
        column.addStretch(1)
        column.addWidget(self.question)
        column.addWidget(self.ticket)
        column.addSpacing(24)
        column.addLayout(row)
        column.addStretch(1)
        self.thanks = QLabel(alignment=Qt.AlignmentFlag.AlignCenter)
        self.thanks.setStyleSheet("font-size: 28pt; font-weight: 600; color: #2e7d4f;")
        for page in (self.resting, asking, self.thanks):
            self.pages.addWidget(page)

    def retranslate(self) -> None:
        title, phrase = named_counter_phrase(self.counter_name, alone=True), named_counter_phrase(self.counter_name)
        self.setWindowTitle(self.tr("Your feedback – %1", "a counter").replace("%1", title))
        self.resting.setText(self.tr("Welcome to %1", "a counter").replace("%1", phrase))
        self.question.setText(self.tr("How was your service today?"))
        texts = (self.tr("Very poor"), self.tr("Poor"), self.tr("Okay"), self.tr("Good"), self.tr("Excellent"))
        for face, label, text in zip(self.faces, self.face_labels, texts, strict=True):
            label.setText(text)
            face.setAccessibleName(text)
            face.setToolTip(text)
        self.thanks.setText(self.tr("Thank you!"))
        if self.visit is not None:
            self.ticket.setText(self.tr("Ticket %1").replace("%1", self.visit.number))

    # -- the cycle -----------------------------------------------------------
    def start(self) -> None:
        """Begin asking the store each second (the CLI and the tests call it once shown)."""
        self._poll_timer.start()
        self.poll()

    def stop(self) -> None:
        self._poll_timer.stop()

    def poll(self) -> None:
        if self._polling:
            return
        self._polling = True
        since = self.since
        if since is None:
            self.runner.submit(lambda: self.records.last_finished_at(self.counter_id), self._started, self._failed)
            return
        skip = tuple(self.ahead)
        self.runner.submit(
            lambda: self.records.latest_finished(self.counter_id, since, skip), self._polled, self._failed
        )

    def _started(self, last: datetime | None) -> None:
        """Visits finished before the pad came up were other customers': it asks about the next one only."""
        self._polling = False
        self.since = last or NOTHING_FINISHED

    def _polled(self, visit: VisitRecord | None) -> None:
        self._polling = False
        if visit is None or self.since is None or visit.finished_at <= self.since or visit.ticket_id in self.ahead:
            return
        if visit.finished_at > self.records.branch.clock.now():
            self.ahead[visit.ticket_id] = visit.finished_at  # asked once; ``since`` stays where the clock is
        else:
            self.since = visit.finished_at
            self.ahead = {ticket: at for ticket, at in self.ahead.items() if at > self.since}
        self.ask(visit)

    def _failed(self, _exc: Exception) -> None:
        # The store may be busy or briefly away: the next poll tries again; a failed rating just ends the question.
        self._polling = False
        if self.pages.currentIndex() == 1 and not self._timeout.isActive():
            self.rest()

    def ask(self, visit: VisitRecord) -> None:
        self.visit = visit
        self.retranslate()
        self.pages.setCurrentIndex(1)
        for face in self.faces:
            face.setEnabled(True)
        self._thanks.stop()
        self._timeout.start(int(self.timeout_s * 1000))

    def rate(self, rating: int) -> None:
        visit = self.visit
        if visit is None or self.pages.currentIndex() != 1:
            return
        self._timeout.stop()
        for face in self.faces:
            face.setEnabled(False)
        self.runner.submit(lambda: self.records.rate(visit.ticket_id, rating), lambda _: self._rated(visit, rating),
                           lambda exc: self._rating_failed(visit, rating, exc))  # fmt: skip

    def _rated(self, visit: VisitRecord, rating: int) -> None:
        self.sig_rated.emit(visit.ticket_id, rating)
        if self.visit is not None and self.visit is not visit:
            return  # a visit finished meanwhile and is being asked about: its question stays
        self.pages.setCurrentIndex(2)
        self._thanks.start(THANKS_MS)

    def _rating_failed(self, visit: VisitRecord, rating: int, exc: Exception) -> None:
        # The customer has gone by now; the branch must be able to tell why a rating is missing.
        log.warning("rating %d of ticket %s (%s) was not stored: %s", rating, visit.number, visit.ticket_id, exc)
        if self.visit is None or self.visit is visit:
            self.rest()

    def rest(self) -> None:
        self._timeout.stop()
        self._thanks.stop()
        self.visit = None
        self.pages.setCurrentIndex(0)
