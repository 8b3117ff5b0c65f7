"""What an empty table or chart means, said in words over it ("No history yet", "No visits in this period").

A blank grid or a plot of zeros reads as "broken" or, worse, as a fact ("0 counters needed"); the note
says instead why there is nothing to show. It sits over the view's viewport, centred, and shows while the
view has no rows (a table) or while its owner says so (a chart, ``EmptyNote.set_shown``).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QAbstractScrollArea, QLabel, QWidget

from ui.common.object_name import named

STYLE = "color: #5b6b7d; font-size: 11pt; background: transparent; padding: 0 12px;"
MARGIN = 24  # px around the note, where the view has room for it


class EmptyNote(QObject):
    """A centred, word-wrapped note over ``view``; for an item view it shows by itself while the view has no rows."""

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self.view = view
        host = view.viewport() if isinstance(view, QAbstractScrollArea) else view
        self.host = host
        self.label = named(QLabel(host), "emptyNote")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setStyleSheet(STYLE)
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, True)
        self.label.hide()
        self._wanted = False
        host.installEventFilter(self)
        if isinstance(view, QAbstractItemView):
            self._watch_model()

    def set_text(self, text: str) -> None:
        """The note's words (set from the owner's retranslate, so they follow the language)."""
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self._update()

    def set_shown(self, shown: bool) -> None:
        """For a chart: whether there is nothing to plot."""
        self._wanted = shown
        self._update()

    @property
    def shown(self) -> bool:
        return not self.label.isHidden()

    def _watch_model(self) -> None:
        model = self.view.model() if isinstance(self.view, QAbstractItemView) else None
        if model is None:
            return
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset, model.layoutChanged):
            signal.connect(self._update)
        self._update()

    def _empty(self) -> bool:
        if isinstance(self.view, QAbstractItemView):
            model = self.view.model()
            return model is None or model.rowCount() == 0
        return self._wanted

    def _update(self, *_: object) -> None:
        try:
            wanted = self._empty() and bool(self.label.text())
        except RuntimeError:  # the view is being torn down: its model still reports rows removed
            return
        self.label.setVisible(wanted and self._place())

    def _place(self) -> bool:
        """Centre the note in the view; False when the view (a splitter pane pushed shut) has no room for it."""
        rect = self.host.rect()
        need = self.label.heightForWidth(max(1, rect.width()))
        margin = max(0, min(MARGIN, (rect.height() - need) // 2))
        rect = rect.adjusted(margin, margin, -margin, -margin)
        if rect.height() < need or rect.width() <= 0:
            return False
        self.label.setGeometry(rect)
        self.label.raise_()
        return True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.host and event.type() == QEvent.Type.Resize:
            self._update()
        return False
