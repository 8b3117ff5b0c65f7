"""The application font: the bundled Noto Sans CJK face, so Chinese and Korean render on any machine.

An offscreen kiosk or a fresh PC may have no CJK font at all; registering our own file with
QFontDatabase keeps every customer name readable whatever is installed (see resources/fonts/README.md).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

import resources

FONT_DIR = Path(resources.__file__).resolve().parent / "fonts"
CJK_FONT_FILE = FONT_DIR / "NotoSansCJKsc-Regular.otf"

# Registered families by file: addApplicationFont would register the same file again on every call.
_registered: dict[Path, str] = {}


class FontError(RuntimeError):
    """The bundled font file is missing or Qt cannot read it."""


def register_font(path: Path = CJK_FONT_FILE) -> str:
    """Register a font file with Qt once and return its family name. Needs a QGuiApplication."""
    path = path.resolve()
    if path in _registered:
        return _registered[path]
    if not path.is_file():
        raise FontError(f"font file {path} is missing; it ships with Counterline in resources/fonts/")
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        raise FontError(f"Qt could not load the font file {path}")
    _registered[path] = families[0]
    return families[0]


def ui_font(point_size: float | None = None) -> QFont:
    """The font for every window: the bundled CJK family, which also covers Latin-1 for English and Spanish.

    One family for all four languages keeps layouts the same size when the language changes.
    """
    font = QFont(QGuiApplication.font())
    font.setFamilies([register_font()])
    if point_size is not None:
        font.setPointSizeF(point_size)
    return font


def install_app_font(app: QGuiApplication, point_size: float | None = None) -> QFont:
    """Make the bundled font the application default and return it."""
    font = ui_font(point_size)
    app.setFont(font)
    return font
