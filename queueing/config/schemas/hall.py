"""Schemas of the hall's devices: display.toml (the spoken call, the notices) and printer.toml (the kiosk's printer)."""

from __future__ import annotations

from typing import Annotated, Literal

import msgspec
from msgspec import Meta

from queueing.config.schemas.common import Table, form

SpokenLanguage = Literal["en", "zh_CN", "ko", "es"]


class CallTable(Table, frozen=True):
    chime: bool = True
    speech: bool = True
    languages: Annotated[list[SpokenLanguage], Meta(max_length=4)] = msgspec.field(
        default_factory=lambda: ["zh_CN", "en"]
    )
    highlight_s: Annotated[float, Meta(ge=0, le=600)] = 12.0


class NoticesTable(Table, frozen=True):
    lines: Annotated[list[Annotated[str, Meta(max_length=300)]], Meta(max_length=50)] = msgspec.field(
        default_factory=list
    )


class DisplayFile(Table, frozen=True):
    call: CallTable = msgspec.field(default_factory=CallTable)
    notices: NoticesTable = msgspec.field(default_factory=NoticesTable)


Seconds = Annotated[float, Meta(ge=5, le=600)]


class KioskTimeoutsTable(Table, frozen=True):
    choose_s: Seconds = 30.0
    identify_s: Seconds = 60.0
    ticket_s: Seconds = 15.0


class KioskGuideTable(Table, frozen=True):
    spoken: bool = False


class KioskFile(Table, frozen=True):
    """kiosk.toml: the kiosk's inactivity time per page and whether the spoken guide is on from the start."""

    timeouts: KioskTimeoutsTable = msgspec.field(default_factory=KioskTimeoutsTable)
    guide: KioskGuideTable = msgspec.field(default_factory=KioskGuideTable)


class QtPrinterTable(Table, frozen=True):
    printer: Annotated[str, Meta(max_length=500)] = ""


class EscposTable(Table, frozen=True):
    kind: Literal["none", "network", "usb", "file"] = "none"
    host: Annotated[str, Meta(max_length=255)] = ""
    port: Annotated[int, Meta(ge=1, le=65535)] = 9100
    vendor_id: Annotated[int, Meta(ge=0, le=0xFFFF)] = 0
    product_id: Annotated[int, Meta(ge=0, le=0xFFFF)] = 0
    path: Annotated[str, Meta(max_length=500)] = ""
    timeout_s: Annotated[float, Meta(gt=0, le=120)] = 3.0
    encoding: Annotated[str, form(r"^[A-Za-z0-9_\-]{1,32}$", "a character set name like gb18030")] = "gb18030"


class PrinterFile(Table, frozen=True):
    qt: QtPrinterTable = msgspec.field(default_factory=QtPrinterTable)
    escpos: EscposTable = msgspec.field(default_factory=EscposTable)
