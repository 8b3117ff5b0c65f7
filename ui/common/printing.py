"""Printing a ticket slip on the counter's printer (or into a PDF file, for tests and previews)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter

from ui.common.fonts import ui_font

SLIP_MM = QSizeF(80, 110)  # a receipt-printer slip


@dataclass(frozen=True)
class Slip:
    branch: str
    number: str
    service: str
    issued: str  # date and time, already formatted for the language
    ahead: str  # "3 customers ahead of you", already translated


class PrintError(RuntimeError):
    """The printer could not be opened; the message names it."""


def make_printer(spec: str, slip_mm: QSizeF = SLIP_MM) -> QPrinter:
    """A QPrinter for a printer name, or for a PDF file when ``spec`` ends in .pdf, on a slip of ``slip_mm``."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    if spec.lower().endswith(".pdf"):
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(spec)
    else:
        printer.setPrinterName(spec)
    size = QPageSize(slip_mm, QPageSize.Unit.Millimeter, "Ticket slip")
    printer.setPageLayout(QPageLayout(size, QPageLayout.Orientation.Portrait, QMarginsF(4, 4, 4, 4)))
    return printer


def print_slip(spec: str, slip: Slip) -> None:
    printer = make_printer(spec)
    painter = QPainter()
    if not painter.begin(printer):
        raise PrintError(f"cannot print on {spec}")
    try:
        _draw(painter, printer.pageLayout().paintRectPixels(printer.resolution()).toRectF(), slip)
    finally:
        painter.end()


def _draw(painter: QPainter, page: QRectF, slip: Slip) -> None:
    rows = (
        (slip.branch, 10, False, 0.12),
        (slip.service, 12, True, 0.14),
        (slip.number, 44, True, 0.34),
        (slip.ahead, 10, False, 0.12),
        (slip.issued, 9, False, 0.10),
    )
    top = page.top()
    for text, points, bold, share in rows:
        font: QFont = ui_font(points)
        font.setBold(bold)
        painter.setFont(font)
        height = page.height() * share
        painter.drawText(QRectF(page.left(), top, page.width(), height), Qt.AlignmentFlag.AlignCenter, text)
        top += height
