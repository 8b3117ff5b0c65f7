"""The page every printed report is set on: A4 landscape, 12 mm margins, written by a QPdfWriter."""

from __future__ import annotations

import errno
from pathlib import Path

from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize, QPdfWriter, QTextDocument

from ui.common.fonts import ui_font

SCREEN_DPI = 96.0  # a QTextDocument's own unit; print_() scales it to the writer
_END_OF_PDF = b"%%EOF"  # the last line of a PDF file that was written to its end
_TAIL = 64


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


def report_document(page: QSizeF | None = None) -> QTextDocument:
    """An empty document set as every report is: the application font at 9 pt, no margin of its own."""
    document = QTextDocument()
    document.setDefaultFont(ui_font(9))
    document.setDocumentMargin(0)
    if page is not None:
        document.setPageSize(page)
    return document


def print_html(path: Path | str, title: str, html: str) -> None:
    """An HTML report printed to a PDF at ``path`` (A4 landscape). Needs a QGuiApplication."""
    writer, page = new_pdf_writer(path, title)
    document = report_document(page)
    document.setHtml(html)
    print_document(document, writer, path)


def print_document(document: QTextDocument, writer: QPdfWriter, path: Path | str) -> None:
    """Print ``document`` on ``writer``; OSError when no whole PDF came out.

    Qt only warns when it cannot open the file, and says nothing when a write fails (a full disk): the file
    then stops short of the trailer every PDF ends with, and a caller would put it in place of a good one.
    """
    document.print_(writer)
    target = Path(path)
    if not target.is_file() or not _ends_whole(target):
        raise OSError(errno.EIO, "the PDF could not be written", str(target))


def _ends_whole(target: Path) -> bool:
    with target.open("rb") as handle:
        size = handle.seek(0, 2)
        handle.seek(max(0, size - _TAIL))
        return _END_OF_PDF in handle.read()
