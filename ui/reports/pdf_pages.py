"""The page every printed report is set on: A4 landscape, 12 mm margins, written by a QPdfWriter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter

SCREEN_DPI = 96.0  # a QTextDocument's own unit; print_() scales it to the writer


def new_pdf_writer(path: Path | str, title: str) -> tuple[QPdfWriter, QSizeF]:
    """A writer on ``path`` and its printable area in document pixels (the size to give the document's pages)."""
    writer = QPdfWriter(str(path))
    writer.setTitle(title)
    writer.setCreator("Counterline")
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    writer.setPageMargins(QMarginsF(12, 12, 12, 12), QPageLayout.Unit.Millimeter)
    area = writer.pageLayout().paintRect(QPageLayout.Unit.Point)
    return writer, QSizeF(area.width() * SCREEN_DPI / 72.0, area.height() * SCREEN_DPI / 72.0)
