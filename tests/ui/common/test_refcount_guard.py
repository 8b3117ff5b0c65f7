import subprocess
import sys
import textwrap


def test_void_qt_calls_no_longer_exhaust_none():
    # In a fresh interpreter: many more void calls than None has references must not abort it.
    code = textwrap.dedent(
        """
        import os, sys
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
        from PySide6.QtWidgets import QApplication, QLabel
        from ui.common.refcount_guard import make_singletons_immortal
        app = QApplication([])
        calls = sys.getrefcount(None) + 50_000
        make_singletons_immortal()
        label = QLabel()
        for _ in range(calls):
            label.setText("x")
        print("alive")
        """
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert "alive" in result.stdout
