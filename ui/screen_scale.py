"""Kiosk and hall display fit their screen: the style sheet's sizes follow the window's size.

A kiosk is 1024x768 in one branch and 1920x1080 or 1080x1920 (portrait) in the next. The windows are
designed at one size; ``ScaledStyle`` multiplies every point and pixel size of the window's style sheet by
how much smaller or larger the window is, and applies it again when the window is resized, so that a
1024x768 kiosk gets smaller type instead of being cut or growing beyond the screen.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QEvent, QObject, QSize, Signal
from PySide6.QtWidgets import QLayout, QWidget

_SIZE = re.compile(r"(?<![\w#.-])(\d+(?:\.\d+)?)(pt|px)\b")
MIN_SCALE, MAX_SCALE = 0.55, 1.6


def scale_for(size: QSize, design: QSize) -> float:
    """How much the window is smaller or larger than its design, by its tighter side."""
    scale = min(size.width() / design.width(), size.height() / design.height())
    return max(MIN_SCALE, min(MAX_SCALE, scale))


def scaled_sheet(sheet: str, scale: float) -> str:
    """Every "24pt" and "18px" of ``sheet`` times ``scale``; hairlines (1-2 px) stay as they are."""

    def one(match: re.Match) -> str:
        value, unit = float(match.group(1)), match.group(2)
        if unit == "px" and value <= 2:
            return match.group(0)
        scaled = value * scale
        return f"{scaled:.1f}{unit}" if unit == "pt" else f"{max(1, round(scaled))}{unit}"

    return _SIZE.sub(one, sheet)


class ScaledStyle(QObject):
    """Keeps ``window``'s style sheet scaled to the window's size; ``scale`` is the factor in force."""

    sig_scaled = Signal(float)
    """Emitted after the style sheet was scaled again; carries the new factor (sizes set in code follow it)."""

    def __init__(self, window: QWidget, sheet: str, design: QSize) -> None:
        super().__init__(window)
        self.window = window
        self.sheet = sheet
        self.design = design
        self.boost = 1.0  # >1 for a large-text mode: the same layout, bigger type
        self.scale = 0.0
        # The window is whatever size its screen gives; its contents adapt instead of forcing it larger.
        layout = window.layout()
        if layout is not None:
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        window.installEventFilter(self)
        self.apply(window.size())

    def restyle(self, sheet: str, boost: float = 1.0) -> None:
        """Another sheet (a high-contrast one) or type size, applied at once."""
        self.sheet, self.boost, self.scale = sheet, boost, 0.0
        self.apply(self.window.size())

    def apply(self, size: QSize) -> None:
        scale = scale_for(size, self.design) * self.boost
        if abs(scale - self.scale) < 0.02:
            return
        self.scale = scale
        self.window.setStyleSheet(scaled_sheet(self.sheet, scale))
        self.sig_scaled.emit(scale)

    def px(self, value: float) -> int:
        """A pixel size set in code (a minimum height, a margin), scaled like the style sheet."""
        return max(1, round(value * (self.scale or 1.0)))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.window and event.type() == QEvent.Type.Resize:
            self.apply(event.size())
        return False
