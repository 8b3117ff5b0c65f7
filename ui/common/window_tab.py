"""Panels another window shows as its tabs (the supervisor's reports, audit log, appointments, desk tabs).

The window owns the language: when it changes, the window sets ``language`` on each tab (the code dates and
names are written in) and calls ``retranslate()``. A desk tab also names its own tab. Declaring that here
lets the window hold its tabs by what it calls on them, whichever feature folder a tab comes from.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget


class WindowTab(QWidget):
    language: str

    def retranslate(self) -> None:
        raise NotImplementedError


class DeskTab(WindowTab):
    def tab_title(self) -> str:
        raise NotImplementedError
