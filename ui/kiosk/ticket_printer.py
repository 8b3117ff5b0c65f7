"""The kiosk's ticket: drawn with Qt printing (a system printer or a PDF) and sent to a thermal ESC/POS printer.

Both outputs are configured in resources/printer.toml. A printer that fails raises PrinterFailed with a
message naming it; the kiosk then shows the number on screen and logs the failure, and the ticket stays
issued: a printer never blocks the queue.
"""

from __future__ import annotations

import codecs
import logging
import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRectF, QSizeF, Qt
from PySide6.QtGui import QFont, QPainter
from PySide6.QtPrintSupport import QPrinter

from queueing.config.files import config_file, load_config, refuse
from queueing.config.schemas.hall import PrinterFile
from ui.common.fonts import ui_font
from ui.common.printing import make_printer

log = logging.getLogger(__name__)

SLIP_MM = QSizeF(80, 120)  # an 80 mm receipt roll


class PrinterFailed(RuntimeError):
    """The ticket could not be printed; the message says which printer and why."""


@dataclass(frozen=True)
class TicketSlip:
    """Every text on the slip, already formatted and translated for the customer's language."""

    branch: str
    number: str
    category: str
    issued: str
    ahead: str
    wait: str
    footer: str


@dataclass(frozen=True)
class PrinterSettings:
    qt_printer: str = ""  # printer name or a .pdf path; empty: none
    escpos_kind: str = "none"
    host: str = ""
    port: int = 9100
    vendor_id: int = 0
    product_id: int = 0
    path: str = ""
    timeout_s: float = 3.0
    encoding: str = "gb18030"


def load_printer_settings(path: Path | None = None) -> PrinterSettings:
    """The kiosk's printer settings: ``path``, else the branch's own printer.toml, else the packaged one. A bad
    file raises ConfigError naming the file, the key and the reason."""
    path = path or config_file("printer.toml")
    doc = load_config(path, PrinterFile)
    escpos = doc.escpos
    try:
        text_encoding = codecs.lookup(escpos.encoding)._is_text_encoding
    except LookupError:
        text_encoding = False
    if not text_encoding:
        raise refuse(str(path), "escpos.encoding", f"unknown character set {escpos.encoding!r}")
    return PrinterSettings(
        qt_printer=doc.qt.printer,
        escpos_kind=escpos.kind,
        host=escpos.host,
        port=escpos.port,
        vendor_id=escpos.vendor_id,
        product_id=escpos.product_id,
        path=escpos.path,
        timeout_s=escpos.timeout_s,
        encoding=escpos.encoding,
    )


# -- Qt printing -----------------------------------------------------------------
def print_qt(spec: str, slip: TicketSlip) -> None:
    """Draw the slip on a system printer or into a PDF. Must run on the GUI thread (fonts, QPainter)."""
    printer = make_printer(spec, SLIP_MM)
    if not printer.isValid():
        raise PrinterFailed(f"printer {spec!r} is not available")
    painter = QPainter()
    if not painter.begin(printer):
        raise PrinterFailed(f"printer {spec!r} could not start a page")
    try:
        _draw(painter, printer.pageRect(QPrinter.Unit.DevicePixel), slip)
    finally:
        painter.end()


def _line(painter: QPainter, rect: QRectF, top: float, text: str, size: float, bold: bool = False) -> float:
    font = QFont(ui_font())
    font.setPointSizeF(size)
    font.setBold(bold)
    painter.setFont(font)
    # A line wider than the slip (a sub-branch's full name) wraps: drawn on one line it lost both ends.
    flags = Qt.AlignmentFlag.AlignHCenter | Qt.TextFlag.TextWordWrap
    room = QRectF(rect.left(), top, rect.width(), rect.bottom() - top)
    lines = painter.boundingRect(room, flags, text).height() / painter.fontMetrics().height()
    height = painter.fontMetrics().height() * max(1, round(lines)) * 1.15
    painter.drawText(QRectF(rect.left(), top, rect.width(), height), flags, text)
    return top + height


def _draw(painter: QPainter, page: QRectF, slip: TicketSlip) -> None:
    top = page.top()
    top = _line(painter, page, top, slip.branch, 10, bold=True)
    top = _line(painter, page, top, slip.issued, 8)
    top = _line(painter, page, top + 20, slip.number, 44, bold=True)
    top = _line(painter, page, top, slip.category, 13, bold=True)
    top = _line(painter, page, top + 20, slip.ahead, 10)
    top = _line(painter, page, top, slip.wait, 10)
    _line(painter, page, top + 30, slip.footer, 7)


# -- ESC/POS -----------------------------------------------------------------------
def open_escpos(settings: PrinterSettings) -> Any:
    """The python-escpos printer for the configured device, or None when none is configured."""
    from escpos import printer as escpos_printer

    if settings.escpos_kind == "network":
        return escpos_printer.Network(settings.host, port=settings.port, timeout=settings.timeout_s)
    if settings.escpos_kind == "usb":
        # python-escpos waits for ever by default: a printer out of paper stops taking data and never answers.
        return escpos_printer.Usb(settings.vendor_id, settings.product_id, timeout=round(settings.timeout_s * 1000))
    if settings.escpos_kind == "file":
        return escpos_printer.File(settings.path)
    return None


def write_escpos(device: Any, slip: TicketSlip, encoding: str = "gb18030") -> None:
    """The slip as ESC/POS commands: centred, the number at four times the normal size, then a cut.

    Text goes out as bytes in the printer's own encoding (GB18030 on the Chinese thermal printers
    branches use): python-escpos's automatic code-page switching reorders mixed-script lines.
    """

    def line(text: str) -> None:
        # Control characters would reach the printer as commands (a name holding ESC or GS cuts or resets it).
        text = "".join(c for c in text if unicodedata.category(c) != "Cc")
        device._raw(text.encode(encoding, errors="replace") + b"\n")

    device.set(align="center", bold=True)
    line(slip.branch)
    device.set(align="center", bold=False)
    line(slip.issued)
    device.ln()
    device.set(align="center", bold=True, custom_size=True, width=4, height=4)
    line(slip.number)
    device.set(align="center", bold=True, normal_textsize=True)
    line(slip.category)
    device.set(align="center", bold=False, normal_textsize=True)
    device.ln()
    line(slip.ahead)
    line(slip.wait)
    device.ln()
    line(slip.footer)
    device.cut()


def print_escpos(settings: PrinterSettings, slip: TicketSlip, device: Any | None = None) -> None:
    """Send the slip to the thermal printer; may block for the network timeout, so run it off the GUI thread."""
    try:
        device = device or open_escpos(settings)
        if device is None:
            return
        write_escpos(device, slip, settings.encoding)
        device.close()
    except Exception as exc:  # python-escpos raises many kinds (USB, socket, device errors)
        raise PrinterFailed(f"ESC/POS printer ({settings.escpos_kind}): {exc}") from exc
