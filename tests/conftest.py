import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("PYQTGRAPH_QT_LIB", "PySide6")

from ui.refcount_guard import make_singletons_immortal

# PySide6 6.12 on Python 3.11 drops a reference to None on every void call; a long
# test session would otherwise abort (see ui/refcount_guard.py).
make_singletons_immortal()
