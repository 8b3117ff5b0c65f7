"""Kiosk and hall display fit their screen: the style sheet's sizes follow the window's size.

A kiosk is 1024x768 in one branch and 1920x1080 or 1080x1920 (portrait) in the next. The windows are
designed at one size; ``ScaledStyle`` multiplies every point and pixel size of the window's style sheet by
how much smaller or larger the window is, and applies it again when the window is resized (the window's
resizeEvent calls ``apply``), so that a 1024x768 kiosk gets smaller type instead of being cut or growing
beyond the screen.
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable

from PySide6.QtCore import QSize
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


class ScaledStyle:
    """Keeps ``window``'s style sheet scaled to the window's size; ``scale`` is the factor in force.

    A plain object, not a QObject child of the window: nothing of it is left for Qt to call while the
    window is torn down. ``on_scaled`` is called with the new factor after each change (sizes set in code).
    """

    def __init__(
        self, window: QWidget, sheet: str, design: QSize, on_scaled: Callable[[float], None] | None = None
    ) -> None:
        # Weak references: a cycle window -> style -> window would leave the window to the garbage collector,
        # which then deletes it at any moment, even while another window paints (a crash seen in the tests).
        self._window = weakref.ref(window)
        self._on_scaled: weakref.WeakMethod | None = None  # not during construction: the owner is not ready
        self.sheet = sheet
        self.design = design
        self.boost = 1.0  # >1 for a large-text mode: the same layout, bigger type
        self.scale = 0.0
        # The window is whatever size its screen gives; its contents adapt instead of forcing it larger.
        layout = window.layout()
        if layout is not None:
            layout.setSizeConstraint(QLayout.SizeConstraint.SetNoConstraint)
        # Without the layout's constraint the window has no size of its own until it is shown: give it the
        # design size (full screen or the role's own size replaces it), never a zero-sized backing store.
        window.resize(design)
        # The window calls apply() from its resizeEvent: nothing of this object is left for Qt to call.
        self.apply(window.size())
        self._on_scaled = weakref.WeakMethod(on_scaled) if on_scaled is not None else None

    def restyle(self, sheet: str, boost: float = 1.0) -> None:
        """Another sheet (a high-contrast one) or type size, applied at once."""
        self.sheet, self.boost, self.scale = sheet, boost, 0.0
        window = self._window()
        if window is not None:
            self.apply(window.size())

    def apply(self, size: QSize) -> None:
        scale = scale_for(size, self.design) * self.boost
        if abs(scale - self.scale) < 0.02:
            return
        self.scale = scale
        window = self._window()
        if window is None:
            return
        window.setStyleSheet(scaled_sheet(self.sheet, scale))
        callback = self._on_scaled() if self._on_scaled is not None else None
        if callback is not None:
            callback(scale)

    def px(self, value: float) -> int:
        """A pixel size set in code (a minimum height, a margin), scaled like the style sheet."""
        return max(1, round(value * (self.scale or 1.0)))
