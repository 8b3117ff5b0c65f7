"""The help overlay (F12 or ?): every action with its keyboard shortcut, read from the actions themselves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ui.common.style import ACCENT
from ui.station.actions import SHORTCUTS, StationActions


class HelpOverlay(QDialog):
    def __init__(self, actions: StationActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpOverlay")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.addWidget(QLabel(self.tr("Keyboard shortcuts"), objectName="screenTitle"))
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(6)
        half = (len(SHORTCUTS) + 1) // 2
        for index, name in enumerate(SHORTCUTS):
            action = actions[name]
            keys = "  ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())
            key = QLabel(keys)
            key.setStyleSheet(f"font-size: 12pt; font-weight: 600; color: {ACCENT};")
            key.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            text = QLabel(action.text().replace("…", ""))
            text.setStyleSheet("font-size: 11pt;")
            column = 0 if index < half else 2
            grid.addWidget(key, index % half, column)
            grid.addWidget(text, index % half, column + 1)
        layout.addLayout(grid)
        tip = self.tr("In dialogs: arrows choose, Tab moves, Enter confirms, Escape cancels.")
        layout.addWidget(QLabel(tip, objectName="muted"))
        close = QPushButton(self.tr("Close"), objectName="primary")
        close.setDefault(True)
        close.clicked.connect(self.accept)
        layout.addWidget(close, 0, Qt.AlignmentFlag.AlignRight)
