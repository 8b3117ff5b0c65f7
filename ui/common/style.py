"""The station's look: calm bank colours, a clear hierarchy, roomy spacing (one Qt style sheet)."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

INK = "#1f2a37"
MUTED = "#5b6b7d"
ACCENT = "#1d5fa8"
ACCENT_DARK = "#164b86"
SURFACE = "#f4f6f9"
CARD = "#ffffff"
LINE = "#d8dee6"
OK = "#2e7d4f"
WARN = "#b7791f"
ALERT = "#b83a3a"

# Badge colours per priority class: quiet for regular, distinct for the head-start classes.
PRIORITY_COLOURS = {"regular": "#6b7a8c", "vip": "#8a6d1d", "elderly": "#2f6f73", "appointment": "#5a4a9c"}

STYLE_SHEET = f"""
QMainWindow, QDialog {{ background: {SURFACE}; }}
QWidget {{ color: {INK}; }}
QFrame#card {{ background: {CARD}; border: 1px solid {LINE}; border-radius: 8px; }}
QLabel#cardTitle {{ color: {MUTED}; font-size: 11pt; font-weight: 600; letter-spacing: 0.5px; }}
QLabel#ticketNumber {{ color: {ACCENT}; font-size: 64pt; font-weight: 700; }}
QLabel#ticketIdle {{ color: {MUTED}; font-size: 20pt; }}
QLabel#bigNumber {{ color: {ACCENT}; font-size: 96pt; font-weight: 700; }}
QLabel#category {{ font-size: 16pt; font-weight: 600; }}
QLabel#figure {{ font-size: 15pt; font-weight: 600; }}
QLabel#figureCaption {{ color: {MUTED}; font-size: 9pt; }}
QLabel#muted {{ color: {MUTED}; }}
QLabel#error {{ color: {ALERT}; font-weight: 600; }}
QLabel#hint {{ color: {MUTED}; background: #eaf1fa; border: 1px solid #c9dbf0; border-radius: 6px; padding: 8px; }}
QLabel#badge {{ color: white; border-radius: 10px; padding: 2px 10px; font-weight: 600; }}
QLabel#counterState {{ border-radius: 10px; padding: 2px 10px; font-weight: 600; color: white; }}
QLabel#screenTitle {{ font-size: 20pt; font-weight: 700; }}
QPushButton {{
    background: {CARD}; border: 1px solid {LINE}; border-radius: 6px; padding: 8px 12px; min-height: 22px;
}}
QPushButton:hover {{ border-color: {ACCENT}; }}
QPushButton:focus {{ border: 2px solid {ACCENT}; }}
QPushButton:disabled {{ color: #a3adb9; background: #eef1f5; }}
QPushButton[actionButton="true"] {{ min-height: 40px; padding: 6px 10px; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border: 1px solid {ACCENT_DARK}; font-weight: 600; }}
QPushButton#primary:disabled {{ background: #9bb6d6; border-color: #9bb6d6; }}
QTableView {{
    background: {CARD}; border: none; gridline-color: transparent;
    selection-background-color: #dce8f7; selection-color: {INK};
}}
QHeaderView::section {{
    background: {CARD}; color: {MUTED}; border: none; border-bottom: 1px solid {LINE}; padding: 6px; font-weight: 600;
}}
QLineEdit, QComboBox, QSpinBox, QDoubleSpinBox, QDateEdit, QTimeEdit, QListWidget {{
    background: {CARD}; border: 1px solid {LINE}; border-radius: 6px; padding: 5px;
}}
/* The focus border is 1 px thicker: 1 px less padding keeps the field's height, so focus never cuts its text. */
QLineEdit:focus, QComboBox:focus, QSpinBox:focus, QDateEdit:focus, QTimeEdit:focus, QListWidget:focus {{
    border: 2px solid {ACCENT}; padding: 4px;
}}
/* The text field inside a spin box, date or time editor is framed by the editor, not by a frame of its own. */
QLineEdit#qt_spinbox_lineedit, QLineEdit#qt_spinbox_lineedit:focus {{
    border: none; padding: 0; background: transparent;
}}
QStatusBar {{ background: {CARD}; border-top: 1px solid {LINE}; }}
QStatusBar QLabel {{ color: {MUTED}; padding: 0 10px; }}
"""


def apply_style(app: QApplication) -> None:
    app.setStyle("Fusion")
    app.setStyleSheet(STYLE_SHEET)
