"""The piece-rate report's two charts drawn with QPainter into images, for the PDF.

The screen uses pyqtgraph (ui/common/charts.py); a printed page needs no interaction, and a
QPainter drawing renders the same offscreen, in the CLI, with the bundled CJK font.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QPainter, QPen

from ui.common.fonts import ui_font

INK = QColor("#1f2a37")
MUTED = QColor("#5b6b7d")
GRID = QColor("#dde3ea")
ACCENT = QColor("#1d5fa8")
SECOND = QColor("#2e7d4f")
BOX = QColor(29, 95, 168, 90)
MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, MARGIN_BOTTOM = 60.0, 16.0, 40.0, 44.0


def _nice_top(value: float) -> tuple[float, float]:
    """A round upper bound for the axis and its tick step."""
    if value <= 0:
        return 1.0, 0.25
    raw = value / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return step * math.ceil(value / step), step


class _Frame:
    """Title, y axis with grid and the plot area of one chart image."""

    def __init__(self, image: QImage, title: str, axis: str, top: float) -> None:
        self.image = image
        self.painter = QPainter(image)
        self.painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.top, self.step = _nice_top(top)
        width, height = image.width() / PIXEL_RATIO, image.height() / PIXEL_RATIO
        self.plot = QRectF(
            MARGIN_LEFT, MARGIN_TOP, width - MARGIN_LEFT - MARGIN_RIGHT, height - MARGIN_TOP - MARGIN_BOTTOM
        )
        self._title(title)
        self._axis(axis)

    def font(self, points: float, bold: bool = False) -> QFont:
        font = ui_font(points)
        font.setBold(bold)
        return font

    def _title(self, title: str) -> None:
        self.painter.setFont(self.font(11, bold=True))
        self.painter.setPen(INK)
        self.painter.drawText(QRectF(0, 6, self.plot.right(), 30), Qt.AlignmentFlag.AlignCenter, title)

    def _axis(self, label: str) -> None:
        p = self.painter
        p.setFont(self.font(8))
        value = 0.0
        while value <= self.top + 1e-9:
            y = self.y(value)
            p.setPen(QPen(GRID, 1))
            p.drawLine(QPointF(self.plot.left(), y), QPointF(self.plot.right(), y))
            p.setPen(MUTED)
            p.drawText(
                QRectF(0, y - 9, MARGIN_LEFT - 8, 18),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                f"{value:g}",
            )
            value += self.step
        p.save()
        p.translate(14, self.plot.center().y())
        p.rotate(-90)
        p.drawText(QRectF(-100, -10, 200, 20), Qt.AlignmentFlag.AlignCenter, label)
        p.restore()

    def y(self, value: float) -> float:
        return self.plot.bottom() - self.plot.height() * value / self.top

    def slot(self, index: int, count: int) -> tuple[float, float]:
        """Centre and width of the ``index``-th of ``count`` slots along the x axis."""
        width = self.plot.width() / max(count, 1)
        return self.plot.left() + width * (index + 0.5), width

    def names(self, names: Sequence[str]) -> None:
        p = self.painter
        p.setFont(self.font(8))
        p.setPen(INK)
        for i, name in enumerate(names):
            x, width = self.slot(i, len(names))
            p.drawText(
                QRectF(x - width / 2, self.plot.bottom() + 6, width, 40),
                Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                name,
            )

    def legend(self, entries: Sequence[tuple[str, QColor]]) -> None:
        p = self.painter
        p.setFont(self.font(8))
        x = self.plot.right() - 150 * len(entries)
        for text, color in entries:
            p.fillRect(QRectF(x, 14, 14, 14), color)
            p.setPen(INK)
            p.drawText(QRectF(x + 20, 12, 125, 18), Qt.AlignmentFlag.AlignVCenter, text)
            x += 150

    def end(self) -> QImage:
        self.painter.end()
        return self.image


PIXEL_RATIO = 2.0  # drawn at twice the size it is shown at, so print stays sharp


def _image(width: int, height: int) -> QImage:
    """A white image of ``width`` x ``height`` logical pixels (painting coordinates), twice as many real ones."""
    image = QImage(int(width * PIXEL_RATIO), int(height * PIXEL_RATIO), QImage.Format.Format_ARGB32)
    image.setDevicePixelRatio(PIXEL_RATIO)
    image.fill(QColor("white"))
    return image


def units_image(
    names: Sequence[str],
    standard: Sequence[float],
    net: Sequence[float],
    texts: dict[str, str],
    width: int = 1000,
    height: int = 300,
) -> QImage:
    """Paired bars per teller: standard units and net units."""
    frame = _Frame(_image(width, height), texts["units_title"], texts["units_axis"], max([*standard, *net, 0.0]))
    p = frame.painter
    for i, (std, nt) in enumerate(zip(standard, net, strict=True)):
        x, slot = frame.slot(i, len(names))
        bar = min(slot * 0.35, 60.0)
        for offset, value, color in ((-bar, std, ACCENT), (0.0, nt, SECOND)):
            p.fillRect(QRectF(x + offset, frame.y(value), bar, frame.y(0) - frame.y(value)), color)
    frame.names(names)
    frame.legend(((texts["standard"], ACCENT), (texts["net"], SECOND)))
    return frame.end()


def service_image(
    names: Sequence[str],
    five_numbers_min: Sequence[tuple[float, ...]],
    texts: dict[str, str],
    width: int = 1000,
    height: int = 300,
) -> QImage:
    """A box plot per teller (minutes): quartile box, median bar, whiskers to the shortest and longest visit."""
    top = max([five[4] for five in five_numbers_min if five] + [0.0])
    frame = _Frame(_image(width, height), texts["service_title"], texts["service_axis"], top)
    p = frame.painter
    for i, five in enumerate(five_numbers_min):
        if not five:
            continue
        low, q1, median, q3, high = five
        x, slot = frame.slot(i, len(names))
        half = min(slot * 0.3, 40.0)
        p.setPen(QPen(INK, 2))
        p.drawLine(QPointF(x, frame.y(low)), QPointF(x, frame.y(q1)))
        p.drawLine(QPointF(x, frame.y(q3)), QPointF(x, frame.y(high)))
        p.drawLine(QPointF(x - half / 2, frame.y(low)), QPointF(x + half / 2, frame.y(low)))
        p.drawLine(QPointF(x - half / 2, frame.y(high)), QPointF(x + half / 2, frame.y(high)))
        p.setPen(QPen(ACCENT, 1.5))
        p.setBrush(BOX)
        p.drawRect(QRectF(x - half, frame.y(q3), 2 * half, frame.y(q1) - frame.y(q3)))
        p.setPen(QPen(INK, 3))
        p.drawLine(QPointF(x - half, frame.y(median)), QPointF(x + half, frame.y(median)))
    frame.names(names)
    return frame.end()
